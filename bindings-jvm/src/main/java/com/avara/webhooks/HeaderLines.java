package com.avara.webhooks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Flattens a framework's header map into the header lines the core reads. */
final class HeaderLines {
    private HeaderLines() {}

    /**
     * Each map value is one line, or one line per element for a collection (so a
     * collection of two values is a duplicate header). A {@code null} name is skipped:
     * {@code HttpURLConnection} uses it for the status line.
     *
     * <p>Text becomes bytes as ISO-8859-1, the charset servlet containers decode header
     * bytes with, so the bytes the sender signed come back unchanged. Anything outside it
     * becomes {@code ?}, which no valid header contains.
     *
     * <p>The lines come out as uniffi serializes an optional list of {@code HeaderLine}
     * records ({@link DirectCalls} hands them over as they are): a presence byte, then a
     * big-endian count and each name and value as a big-endian length and its bytes. A
     * {@code null} map is absent, which the core reads as no headers.
     */
    static byte[] encode(Map<String, ?> headers) {
        if (headers == null) {
            return new byte[] {0};
        }
        List<byte[]> fields = new ArrayList<>();
        headers.forEach((name, value) -> {
            if (name == null) {
                return;
            }
            if (value instanceof Collection<?> values) {
                for (Object element : values) {
                    line(fields, name, element);
                }
            } else {
                line(fields, name, value);
            }
        });
        int size = 1 + Integer.BYTES;
        for (byte[] field : fields) {
            size += Integer.BYTES + field.length;
        }
        ByteBuffer encoded = ByteBuffer.allocate(size).put((byte) 1).putInt(fields.size() / 2);
        for (byte[] field : fields) {
            encoded.putInt(field.length).put(field);
        }
        return encoded.array();
    }

    private static void line(List<byte[]> fields, String name, Object value) {
        if (value != null && !(value instanceof CharSequence)) {
            throw new IllegalArgumentException("header " + name + " has a value of type "
                    + value.getClass().getName() + "; expected a String or a Collection of Strings");
        }
        fields.add(bytes(name));
        fields.add(bytes(value == null ? "" : value.toString()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
