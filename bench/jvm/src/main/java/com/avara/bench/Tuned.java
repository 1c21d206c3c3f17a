package com.avara.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a careful engineer writes: a keyed Mac cloned per call (no provider lookup, no
 * key schedule), the raw bytes hashed as received, the hex signature decoded and
 * compared in constant time, freshness checked, then Jackson straight into a record.
 */
final class Tuned {
    private static final long TOLERANCE_MS = 5 * 60 * 1000;

    record Data(String studyId, String studyInstanceUid) {}

    record Event(String id, String type, Data data) {}

    private final Mac keyed;
    private final ObjectReader reader = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .readerFor(Event.class);

    Tuned(String secret) throws GeneralSecurityException {
        keyed = Mac.getInstance("HmacSHA256");
        keyed.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    boolean verify(byte[] body, Map<String, List<String>> headers) throws CloneNotSupportedException {
        List<String> signatures = headers.get("X-Avara-Signature");
        List<String> timestamps = headers.get("X-Avara-Timestamp");
        if (signatures == null || timestamps == null || signatures.size() != 1 || timestamps.size() != 1) {
            return false;
        }
        String signature = signatures.get(0);
        String timestamp = timestamps.get(0);
        if (signature.length() != 64) {
            return false;
        }
        byte[] given;
        long signedMs;
        try {
            given = HexFormat.of().parseHex(signature);
            signedMs = Long.parseLong(timestamp);
        } catch (IllegalArgumentException e) {
            return false;
        }
        Mac mac = (Mac) keyed.clone();
        mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
        return MessageDigest.isEqual(mac.doFinal(body), given)
                && Math.abs(System.currentTimeMillis() - signedMs) <= TOLERANCE_MS;
    }

    Event unwrap(byte[] body, Map<String, List<String>> headers) throws CloneNotSupportedException, IOException {
        if (!verify(body, headers)) {
            throw new IllegalStateException("Invalid signature");
        }
        return reader.readValue(body);
    }
}
