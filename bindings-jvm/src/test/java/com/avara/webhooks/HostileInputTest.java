package com.avara.webhooks;

import static com.avara.webhooks.Deliveries.BODY;
import static com.avara.webhooks.Deliveries.NOW_MS;
import static com.avara.webhooks.Deliveries.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Garbage in gives a typed exception with a code; never an NPE from inside or a crash. */
class HostileInputTest {
    private static Webhook webhook() {
        return Webhook.builder().secret(SECRET)
                .clock(Clock.fixed(Instant.ofEpochMilli(NOW_MS), ZoneOffset.UTC)).build();
    }

    private static String code(Runnable call) {
        return assertThrows(WebhookVerificationException.class, call::run).getCode();
    }

    @Test
    void unpairedSurrogatesAndNonAsciiInHeaders() {
        try (Webhook webhook = webhook()) {
            Map<String, String> headers = new HashMap<>(Deliveries.headers());
            headers.put("X-Avara-Signature", "\uD800" + headers.get("X-Avara-Signature").substring(1));
            assertEquals("malformed_signature", code(() -> webhook.verify(BODY, headers)));

            headers.put("X-Avara-Signature", "\u00e9\u4e2d\uDFFF\uD83D\uDE00");
            assertEquals("malformed_signature", code(() -> webhook.verify(BODY, headers)));

            Map<String, String> timestamp = new HashMap<>(Deliveries.headers());
            timestamp.put("X-Avara-Timestamp", "\uDBFF1767225600000");
            assertEquals("malformed_timestamp", code(() -> webhook.verify(BODY, timestamp)));

            Map<String, String> names = new HashMap<>(Deliveries.headers());
            names.put("X-Avara-Sign\uD800ature", "x");
            names.put("\u0000", "\u0000");
            webhook.verify(BODY, names);
        }
    }

    @Test
    void aTenMegabyteBodyIsRefusedBeforeAnyHashing() {
        try (Webhook webhook = webhook()) {
            byte[] huge = new byte[10 * 1024 * 1024];
            assertEquals("payload_too_large", code(() -> webhook.verify(huge, Deliveries.headers())));
            assertEquals("payload_too_large", code(() -> Webhook.unsafeUnwrap(huge)));
        }
        try (Webhook small = Webhook.builder().secret(SECRET).maxPayloadBytes(16).build()) {
            assertEquals("payload_too_large", code(() -> small.verify(BODY, Deliveries.headers())));
        }
    }

    @Test
    void nullBodyOrHeadersAreTypedFailures() {
        try (Webhook webhook = webhook()) {
            WebhookVerificationException error = assertThrows(WebhookVerificationException.class,
                    () -> webhook.verify(null, Deliveries.headers()));
            assertEquals("payload_not_raw", error.getCode());
            assertTrue(error.getMessage().contains("null"), error.getMessage());
            assertEquals("payload_not_raw", code(() -> webhook.unwrap(null, Deliveries.headers())));
            assertEquals("payload_not_raw", code(() -> Webhook.unsafeUnwrap(null)));
            assertEquals("payload_not_raw", code(() -> webhook.verify(BODY, null)));
        }
    }

    @Test
    void bodiesThatVerifyButDoNotParse() {
        try (Webhook webhook = webhook()) {
            for (byte[] body : new byte[][] {{}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'}, {(byte) 0xFF}, "[1]".getBytes()}) {
                Map<String, String> headers = Deliveries.headers(SECRET, NOW_MS, body);
                webhook.verify(body, headers);
                String code = code(() -> webhook.unwrap(body, headers));
                assertTrue(code.equals("invalid_payload") || code.equals("schema_error"), code);
            }
            byte[] deep = ("[".repeat(100_000) + "]".repeat(100_000)).getBytes();
            assertEquals("invalid_payload", code(() -> webhook.unwrap(deep, Deliveries.headers(SECRET, NOW_MS, deep))));
        }
    }

    @Test
    void aHeaderValueThatIsNeitherTextNorBytesIsPayloadNotRaw() {
        try (Webhook webhook = webhook()) {
            Map<String, Object> headers = new HashMap<>(Deliveries.headers());
            headers.put("X-Avara-Timestamp", NOW_MS);
            WebhookVerificationException error = assertThrows(WebhookVerificationException.class,
                    () -> webhook.verify(BODY, headers));
            assertEquals("payload_not_raw", error.getCode());
            assertTrue(error.getMessage().contains("java.lang.Long as a value of X-Avara-Timestamp"), error.getMessage());
            headers.put("X-Avara-Timestamp", Long.toString(NOW_MS).getBytes(StandardCharsets.US_ASCII));
            headers.put("X-Request-Count", 3);
            assertEquals("guide", webhook.verify(BODY, headers).getScheme().name().toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void everyProblemWithASecretIsInvalidSecretNeverANullPointerException() {
        for (Webhook.Builder builder : List.of(Webhook.builder(), Webhook.builder().secret(null),
                Webhook.builder().secrets(null), Webhook.builder().secrets(Arrays.asList(SECRET, null)),
                Webhook.builder().secret(SECRET + "\uD800"))) {
            WebhookVerificationException error = assertThrows(WebhookVerificationException.class, builder::build);
            assertEquals("invalid_secret", error.getCode(), error.getMessage());
        }
    }

    @Test
    void badOptionsAreCallerErrors() {
        assertThrows(IllegalArgumentException.class,
                () -> Webhook.builder().secret(SECRET).tolerance(Duration.ofSeconds(-1)).build());
        assertThrows(IllegalArgumentException.class,
                () -> Webhook.builder().secret(SECRET).maxPayloadBytes(-1).build());
        assertThrows(IllegalArgumentException.class, () -> Webhook.builder().tolerance(null));
        assertThrows(IllegalArgumentException.class, () -> Webhook.builder().clock(null));
        try (Webhook webhook = Webhook.builder().secret(SECRET)
                .clock(Clock.fixed(Instant.ofEpochMilli(-5), ZoneOffset.UTC)).build()) {
            assertThrows(IllegalArgumentException.class, () -> webhook.verify(BODY, Deliveries.headers()));
        }
    }

    @Test
    void signingFollowsThePolicyToo() {
        byte[] key = SECRET.getBytes(StandardCharsets.UTF_8);
        assertEquals("invalid_secret", code(() -> Webhooks.sign((String) null, "1", BODY)));
        assertEquals("invalid_secret", code(() -> Webhooks.sign((byte[]) null, "1", BODY)));
        assertEquals("invalid_secret", code(() -> Webhooks.sign(SECRET + "\uDC00", "1", BODY)));
        assertEquals("payload_not_raw", code(() -> Webhooks.sign(key, "1", null)));
        assertThrows(IllegalArgumentException.class, () -> Webhooks.sign(key, null, BODY));
        assertThrows(IllegalArgumentException.class, () -> Webhooks.sign(key, "1\uD800", BODY));
        assertEquals(Webhooks.sign(key, "1", BODY), Webhooks.sign(SECRET, "1", BODY));
    }

    @Test
    void aToleranceBeyondTheMillisecondRangeNamesTheRange() {
        Duration tooLong = Duration.ofSeconds(Long.MAX_VALUE);
        for (IllegalArgumentException error : new IllegalArgumentException[] {
                assertThrows(IllegalArgumentException.class, () -> Webhook.builder().tolerance(tooLong)),
                assertThrows(IllegalArgumentException.class, () -> Webhook.builder().pastTolerance(tooLong)),
                assertThrows(IllegalArgumentException.class, () -> Webhook.builder().futureTolerance(tooLong))}) {
            assertTrue(error.getMessage().contains("tolerance"), error.getMessage());
            assertTrue(error.getMessage().contains(Long.toString(Long.MAX_VALUE)), error.getMessage());
        }
        Duration longest = Duration.ofMillis(Long.MAX_VALUE);
        Webhook.builder().secret(SECRET).tolerance(longest).build().close();
    }

    @Test
    void aClosedVerifierRefusesWork() {
        Webhook webhook = webhook();
        webhook.close();
        assertThrows(IllegalStateException.class, () -> webhook.verify(BODY, Deliveries.headers()));
    }
}
