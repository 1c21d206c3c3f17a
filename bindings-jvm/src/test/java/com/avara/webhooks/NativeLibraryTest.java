package com.avara.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The tests run against the packaged jar, and the library loads out of it with no setup. */
class NativeLibraryTest {
    private static final String ENTRY = "linux-x86-64/libavara_jvm.so";

    @Test
    void classesComeFromThePackagedJar() throws URISyntaxException {
        Path location = Path.of(Webhook.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertEquals(Path.of(System.getProperty("avara.jar")).toAbsolutePath(), location.toAbsolutePath());
    }

    @Test
    void theJarCarriesTheLibraryWhereJnaLooks() throws IOException {
        try (JarFile jar = new JarFile(System.getProperty("avara.jar"))) {
            assertNotNull(jar.getEntry(ENTRY), "jar entry " + ENTRY);
        }
    }

    @Test
    void theLibraryLoadsFromAnExtractedCopyWithoutAnySystemProperty() throws IOException {
        assertNull(System.getProperty("jna.library.path"));
        assertNull(System.getProperty("uniffi.component.avara_jvm.libraryOverride"));
        assertEquals(64, Webhooks.sign(new byte[] {1}, "", new byte[0]).length());

        // The generated code registers the library under this name and class loader, so
        // JNA hands back the instance it already loaded.
        File file = NativeLibrary.getInstance("avara_jvm",
                Map.of(Library.OPTION_CLASSLOADER, com.avara.webhooks.model.Verifier.class.getClassLoader())).getFile();
        assertNotNull(file);
        String loaded = file.getCanonicalPath();
        String maps = Files.readString(Path.of("/proc/self/maps"));
        assertTrue(maps.contains(loaded), loaded + " is not mapped into this process");
        String classes = new File(System.getProperty("avara.classes.dir")).getCanonicalPath();
        assertFalse(loaded.startsWith(classes), "loaded from " + loaded);
        assertFalse(maps.contains("/libavara_jvm.so"), "a libavara_jvm.so is mapped from outside the jar");
    }
}
