package com.avara.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.avara.models.viewer.studies.StudyCreateParams;
import com.avara.models.viewer.studies.StudyRetrieveByUidParams;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The integration guide's Java samples (tests/guide/java/*), byte for byte: each file
 * must appear verbatim in the guide, and each runs unchanged with the java source
 * launcher against an emulator. The one substitution allowed is the study ID, made in a
 * temporary copy, never in the file.
 */
class GuideSamplesTest {
    private static final String GUIDE_STUDY_ID = "stu_1234567890abcdef1234567890abcdef";
    private static final Path REPO = Path.of(System.getProperty("avara.repo.dir", ".."));
    private static final Path SAMPLES = REPO.resolve("tests/guide/java");

    private static String sample(String name) throws IOException {
        return Files.readString(SAMPLES.resolve(name).resolve("Main.java"), StandardCharsets.UTF_8);
    }

    @Test
    void everySampleAppearsVerbatimInTheGuide() throws IOException {
        // CI runs from a fresh clone with ../shared beside it.
        Path guide = REPO.resolve("../shared/seed/integration-guide.txt");
        if (!Files.isRegularFile(guide)) {
            fail("the integration guide is missing at " + guide.toAbsolutePath().normalize()
                    + ": check out the shared folder beside the repository");
        }
        String text = Files.readString(guide, StandardCharsets.UTF_8);
        List<Path> samples;
        try (Stream<Path> listing = Files.list(SAMPLES)) {
            samples = listing.map(dir -> dir.resolve("Main.java")).sorted().toList();
        }
        assertEquals(2, samples.size(), "the guide has two Java client samples");
        for (Path sample : samples) {
            assertTrue(text.contains(Files.readString(sample, StandardCharsets.UTF_8)), sample + " is not verbatim in the guide");
        }
    }

    @Test
    void theCreateStudySampleRuns() throws Exception {
        try (Emulator emulator = Emulator.start(); AvaraClient client = emulator.client()) {
            run(emulator, sample("create-study"));
            String uid = "1.2.840.113619.2.55.3.604688119.868.1234567890.123";
            var study = client.viewer().studies().retrieveByUid(StudyRetrieveByUidParams.builder().studyInstanceUid(uid).build());
            assertEquals("Brain MRI with Contrast", study.studyDescription());
        }
    }

    @Test
    void theRerouteUrlSampleRuns() throws Exception {
        try (Emulator emulator = Emulator.start(); AvaraClient client = emulator.client()) {
            String studyId = client.viewer().studies().create(StudyCreateParams.builder()
                    .severity(StudyCreateParams.Severity.NORMAL)
                    .studyDescription("Coronary CT Angiogram")
                    .studyInstanceUid("1.3.6.1.4.1.543245.54356543")
                    .build()).studyId();
            String text = sample("reroute-url");
            assertTrue(text.contains(GUIDE_STUDY_ID));
            run(emulator, text.replace(GUIDE_STUDY_ID, studyId));
        }
    }

    /** Runs a sample with the java source launcher, the package's jar and dependencies on the class path. */
    private static void run(Emulator emulator, String source) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("avara-guide");
        Path main = Files.writeString(dir.resolve("Main.java"), source, StandardCharsets.UTF_8);
        Path jar = Path.of(System.getProperty("avara.jar"));
        String dependencies = Files.readString(jar.resolveSibling("classpath.txt")).trim();
        String launcher = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(launcher, "-cp", jar + File.pathSeparator + dependencies, main.toString())
                .redirectErrorStream(true);
        builder.environment().put("AVARA_API_KEY", Emulator.FULL_KEY);
        builder.environment().put("AVARA_BASE_URL", emulator.baseUrl);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the sample did not finish in 120 s");
        }
        assertEquals(0, process.exitValue(), "the sample failed:\n" + output);
        Files.delete(main);
        Files.delete(dir);
    }
}
