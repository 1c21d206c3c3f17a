package com.avara.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvaraEmulatorTest {
    static final String SECRET = "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static boolean accepts(String baseUrl) throws IOException {
        URI address = URI.create(baseUrl);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.getHost(), address.getPort()), 1000);
            return true;
        } catch (ConnectException refused) {
            return false;
        }
    }

    static int createStudy(String baseUrl, String apiKey, String uid) throws IOException, InterruptedException {
        String body = "{\"severity\":\"normal\",\"studyDescription\":\"packaging test\",\"studyInstanceUid\":\"" + uid + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/viewer/studies"))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void servesTheApiWithTheGivenKeyAndClosesItsPort() throws Exception {
        AvaraEmulator emulator = AvaraEmulator.builder()
                .apiKey("sk_test_java_helper").webhookSecret(SECRET).webhookScheme("both").start();
        String baseUrl;
        try (emulator) {
            baseUrl = emulator.baseUrl();
            assertTrue(baseUrl.matches("http://127\\.0\\.0\\.1:\\d+"), baseUrl);
            assertEquals("sk_test_java_helper", emulator.apiKey());
            assertEquals(SECRET, emulator.webhookSecret());
            assertEquals(Map.of("AVARA_BASE_URL", baseUrl, "AVARA_API_KEY", "sk_test_java_helper",
                    "AVARA_JWT_WEBHOOK_SECRET", SECRET), emulator.env());
            assertEquals(200, createStudy(baseUrl, emulator.apiKey(), "1.2.826.0.1.1"));
            assertEquals(401, createStudy(baseUrl, "sk_test_unknown", "1.2.826.0.1.2"));
        }
        assertFalse(accepts(baseUrl));
        emulator.close();
    }

    @Test
    void aConfigFileGivesEveryKeyItsVariablesAndTheBuilderOverridesTheFirst(@TempDir Path folder) throws Exception {
        Path config = Files.writeString(folder.resolve("keys.json"),
                "{\"keys\": [{\"key\": \"sk_test_from_file\"}, {\"key\": \"sk_test_second\", \"userAccess\": \"none\"}]}");
        try (AvaraEmulator emulator = AvaraEmulator.builder().configFile(config).apiKey("sk_test_from_builder").start()) {
            assertEquals("sk_test_from_builder", emulator.apiKey());
            assertEquals("sk_test_second", emulator.env().get("AVARA_API_KEY_2"));
            assertTrue(emulator.env().get("AVARA_JWT_WEBHOOK_SECRET_2").startsWith("whsec_"));
            assertEquals(200, createStudy(emulator.baseUrl(), "sk_test_second", "1.2.826.0.2.1"));
        }
    }

    @Test
    void extraFlagsReachTheEmulatorAndStderrLinesReachTheConsumer() throws Exception {
        List<String> stderr = new CopyOnWriteArrayList<>();
        try (AvaraEmulator emulator = AvaraEmulator.builder().args("--log-requests").stderr(stderr::add).start()) {
            createStudy(emulator.baseUrl(), emulator.apiKey(), "1.2.826.0.3.1");
        }
        assertTrue(stderr.stream().anyMatch(line -> line.contains("POST /v1/viewer/studies -> 200")), stderr.toString());
    }

    @Test
    void aRefusedFlagFailsTheStart() {
        EmulatorException error = assertThrows(EmulatorException.class,
                () -> AvaraEmulator.builder().webhookScheme("carrier-pigeon").start());
        assertEquals("emulator_start_failed", error.code());
    }

    @Test
    void aMissingOverrideIsNamed(@TempDir Path folder) {
        System.setProperty(EmulatorBinary.PROPERTY, folder.resolve("no-such-emulator").toString());
        try {
            EmulatorException error = assertThrows(EmulatorException.class, AvaraEmulator::start);
            assertEquals("emulator_not_found", error.code());
            assertTrue(error.getMessage().contains("no-such-emulator"), error.getMessage());
        } finally {
            System.clearProperty(EmulatorBinary.PROPERTY);
        }
    }

    @Test
    void aBadPortIsRefusedByTheBuilder() {
        assertThrows(IllegalArgumentException.class, () -> AvaraEmulator.builder().port(70000));
    }
}
