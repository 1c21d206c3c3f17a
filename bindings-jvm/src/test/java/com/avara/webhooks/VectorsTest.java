package com.avara.webhooks;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.avara.webhooks.model.Avara_jvmKt;
import com.avara.webhooks.model.Verified;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Runs every case of every file in tests/vectors (formats in tests/README.md) through the
 * Java API. A file or group type without a runner fails instead of being skipped.
 */
class VectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicNode> vectors() throws IOException {
        Path dir = Path.of(System.getProperty("avara.vectors.dir", "../tests/vectors"));
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(!files.isEmpty(), "no vector files in " + dir.toAbsolutePath());
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path file : files) {
            nodes.add(fileNode(file));
        }
        return nodes.stream();
    }

    private DynamicNode fileNode(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        String schema = root.path("schema").asText();
        List<DynamicNode> cases = new ArrayList<>();
        for (JsonNode group : root.path("testGroups")) {
            String type = group.path("type").asText();
            for (JsonNode test : group.path("tests")) {
                String name = "tcId " + test.path("tcId").asInt() + " (" + type + "): " + test.path("comment").asText();
                cases.add(DynamicTest.dynamicTest(name, runner(schema, type, group, test)));
            }
        }
        String fileName = file.getFileName().toString();
        assertEquals(root.path("numberOfTests").asInt(), cases.size(), fileName + ": numberOfTests");
        System.out.println("jvm vectors: " + fileName + " " + cases.size() + " cases");
        return DynamicContainer.dynamicContainer(fileName, cases);
    }

    private Executable runner(String schema, String type, JsonNode group, JsonNode test) {
        switch (schema + "/" + type) {
            case "webhook_signatures_v1/verify":
                return () -> verifyCase(group, test);
            case "webhook_signatures_v1/secret":
                return () -> secretCase(test);
            case "webhook_signatures_v1/sign":
                return () -> signCase(test);
            case "webhook_signatures_v1/signStandard":
                return () -> signStandardCase(test);
            case "webhook_events_v1/parse":
                return () -> parseCase(test);
            case "webhook_responses_v1/construct":
                return () -> constructCase(test);
            case "webhook_responses_v1/normalize":
                return () -> normalizeCase(test);
            default:
                return () -> fail("no JVM runner for schema " + schema + ", group type " + type);
        }
    }

    private static void verifyCase(JsonNode group, JsonNode test) {
        JsonNode config = group.path("config");
        Webhook.Builder builder = withSecrets(Webhook.builder(), group.path("secrets"))
                .clock(Clock.fixed(Instant.ofEpochMilli(group.path("nowMs").asLong()), ZoneOffset.UTC));
        if (config.has("toleranceMs")) {
            if (config.get("toleranceMs").isNull()) {
                builder.disableTimestampCheck();
            } else {
                builder.tolerance(Duration.ofMillis(config.get("toleranceMs").asLong()));
            }
        }
        if (config.has("pastToleranceMs")) {
            builder.pastTolerance(Duration.ofMillis(config.get("pastToleranceMs").asLong()));
        }
        if (config.has("futureToleranceMs")) {
            builder.futureTolerance(Duration.ofMillis(config.get("futureToleranceMs").asLong()));
        }
        if (config.has("maxPayloadBytes")) {
            builder.maxPayloadBytes(config.get("maxPayloadBytes").asLong());
        }
        try (Webhook webhook = builder.build()) {
            byte[] body = payload(test);
            Map<String, List<String>> headers = headers(test.path("headers"));
            if (test.path("result").asText().equals("valid")) {
                Verified verified = webhook.verify(body, headers);
                assertEquals(test.path("scheme").asText(), verified.getScheme().name().toLowerCase(Locale.ROOT));
                assertEquals(test.path("secretIndex").asLong(), verified.getSecretIndex());
                assertEquals(test.has("webhookId") ? test.get("webhookId").asText() : null, verified.getWebhookId());
            } else {
                expectCode(test, () -> webhook.verify(body, headers));
            }
        }
    }

    private static void secretCase(JsonNode test) {
        Executable build = () -> withSecrets(Webhook.builder(), test.path("secrets")).build().close();
        if (test.path("result").asText().equals("valid")) {
            assertDoesNotThrow(build);
        } else {
            expectCode(test, build);
        }
    }

    private static void signCase(JsonNode test) {
        byte[] key = HexFormat.of().parseHex(test.path("keyHex").asText());
        byte[] body = HexFormat.of().parseHex(test.path("payloadHex").asText());
        assertEquals(test.path("signature").asText(), Webhooks.sign(key, test.path("timestamp").asText(), body));
    }

    private static void signStandardCase(JsonNode test) {
        String secret = test.path("secret").asText();
        String webhookId = test.path("webhookId").asText();
        long seconds = test.path("timestamp").asLong();
        byte[] body = payload(test);
        Executable sign = () -> Webhooks.signStandard(secret, webhookId, seconds, body);
        if (!test.path("result").asText().equals("valid")) {
            expectCode(test, sign);
            return;
        }
        Map<String, String> signed = Webhooks.signStandard(secret, webhookId, seconds, body);
        List<List<String>> pairs = new ArrayList<>();
        signed.forEach((name, value) -> pairs.add(List.of(name, value)));
        List<List<String>> expected = new ArrayList<>();
        test.path("headers").forEach(line -> expected.add(List.of(line.get(0).asText(), line.get(1).asText())));
        assertEquals(expected, pairs);
        // What signs also verifies, under the same secret.
        Clock clock = Clock.fixed(Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
        try (Webhook webhook = Webhook.builder().secret(secret).clock(clock).build()) {
            Verified verified = webhook.verify(body, signed);
            assertEquals("standard", verified.getScheme().name().toLowerCase(Locale.ROOT));
            assertEquals(webhookId, verified.getWebhookId());
        }
    }

    private static void parseCase(JsonNode test) throws IOException {
        byte[] body = payload(test);
        if (test.path("result").asText().equals("valid")) {
            // Through the Kotlin mirror and back into the core's serializer.
            String json = Webhooks.toJson(Webhook.unsafeUnwrap(body));
            assertEquals(test.path("expected"), JSON.readTree(json));
        } else {
            expectCode(test, () -> Webhook.unsafeUnwrap(body));
        }
    }

    private static void constructCase(JsonNode test) throws IOException {
        String eventType = test.path("eventType").asText();
        String constructor = test.path("constructor").asText();
        List<String> args = new ArrayList<>();
        for (JsonNode arg : test.path("args")) {
            args.add(JSON.writeValueAsString(arg));
        }
        if (test.path("result").asText().equals("valid")) {
            String core = NativeCalls.call(() -> Avara_jvmKt.constructResponse(eventType, constructor, args));
            assertEquals(test.path("expected"), JSON.readTree(core));
            String typed = TypedResponses.toJson(eventType, constructor, test.path("args"));
            assertEquals(test.path("expected"), JSON.readTree(typed));
        } else {
            expectCode(test, () -> NativeCalls.call(() -> Avara_jvmKt.constructResponse(eventType, constructor, args)));
        }
    }

    private static void normalizeCase(JsonNode test) throws IOException {
        String eventType = test.path("eventType").asText();
        String body = JSON.writeValueAsString(test.path("body"));
        if (test.path("result").asText().equals("valid")) {
            assertEquals(test.path("expected"), JSON.readTree(Webhooks.normalizeResponse(eventType, body)));
        } else {
            expectCode(test, () -> Webhooks.normalizeResponse(eventType, body));
        }
    }

    /** One secret builds with {@code secret(...)}, any other count with {@code secrets(...)}. */
    private static Webhook.Builder withSecrets(Webhook.Builder builder, JsonNode secrets) {
        List<String> list = new ArrayList<>();
        secrets.forEach(secret -> list.add(secret.asText()));
        return list.size() == 1 ? builder.secret(list.get(0)) : builder.secrets(list);
    }

    private static byte[] payload(JsonNode test) {
        if (test.has("payloadHex")) {
            return HexFormat.of().parseHex(test.get("payloadHex").asText());
        }
        return test.path("payload").asText().getBytes(StandardCharsets.UTF_8);
    }

    /** Lines with the same name become one entry with several values, as frameworks hand them over. */
    private static Map<String, List<String>> headers(JsonNode lines) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (JsonNode line : lines) {
            headers.computeIfAbsent(line.get(0).asText(), name -> new ArrayList<>()).add(line.get(1).asText());
        }
        return headers;
    }

    private static void expectCode(JsonNode test, Executable call) {
        WebhookVerificationException error = assertThrows(WebhookVerificationException.class, call);
        assertEquals(test.path("code").asText(), error.getCode(), error.getMessage());
    }
}
