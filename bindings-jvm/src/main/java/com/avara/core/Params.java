package com.avara.core;

import java.util.Map;

/** Parameters of one operation, built by a generated builder. */
public interface Params {
    /**
     * The parameters in wire form (camelCase keys, path parameters included): a key set
     * to {@code null} is sent as JSON null, which clears a clearable field.
     */
    Map<String, Object> toWire();
}
