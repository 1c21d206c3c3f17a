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

    /** The variants of {@code HeaderLineValue}, numbered as uniffi serializes them. */
    private static final int TEXT = 1;
    private static final int BYTES = 2;

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
     * <p>Text and bytes cross as they are (text as its UTF-16 code units, see
     * {@link Utf16}): the core decides what bytes text stands for (ARCHITECTURE.md,
     * "Header text").
     *
     * <p>The lines come out as uniffi serializes an optional list of {@code HeaderLine}
     * records ({@link DirectCalls} hands them over as they are): a presence byte, then a
     * big-endian count, and for each line its name as a big-endian length and its UTF-8
     * bytes, then its {@code HeaderLineValue}: the variant as a big-endian int from 1
     * ({@link #TEXT}, {@link #BYTES}), then a big-endian length and the units or bytes.
     */
    static byte[] encode(Map<String, ?> headers) {
        if (headers == null) {
            throw rejected("got null");
        }
        List<Line> lines = new ArrayList<>();
        headers.forEach((name, value) -> {
            if (name == null || value == null || !readByTheCore(name)) {
                return;
            }
            if (value instanceof Collection<?> values) {
                for (Object element : values) {
                    lines.add(line(name, element));
                }
            } else {
                lines.add(line(name, value));
            }
        });
        int size = 1 + Integer.BYTES;
        for (Line line : lines) {
            size += 3 * Integer.BYTES + line.name().length + line.value().length;
        }
        ByteBuffer encoded = ByteBuffer.allocate(size).put((byte) 1).putInt(lines.size());
        for (Line line : lines) {
            encoded.putInt(line.name().length).put(line.name())
                    .putInt(line.variant()).putInt(line.value().length).put(line.value());
        }
        return encoded.array();
    }

    /** One header line: its name's UTF-8 bytes, and its value as {@code variant} says. */
    private record Line(byte[] name, int variant, byte[] value) {}

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

    private static Line line(String name, Object value) {
        byte[] encodedName = name.getBytes(StandardCharsets.UTF_8);
        if (value instanceof CharSequence text) {
            return new Line(encodedName, TEXT, Utf16.units(text.toString()));
        }
        if (value instanceof byte[] raw) {
            return new Line(encodedName, BYTES, raw);
        }
        throw rejected("got " + (value == null ? "null" : "a " + value.getClass().getName())
                + " as a value of " + name);
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
