package com.avara.webhooks;

import java.nio.ByteBuffer;

/**
 * Text for the native library as its UTF-16 code units, big-endian. uniffi's string
 * encoder throws an undeclared checked exception for an unpaired surrogate; sent this way,
 * such text reaches the core, whose error names the argument (a secret is
 * {@code invalid_secret}, a timestamp an {@link IllegalArgumentException}).
 */
final class Utf16 {
    private Utf16() {}

    /** The code units of {@code text}, or {@code null} for {@code null}. */
    static byte[] units(String text) {
        if (text == null) {
            return null;
        }
        ByteBuffer units = ByteBuffer.allocate(text.length() * Character.BYTES);
        units.asCharBuffer().put(text);
        return units.array();
    }
}
