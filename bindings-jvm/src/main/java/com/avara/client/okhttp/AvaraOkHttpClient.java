package com.avara.client.okhttp;

import com.avara.client.AvaraClient;
import com.avara.client.AvaraClientImpl;
import com.avara.core.ApiCaller;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Creates {@link AvaraClient}s. The name matches the official Java SDK so the
 * integration guide's code compiles unchanged; the transport is the native core (no
 * OkHttp inside).
 */
public final class AvaraOkHttpClient {
    private AvaraOkHttpClient() {}

    /**
     * A client configured from the environment: the system properties {@code avara.apiKey}
     * and {@code avara.baseUrl} win over {@code AVARA_API_KEY} and {@code AVARA_BASE_URL};
     * {@code AVARA_CUSTOM_HEADERS} and {@code AVARA_LOG} are read too.
     *
     * @throws com.avara.errors.ConfigurationException when no API key is found
     */
    public static AvaraClient fromEnv() {
        return builder().fromEnv().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Settings of a client; anything not set keeps the core's default. */
    public static final class Builder {
        private String apiKey;
        private String baseUrl;
        private Duration timeout;
        private Duration connectTimeout;
        private Integer maxRetries;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private boolean fromEnv;
        private Executor asyncExecutor;

        private Builder() {}

        /** Fills what is not set in code from system properties, then the environment. */
        public Builder fromEnv() {
            fromEnv = true;
            return this;
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** Default {@code https://api.avarasoftware.com}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** Per attempt; default 60 s. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Default 5 s. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** Retries after the first attempt; default 2. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /** A header sent with every request, replacing one of the same name. */
        public Builder putHeader(String name, String value) {
            headers.keySet().removeIf(given -> given.equalsIgnoreCase(name));
            headers.put(name, value);
            return this;
        }

        /**
         * Where {@code client.async()} runs its blocking native calls. By default a
         * client-owned pool of {@value ApiCaller#DEFAULT_ASYNC_THREADS} daemon threads,
         * which bounds the async calls in flight; pass your own to change that.
         */
        public Builder asyncExecutor(Executor executor) {
            this.asyncExecutor = executor;
            return this;
        }

        /** @throws com.avara.errors.ConfigurationException when the settings are unusable */
        public AvaraClient build() {
            String key = apiKey;
            String url = baseUrl;
            if (fromEnv) {
                key = key != null ? key : System.getProperty("avara.apiKey");
                url = url != null ? url : System.getProperty("avara.baseUrl");
            }
            return new AvaraClientImpl(ApiCaller.open(
                    key, url, timeout, connectTimeout, maxRetries, headers, fromEnv, asyncExecutor));
        }

        @Override
        public String toString() {
            return "AvaraOkHttpClient.Builder{baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "unset" : "[REDACTED]") + "}";
        }
    }
}
