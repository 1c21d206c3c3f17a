package com.avara.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.avara.webhooks.model.Scheme;
import com.avara.webhooks.model.Verified;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Webhooks.signStandard: the Standard Webhooks headers, and its arguments checked as sign's are. */
class SignStandardTest {
    private static final String SECRET = "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final long SECONDS = 1_767_225_600L;
    private static final byte[] BODY =
            "{\"id\":\"whe_0123456789abcdef0123456789abcdef\",\"type\":\"x\",\"data\":{}}".getBytes(StandardCharsets.UTF_8);

    @Test
    void returnsTheThreeHeadersByNameInTheSpecOrder() {
        Map<String, String> headers = Webhooks.signStandard(SECRET, "msg_1", SECONDS, BODY);
        assertEquals(List.of("webhook-id", "webhook-timestamp", "webhook-signature"), List.copyOf(headers.keySet()));
        assertEquals("msg_1", headers.get("webhook-id"));
        assertEquals(Long.toString(SECONDS), headers.get("webhook-timestamp"));
        assertTrue(headers.get("webhook-signature").startsWith("v1,"));
        assertThrows(UnsupportedOperationException.class, () -> headers.put("webhook-id", "other"));
    }

    @Test
    void whatItSignsVerifiesWithOrWithoutThePrefix() {
        for (String secret : List.of(SECRET, SECRET.substring("whsec_".length()))) {
            Map<String, String> headers = Webhooks.signStandard(secret, "msg 1.2", SECONDS, BODY);
            Clock clock = Clock.fixed(Instant.ofEpochSecond(SECONDS), ZoneOffset.UTC);
            try (Webhook webhook = Webhook.builder().secret(secret).clock(clock).build()) {
                Verified verified = webhook.verify(BODY, headers);
                assertEquals(Scheme.STANDARD, verified.getScheme());
                assertEquals("msg 1.2", verified.getWebhookId());
            }
        }
    }

    @Test
    void aNonAsciiIdVerifiesFromAnHttpServerThatDecodesOneCharacterPerByte() throws Exception {
        Map<String, String> signed = Webhooks.signStandard(SECRET, "msg é 日本", SECONDS, BODY);
        Clock clock = Clock.fixed(Instant.ofEpochSecond(SECONDS), ZoneOffset.UTC);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicReference<String> received = new AtomicReference<>();
        AtomicReference<String> outcome = new AtomicReference<>();
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.set(exchange.getRequestHeaders().getFirst("webhook-id"));
            try (Webhook webhook = Webhook.builder().secret(SECRET).clock(clock).build()) {
                outcome.set(webhook.verify(body, exchange.getRequestHeaders()).getWebhookId());
            } catch (WebhookVerificationException e) {
                outcome.set(e.getCode());
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getAddress().getPort())) {
            StringBuilder request = new StringBuilder("POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n")
                    .append("Content-Length: ").append(BODY.length).append("\r\n");
            signed.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.write(BODY);
            out.flush();
            socket.getInputStream().readAllBytes();
        } finally {
            server.stop(0);
        }
        assertEquals(new String("msg é 日本".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1), received.get());
        assertEquals("msg é 日本", outcome.get());
    }

    @Test
    void anIdOfBytesIsReadAsThoseBytesUtf8OrNot() {
        Map<String, String> signed = Webhooks.signStandard(SECRET, "msg é 日本", SECONDS, BODY);
        Clock clock = Clock.fixed(Instant.ofEpochSecond(SECONDS), ZoneOffset.UTC);
        try (Webhook webhook = Webhook.builder().secret(SECRET).clock(clock).build()) {
            Map<String, Object> arrived = new LinkedHashMap<>(signed);
            arrived.put("webhook-id", "msg é 日本".getBytes(StandardCharsets.UTF_8));
            assertEquals("msg é 日本", webhook.verify(BODY, arrived).getWebhookId());
            arrived.put("webhook-id", "msg é".getBytes(StandardCharsets.ISO_8859_1));
            WebhookVerificationException error =
                    assertThrows(WebhookVerificationException.class, () -> webhook.verify(BODY, arrived));
            assertEquals("malformed_id", error.getCode());
        }
    }

    @Test
    void badSecretsAreInvalidSecret() {
        assertWebhookError("the signing secret is missing", () -> Webhooks.signStandard(null, "msg", SECONDS, BODY));
        assertWebhookError("surrogate", () -> Webhooks.signStandard(SECRET + "\uD800", "msg", SECONDS, BODY));
        assertWebhookError("at least 24 bytes",
                () -> Webhooks.signStandard("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAA", "msg", SECONDS, BODY));
        assertWebhookError("invisible character", () -> Webhooks.signStandard(SECRET + "\uFEFF", "msg", SECONDS, BODY));
    }

    @Test
    void aNullBodyIsPayloadNotRaw() {
        WebhookVerificationException error = assertThrows(WebhookVerificationException.class,
                () -> Webhooks.signStandard(SECRET, "msg", SECONDS, null));
        assertEquals("payload_not_raw", error.getCode());
    }

    @Test
    void aBadIdOrTimestampIsAnIllegalArgument() {
        assertArgumentError("webhookId", () -> Webhooks.signStandard(SECRET, null, SECONDS, BODY));
        assertArgumentError("webhookId", () -> Webhooks.signStandard(SECRET, "msg\uDC00", SECONDS, BODY));
        assertArgumentError("timestampSeconds", () -> Webhooks.signStandard(SECRET, "msg", -1, BODY));
    }

    private static void assertWebhookError(String messageIncludes, Executable call) {
        WebhookVerificationException error = assertThrows(WebhookVerificationException.class, call);
        assertEquals("invalid_secret", error.getCode());
        assertTrue(error.getMessage().contains(messageIncludes), error.getMessage());
        assertFalse(error.getMessage().contains("MDEyMzQ1"), error.getMessage());
    }

    private static void assertArgumentError(String argument, Executable call) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, call);
        assertTrue(error.getMessage().contains(argument), error.getMessage());
    }
}
