package com.avara.webhooks;

import com.avara.webhooks.model.HeaderLine;
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
     */
    static List<HeaderLine> of(Map<String, ?> headers) {
        if (headers == null) {
            return null;
        }
        List<HeaderLine> lines = new ArrayList<>();
        headers.forEach((name, value) -> {
            if (name == null) {
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
        return lines;
    }

    private static HeaderLine line(String name, Object value) {
        if (value != null && !(value instanceof CharSequence)) {
            throw new IllegalArgumentException("header " + name + " has a value of type "
                    + value.getClass().getName() + "; expected a String or a Collection of Strings");
        }
        String text = value == null ? "" : value.toString();
        return new HeaderLine(bytes(name), bytes(text));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
