package com.avara.core;

import com.avara.webhooks.model.WireField;
import com.avara.webhooks.model.WireValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The API client's values in Java: the wire form is plain {@code Map<String, Object>}
 * (insertion-ordered), {@code List<Object>}, {@code String}, {@code Long}, {@code Double},
 * {@code Boolean} and {@code null}. This class converts it to and from the native tree
 * and reads it back as typed values for the generated response classes.
 */
public final class Wire {
    private Wire() {}

    static WireValue toNative(Object value) {
        if (value == null) {
            return WireValue.NullValue.INSTANCE;
        }
        if (value instanceof String text) {
            return new WireValue.TextValue(text);
        }
        if (value instanceof Boolean flag) {
            return new WireValue.BoolValue(flag);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return new WireValue.IntValue(((Number) value).longValue());
        }
        if (value instanceof BigInteger big && big.bitLength() < 64) {
            return new WireValue.IntValue(big.longValue());
        }
        if (value instanceof BigDecimal decimal && decimal.stripTrailingZeros().scale() <= 0
                && decimal.toBigInteger().bitLength() < 64) {
            return new WireValue.IntValue(decimal.longValue());
        }
        if (value instanceof Number number) {
            return new WireValue.FloatValue(number.doubleValue());
        }
        if (value instanceof WireEnum wire) {
            return new WireValue.TextValue(wire.value());
        }
        if (value instanceof Map<?, ?> map) {
            List<WireField> fields = new ArrayList<>(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String name)) {
                    throw new IllegalArgumentException("object keys must be strings, got " + entry.getKey());
                }
                fields.add(new WireField(name, toNative(entry.getValue())));
            }
            return new WireValue.ObjectValue(fields);
        }
        if (value instanceof Iterable<?> iterable) {
            List<WireValue> items = new ArrayList<>();
            for (Object item : iterable) {
                items.add(toNative(item));
            }
            return new WireValue.ListValue(items);
        }
        throw new IllegalArgumentException("a " + value.getClass().getName()
                + " is not a wire value; use maps, lists, strings, numbers, booleans or null");
    }

    static Object fromNative(WireValue value) {
        if (value instanceof WireValue.TextValue text) {
            return text.getValue();
        }
        if (value instanceof WireValue.IntValue integer) {
            return integer.getValue();
        }
        if (value instanceof WireValue.BoolValue flag) {
            return flag.getValue();
        }
        if (value instanceof WireValue.FloatValue number) {
            return number.getValue();
        }
        if (value instanceof WireValue.ObjectValue object) {
            Map<String, Object> map = new LinkedHashMap<>(Math.max(4, object.getFields().size() * 2));
            for (WireField field : object.getFields()) {
                map.put(field.getName(), fromNative(field.getValue()));
            }
            return Collections.unmodifiableMap(map);
        }
        if (value instanceof WireValue.ListValue list) {
            List<Object> items = new ArrayList<>(list.getItems().size());
            for (WireValue item : list.getItems()) {
                items.add(fromNative(item));
            }
            return Collections.unmodifiableList(items);
        }
        return null;
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
