package com.avara.bench;

import com.avara.webhooks.Webhook;
import com.avara.webhooks.model.Verified;
import com.avara.webhooks.model.WebhookEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One call per operation, from the raw body bytes and the request's header map to a
 * verified (and, for unwrap, parsed) delivery. Deliveries are re-signed before every
 * iteration so the default 5-minute window never runs out.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 10, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class VerifyBench {
    @Param({"delivery", "1MiB"})
    public String size;

    private byte[] body;
    private Map<String, List<String>> guideHeaders;
    private Map<String, List<String>> standardHeaders;
    private Webhook ours;
    private Webhook oursStandard;
    private Guide guide;
    private Tuned tuned;
    private com.standardwebhooks.Webhook official;

    @Setup(Level.Trial)
    public void build() throws Exception {
        body = Deliveries.body(size);
        ours = Webhook.builder().secret(Deliveries.SECRET).build();
        oursStandard = Webhook.builder().secret(Deliveries.STANDARD_SECRET).build();
        guide = new Guide(Deliveries.SECRET);
        tuned = new Tuned(Deliveries.SECRET);
        official = new com.standardwebhooks.Webhook(Deliveries.STANDARD_SECRET);
        sign();
        check(oursVerify().getScheme().name().equals("GUIDE"), "ours.verify");
        check(oursUnwrap() instanceof WebhookEvent.StudyAccessRequested, "ours.unwrap");
        check(oursUnwrapStandard() instanceof WebhookEvent.StudyAccessRequested, "ours.unwrap_standard");
        check(((Map<?, ?>) guide()).get("type").equals("study.access_requested"), "guide");
        check(tunedVerify(), "tuned.verify");
        check(tunedUnwrap().type().equals("study.access_requested"), "tuned.unwrap");
        check(standardwebhooks().length() == body.length, "standardwebhooks");
        check(sha256().length == 32, "sha256");
    }

    private static void check(boolean passed, String operation) {
        if (!passed) {
            throw new IllegalStateException(operation + " returned a wrong result");
        }
    }

    @Setup(Level.Iteration)
    public void sign() {
        guideHeaders = Deliveries.guideRequest(body);
        standardHeaders = Deliveries.standardRequest(body);
    }

    @Benchmark
    public Verified oursVerify() {
        return ours.verify(body, guideHeaders);
    }

    @Benchmark
    public WebhookEvent oursUnwrap() {
        return ours.unwrap(body, guideHeaders);
    }

    @Benchmark
    public WebhookEvent oursUnwrapStandard() {
        return oursStandard.unwrap(body, standardHeaders);
    }

    @Benchmark
    public Object guide() throws IOException {
        return guide.receive(body, guideHeaders);
    }

    @Benchmark
    public boolean tunedVerify() throws CloneNotSupportedException {
        return tuned.verify(body, guideHeaders);
    }

    @Benchmark
    public Tuned.Event tunedUnwrap() throws CloneNotSupportedException, IOException {
        return tuned.unwrap(body, guideHeaders);
    }

    /** The library takes the payload as a String (Spring's {@code @RequestBody String}). */
    @Benchmark
    public String standardwebhooks() throws com.standardwebhooks.exceptions.WebhookVerificationException {
        String payload = new String(body, StandardCharsets.UTF_8);
        official.verify(payload, standardHeaders);
        return payload;
    }

    @Benchmark
    public byte[] sha256() throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-256").digest(body);
    }
}
