package com.avara.client;

import static org.junit.jupiter.api.Assertions.fail;

import com.avara.client.okhttp.AvaraOkHttpClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * An {@code avara-emulator} on a free loopback port, started for one test and stopped
 * after it. The binary is {@code AVARA_EMULATOR_BIN} (exported by the Makefile), else the
 * workspace's debug build.
 */
final class Emulator implements AutoCloseable {
    /** Full access, the key every test uses unless it needs a restricted one. */
    static final String FULL_KEY = "sk_test_0123456789abcdef0123456789abcdef";
    /** Viewer only: no user or Express access (403 there), and a webhook endpoint. */
    static final String VIEWER_KEY = "sk_test_fedcba9876543210fedcba9876543210";

    private static final String CONFIG = """
            {"keys": [
              {"key": "%s", "description": "full"},
              {"key": "%s", "description": "viewer only", "userAccess": "none", "expressAccess": "none",
               "webhookUrl": "http://127.0.0.1:9/webhooks/avara"}
            ]}
            """.formatted(FULL_KEY, VIEWER_KEY);

    /** A `--log-requests` line of a faulted request: a 429 or 5xx answer, or a drop. */
    private static final Pattern FAULT = Pattern.compile("-> (429|5\\d\\d|dropped) ");

    private final Process process;
    private final Path config;
    private final AtomicInteger faults;
    final String baseUrl;

    private Emulator(Process process, Path config, AtomicInteger faults, String baseUrl) {
        this.process = process;
        this.config = config;
        this.faults = faults;
        this.baseUrl = baseUrl;
    }

    /** How many requests were answered with a fault so far (with `--log-requests`). */
    int faults() {
        return faults.get();
    }

    static Path binary() {
        String fromMake = System.getenv("AVARA_EMULATOR_BIN");
        Path binary = fromMake != null && !fromMake.isEmpty()
                ? Path.of(fromMake)
                : Path.of(System.getProperty("avara.repo.dir", "..")).resolve("target/debug/avara-emulator");
        if (!Files.isExecutable(binary)) {
            fail("no emulator at " + binary.toAbsolutePath() + ": run `make emulator-build` or set AVARA_EMULATOR_BIN");
        }
        return binary;
    }

    /** Starts an emulator with the two keys above and any extra flags (faults, say). */
    static Emulator start(String... flags) throws IOException {
        Path config = Files.createTempFile("avara-emulator", ".json");
        Files.writeString(config, CONFIG);
        List<String> command = new ArrayList<>(List.of(binary().toString(), "--port", "0", "--config", config.toString()));
        command.addAll(List.of(flags));
        Process process = new ProcessBuilder(command).start();
        AtomicInteger faults = new AtomicInteger();
        BufferedReader log = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        Thread counter = new Thread(() -> log.lines().forEach(entry -> {
            if (FAULT.matcher(entry).find()) {
                faults.incrementAndGet();
            } else if (!entry.contains("avara-emulator: ")) {
                System.err.println(entry);
            }
        }), "emulator-stderr");
        counter.setDaemon(true);
        counter.start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith("AVARA_BASE_URL=")) {
                Thread drain = new Thread(() -> lines.lines().forEach(ignored -> {}), "emulator-stdout");
                drain.setDaemon(true);
                drain.start();
                return new Emulator(process, config, faults, line.substring("AVARA_BASE_URL=".length()));
            }
        }
        process.destroyForcibly();
        throw new IOException("the emulator exited without printing AVARA_BASE_URL");
    }

    AvaraClient client(String apiKey) {
        return AvaraOkHttpClient.builder().apiKey(apiKey).baseUrl(baseUrl).maxRetries(0).build();
    }

    AvaraClient client() {
        return client(FULL_KEY);
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(config);
    }
}
