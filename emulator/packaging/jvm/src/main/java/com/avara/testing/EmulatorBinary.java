package com.avara.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The emulator executable: the {@code avara.emulator.bin} system property, else the
 * {@code AVARA_EMULATOR_BIN} environment variable, else the binary bundled in this jar,
 * copied to a temporary file that {@link #close()} deletes.
 */
final class EmulatorBinary implements AutoCloseable {
    static final String PROPERTY = "avara.emulator.bin";
    static final String ENVIRONMENT = "AVARA_EMULATOR_BIN";
    static final String RESOURCE = "linux-x86-64/avara-emulator";

    private final Path path;
    private final boolean temporary;

    private EmulatorBinary(Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
    }

    static EmulatorBinary locate() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isEmpty()) {
            return given(Path.of(property), "the system property " + PROPERTY);
        }
        String environment = System.getenv(ENVIRONMENT);
        if (environment != null && !environment.isEmpty()) {
            return given(Path.of(environment), ENVIRONMENT);
        }
        return extract();
    }

    private static EmulatorBinary given(Path path, String origin) {
        if (!Files.isExecutable(path)) {
            throw new EmulatorException("emulator_not_found",
                    origin + " points to " + path.toAbsolutePath() + ", which is missing or not executable");
        }
        return new EmulatorBinary(path, false);
    }

    private static EmulatorBinary extract() {
        try (InputStream bundled = EmulatorBinary.class.getResourceAsStream(RESOURCE)) {
            if (bundled == null) {
                throw new EmulatorException("emulator_not_found", "this jar bundles no " + RESOURCE
                        + " (it is built for Linux x86_64); set " + ENVIRONMENT + " or -D" + PROPERTY);
            }
            Path file = Files.createTempFile("avara-emulator-", "",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            // Written into the file made above: replacing it would drop its execute permission.
            try (OutputStream copy = Files.newOutputStream(file)) {
                bundled.transferTo(copy);
            } catch (IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return new EmulatorBinary(file, true);
        } catch (IOException e) {
            throw new EmulatorException("emulator_not_found", "cannot copy the bundled emulator to a temporary file", e);
        }
    }

    Path path() {
        return path;
    }

    /** Deletes the temporary copy, if this is one. */
    @Override
    public void close() {
        if (temporary) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
