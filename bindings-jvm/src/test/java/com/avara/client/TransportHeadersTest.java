package com.avara.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.avara.client.okhttp.AvaraOkHttpClient;
import com.avara.models.viewer.studies.StudyRerouteUrlParams;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What the Java package puts on the wire, seen by a server that records the request. */
class TransportHeadersTest {
    @Test
    void requestsNameTheJavaRuntimeAndCarryTheKeyHeadersAndAnIdempotencyKey() throws Exception {
        AtomicReference<Headers> seen = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            seen.set(exchange.getRequestHeaders());
            byte[] body = "{\"url\":\"https://viewer.example/s/1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        try (AvaraClient client = AvaraOkHttpClient.builder()
                .apiKey("sk_test_headers")
                .baseUrl(baseUrl)
                .putHeader("X-Clinic", "north")
                .build()) {
            String url = client.viewer().studies()
                    .rerouteUrl(StudyRerouteUrlParams.builder().studyId("stu_1234567890abcdef1234567890abcdef").build())
                    .url();
            assertEquals("https://viewer.example/s/1", url);
        } finally {
            server.stop(0);
        }
        Headers headers = seen.get();
        assertEquals("avara-sdk/0.1.0 (java " + System.getProperty("java.version") + ")",
                headers.getFirst("User-Agent"));
        assertEquals("Bearer sk_test_headers", headers.getFirst("Authorization"));
        assertEquals("north", headers.getFirst("X-Clinic"));
        assertTrue(headers.getFirst("Idempotency-Key").matches("idk_[0-9a-f]{32}"), headers.getFirst("Idempotency-Key"));
    }
}
