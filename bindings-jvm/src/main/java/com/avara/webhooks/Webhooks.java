package com.avara.webhooks;

import com.avara.webhooks.model.Avara_jvmKt;
import com.avara.webhooks.model.SignedHeader;
import com.avara.webhooks.model.WebhookEvent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
     * Signs a delivery with Standard Webhooks, for tests and local senders: the
     * {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature} headers,
     * in that order, for a secret ({@code whsec_<base64>} or bare base64), an id, a
     * timestamp in Unix seconds and the body. The secret follows the verifier's rules (a
     * key of at least 24 bytes, nothing padding either end), so what this signs
     * {@link Webhook} verifies; the id and timestamp are signed as given. The signature
     * covers the id's UTF-8 bytes, while Java's HTTP clients write header text as
     * ISO-8859-1: send an id outside ASCII as its UTF-8 bytes, which every Standard
     * Webhooks verifier reads.
     *
     * <pre>{@code
     * Map<String, String> headers = Webhooks.signStandard(secret, "msg_1", Instant.now().getEpochSecond(), body);
     * headers.forEach(request::header);
     * }</pre>
     *
     * <p>A bad or {@code null} secret is {@code invalid_secret}, a {@code null} body
     * {@code payload_not_raw}; a {@code null} id, an id with an unpaired surrogate or a
     * negative timestamp is an {@link IllegalArgumentException}.
     *
     * @return the headers by name, unmodifiable, in the order above
     */
    public static Map<String, String> signStandard(String secret, String webhookId, long timestampSeconds, byte[] body) {
        List<SignedHeader> signed = NativeCalls.call(
                () -> Avara_jvmKt.signStandard(Utf16.units(secret), Utf16.units(webhookId), timestampSeconds, body));
        Map<String, String> headers = new LinkedHashMap<>();
        signed.forEach(header -> headers.put(header.getName(), header.getValue()));
        return Collections.unmodifiableMap(headers);
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
