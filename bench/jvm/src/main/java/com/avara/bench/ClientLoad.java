package com.avara.bench;

import com.avara.client.AvaraClient;
import com.avara.client.okhttp.AvaraOkHttpClient;
import com.avara.models.viewer.studies.StudyCreateParams;
import com.avara.models.viewer.studies.StudyListParams;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests per second of one JVM client against a running emulator:
 * {@code ClientLoad --client sdk|jdk|raw --op create|list --in-flight N --seconds S
 * --base-url URL --api-key KEY}. {@code sdk} is avara; {@code jdk} the peer a Spring
 * user would otherwise write ({@code java.net.http.HttpClient} and Jackson); {@code raw}
 * {@code HttpURLConnection} reading the body without parsing it, the loopback round trip
 * every client pays. Prints one JSON object: calls and seconds.
 */
public final class ClientLoad {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClientLoad() {}

    @FunctionalInterface
    private interface Call {
        void run(long index) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].substring(2), args[i + 1]);
        }
        String baseUrl = options.get("base-url");
        String apiKey = options.get("api-key");
        boolean create = options.get("op").equals("create");
        int inFlight = Integer.parseInt(options.getOrDefault("in-flight", "1"));
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "3"));
        // Distinct per process so repeated runs against one emulator never collide on a UID.
        String uidPrefix = "1.2.826.0.1.3680043." + (System.nanoTime() % 1_000_000_000L);
        Call call = switch (options.get("client")) {
            case "sdk" -> sdk(baseUrl, apiKey, create, uidPrefix);
            case "jdk" -> jdk(baseUrl, apiKey, create, uidPrefix);
            case "raw" -> raw(baseUrl, apiKey, create, uidPrefix);
            default -> throw new IllegalArgumentException("unknown client " + options.get("client"));
        };
        call.run(0);
        AtomicLong next = new AtomicLong(1);
        AtomicLong calls = new AtomicLong();
        long started = System.nanoTime();
        long deadline = started + (long) (seconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(inFlight);
        List<Future<?>> workers = new ArrayList<>();
        for (int slot = 0; slot < inFlight; slot++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    call.run(next.getAndIncrement());
                    calls.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - started) / 1e9;
        System.out.println("{\"calls\": " + calls.get() + ", \"seconds\": " + elapsed + "}");
        System.exit(0);
    }

    private static Call sdk(String baseUrl, String apiKey, boolean create, String uidPrefix) {
        AvaraClient client = AvaraOkHttpClient.builder().apiKey(apiKey).baseUrl(baseUrl).maxRetries(0).build();
        if (create) {
            return index -> client.viewer().studies().create(StudyCreateParams.builder()
                    .severity(StudyCreateParams.Severity.NORMAL)
                    .studyDescription("Benchmark CT")
                    .studyInstanceUid(uidPrefix + "." + index)
                    .build());
        }
        StudyListParams page = StudyListParams.builder().limit(20L).build();
        return index -> {
            if (client.viewer().studies().list(page).studies().size() != 20) {
                throw new IllegalStateException("short page");
            }
        };
    }

    private static String createBody(String uidPrefix, long index) {
        return "{\"severity\":\"normal\",\"studyDescription\":\"Benchmark CT\",\"studyInstanceUid\":\""
                + uidPrefix + "." + index + "\"}";
    }

    private static Call jdk(String baseUrl, String apiKey, boolean create, String uidPrefix) {
        // HTTP/1.1 as every other client here speaks; the default first offers an h2c upgrade.
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return index -> {
            HttpRequest.Builder request = HttpRequest.newBuilder()
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + apiKey)
                    .header("Accept", "application/json");
            if (create) {
                request.uri(URI.create(baseUrl + "/v1/viewer/studies"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(createBody(uidPrefix, index)));
            } else {
                request.uri(URI.create(baseUrl + "/v1/viewer/studies?limit=20")).GET();
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode parsed = JSON.readTree(response.body());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + parsed);
            }
        };
    }

    private static Call raw(String baseUrl, String apiKey, boolean create, String uidPrefix) {
        return index -> {
            String path = create ? "/v1/viewer/studies" : "/v1/viewer/studies?limit=20";
            HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl + path).toURL().openConnection();
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(60_000);
            connection.setRequestProperty("Authorization", "Bearer " + apiKey);
            connection.setRequestProperty("Accept", "application/json");
            if (create) {
                connection.setRequestMethod("POST");
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/json");
                connection.getOutputStream().write(createBody(uidPrefix, index).getBytes(StandardCharsets.UTF_8));
            }
            int status = connection.getResponseCode();
            try (InputStream body = connection.getInputStream()) {
                body.readAllBytes();
            }
            if (status >= 300) {
                throw new IllegalStateException("HTTP " + status);
            }
        };
    }
}
