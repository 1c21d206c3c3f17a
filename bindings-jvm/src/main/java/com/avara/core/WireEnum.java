package com.avara.core;

/** A generated enum whose constants stand for wire strings. */
public interface WireEnum {
    /** The string sent and received on the wire, e.g. {@code normal}. */
    String value();
}
