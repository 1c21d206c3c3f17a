package com.avara.manifest;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.avara.webhooks.StudyAccessRequestedResponses;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * pydicom's test files (AVARA_DICOM_FILES, which `make jvm-test` sets) and the vector
 * generated from them, tests/vectors/manifest/files.json.
 */
final class DicomFiles {
    static final ObjectMapper JSON = new ObjectMapper();

    private DicomFiles() {}

    static Path folder() {
        String folder = System.getenv("AVARA_DICOM_FILES");
        if (folder == null) {
            fail("AVARA_DICOM_FILES names pydicom's test_files folder; `make jvm-test` sets it");
        }
        Path path = Path.of(folder);
        assertTrue(Files.isDirectory(path), "AVARA_DICOM_FILES=" + folder + " is not a folder");
        return path;
    }

    static JsonNode vector() throws IOException {
        Path vectors = Path.of(System.getProperty("avara.vectors.dir", "../tests/vectors"));
        return JSON.readTree(vectors.resolve("manifest/files.json").toFile());
    }

    static byte[] bytes(String file) {
        try {
            return Files.readAllBytes(folder().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A vector input's bytes: the file cut to its {@code prefix}, or whole when that is null. */
    static byte[] bytes(JsonNode input) {
        byte[] bytes = bytes(input.path("file").asText());
        JsonNode prefix = input.path("prefix");
        return prefix.isNull() ? bytes : Arrays.copyOf(bytes, Math.min(bytes.length, prefix.intValue()));
    }

    /** The answer's JSON as the core writes it, which holds the manifest when it has a series. */
    static JsonNode answer(BuiltManifest built) throws IOException {
        return JSON.readTree(StudyAccessRequestedResponses.toJson(StudyAccessRequestedResponses.authorized(built)));
    }

    /** Equal JSON, with every number compared as a number: 512 and 512.0 alike. */
    static boolean sameJson(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.doubleValue() == b.doubleValue();
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!sameJson(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = a.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode other = b.get(field.getKey());
                if (other == null || !sameJson(field.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
