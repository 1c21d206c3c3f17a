package com.avara.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What every generated builder shares: the wire form being built and its checks. */
public abstract class WireBuilder {
    private final Map<String, Object> wire = new LinkedHashMap<>();

    protected WireBuilder() {}

    protected WireBuilder(Map<String, Object> from) {
        wire.putAll(from);
    }

    /** Sets a field; {@code null} leaves it out (the server keeps its value). */
    protected final void set(String name, Object value) {
        if (value == null) {
            wire.remove(name);
        } else {
            wire.put(name, value);
        }
    }

    /** Sets a clearable field; {@code null} is sent as JSON null and clears it. */
    protected final void setOrClear(String name, Object value) {
        wire.put(name, value);
    }

    /** The built wire form, after checking that every required field was set. */
    protected final Map<String, Object> built(String... required) {
        for (String name : required) {
            if (wire.get(name) == null) {
                throw new IllegalStateException("`" + name + "` is required, but was not set");
            }
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(wire));
    }
}
