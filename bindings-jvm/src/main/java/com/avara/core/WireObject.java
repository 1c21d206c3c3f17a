package com.avara.core;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Base of the generated result classes: the core's canonical result in wire form, read
 * through typed accessors. Unknown enum values come back as the enum's
 * {@code _UNKNOWN} constant; {@link #_raw()} still holds the server's text.
 */
public abstract class WireObject {
    private final Map<String, Object> wire;

    protected WireObject(Map<String, Object> wire) {
        this.wire = wire;
    }

    protected final <T> T required(String name, Function<Object, T> read) {
        Object value = wire.get(name);
        if (value == null) {
            throw new IllegalStateException("`" + name + "` is missing from the result");
        }
        return read.apply(value);
    }

    protected final <T> Optional<T> optional(String name, Function<Object, T> read) {
        Object value = wire.get(name);
        return value == null ? Optional.empty() : Optional.of(read.apply(value));
    }

    /** The result in wire form, as the core returned it (unmodifiable). */
    public final Map<String, Object> _raw() {
        return wire;
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && ((WireObject) other).wire.equals(wire);
    }

    @Override
    public int hashCode() {
        return wire.hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + wire;
    }
}
