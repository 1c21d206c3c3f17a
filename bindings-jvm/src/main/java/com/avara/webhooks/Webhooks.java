package com.avara.webhooks;

import com.avara.webhooks.model.Avara_jvmKt;
import com.avara.webhooks.model.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Signing (for senders and tests), the core's JSON form of events, and response checks. */
public final class Webhooks {
    private Webhooks() {}

    /**
     * The {@code X-Avara-Signature} value: lowercase hex HMAC-SHA256 of the timestamp text
     * followed by the body. No secret rules apply, so known-answer tests can use any key.
     */
    public static String sign(byte[] secret, String timestamp, byte[] body) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(body, "body");
        return NativeCalls.call(() -> Avara_jvmKt.sign(secret, timestamp, body));
    }

    /** {@link #sign(byte[], String, byte[])} with the secret's UTF-8 bytes, as verification uses them. */
    public static String sign(String secret, String timestamp, byte[] body) {
        return sign(Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8), timestamp, body);
    }

    /**
     * The event as the core serializes it, the same JSON every Avara SDK writes
     * ({@code {"id","type","data"}} for known types). Meant for logging and storage.
     */
    public static String toJson(WebhookEvent event) {
        Objects.requireNonNull(event, "event");
        return NativeCalls.call(() -> Avara_jvmKt.webhookEventToJson(event));
    }

    /**
     * Validates a response body (JSON text) for {@code eventType} and returns its canonical
     * JSON: contract field order, absent optional fields dropped, unknown fields removed.
     * A body that breaks the contract raises {@code schema_error}.
     */
    public static String normalizeResponse(String eventType, String bodyJson) {
        return NativeCalls.call(() -> Avara_jvmKt.normalizeResponse(eventType, bodyJson));
    }
}
