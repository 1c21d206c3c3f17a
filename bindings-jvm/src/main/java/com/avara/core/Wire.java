package com.avara.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The API client's values in Java: the wire form is plain {@code Map<String, Object>}
 * (insertion-ordered), {@code List<Object>}, {@code String}, {@code Long}, {@code Double},
 * {@code Boolean} and {@code null}. This class writes it to and reads it from the binary
 * form the native library takes and returns (defined in bindings-jvm/src/wire.rs), and
 * reads it back as typed values for the generated response classes.
 */
public final class Wire {
    private static final byte NULL = 0;
    private static final byte FALSE = 1;
    private static final byte TRUE = 2;
    private static final byte INT = 3;
    private static final byte FLOAT = 4;
    private static final byte TEXT = 5;
    private static final byte LIST = 6;
    private static final byte OBJECT = 7;

    private Wire() {}

    /**
     * {@code value} in the binary form. Strings are written as UTF-8 without checks: a
     * lone surrogate makes bytes that are not UTF-8, and the core refuses them, as it
     * refuses NaN and infinities.
     *
     * @throws IllegalArgumentException for a value that is not a wire value
     */
    static byte[] encode(Object value) {
        Writer writer = new Writer();
        writer.value(value);
        return Arrays.copyOf(writer.bytes, writer.length);
    }

    /** The value in the binary form that starts at {@code offset} of {@code bytes}. */
    static Object decode(byte[] bytes, int offset) {
        return new Reader(bytes, offset).value();
    }

    private static final class Writer {
        private byte[] bytes = new byte[256];
        private int length;

        void value(Object value) {
            if (value == null) {
                put(NULL);
            } else if (value instanceof String text) {
                put(TEXT);
                text(text);
            } else if (value instanceof Boolean flag) {
                put(flag ? TRUE : FALSE);
            } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                    || value instanceof Byte) {
                integer(((Number) value).longValue());
            } else if (value instanceof BigInteger big && big.bitLength() < 64) {
                integer(big.longValue());
            } else if (value instanceof BigDecimal decimal && decimal.stripTrailingZeros().scale() <= 0
                    && decimal.toBigInteger().bitLength() < 64) {
                integer(decimal.longValue());
            } else if (value instanceof Number number) {
                put(FLOAT);
                eight(Double.doubleToRawLongBits(number.doubleValue()));
            } else if (value instanceof WireEnum wire) {
                put(TEXT);
                text(wire.value());
            } else if (value instanceof Map<?, ?> map) {
                put(OBJECT);
                count(map.size());
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!(entry.getKey() instanceof String name)) {
                        throw new IllegalArgumentException("object keys must be strings, got " + entry.getKey());
                    }
                    count(0);
                    text(name);
                    value(entry.getValue());
                }
            } else if (value instanceof Collection<?> items) {
                put(LIST);
                count(items.size());
                for (Object item : items) {
                    value(item);
                }
            } else if (value instanceof Iterable<?> iterable) {
                List<Object> items = new ArrayList<>();
                iterable.forEach(items::add);
                value(items);
            } else {
                throw new IllegalArgumentException("a " + value.getClass().getName()
                        + " is not a wire value; use maps, lists, strings, numbers, booleans or null");
            }
        }

        private void integer(long value) {
            put(INT);
            eight(value);
        }

        private void eight(long value) {
            room(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                bytes[length++] = (byte) (value >>> shift);
            }
        }

        private void count(int count) {
            room(5);
            int rest = count;
            while ((rest & ~0x7f) != 0) {
                bytes[length++] = (byte) ((rest & 0x7f) | 0x80);
                rest >>>= 7;
            }
            bytes[length++] = (byte) rest;
        }

        /** UTF-8, except that a lone surrogate is written as its own three bytes. */
        private void text(String text) {
            int chars = text.length();
            int size = 0;
            for (int i = 0; i < chars; i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    size += 1;
                } else if (c < 0x800) {
                    size += 2;
                } else if (Character.isHighSurrogate(c) && i + 1 < chars
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    size += 4;
                    i++;
                } else {
                    size += 3;
                }
            }
            count(size);
            room(size);
            for (int i = 0; i < chars; i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    bytes[length++] = (byte) c;
                } else if (c < 0x800) {
                    bytes[length++] = (byte) (0xc0 | (c >> 6));
                    bytes[length++] = (byte) (0x80 | (c & 0x3f));
                } else if (Character.isHighSurrogate(c) && i + 1 < chars
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int point = Character.toCodePoint(c, text.charAt(++i));
                    bytes[length++] = (byte) (0xf0 | (point >> 18));
                    bytes[length++] = (byte) (0x80 | ((point >> 12) & 0x3f));
                    bytes[length++] = (byte) (0x80 | ((point >> 6) & 0x3f));
                    bytes[length++] = (byte) (0x80 | (point & 0x3f));
                } else {
                    bytes[length++] = (byte) (0xe0 | (c >> 12));
                    bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                    bytes[length++] = (byte) (0x80 | (c & 0x3f));
                }
            }
        }

        private void put(byte tag) {
            room(1);
            bytes[length++] = tag;
        }

        private void room(int more) {
            if (bytes.length - length < more) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }

    /** Reads what the core wrote, which is always well formed. */
    private static final class Reader {
        private final byte[] bytes;
        private int position;
        private final List<String> keys = new ArrayList<>();

        Reader(byte[] bytes, int offset) {
            this.bytes = bytes;
            this.position = offset;
        }

        Object value() {
            byte tag = bytes[position++];
            switch (tag) {
                case NULL:
                    return null;
                case FALSE:
                    return Boolean.FALSE;
                case TRUE:
                    return Boolean.TRUE;
                case INT:
                    return eight();
                case FLOAT:
                    return Double.longBitsToDouble(eight());
                case TEXT:
                    return text();
                case LIST: {
                    int count = count();
                    Object[] items = new Object[count];
                    for (int i = 0; i < count; i++) {
                        items[i] = value();
                    }
                    return Collections.unmodifiableList(Arrays.asList(items));
                }
                case OBJECT: {
                    int count = count();
                    Map<String, Object> map = new LinkedHashMap<>(Math.max(4, count * 4 / 3 + 1));
                    for (int i = 0; i < count; i++) {
                        int key = count();
                        String name;
                        if (key == 0) {
                            name = text();
                            keys.add(name);
                        } else {
                            name = keys.get(key - 1);
                        }
                        map.put(name, value());
                    }
                    return Collections.unmodifiableMap(map);
                }
                default:
                    throw new IllegalStateException("the native library sent an unknown wire tag " + tag);
            }
        }

        private long eight() {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (bytes[position++] & 0xff);
            }
            return value;
        }

        private int count() {
            int count = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = bytes[position++];
                count |= (b & 0x7f) << shift;
                if (b >= 0) {
                    return count;
                }
            }
        }

        private String text() {
            int size = count();
            String text = new String(bytes, position, size, StandardCharsets.UTF_8);
            position += size;
            return text;
        }
    }

    // Readers of the wire form, for the generated response classes. The core has already
    // checked every result against the contract, so a cast failing here is a bug.

    public static String text(Object value) {
        return (String) value;
    }

    public static boolean bool(Object value) {
        return (Boolean) value;
    }

    public static long integer(Object value) {
        return ((Number) value).longValue();
    }

    public static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, String> textMap(Object value) {
        return (Map<String, String>) value;
    }

    public static Object any(Object value) {
        return value;
    }

    /** A list whose items {@code item} reads; {@code null} items stay {@code null}. */
    public static <T> List<T> list(Object value, Function<Object, T> item) {
        List<?> items = (List<?>) value;
        List<T> read = new ArrayList<>(items.size());
        for (Object each : items) {
            read.add(each == null ? null : item.apply(each));
        }
        return Collections.unmodifiableList(read);
    }

    // Writers, for the generated builders: copies, so a caller's later change to its own
    // collection cannot alter built parameters.

    public static List<Object> listOf(List<?> values, Function<Object, Object> item) {
        List<Object> copy = new ArrayList<>(values.size());
        for (Object each : values) {
            copy.add(each == null ? null : item.apply(each));
        }
        return Collections.unmodifiableList(copy);
    }

    public static Map<String, Object> mapOf(Map<String, ?> values) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
