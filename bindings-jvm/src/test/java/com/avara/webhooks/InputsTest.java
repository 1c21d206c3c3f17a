package com.avara.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.avara.webhooks.model.StudyAccessRequestedResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs tests/vectors/bindings/inputs.json: wrong-typed and unusable arguments and the
 * error each gives (format: tests/README.md; policy: ARCHITECTURE.md). A value the
 * declared parameter type refuses cannot be written in Java: {@link #as} proves the
 * refusal against that type, and such cases are counted apart instead of called.
 */
class InputsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Object ABSENT = new Object();
    private static final AtomicInteger RAN = new AtomicInteger();
    private static final AtomicInteger REFUSED_BY_TYPES = new AtomicInteger();

    /** The declared type of a parameter does not admit the case's value. */
    private static final class RefusedByTypes extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RefusedByTypes(String parameter, Object value) {
            super(parameter + " cannot take " + (value == ABSENT ? "nothing" : value.getClass().getName()));
        }
    }

    @TestFactory
    Stream<DynamicNode> inputs() throws IOException {
        Path dir = Path.of(System.getProperty("avara.vectors.dir", "../tests/vectors"));
        JsonNode root = JSON.readTree(dir.resolve("bindings").resolve("inputs.json").toFile());
        assertEquals("binding_inputs_v1", root.path("schema").asText());
        List<DynamicNode> cases = new ArrayList<>();
        for (JsonNode group : root.path("testGroups")) {
            String type = group.path("type").asText();
            for (JsonNode test : group.path("tests")) {
                String name = "tcId " + test.path("tcId").asInt() + " (" + type + "): " + test.path("comment").asText();
                cases.add(DynamicTest.dynamicTest(name, () -> judge(type, group, test)));
            }
        }
        assertEquals(root.path("numberOfTests").asInt(), cases.size(), "numberOfTests");
        return cases.stream();
    }

    @AfterAll
    static void count() {
        System.out.println("jvm vectors: bindings/inputs.json " + RAN.get() + " cases ("
                + REFUSED_BY_TYPES.get() + " refused by Java's types)");
    }

    /** A neutral value description as the Java value it stands for. */
    private static Object value(JsonNode spec) {
        return switch (spec.path("kind").asText()) {
            case "text" -> spec.path("text").asText();
            case "bytes" -> HexFormat.of().parseHex(spec.path("hex").asText());
            case "number" -> spec.path("number").numberValue();
            case "boolean" -> spec.path("boolean").booleanValue();
            case "null" -> null;
            case "absent" -> ABSENT;
            case "object" -> JSON.convertValue(spec.path("object"), Map.class);
            case "list" -> {
                List<Object> items = new ArrayList<>();
                spec.path("items").forEach(item -> items.add(value(item)));
                yield items;
            }
            case "milliseconds" -> Duration.ofMillis(spec.path("ms").asLong());
            default -> throw new AssertionError("no Java value for kind " + spec.path("kind").asText());
        };
    }

    /** {@code value} as an argument of a parameter declared {@code type}. */
    private static <T> T as(String parameter, Class<T> type, Object value) {
        if (value == ABSENT || (value != null && !type.isInstance(value))) {
            throw new RefusedByTypes(parameter, value);
        }
        return type.cast(value);
    }

    /** {@code value} as an argument of a parameter declared {@code List<String>}. */
    @SuppressWarnings("unchecked")
    private static List<String> strings(String parameter, Object value) {
        List<Object> list = as(parameter, List.class, value);
        if (list != null) {
            list.forEach(item -> as(parameter + " item", String.class, item));
        }
        return (List<String>) (List<?>) list;
    }

    /** A {@code long} parameter takes a whole number, never {@code null}. */
    private static long whole(String parameter, Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        throw new RefusedByTypes(parameter, value == null ? "null" : value);
    }

    /** The case's call with its Java arguments, ready to run; throws RefusedByTypes instead. */
    private static Call prepare(String type, JsonNode group, JsonNode test) {
        return switch (type) {
            case "webhook" -> construct(test);
            case "verify" -> deliver(group, test);
            case "unsafe_unwrap" -> {
                byte[] body = as("body", byte[].class, value(test.path("body")));
                yield () -> Webhook.unsafeUnwrap(body);
            }
            case "sign" -> sign(group, test);
            case "sign_standard" -> signStandard(group, test);
            case "response" -> respond(test);
            default -> throw new AssertionError("no runner for group type " + type);
        };
    }

    private static Call construct(JsonNode test) {
        Webhook.Builder builder = Webhook.builder();
        if (test.has("secrets")) {
            builder.secrets(strings("secrets", value(test.path("secrets"))));
        } else {
            Object secret = value(test.path("secret"));
            if (secret != ABSENT) {
                builder.secret(as("secret", String.class, secret));
            }
        }
        test.path("options").fields().forEachRemaining(option -> {
            Object setting = value(option.getValue());
            switch (option.getKey()) {
                case "tolerance" -> builder.tolerance(as("tolerance", Duration.class, setting));
                case "maxPayloadBytes" -> builder.maxPayloadBytes(whole("maxPayloadBytes", setting));
                default -> throw new AssertionError("no Java option " + option.getKey());
            }
        });
        return () -> {
            try (Webhook webhook = builder.build()) {
                return webhook.toString();
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static Call deliver(JsonNode group, JsonNode test) {
        Map<String, Object> headers = new LinkedHashMap<>();
        group.path("headers").forEach(line -> headers.put(line.get(0).asText(), line.get(1).asText()));
        Map<String, ?> given = headers;
        if (test.has("headers")) {
            given = as("headers", Map.class, value(test.path("headers")));
        }
        if (test.has("header")) {
            String name = test.path("header").path("name").asText();
            Object line = value(test.path("header").path("value"));
            if (line == ABSENT) {
                headers.remove(name);
            } else {
                headers.put(name, line);
            }
        }
        byte[] body = test.has("body")
                ? as("body", byte[].class, value(test.path("body")))
                : group.path("payload").asText().getBytes(StandardCharsets.UTF_8);
        Clock clock = Clock.fixed(Instant.ofEpochMilli(group.path("nowMs").asLong()), ZoneOffset.UTC);
        boolean unwrap = test.path("call").asText().equals("unwrap");
        Map<String, ?> lines = given;
        return () -> {
            try (Webhook webhook = Webhook.builder().secret(group.path("secret").asText()).clock(clock).build()) {
                return unwrap ? webhook.unwrap(body, lines) : webhook.verify(body, lines);
            }
        };
    }

    private static Call sign(JsonNode group, JsonNode test) {
        Object secret = test.has("secret") ? value(test.path("secret")) : group.path("secret").asText();
        String timestamp = as("timestamp", String.class,
                test.has("timestamp") ? value(test.path("timestamp")) : group.path("timestamp").asText());
        byte[] body = test.has("body")
                ? as("body", byte[].class, value(test.path("body")))
                : group.path("payload").asText().getBytes(StandardCharsets.UTF_8);
        if (secret instanceof byte[] key) {
            return () -> Webhooks.sign(key, timestamp, body);
        }
        String text = as("secret", String.class, secret);
        return () -> Webhooks.sign(text, timestamp, body);
    }

    private static Call signStandard(JsonNode group, JsonNode test) {
        String secret = as("secret", String.class,
                test.has("secret") ? value(test.path("secret")) : group.path("secret").asText());
        String webhookId = as("webhookId", String.class,
                test.has("webhookId") ? value(test.path("webhookId")) : group.path("webhookId").asText());
        long timestamp = whole("timestamp",
                test.has("timestamp") ? value(test.path("timestamp")) : group.path("timestamp").numberValue());
        byte[] body = test.has("body")
                ? as("body", byte[].class, value(test.path("body")))
                : group.path("payload").asText().getBytes(StandardCharsets.UTF_8);
        return () -> JSON.valueToTree(Webhooks.signStandard(secret, webhookId, timestamp, body));
    }

    private static Call respond(JsonNode test) {
        assertEquals("study.access_requested", test.path("eventType").asText());
        Object argument = value(test.path("args").get(0));
        Call construct = switch (test.path("constructor").asText()) {
            case "authorized" -> {
                List<String> urls = strings("urls", argument);
                yield () -> StudyAccessRequestedResponses.authorized(urls);
            }
            case "denied" -> {
                String reason = as("reason", String.class, argument);
                yield () -> StudyAccessRequestedResponses.denied(reason);
            }
            default -> throw new AssertionError("no Java constructor " + test.path("constructor").asText());
        };
        return () -> JSON.readTree(StudyAccessRequestedResponses.toJson(
                (StudyAccessRequestedResponse) construct.run()));
    }

    @FunctionalInterface
    private interface Call {
        Object run() throws Exception;
    }

    private static void judge(String type, JsonNode group, JsonNode test) throws Exception {
        RAN.incrementAndGet();
        Call call;
        try {
            call = prepare(type, group, test);
        } catch (RefusedByTypes refused) {
            REFUSED_BY_TYPES.incrementAndGet();
            return;
        }
        String error = test.path("error").asText();
        if (test.path("result").asText().equals("valid")) {
            Object result = call.run();
            if (test.has("signature")) {
                assertEquals(test.path("signature").asText(), result);
            }
            if (test.has("expected")) {
                assertEquals(test.path("expected"), result);
            }
            if (test.has("signedHeaders")) {
                assertEquals(test.path("signedHeaders"), result);
            }
        } else if (error.equals("webhook")) {
            WebhookVerificationException thrown = assertThrows(WebhookVerificationException.class, call::run);
            assertEquals(test.path("code").asText(), thrown.getCode(), thrown.getMessage());
            assertTrue(thrown.getMessage().contains(test.path("messageIncludes").asText()), thrown.getMessage());
        } else {
            assertTrue(error.startsWith("argument_"), error);
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, call::run);
            String flat = thrown.getMessage().toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "");
            String argument = test.path("argument").asText().toLowerCase(Locale.ROOT);
            assertTrue(flat.contains(argument), thrown.getMessage());
        }
    }
}
