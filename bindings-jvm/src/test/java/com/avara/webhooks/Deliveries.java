package com.avara.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Signed deliveries for the tests, made with the core's own signer. */
final class Deliveries {
    static final String SECRET = "avara_jwt_secret_7Qm2xV9pL4tR8sK1nB6dF3hJ";
    static final String OTHER_SECRET = "avara_jwt_secret_rotated_Zc5Yw1Ue8Io4Pa7S";
    static final long NOW_MS = 1767225600000L;
    static final String EVENT_ID = "whe_0123456789abcdef0123456789abcdef";
    static final String STUDY_ID = "stu_0123456789abcdef0123456789abcdef";
    static final byte[] BODY = ("{\"id\":\"" + EVENT_ID + "\",\"type\":\"study.access_requested\","
            + "\"data\":{\"studyId\":\"" + STUDY_ID + "\",\"studyInstanceUid\":\"1.2.840.10008.1\"}}")
            .getBytes(StandardCharsets.UTF_8);

    private Deliveries() {}

    static Map<String, String> headers(String secret, long timestampMs, byte[] body) {
        String timestamp = Long.toString(timestampMs);
        return Map.of("X-Avara-Signature", Webhooks.sign(secret, timestamp, body), "X-Avara-Timestamp", timestamp);
    }

    static Map<String, String> headers() {
        return headers(SECRET, NOW_MS, BODY);
    }

    static Map<String, List<String>> multi(Map<String, String> headers) {
        return Map.of(
                "X-Avara-Signature", List.of(headers.get("X-Avara-Signature")),
                "X-Avara-Timestamp", List.of(headers.get("X-Avara-Timestamp")));
    }
}
