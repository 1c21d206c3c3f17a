package com.avara.core;

import com.avara.errors.ErrorInfo;
import com.avara.webhooks.model.ApiClient;
import com.avara.webhooks.model.Avara_jvmKt;
import com.avara.webhooks.model.ClientSettings;
import com.avara.webhooks.model.HeaderValue;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one entry point the generated services use: runs an operation by its official
 * name ({@code viewer.studies.create}) with wire-form parameters through the native core,
 * which validates, sends, retries and decodes. Thread-safe; share one per application.
 */
public final class ApiCaller {
    /**
     * Threads of the default async executor: each in-flight async call holds one while the
     * core blocks on the network, so this bounds the calls in flight; more wait in line.
     */
    public static final int DEFAULT_ASYNC_THREADS = 64;

    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    /** The native client, lent to {@link ClientCalls}. */
    private final DirectHandle client;
    private final String baseUrl;
    private final Executor executor;
    private final ExecutorService ownedExecutor;

    private ApiCaller(ApiClient client, Executor executor, ExecutorService ownedExecutor) {
        try (client) {
            this.baseUrl = client.baseUrl();
            this.client = new DirectHandle(this, client.directHandle(), ClientCalls::avara_jvm_client_release,
                    "this AvaraClient has been closed");
        }
        this.executor = executor;
        this.ownedExecutor = ownedExecutor;
    }

    /**
     * Opens a client. {@code null} settings are left to the environment (when
     * {@code fromEnv}) or to the core's defaults; a {@code null} executor means the
     * default one (daemon threads, {@link #DEFAULT_ASYNC_THREADS} at most).
     */
    public static ApiCaller open(String apiKey, String baseUrl, Duration timeout, Duration connectTimeout,
            Integer maxRetries, Map<String, String> headers, boolean fromEnv, Executor executor) {
        List<HeaderValue> headerValues = new ArrayList<>();
        headers.forEach((name, value) -> headerValues.add(new HeaderValue(name, value)));
        ClientSettings settings = new ClientSettings(apiKey, baseUrl, millis(timeout), millis(connectTimeout),
                maxRetries == null ? null : maxRetries.longValue(), headerValues, fromEnv,
                "java " + System.getProperty("java.version"));
        ApiClient client = Errors.call(() -> new ApiClient(settings));
        if (executor != null) {
            return new ApiCaller(client, executor, null);
        }
        ThreadPoolExecutor pool = new ThreadPoolExecutor(DEFAULT_ASYNC_THREADS, DEFAULT_ASYNC_THREADS, 30,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "avara-async-" + THREAD_NUMBER.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return new ApiCaller(client, pool, pool);
    }

    private static Long millis(Duration duration) {
        return duration == null ? null : duration.toMillis();
    }

    /** Blocks the calling thread until the core has an answer. */
    public Map<String, Object> call(String operation, Map<String, Object> params) {
        byte[] wire = wireParams(params);
        long handle = client.acquire();
        try {
            return ClientCalls.call(handle, operation, wire);
        } finally {
            client.done();
            // The handle is freed once this object is unreachable: not before the call ends.
            Reference.reachabilityFence(this);
        }
    }

    /** Runs {@link #call} on the client's async executor. */
    public CompletableFuture<Map<String, Object>> callAsync(String operation, Map<String, Object> params) {
        return CompletableFuture.supplyAsync(() -> call(operation, params), executor);
    }

    /** The core's paging rule: the parameters of the page after {@code page}, if any. */
    public Optional<Map<String, Object>> nextPageParams(Map<String, Object> params, Map<String, Object> page) {
        byte[] next = Avara_jvmKt.nextPageParams(Wire.encode(params), Wire.encode(page));
        return next == null ? Optional.empty() : Optional.of(Wire.object(Wire.decode(next, 0)));
    }

    /** The base URL in use; never the API key. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Releases the native client and stops the default executor's idle threads. */
    public void close() {
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
        client.close();
    }

    static byte[] wireParams(Map<String, Object> params) {
        try {
            return Wire.encode(params);
        } catch (IllegalArgumentException e) {
            throw Errors.exception(new ErrorInfo(
                    "invalid_params", e.getMessage(), null, null, null, null, 0));
        }
    }
}
