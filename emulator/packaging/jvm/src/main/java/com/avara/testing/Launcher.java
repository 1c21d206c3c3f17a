package com.avara.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code java -jar avara-emulator-<version>.jar [flags]}: runs the emulator in the foreground. */
public final class Launcher {
    private static final long STOP_SECONDS = 5;

    private Launcher() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmulatorBinary binary;
        try {
            binary = EmulatorBinary.locate();
        } catch (EmulatorException e) {
            System.err.println("avara-emulator: " + e.getMessage());
            System.exit(1);
            return;
        }
        List<String> command = new ArrayList<>(List.of(binary.path().toString()));
        command.addAll(List.of(args));
        // A terminated JVM (SIGTERM, SIGHUP) terminates the emulator; Ctrl-C reaches both anyway.
        // The hook is in place before the emulator starts and waits for start() to return:
        // the emulator may print, and be signalled, before the JVM gets its Process.
        CompletableFuture<Process> started = new CompletableFuture<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stop(started.get(STOP_SECONDS, TimeUnit.SECONDS));
            } catch (ExecutionException | TimeoutException notStarted) {
                // Nothing runs.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            binary.close();
        }, "avara-emulator-shutdown"));
        Process process;
        try {
            process = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            started.completeExceptionally(e);
            System.err.println("avara-emulator: cannot run " + binary.path() + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        started.complete(process);
        int status = process.waitFor();
        System.exit(status);
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
