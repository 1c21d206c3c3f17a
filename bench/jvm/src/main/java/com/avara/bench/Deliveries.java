package com.avara.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The deliveries of bench/delivery.json, signed here with javax.crypto (independently of
 * the jar under test) and with the current time, right before each measurement.
 */
final class Deliveries {
    static final JsonNode FIXTURE = load();
    static final String SECRET = FIXTURE.get("secret").asText();
    static final String STANDARD_SECRET = FIXTURE.get("standardSecret").asText();

    private Deliveries() {}

    private static JsonNode load() {
        try (InputStream in = Deliveries.class.getResourceAsStream("/delivery.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("bench/delivery.json is not on the class path", e);
        }
    }

    /** "delivery" is the realistic body; "1MiB" the same event padded to the size limit. */
    static byte[] body(String size) {
        String body = FIXTURE.get("body").asText();
        if (size.equals("delivery")) {
            return body.getBytes(StandardCharsets.UTF_8);
        }
        String head = body.substring(0, body.length() - 1);
        int filler = FIXTURE.get("largeBytes").asInt() - (head + ",\"padding\":\"\"}").length();
        return (head + ",\"padding\":\"" + "x".repeat(filler) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** The request's headers as Spring's HttpHeaders holds them: case-insensitive, multi-valued. */
    static Map<String, List<String>> guideRequest(byte[] body) {
        String timestamp = Long.toString(System.currentTimeMillis());
        byte[] mac = hmac(SECRET.getBytes(StandardCharsets.UTF_8), timestamp.getBytes(StandardCharsets.UTF_8), body);
        Map<String, List<String>> headers = request();
        headers.put("X-Avara-Signature", List.of(HexFormat.of().formatHex(mac)));
        headers.put("X-Avara-Timestamp", List.of(timestamp));
        return headers;
    }

    static Map<String, List<String>> standardRequest(byte[] body) {
        String id = FIXTURE.get("webhookId").asText();
        String seconds = Long.toString(System.currentTimeMillis() / 1000);
        byte[] key = Base64.getDecoder().decode(STANDARD_SECRET.substring("whsec_".length()));
        byte[] mac = hmac(key, (id + "." + seconds + ".").getBytes(StandardCharsets.UTF_8), body);
        Map<String, List<String>> headers = request();
        headers.put("webhook-id", List.of(id));
        headers.put("webhook-timestamp", List.of(seconds));
        headers.put("webhook-signature", List.of("v1," + Base64.getEncoder().encodeToString(mac)));
        return headers;
    }

    private static Map<String, List<String>> request() {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        FIXTURE.get("requestHeaders").forEach(line -> headers.put(line.get(0).asText(), List.of(line.get(1).asText())));
        return headers;
    }

    private static byte[] hmac(byte[] key, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
