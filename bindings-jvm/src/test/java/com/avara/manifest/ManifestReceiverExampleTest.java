package com.avara.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.avara.webhooks.model.StudyAccessRequestedData;
import com.avara.webhooks.model.WebhookEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bindings-jvm/examples/ManifestReceiver.java, compiled as it is against the jar and run
 * on a folder holding one study's file beside another study's file and a text file.
 */
class ManifestReceiverExampleTest {
    private static final Path EXAMPLE = Path.of(System.getProperty("avara.repo.dir", ".."))
            .resolve("bindings-jvm/examples/ManifestReceiver.java");
    private static final String CT_STUDY = "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322";

    @Test
    void theReceiverAnswersWithTheStudysUrlsAndManifest(@TempDir Path classes, @TempDir Path images) throws Exception {
        for (String file : List.of("CT_small.dcm", "MR_small.dcm", "README.txt")) {
            Files.copy(DicomFiles.folder().resolve(file), images.resolve(file));
        }
        WebhookEvent.StudyAccessRequested event = new WebhookEvent.StudyAccessRequested(
                "whe_0123456789abcdef0123456789abcdef",
                new StudyAccessRequestedData("stu_0123456789abcdef0123456789abcdef", CT_STUDY));

        JsonNode answer = DicomFiles.JSON.readTree((String) answerStudyAccess(classes).invoke(null, event, images));

        assertTrue(answer.path("authorized").asBoolean());
        assertEquals(List.of("https://images.example.com/CT_small.dcm"),
                DicomFiles.JSON.convertValue(answer.path("urls"), List.class));
        JsonNode manifest = answer.path("manifest");
        assertEquals(CT_STUDY, manifest.path("studyInstanceUID").asText());
        assertEquals(1, manifest.path("series").size());
        JsonNode sop = manifest.path("series").get(0).path("sops").get(0);
        assertEquals("1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322", sop.path("sopInstanceUID").asText());
        assertEquals(128, sop.path("rows").asInt());
    }

    private static Method answerStudyAccess(Path classes) throws Exception {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        // Surefire's own class path is a manifest-only jar, so the package's jar and
        // dependencies are named the way users name them.
        Path jar = Path.of(System.getProperty("avara.jar"));
        String classPath = jar + File.pathSeparator + Files.readString(jar.resolveSibling("classpath.txt")).trim();
        int status = compiler.run(null, null, null, "-d", classes.toString(), "-cp", classPath, EXAMPLE.toString());
        assertEquals(0, status, "the example compiles");
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ManifestReceiverExampleTest.class.getClassLoader());
        return loader.loadClass("ManifestReceiver").getMethod("answerStudyAccess", WebhookEvent.StudyAccessRequested.class, Path.class);
    }
}
