package com.avara.webhooks;

import static com.avara.webhooks.Deliveries.BODY;
import static com.avara.webhooks.Deliveries.EVENT_ID;
import static com.avara.webhooks.Deliveries.NOW_MS;
import static com.avara.webhooks.Deliveries.OTHER_SECRET;
import static com.avara.webhooks.Deliveries.SECRET;
import static com.avara.webhooks.Deliveries.STUDY_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.avara.webhooks.model.Scheme;
import com.avara.webhooks.model.Sex;
import com.avara.webhooks.model.Verified;
import com.avara.webhooks.model.WebhookEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The Java surface: builder, header maps, clock, events, responses. */
class WebhookTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Webhook webhook() {
        return Webhook.builder().secret(SECRET).clock(fixedAt(NOW_MS)).build();
    }

    private static Clock fixedAt(long millis) {
        return Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }

    private static String code(Runnable call) {
        return assertThrows(WebhookVerificationException.class, call::run).getCode();
    }

    @Test
    void verifiesAndUnwrapsATypedEvent() {
        try (Webhook webhook = webhook()) {
            Verified verified = webhook.verify(BODY, Deliveries.headers());
            assertEquals(Scheme.GUIDE, verified.getScheme());
            assertEquals(0, verified.getSecretIndex());
            assertEquals(NOW_MS, verified.getTimestampMs());
            assertNull(verified.getWebhookId());

            WebhookEvent event = webhook.unwrap(BODY, Deliveries.headers());
            WebhookEvent.StudyAccessRequested request = assertInstanceOf(WebhookEvent.StudyAccessRequested.class, event);
            assertEquals(EVENT_ID, request.getId());
            assertEquals(STUDY_ID, request.getData().getStudyId());
            assertEquals("1.2.840.10008.1", request.getData().getStudyInstanceUid());
        }
    }

    @Test
    void acceptsTheHeaderMapShapesFrameworksUse() {
        try (Webhook webhook = webhook()) {
            Map<String, String> plain = Deliveries.headers();
            webhook.verify(BODY, Deliveries.multi(plain));

            Map<String, Object> lowerCase = new HashMap<>();
            plain.forEach((name, value) -> lowerCase.put(name.toLowerCase(), value));
            lowerCase.put(null, "HTTP/1.1 200 OK");
            lowerCase.put("content-type", List.of("application/json"));
            webhook.verify(BODY, lowerCase);

            Map<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            plain.forEach((name, value) -> caseInsensitive.put(name, List.of(value)));
            webhook.verify(BODY, caseInsensitive);
        }
    }

    @Test
    void repeatedHeadersAreDuplicatesNotChoices() {
        try (Webhook webhook = webhook()) {
            Map<String, String> plain = Deliveries.headers();
            String signature = plain.get("X-Avara-Signature");
            Map<String, List<String>> twice = new HashMap<>(Deliveries.multi(plain));
            twice.put("X-Avara-Signature", List.of(signature, signature));
            assertEquals("duplicate_header", code(() -> webhook.verify(BODY, twice)));

            Map<String, String> twoCases = new HashMap<>(plain);
            twoCases.put("x-avara-signature", signature);
            assertEquals("duplicate_header", code(() -> webhook.verify(BODY, twoCases)));

            Map<String, List<String>> none = new HashMap<>(Deliveries.multi(plain));
            none.put("X-Avara-Signature", List.of());
            assertEquals("missing_signature", code(() -> webhook.verify(BODY, none)));

            Map<String, String> nullValue = new HashMap<>(plain);
            nullValue.put("X-Avara-Signature", null);
            assertEquals("missing_signature", code(() -> webhook.verify(BODY, nullValue)));
        }
    }

    @Test
    void theClockDecidesFreshness() {
        Map<String, String> headers = Deliveries.headers();
        try (Webhook late = Webhook.builder().secret(SECRET).clock(fixedAt(NOW_MS + 300_001)).build()) {
            assertEquals("timestamp_too_old", code(() -> late.verify(BODY, headers)));
        }
        try (Webhook early = Webhook.builder().secret(SECRET).clock(fixedAt(NOW_MS - 300_001)).build()) {
            assertEquals("timestamp_too_new", code(() -> early.verify(BODY, headers)));
        }
        try (Webhook lenient = Webhook.builder().secret(SECRET).tolerance(Duration.ofMinutes(10))
                .clock(fixedAt(NOW_MS + 300_001)).build()) {
            lenient.verify(BODY, headers);
        }
        try (Webhook unchecked = Webhook.builder().secret(SECRET).disableTimestampCheck()
                .clock(fixedAt(0)).build()) {
            unchecked.verify(BODY, headers);
        }
        // The system clock is years past this delivery.
        try (Webhook system = Webhook.builder().secret(SECRET).build()) {
            assertEquals("timestamp_too_old", code(() -> system.verify(BODY, headers)));
            system.verify(BODY, Deliveries.headers(SECRET, System.currentTimeMillis(), BODY));
        }
    }

    @Test
    void rotationReportsWhichSecretMatched() {
        try (Webhook webhook = Webhook.builder().secrets(List.of(SECRET, OTHER_SECRET)).clock(fixedAt(NOW_MS)).build()) {
            assertEquals(1, webhook.verify(BODY, Deliveries.headers(OTHER_SECRET, NOW_MS, BODY)).getSecretIndex());
            assertEquals(0, webhook.verify(BODY, Deliveries.headers(SECRET, NOW_MS, BODY)).getSecretIndex());
        }
    }

    @Test
    void failuresCarryTheCoreCodeAndMessage() {
        try (Webhook webhook = webhook()) {
            WebhookVerificationException error = assertThrows(WebhookVerificationException.class,
                    () -> webhook.verify("{}".getBytes(StandardCharsets.UTF_8), Deliveries.headers()));
            assertEquals("signature_mismatch", error.getCode());
            assertEquals(false, error.getMessage().isEmpty());
            assertEquals("invalid_secret", code(() -> Webhook.builder().build()));
            assertEquals("invalid_secret", code(() -> Webhook.builder().secret("short").build()));
        }
    }

    @Test
    void unknownEventTypesArriveWhole() throws IOException {
        byte[] body = "{\"type\":\"study.created\",\"id\":\"x\",\"data\":{\"n\":1}}".getBytes(StandardCharsets.UTF_8);
        WebhookEvent.Unknown unknown = assertInstanceOf(WebhookEvent.Unknown.class, Webhook.unsafeUnwrap(body));
        assertEquals("study.created", unknown.getEventType());
        assertEquals(JSON.readTree(body), JSON.readTree(unknown.getRaw()));
        // Rebuilt from its Java fields, it serializes exactly as the parsed one.
        WebhookEvent.Unknown rebuilt = new WebhookEvent.Unknown(unknown.getEventType(), unknown.getRaw());
        assertEquals(Webhooks.toJson(unknown), Webhooks.toJson(rebuilt));
    }

    @Test
    void eventsBuiltInJavaAreValidatedOnTheWayIn() {
        WebhookEvent.StudyAccessRequested event = (WebhookEvent.StudyAccessRequested) Webhook.unsafeUnwrap(BODY);
        WebhookEvent.StudyAccessRequested forged = new WebhookEvent.StudyAccessRequested("whe_nope", event.getData());
        assertEquals("schema_error", code(() -> Webhooks.toJson(forged)));
        WebhookEvent.Unknown badJson = new WebhookEvent.Unknown("x.y", "{not json");
        assertEquals("invalid_payload", code(() -> Webhooks.toJson(badJson)));
    }

    @Test
    void responsesSerializeThroughTheCore() {
        assertEquals("{\"authorized\":true,\"urls\":[\"https://a/1\"]}",
                StudyAccessRequestedResponses.toJson(StudyAccessRequestedResponses.authorized(List.of("https://a/1"))));
        assertEquals("{\"success\":true}", ReportDeliveredResponses.toJson(ReportDeliveredResponses.acknowledged()));

        var enrichment = PatientStudyEnrichmentRequestedResponses.empty();
        enrichment.setSex(Sex.FEMALE);
        enrichment.setMrn("MRN-1");
        assertEquals("{\"mrn\":\"MRN-1\",\"sex\":\"female\"}", PatientStudyEnrichmentRequestedResponses.toJson(enrichment));

        enrichment.setExpressCustomerId("cus_bad");
        assertEquals("schema_error", code(() -> PatientStudyEnrichmentRequestedResponses.toJson(enrichment)));

        assertEquals("{\"success\":true}", Webhooks.normalizeResponse("report.delivered", "{\"extra\":1,\"success\":true}"));
        assertEquals("schema_error", code(() -> Webhooks.normalizeResponse("report.delivered", "{}")));
    }

    @Test
    void oneVerifierServesManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (Webhook webhook = webhook()) {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                results.add(pool.submit(() -> webhook.verify(BODY, Deliveries.headers()).getTimestampMs()));
            }
            for (Future<Long> result : results) {
                assertEquals(NOW_MS, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
