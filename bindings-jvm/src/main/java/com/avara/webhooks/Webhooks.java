package com.avara.webhooks;

import com.avara.webhooks.model.Avara_jvmKt;
import com.avara.webhooks.model.WebhookEvent;

/** Signing (for senders and tests), the core's JSON form of events, and response checks. */
public final class Webhooks {
    private Webhooks() {}

    /**
     * The {@code X-Avara-Signature} value: lowercase hex HMAC-SHA256 of the timestamp text
     * followed by the body. No secret rules apply, so known-answer tests can use any key. A
     * {@code null} secret is {@code invalid_secret}, a {@code null} body
     * {@code payload_not_raw}, a {@code null} timestamp an {@link IllegalArgumentException}.
     */
    public static String sign(byte[] secret, String timestamp, byte[] body) {
        return NativeCalls.call(() -> Avara_jvmKt.sign(secret, Utf16.units(timestamp), body));
    }

    /**
     * {@link #sign(byte[], String, byte[])} with the secret's UTF-8 bytes, as verification
     * uses them; a secret with an unpaired surrogate has none and is {@code invalid_secret}.
     */
    public static String sign(String secret, String timestamp, byte[] body) {
        return NativeCalls.call(() -> Avara_jvmKt.signWithText(Utf16.units(secret), Utf16.units(timestamp), body));
    }

    /**
     * The event as the core serializes it, the same JSON every Avara SDK writes
     * ({@code {"id","type","data"}} for known types). Meant for logging and storage.
     */
    public static String toJson(WebhookEvent event) {
        if (event == null) {
            throw new IllegalArgumentException("event must not be null");
        }
        return NativeCalls.call(() -> Avara_jvmKt.webhookEventToJson(event));
    }

    /**
     * Validates a response body (JSON text) for {@code eventType} and returns its canonical
     * JSON: contract field order, absent optional fields dropped, unknown fields removed.
     * A body that breaks the contract raises {@code schema_error}.
     */
    public static String normalizeResponse(String eventType, String bodyJson) {
        return NativeCalls.response(() -> Avara_jvmKt.normalizeResponse(eventType, bodyJson));
    }
}
