package com.avara.webhooks;

import com.avara.core.DirectHandle;
import com.avara.webhooks.model.Avara_jvmKt;
import com.avara.webhooks.model.Verifier;
import com.avara.webhooks.model.Verified;
import com.avara.webhooks.model.WebhookEvent;
import com.avara.webhooks.model.WebhookOptions;
import java.lang.ref.Reference;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Verifies Avara webhook deliveries and parses them into typed events.
 *
 * <pre>{@code
 * try (Webhook webhook = Webhook.builder().secret(System.getenv("AVARA_JWT_WEBHOOK_SECRET")).build()) {
 *     WebhookEvent event = webhook.unwrap(body, headers);   // body: the raw request bytes
 *     if (event instanceof WebhookEvent.StudyAccessRequested request) {
 *         String studyId = request.getData().getStudyId();
 *         return StudyAccessRequestedResponses.toJson(StudyAccessRequestedResponses.authorized(urlsFor(studyId)));
 *     } else if (event instanceof WebhookEvent.Unknown unknown) {
 *         log.info("new event type {}", unknown.getEventType());
 *     }
 * }
 * }</pre>
 *
 * <p>{@code headers} is the request's header map: values are a {@code String} or a
 * {@code Collection<String>} (a Spring {@code HttpHeaders} works as is). Names match
 * case-insensitively; a header given twice, or as a collection of two values, is
 * rejected as {@code duplicate_header}, and a {@code null} value means the header is
 * absent. A {@code null} body or map, or a value that is not text or bytes for a header
 * the core reads, is {@code payload_not_raw}.
 *
 * <p>Every failure is a {@link WebhookVerificationException} with a stable
 * {@link WebhookVerificationException#getCode() code}. One instance is safe to share
 * between threads; {@link #close()} frees the native verifier early (it is otherwise
 * freed once unreachable).
 */
public final class Webhook implements AutoCloseable {
    private final Verifier verifier;
    private final DirectHandle direct;
    private final Clock clock;
    private final int secretCount;

    private Webhook(Verifier verifier, Clock clock, int secretCount) {
        this.verifier = verifier;
        this.direct = new DirectHandle(this, NativeCalls.call(verifier::directHandle),
                DirectCalls::avara_jvm_direct_release, "this Webhook has been closed");
        this.clock = clock;
        this.secretCount = secretCount;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Checks the signature and the timestamp; says which scheme and secret matched. */
    public Verified verify(byte[] body, Map<String, ?> headers) {
        byte[] lines = HeaderLines.encode(headers);
        long handle = direct.acquire();
        try {
            return NativeCalls.call(() -> DirectCalls.verify(handle, body, lines, now()));
        } finally {
            direct.done();
            // The handle is freed once this object is unreachable: not before the call ends.
            Reference.reachabilityFence(this);
        }
    }

    /** Verifies the delivery, then parses its body into a typed event. */
    public WebhookEvent unwrap(byte[] body, Map<String, ?> headers) {
        byte[] lines = HeaderLines.encode(headers);
        long handle = direct.acquire();
        try {
            return NativeCalls.call(() -> DirectCalls.unwrap(handle, body, lines, now()));
        } finally {
            direct.done();
            Reference.reachabilityFence(this);
        }
    }

    private Long now() {
        return clock == null ? null : clock.millis();
    }

    /**
     * Parses a body without checking any signature. Anyone can forge an unverified body:
     * use this only for bodies verified elsewhere, or in tests.
     */
    public static WebhookEvent unsafeUnwrap(byte[] body) {
        return NativeCalls.call(() -> Avara_jvmKt.unsafeUnwrap(body));
    }

    @Override
    public void close() {
        direct.close();
        verifier.close();
    }

    @Override
    public String toString() {
        return "Webhook[secrets=" + secretCount + " (redacted), clock=" + (clock == null ? "system" : clock) + "]";
    }

    /**
     * Configures a {@link Webhook}. Secrets are used verbatim (no trimming or decoding),
     * must be at least 32 bytes and may have no whitespace or invisible character at either
     * end; a {@code whsec_<base64>} or bare base64 secret also verifies Standard Webhooks
     * deliveries with its decoded key (at least 24 bytes). {@link #build()} rejects bad
     * ones with {@code invalid_secret}, whatever is wrong: none set, {@code null} (as an
     * unset environment variable gives), text with an unpaired surrogate. A bad option is an
     * {@link IllegalArgumentException}. Tolerances default to 5 minutes each way, the body
     * limit to 1 MiB.
     */
    public static final class Builder {
        /** {@code null} until a secret is set; may hold {@code null}s, which build() reports. */
        private List<String> secrets;
        private boolean singleSecret = true;
        private Long pastToleranceMs;
        private Long futureToleranceMs;
        private boolean checkTimestamp = true;
        private Long maxPayloadBytes;
        private Clock clock;

        private Builder() {}

        public Builder secret(String secret) {
            this.secrets = Collections.singletonList(secret);
            this.singleSecret = true;
            return this;
        }

        /** Several secrets, for rotation: any may match, and verification reports which. */
        public Builder secrets(List<String> secrets) {
            this.secrets = secrets == null ? null : Collections.unmodifiableList(new ArrayList<>(secrets));
            this.singleSecret = false;
            return this;
        }

        /** How far in the past and in the future a delivery may be signed (inclusive). */
        public Builder tolerance(Duration tolerance) {
            return pastTolerance(tolerance).futureTolerance(tolerance);
        }

        public Builder pastTolerance(Duration tolerance) {
            this.pastToleranceMs = toleranceMillis(tolerance);
            return this;
        }

        public Builder futureTolerance(Duration tolerance) {
            this.futureToleranceMs = toleranceMillis(tolerance);
            return this;
        }

        /** The core takes tolerances as a count of milliseconds in a signed 64-bit integer. */
        private static long toleranceMillis(Duration tolerance) {
            if (tolerance == null) {
                throw new IllegalArgumentException(
                        "tolerance must not be null; disableTimestampCheck() turns the check off");
            }
            try {
                return tolerance.toMillis();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("tolerance must be between 0 and " + Long.MAX_VALUE
                        + " ms (Duration.ofMillis(Long.MAX_VALUE)), got " + tolerance, e);
            }
        }

        /**
         * Turns the freshness check off, whatever the tolerances, e.g. to re-verify stored
         * deliveries. Replays are then only stopped by deduplicating on the event id.
         */
        public Builder disableTimestampCheck() {
            this.checkTimestamp = false;
            return this;
        }

        /** The clock freshness is judged against; the system clock by default. */
        public Builder clock(Clock clock) {
            if (clock == null) {
                throw new IllegalArgumentException("clock must not be null");
            }
            this.clock = clock;
            return this;
        }

        /** Bodies above this many bytes are rejected with {@code payload_too_large}. */
        public Builder maxPayloadBytes(long maxPayloadBytes) {
            this.maxPayloadBytes = maxPayloadBytes;
            return this;
        }

        /** Secrets cross as UTF-16 code units ({@link Utf16}), so the core judges every one. */
        public Webhook build() {
            WebhookOptions options = new WebhookOptions(pastToleranceMs, futureToleranceMs, checkTimestamp, maxPayloadBytes);
            Verifier verifier = NativeCalls.call(() -> singleSecret
                    ? new Verifier(secrets == null ? null : Utf16.units(secrets.get(0)), options)
                    : Verifier.Companion.withSecrets(
                            secrets == null ? null : secrets.stream().map(Utf16::units).toList(), options));
            return new Webhook(verifier, clock, secrets.size());
        }
    }
}
