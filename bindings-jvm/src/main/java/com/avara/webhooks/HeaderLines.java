package com.avara.webhooks;

import com.avara.webhooks.model.Avara_jvmKt;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Flattens a framework's header map into the header lines the core reads. */
final class HeaderLines {
    private HeaderLines() {}

    /** The names the core reads; lines with other names are not handed over. */
    private static final List<String> READ_BY_THE_CORE = Avara_jvmKt.headerNames();

    /**
     * Each map value is one line, or one line per element for a collection (so a
     * collection of two values is a duplicate header); a {@code null} value means the
     * header is absent. A {@code null} name is skipped: {@code HttpURLConnection} uses it
     * for the status line.
     *
     * <p>A value is text or bytes. A {@code null} map, or a value of another type for a
     * header the core reads ({@code null} inside a collection included), is the core's
     * {@code payload_not_raw} (ARCHITECTURE.md, "Wrong-typed or unusable input"); the
     * values of other headers are not looked at.
     *
     * <p>Text becomes bytes as ISO-8859-1, the charset servlet containers decode header
     * bytes with, so the bytes the sender signed come back unchanged. Anything outside it
     * becomes {@code ?}, which no valid header contains.
     *
     * <p>The lines come out as uniffi serializes an optional list of {@code HeaderLine}
     * records ({@link DirectCalls} hands them over as they are): a presence byte, then a
     * big-endian count and each name and value as a big-endian length and its bytes.
     */
    static byte[] encode(Map<String, ?> headers) {
        if (headers == null) {
            throw rejected("got null");
        }
        List<byte[]> fields = new ArrayList<>();
        headers.forEach((name, value) -> {
            if (name == null || value == null || !readByTheCore(name)) {
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

    /**
     * ASCII case is ignored, as the core ignores it. {@code equalsIgnoreCase} also folds a
     * few other letters (the Kelvin sign), which only hands over a line the core drops.
     */
    private static boolean readByTheCore(String name) {
        for (String read : READ_BY_THE_CORE) {
            if (read.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static void line(List<byte[]> fields, String name, Object value) {
        byte[] bytes;
        if (value instanceof CharSequence text) {
            bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        } else if (value instanceof byte[] raw) {
            bytes = raw;
        } else {
            throw rejected("got " + (value == null ? "null" : "a " + value.getClass().getName())
                    + " as a value of " + name);
        }
        fields.add(name.getBytes(StandardCharsets.ISO_8859_1));
        fields.add(bytes);
    }

    /** The core's error for headers that are not the request's header lines. */
    private static WebhookVerificationException rejected(String problem) {
        try {
            NativeCalls.call(() -> {
                Avara_jvmKt.rejectHeaders(problem);
                return null;
            });
        } catch (WebhookVerificationException e) {
            return e;
        }
        throw new IllegalStateException("the native library accepted headers it rejects: " + problem);
    }
}
