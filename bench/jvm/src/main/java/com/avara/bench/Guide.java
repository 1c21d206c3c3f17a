package com.avara.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The integration guide's Spring controller: Spring's Jackson reads the body into an
 * {@code Object}, then {@code verifyWebhookSignature} re-serializes it and HMACs the text.
 * The environment variable is a field here: the JVM cannot set one for itself.
 */
final class Guide {
    private static final String HMAC_SHA256 = "HmacSHA256";
    private final ObjectMapper objectMapper = new ObjectMapper();
    private final String secretFromEnvironment;

    Guide(String secret) {
        this.secretFromEnvironment = secret;
    }

    /** What Spring does for {@code @RequestBody Object body}, then the guide's check. */
    Object receive(byte[] rawBody, Map<String, List<String>> headers) throws IOException {
        Object body = objectMapper.readValue(rawBody, Object.class);
        if (!verifyWebhookSignature(headers, body)) {
            throw new IllegalStateException("Invalid signature");
        }
        return body;
    }

    // Verbatim from the guide, with HttpServletRequest.getHeader read from the header map.
    private boolean verifyWebhookSignature(Map<String, List<String>> request, Object body) {
        String secret = secretFromEnvironment;
        if (secret == null) {
            throw new IllegalStateException("AVARA_JWT_WEBHOOK_SECRET not configured");
        }
        String signature = getHeader(request, "X-Avara-Signature");
        String timestamp = getHeader(request, "X-Avara-Timestamp");
        if (signature == null || timestamp == null) {
            return false;
        }
        try {
            String payload = objectMapper.writeValueAsString(body);
            Mac mac = Mac.getInstance(HMAC_SHA256);
            SecretKeySpec secretKeySpec = new SecretKeySpec(
                    secret.getBytes(StandardCharsets.UTF_8),
                    HMAC_SHA256
            );
            mac.init(secretKeySpec);
            String message = timestamp + payload;
            byte[] hashBytes = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
            String expectedSignature = bytesToHex(hashBytes);
            return MessageDigest.isEqual(
                    signature.getBytes(StandardCharsets.UTF_8),
                    expectedSignature.getBytes(StandardCharsets.UTF_8)
            );
        } catch (Exception e) {
            throw new RuntimeException("Failed to verify signature", e);
        }
    }

    private String bytesToHex(byte[] bytes) {
        StringBuilder result = new StringBuilder();
        for (byte b : bytes) {
            result.append(String.format("%02x", b));
        }
        return result.toString();
    }

    private static String getHeader(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
