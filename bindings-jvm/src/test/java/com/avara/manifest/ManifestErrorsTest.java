package com.avara.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.avara.errors.InvalidParamsException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad arguments fail with the SDK's exceptions naming them; bad inputs are skipped, never thrown. */
class ManifestErrorsTest {
    private static final String CT_STUDY = "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322";

    @Test
    void aStudyUidThatIsNoDicomUidIsAnInvalidParameter() {
        for (String uid : List.of("", "1.2.abc", "01.2.3", "1." + "2".repeat(64))) {
            InvalidParamsException error = assertThrows(InvalidParamsException.class,
                    () -> Manifests.build(uid, List.of()), uid);
            assertEquals("invalid_params", error.getCode());
            assertEquals("studyInstanceUid", error.field().orElseThrow());
            assertTrue(error.getMessage().contains("studyInstanceUid"), error.getMessage());
            InvalidParamsException fromFiles = assertThrows(InvalidParamsException.class,
                    () -> Manifests.buildFromFiles(uid, List.of(), Path::toString));
            assertEquals("studyInstanceUid", fromFiles.field().orElseThrow());
        }
    }

    @Test
    void nullArgumentsAreNamed() {
        List<ManifestItem> items = List.of();
        assertNamed("studyInstanceUid", () -> Manifests.build(null, items));
        assertNamed("items", () -> Manifests.build(CT_STUDY, null));
        assertNamed("items[1]", () -> Manifests.build(CT_STUDY, Arrays.asList(new ManifestItem("a", new byte[0]), null)));
        assertNamed("url", () -> new ManifestItem(null, new byte[0]));
        assertNamed("bytes", () -> new ManifestItem("a", null));
        assertNamed("files", () -> Manifests.buildFromFiles(CT_STUDY, null, Path::toString));
        assertNamed("urlFor", () -> Manifests.buildFromFiles(CT_STUDY, List.of(), null));
        assertNamed("files[0]", () -> Manifests.buildFromFiles(CT_STUDY, Arrays.asList((Path) null), Path::toString));
        Path file = DicomFiles.folder().resolve("CT_small.dcm");
        assertNamed("urlFor returned null", () -> Manifests.buildFromFiles(CT_STUDY, List.of(file), path -> null));
    }

    private static void assertNamed(String name, Executable call) {
        NullPointerException error = assertThrows(NullPointerException.class, call);
        assertTrue(error.getMessage() != null && error.getMessage().startsWith(name), error.getMessage());
    }

    @Test
    void aFileThatCannotBeReadIsAnIoErrorNamingIt() {
        Path missing = DicomFiles.folder().resolve("no-such-file.dcm");
        UncheckedIOException error = assertThrows(UncheckedIOException.class,
                () -> Manifests.buildFromFiles(CT_STUDY, List.of(missing), Path::toString));
        assertTrue(error.getMessage().contains(missing.toString()), error.getMessage());
    }

    @Test
    void aPathOnAnotherFileSystemIsRefused() throws Exception {
        Path zip = Path.of(System.getProperty("avara.jar"));
        try (FileSystem jar = FileSystems.newFileSystem(zip, Map.of())) {
            Path inside = jar.getPath("META-INF/MANIFEST.MF");
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> Manifests.buildFromFiles(CT_STUDY, List.of(inside), Path::toString));
            assertTrue(error.getMessage().contains("default file system"), error.getMessage());
        }
    }

    @Test
    void inputsThatAreNotDicomAreSkippedWithAReason() {
        byte[] ct = DicomFiles.bytes("CT_small.dcm");
        BuiltManifest built = Manifests.build(CT_STUDY, List.of(
                new ManifestItem("empty", new byte[0]),
                new ManifestItem("text", "hello".getBytes(StandardCharsets.UTF_8)),
                new ManifestItem("ct", ct)));
        assertEquals(List.of("ct"), built.urls());
        assertEquals(List.of("not_dicom", "not_dicom"),
                built.skipped().stream().map(SkippedInput::code).toList());
        assertEquals(1, built.manifest().getSeries().size());
    }
}
