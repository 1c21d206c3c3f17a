package com.avara.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * tests/vectors/manifest/files.json (format in its README) through {@link Manifests}: every
 * input alone, whole and cut short, then whole studies; the same results as the Rust
 * builder, with pydicom's values for every SOP, from bytes and from files.
 */
class ManifestVectorsTest {
    @TestFactory
    Stream<DynamicTest> everyInputAlone() throws IOException {
        JsonNode inputs = DicomFiles.vector().path("inputs");
        assertTrue(inputs.size() > 200, "the vector has an input per file and prefix");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode input : inputs) {
            String file = input.path("file").asText();
            String name = file + (input.path("prefix").isNull() ? "" : " first " + input.path("prefix").asInt() + " bytes");
            tests.add(DynamicTest.dynamicTest(name, () -> checkInput(input, file)));
        }
        return tests.stream();
    }

    private static void checkInput(JsonNode input, String file) throws IOException {
        JsonNode expect = input.path("expect");
        BuiltManifest built = Manifests.build(input.path("study").asText(),
                List.of(new ManifestItem(file, DicomFiles.bytes(input))));
        if (expect.path("code").isNull()) {
            assertEquals(List.of(), built.skipped());
            assertEquals(List.of(file), built.urls());
            JsonNode series = DicomFiles.answer(built).path("manifest").path("series");
            assertEquals(1, series.size(), "one series");
            ObjectNode seriesFields = series.get(0).deepCopy();
            JsonNode sops = seriesFields.remove("sops");
            assertTrue(DicomFiles.sameJson(expect.path("series"), seriesFields), "series " + seriesFields + " != " + expect.path("series"));
            assertEquals(1, sops.size(), "one SOP");
            assertTrue(DicomFiles.sameJson(expect.path("sop"), sops.get(0)), "SOP " + sops.get(0) + " != " + expect.path("sop"));
        } else {
            assertEquals(1, built.skipped().size(), "one skipped input: " + built.skipped());
            SkippedInput skipped = built.skipped().get(0);
            assertEquals(file, skipped.url());
            assertEquals(expect.path("code").asText(), skipped.code(), skipped.reason());
            assertEquals(expect.path("listed").asBoolean(), skipped.listed());
            assertFalse(skipped.reason().isBlank());
            assertEquals(skipped.listed() ? List.of(file) : List.of(), built.urls());
            assertTrue(built.manifest().getSeries().isEmpty());
        }
    }

    @TestFactory
    Stream<DynamicTest> wholeStudies() throws IOException {
        JsonNode studies = DicomFiles.vector().path("studies");
        assertTrue(studies.size() > 0, "the vector has whole studies");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode study : studies) {
            tests.add(DynamicTest.dynamicTest(study.path("study").asText(), () -> checkStudy(study)));
        }
        return tests.stream();
    }

    /** A vector study's files, whole, in the order given, each named by its path in the folder. */
    static List<ManifestItem> items(JsonNode study) {
        List<ManifestItem> items = new ArrayList<>();
        for (JsonNode file : study.path("files")) {
            items.add(new ManifestItem(file.asText(), DicomFiles.bytes(file.asText())));
        }
        return items;
    }

    private static void checkStudy(JsonNode study) throws IOException {
        BuiltManifest built = Manifests.build(study.path("study").asText(), items(study));
        // Files read only as far as their headers go give the same result.
        List<Path> files = new ArrayList<>();
        for (JsonNode file : study.path("files")) {
            files.add(DicomFiles.folder().resolve(file.asText()));
        }
        Path folder = DicomFiles.folder();
        assertEquals(built, Manifests.buildFromFiles(study.path("study").asText(), files,
                file -> folder.relativize(file).toString()));
        JsonNode expect = study.path("expect");
        assertEquals(DicomFiles.JSON.convertValue(expect.path("urls"), List.class), built.urls());
        List<List<Object>> skipped = built.skipped().stream()
                .map(input -> List.<Object>of(input.url(), input.code(), input.listed()))
                .toList();
        assertEquals(DicomFiles.JSON.convertValue(expect.path("skipped"), List.class), skipped);
        JsonNode answer = DicomFiles.answer(built);
        if (expect.path("manifest").path("series").isEmpty()) {
            assertTrue(built.manifest().getSeries().isEmpty());
            assertEquals(expect.path("manifest").path("studyInstanceUID").asText(), built.manifest().getStudyInstanceUid());
            assertTrue(answer.path("manifest").isMissingNode(), "an answer leaves out a manifest without series");
        } else {
            assertTrue(DicomFiles.sameJson(expect.path("manifest"), answer.path("manifest")),
                    "manifest " + answer.path("manifest") + " != " + expect.path("manifest"));
        }
    }
}
