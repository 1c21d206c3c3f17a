package com.avara.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A local Avara API ({@code avara-emulator}) on a free loopback port, for tests.
 *
 * <pre>{@code
 * try (AvaraEmulator emulator = AvaraEmulator.builder().apiKey("sk_test_ci").start()) {
 *     AvaraClient client = AvaraOkHttpClient.builder()
 *             .apiKey(emulator.apiKey()).baseUrl(emulator.baseUrl()).build();
 *     ...
 * }
 * }</pre>
 *
 * Or start one in {@code @BeforeAll} and {@link #close()} it in {@code @AfterAll}. A
 * shutdown hook stops any emulator still running when the JVM exits.
 */
public final class AvaraEmulator implements AutoCloseable {
    private static final String SERVING_NOTE = "avara-emulator: serving ";
    private static final long POLL_MILLIS = 10;

    private final Process process;
    private final EmulatorBinary binary;
    private final Duration stopTimeout;
    private final Thread shutdownHook;
    private Map<String, String> env = Map.of();

    private AvaraEmulator(Process process, EmulatorBinary binary, Duration stopTimeout) {
        this.process = process;
        this.binary = binary;
        this.stopTimeout = stopTimeout;
        this.shutdownHook = new Thread(this::stop, "avara-emulator-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts an emulator with one generated full-access key on a free port. */
    public static AvaraEmulator start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return env.get("AVARA_BASE_URL");
    }

    /** The first key's API key. */
    public String apiKey() {
        return env.get("AVARA_API_KEY");
    }

    /** The first key's webhook signing secret. */
    public String webhookSecret() {
        return env.get("AVARA_JWT_WEBHOOK_SECRET");
    }

    /**
     * Every printed {@code AVARA_*} variable: {@code AVARA_BASE_URL}, then
     * {@code AVARA_API_KEY[_n]} and {@code AVARA_JWT_WEBHOOK_SECRET[_n]} per key.
     */
    public Map<String, String> env() {
        return env;
    }

    /** Stops the emulator (killing it after the stop timeout) and deletes its temporary binary. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook runs stop() itself.
        }
        stop();
    }

    private synchronized void stop() {
        process.destroy();
        try {
            if (!process.waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        binary.close();
    }

    /**
     * Reads the {@code AVARA_*} lines. The emulator writes its "serving" note to standard
     * error only after every such line, so once that note is seen, the lines still unread
     * are already in the pipe and the settings are complete when it is drained.
     */
    private void readEnv(CompletableFuture<Void> serving, long deadline) throws IOException, InterruptedException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Map<String, String> printed = new LinkedHashMap<>();
        while (true) {
            boolean complete = serving.isDone();
            while (lines.ready()) {
                String line = lines.readLine();
                int equals = line == null ? -1 : line.indexOf('=');
                if (equals > 0 && line.startsWith("AVARA_")) {
                    printed.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
            if (complete && printed.containsKey("AVARA_BASE_URL")) {
                break;
            }
            if (!process.isAlive()) {
                throw new EmulatorException("emulator_start_failed",
                        "avara-emulator exited (status " + process.exitValue() + ") before it served");
            }
            if (System.nanoTime() > deadline) {
                throw new EmulatorException("emulator_start_timeout", "avara-emulator printed no settings in time");
            }
            Thread.sleep(POLL_MILLIS);
        }
        env = Collections.unmodifiableMap(printed);
        drain(lines, "avara-emulator-stdout", ignored -> { });
    }

    private void waitUntilServing(long deadline) throws InterruptedException {
        URI health = URI.create(baseUrl() + "/health");
        while (System.nanoTime() < deadline) {
            try {
                HttpURLConnection connection = (HttpURLConnection) health.toURL().openConnection();
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(1000);
                int status = connection.getResponseCode();
                connection.disconnect();
                if (status == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // Retried until the deadline.
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new EmulatorException("emulator_start_timeout", "avara-emulator at " + baseUrl() + " never answered /health");
    }

    private static void drain(BufferedReader reader, String name, Consumer<String> sink) {
        Thread thread = new Thread(() -> {
            try {
                reader.lines().forEach(sink);
            } catch (UncheckedIOException closed) {
                // The process is gone.
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Options of one emulator; what is left unset keeps the emulator's default. */
    public static final class Builder {
        private int port;
        private String apiKey;
        private String webhookUrl;
        private String webhookSecret;
        private String webhookScheme;
        private Path configFile;
        private final List<String> args = new ArrayList<>();
        private Consumer<String> stderr = line -> { };
        private Duration startTimeout = Duration.ofSeconds(10);
        private Duration stopTimeout = Duration.ofSeconds(5);

        private Builder() {
        }

        /** Port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** Bearer token of the first key (default: a generated {@code sk_test_...}). */
        public Builder apiKey(String apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
            return this;
        }

        /** Study data webhook endpoint of the first key. */
        public Builder webhookUrl(String webhookUrl) {
            this.webhookUrl = Objects.requireNonNull(webhookUrl, "webhookUrl");
            return this;
        }

        /**
         * Webhook signing secret of the first key (default: a generated {@code whsec_...}): at
         * least 32 bytes of text; the {@code standard} and {@code both} schemes need a Standard
         * Webhooks key, {@code whsec_} and base64 of at least 24 bytes or the base64 alone.
         */
        public Builder webhookSecret(String webhookSecret) {
            this.webhookSecret = Objects.requireNonNull(webhookSecret, "webhookSecret");
            return this;
        }

        /** {@code guide} (X-Avara-Signature, the default), {@code standard} (Standard Webhooks) or {@code both}. */
        public Builder webhookScheme(String webhookScheme) {
            this.webhookScheme = Objects.requireNonNull(webhookScheme, "webhookScheme");
            return this;
        }

        /** A JSON file with keys, faults and settings (see the emulator's README); the options above override its first key. */
        public Builder configFile(Path configFile) {
            this.configFile = Objects.requireNonNull(configFile, "configFile");
            return this;
        }

        /** Further command-line flags, e.g. {@code "--log-requests"} or {@code "--error-rate", "0.1"}. */
        public Builder args(String... args) {
            this.args.addAll(List.of(args));
            return this;
        }

        /** Receives each line the emulator writes to standard error (its notes and request log); discarded by default. */
        public Builder stderr(Consumer<String> stderr) {
            this.stderr = Objects.requireNonNull(stderr, "stderr");
            return this;
        }

        /** How long {@link #start()} waits for the emulator to serve (default 10 s). */
        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
            return this;
        }

        /** How long {@link AvaraEmulator#close()} waits after terminating before it kills (default 5 s). */
        public Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = Objects.requireNonNull(stopTimeout, "stopTimeout");
            return this;
        }

        /** Starts the emulator and returns once {@code GET /health} answers. */
        public AvaraEmulator start() {
            long deadline = System.nanoTime() + startTimeout.toNanos();
            EmulatorBinary binary = EmulatorBinary.locate();
            Process process;
            try {
                process = new ProcessBuilder(command(binary.path())).redirectInput(ProcessBuilder.Redirect.PIPE).start();
                process.getOutputStream().close();
            } catch (IOException e) {
                binary.close();
                throw new EmulatorException("emulator_start_failed", "cannot run " + binary.path(), e);
            }
            AvaraEmulator emulator = new AvaraEmulator(process, binary, stopTimeout);
            CompletableFuture<Void> serving = new CompletableFuture<>();
            Consumer<String> userSink = stderr;
            drain(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)),
                    "avara-emulator-stderr", line -> {
                        if (line.startsWith(SERVING_NOTE)) {
                            serving.complete(null);
                        }
                        userSink.accept(line);
                    });
            try {
                emulator.readEnv(serving, deadline);
                emulator.waitUntilServing(deadline);
                return emulator;
            } catch (IOException e) {
                emulator.close();
                throw new EmulatorException("emulator_start_failed", "cannot read the emulator's output", e);
            } catch (InterruptedException e) {
                emulator.close();
                Thread.currentThread().interrupt();
                throw new EmulatorException("emulator_start_failed", "interrupted while starting the emulator", e);
            } catch (RuntimeException e) {
                emulator.close();
                throw e;
            }
        }

        private List<String> command(Path binary) {
            List<String> command = new ArrayList<>(List.of(binary.toString(), "--port", Integer.toString(port)));
            if (configFile != null) {
                command.addAll(List.of("--config", configFile.toString()));
            }
            addFlag(command, "--api-key", apiKey);
            addFlag(command, "--webhook-url", webhookUrl);
            addFlag(command, "--webhook-secret", webhookSecret);
            addFlag(command, "--webhook-scheme", webhookScheme);
            command.addAll(args);
            return command;
        }

        private static void addFlag(List<String> command, String flag, String value) {
            if (value != null) {
                command.addAll(List.of(flag, value));
            }
        }
    }
}
