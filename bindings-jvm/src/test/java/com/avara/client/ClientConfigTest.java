package com.avara.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.avara.client.okhttp.AvaraOkHttpClient;
import com.avara.core.ApiCodec;
import com.avara.errors.ConfigurationException;
import com.avara.errors.InvalidParamsException;
import com.avara.models.viewer.studies.StudyCreateParams;
import com.avara.models.viewer.studies.StudyRetrieveResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration, argument conversion and what only the Java layer can get wrong. */
class ClientConfigTest {
    @Test
    void fromEnvPrefersSystemPropertiesOverTheEnvironment() throws Exception {
        try (Emulator emulator = Emulator.start()) {
            System.setProperty("avara.apiKey", Emulator.FULL_KEY);
            System.setProperty("avara.baseUrl", emulator.baseUrl);
            try (AvaraClient client = AvaraOkHttpClient.fromEnv()) {
                assertTrue(client.viewer().studies().list().items().isEmpty());
                assertEquals("AvaraClient{baseUrl=" + emulator.baseUrl + "}", client.toString());
            } finally {
                System.clearProperty("avara.apiKey");
                System.clearProperty("avara.baseUrl");
            }
        }
    }

    @Test
    void aMissingKeyOrBadSettingIsAConfigurationError() {
        ConfigurationException missing = assertThrows(ConfigurationException.class, () -> AvaraOkHttpClient.builder().build());
        assertEquals("configuration", missing.getCode());
        assertThrows(ConfigurationException.class,
                () -> AvaraOkHttpClient.builder().apiKey("sk_test_x").timeout(Duration.ofMillis(-1)).build());
        assertThrows(ConfigurationException.class,
                () -> AvaraOkHttpClient.builder().apiKey("sk_test_x").baseUrl("ftp://example.org").build());
    }

    @Test
    void theApiKeyNeverAppearsInStrings() {
        String key = "sk_test_secretsecretsecretsecretsecret";
        var builder = AvaraOkHttpClient.builder().apiKey(key).baseUrl("http://127.0.0.1:9");
        assertFalse(builder.toString().contains(key));
        try (AvaraClient client = builder.build()) {
            assertFalse(client.toString().contains(key));
            var error = assertThrows(RuntimeException.class, () -> client.viewer().studies().retrieve("stu_00000000000000000000000000000000"));
            assertFalse(error.toString().contains(key));
        }
    }

    @Test
    void valuesJsonCannotCarryAreInvalidParams() {
        InvalidParamsException nan = assertThrows(InvalidParamsException.class,
                () -> ApiCodec.encodeRequest("viewer.studies.list", Map.of("limit", Double.NaN)));
        assertEquals("invalid_params", nan.getCode());
        assertThrows(InvalidParamsException.class,
                () -> ApiCodec.encodeRequest("viewer.studies.list", Map.of("limit", new Object())));
        StudyCreateParams surrogate = StudyCreateParams.builder().severity(StudyCreateParams.Severity.NORMAL)
                .studyDescription("\uD800").studyInstanceUid("1.2.3").build();
        assertEquals("invalid_params", assertThrows(InvalidParamsException.class,
                () -> ApiCodec.encodeRequest("viewer.studies.create", surrogate.toWire())).getCode());
        assertEquals("invalid_params", assertThrows(InvalidParamsException.class,
                () -> ApiCodec.encodeRequest("viewer.studies.nope", Map.of())).getCode());
    }

    @Test
    void everyValueCrossesTheBinaryWireFormBothWays() {
        String text = "é✓😀 " + "x".repeat(200);
        StudyCreateParams params = StudyCreateParams.builder().severity(StudyCreateParams.Severity.NORMAL)
                .studyDescription(text).studyInstanceUid("1.2.3").build();
        ApiCodec.Request request = ApiCodec.encodeRequest("viewer.studies.create", params.toWire());
        assertEquals(Map.of("severity", "normal", "studyDescription", text, "studyInstanceUid", "1.2.3"),
                request.body());
        String body = "{\"hasMore\": false, \"cursor\": null, \"studies\": ["
                + "{\"studyId\": \"stu_1234567890abcdef1234567890abcdef\", \"studyInstanceUid\": \"1.2.3\","
                + " \"studyDescription\": \"é✓😀\", \"severity\": \"stat\", \"studyViewerStatus\": \"complete\","
                + " \"isCancelled\": true, \"metadata\": {\"a\": \"b\"}},"
                + "{\"studyId\": \"stu_0000000000000000000000000000000a\", \"studyInstanceUid\": \"1.2.4\","
                + " \"studyDescription\": \"\", \"severity\": \"normal\", \"studyViewerStatus\": \"complete\","
                + " \"isCancelled\": false}]}";
        Map<String, Object> page = ApiCodec.interpretResponse("viewer.studies.list", 200,
                body.getBytes(StandardCharsets.UTF_8));
        assertEquals(false, page.get("hasMore"));
        var studies = (java.util.List<?>) page.get("studies");
        assertEquals(2, studies.size());
        Map<?, ?> first = (Map<?, ?>) studies.get(0);
        Map<?, ?> second = (Map<?, ?>) studies.get(1);
        assertEquals("é✓😀", first.get("studyDescription"));
        assertEquals(true, first.get("isCancelled"));
        assertEquals(Map.of("a", "b"), first.get("metadata"));
        assertEquals("stu_0000000000000000000000000000000a", second.get("studyId"));
        // The second item's names cross as references to the first's.
        assertEquals(java.util.List.copyOf(first.keySet()).subList(0, 9), java.util.List.copyOf(second.keySet()));
    }

    @Test
    void unknownEnumValuesReadAsUnknownAndKeepTheirText() {
        String body = "{\"studyId\": \"stu_1234567890abcdef1234567890abcdef\", \"studyInstanceUid\": \"1.2.3\","
                + " \"studyDescription\": \"CT\", \"severity\": \"urgent\", \"studyViewerStatus\": \"complete\","
                + " \"isCancelled\": false}";
        StudyRetrieveResponse study = new StudyRetrieveResponse(
                ApiCodec.interpretResponse("viewer.studies.retrieve", 200, body.getBytes(StandardCharsets.UTF_8)));
        assertEquals(StudyRetrieveResponse.Severity._UNKNOWN, study.severity());
        assertEquals("urgent", study._raw().get("severity"));
        assertEquals(StudyRetrieveResponse.StudyViewerStatus.COMPLETE, study.studyViewerStatus());
        assertTrue(study.cancelledAt().isEmpty());
    }
}
