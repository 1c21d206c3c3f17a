package com.avara.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import com.avara.core.ApiCodec;
import com.avara.errors.AvaraException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Runs every case of tests/vectors/api (formats in tests/README.md) through the public
 * {@link ApiCodec}. Jackson only reads the vector files; values reach the codec as the
 * plain maps and lists of the wire form.
 */
class ApiVectorsTest {
    // Longs, as the wire form holds every integer.
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

    @TestFactory
    Stream<DynamicNode> apiVectors() throws IOException {
        Path dir = Path.of(System.getProperty("avara.vectors.dir", "../tests/vectors")).resolve("api");
        return Stream.of(file(dir.resolve("requests.json"), "api_requests_v1", "encode"),
                file(dir.resolve("responses.json"), "api_responses_v1", "interpret"));
    }

    private DynamicNode file(Path path, String schema, String type) throws IOException {
        JsonNode root = JSON.readTree(path.toFile());
        assertEquals(schema, root.path("schema").asText(), path + ": schema");
        List<DynamicNode> cases = new ArrayList<>();
        for (JsonNode group : root.path("testGroups")) {
            assertEquals(type, group.path("type").asText(), path + ": a group type without a runner");
            for (JsonNode test : group.path("tests")) {
                String name = "tcId " + test.path("tcId").asInt() + ": " + test.path("comment").asText();
                Executable run = type.equals("encode") ? () -> encodeCase(test) : () -> interpretCase(test);
                cases.add(DynamicTest.dynamicTest(name, run));
            }
        }
        String fileName = "api/" + path.getFileName();
        assertEquals(root.path("numberOfTests").asInt(), cases.size(), fileName + ": numberOfTests");
        System.out.println("jvm vectors: " + fileName + " " + cases.size() + " cases");
        return DynamicContainer.dynamicContainer(fileName, cases);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> plain(JsonNode node) {
        return JSON.convertValue(node, Map.class);
    }

    private static Object plainValue(JsonNode node) {
        return JSON.convertValue(node, Object.class);
    }

    private static void encodeCase(JsonNode test) {
        String operation = test.path("operation").asText();
        Map<String, Object> params = plain(test.path("params"));
        if (test.path("result").asText().equals("valid")) {
            ApiCodec.Request request = ApiCodec.encodeRequest(operation, params);
            JsonNode expected = test.path("expected");
            assertEquals(expected.path("method").asText(), request.method());
            assertEquals(expected.path("path").asText(), request.path());
            List<List<String>> query = request.query().stream().map(pair -> List.of(pair.getKey(), pair.getValue())).toList();
            assertEquals(plainValue(expected.path("query")), query);
            assertEquals(plainValue(expected.path("body")), request.body());
            assertEquals(expected.path("pathAndQuery").asText(), request.pathAndQuery());
        } else {
            AvaraException error = assertThrows(AvaraException.class, () -> ApiCodec.encodeRequest(operation, params));
            assertEquals(test.path("code").asText(), error.getCode(), error.getMessage());
            if (test.has("field")) {
                assertEquals(test.path("field").asText(), error.field().orElse(null), error.getMessage());
            }
        }
    }

    private static void interpretCase(JsonNode test) {
        String operation = test.path("operation").asText();
        int status = test.path("status").asInt();
        byte[] body = test.path("body").asText().getBytes(StandardCharsets.UTF_8);
        if (test.path("result").asText().equals("valid")) {
            assertEquals(plainValue(test.path("expected")), ApiCodec.interpretResponse(operation, status, body));
        } else {
            AvaraException error = assertThrows(AvaraException.class, () -> ApiCodec.interpretResponse(operation, status, body));
            assertEquals(test.path("code").asText(), error.getCode(), error.getMessage());
            if (status >= 400 && error.statusCode().orElse(-1) != status) {
                fail("status " + status + " not kept: " + error);
            }
        }
    }
}
