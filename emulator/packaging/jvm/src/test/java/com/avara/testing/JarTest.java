package com.avara.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar in child JVMs, with the bundled binary (no AVARA_EMULATOR_BIN). */
class JarTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String JAR = System.getProperty("avara.jar");

    private static Process java(Path tmp, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA, "-Djava.io.tmpdir=" + tmp));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove(EmulatorBinary.ENVIRONMENT);
        return builder.start();
    }

    private static String firstLine(Process process) throws IOException {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    @Test
    void javaDashJarRunsTheBundledEmulatorAndDeletesItsCopy(@TempDir Path tmp) throws Exception {
        Process process = java(tmp, "-jar", JAR, "--version");
        assertEquals("avara-emulator 0.1.0", firstLine(process));
        assertEquals(0, process.waitFor());
        assertTrue(isEmpty(tmp));
    }

    @Test
    void javaDashJarPassesTheExitStatusOn(@TempDir Path tmp) throws Exception {
        Process process = java(tmp, "-jar", JAR, "--no-such-flag");
        assertEquals(2, process.waitFor());
    }

    @Test
    void aTerminatedLauncherStopsTheEmulator(@TempDir Path tmp) throws Exception {
        Process process = java(tmp, "-jar", JAR, "--port", "0");
        String line = firstLine(process);
        assertTrue(line.startsWith("AVARA_BASE_URL="), line);
        String baseUrl = line.substring("AVARA_BASE_URL=".length());
        process.destroy();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        assertFalse(AvaraEmulatorTest.accepts(baseUrl));
        assertTrue(isEmpty(tmp));
    }

    @Test
    void anEmulatorLeftOpenIsStoppedWhenTheJvmExits(@TempDir Path tmp) throws Exception {
        Path program = Files.writeString(tmp.resolve("LeftOpen.java"), """
                public class LeftOpen {
                    public static void main(String[] args) {
                        System.out.println(com.avara.testing.AvaraEmulator.start().baseUrl());
                    }
                }
                """);
        Path work = Files.createDirectory(tmp.resolve("tmp"));
        Process process = java(work, "-cp", JAR + File.pathSeparator, program.toString());
        String baseUrl = firstLine(process);
        assertEquals(0, process.waitFor());
        assertTrue(baseUrl.startsWith("http://127.0.0.1:"), baseUrl);
        assertFalse(AvaraEmulatorTest.accepts(baseUrl));
        assertTrue(isEmpty(work));
    }
}
