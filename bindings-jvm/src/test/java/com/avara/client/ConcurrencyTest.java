package com.avara.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.avara.client.okhttp.AvaraOkHttpClient;
import com.avara.models.viewer.studies.StudyCreateParams;
import com.avara.models.viewer.studies.StudyListParams;
import com.avara.models.viewer.studies.StudyListResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One client shared by a 16-thread executor creates 1 600 studies against an emulator
 * that fails 10 % of requests (errors, drops, 429s; half of them after applying the
 * create). The core's retries and idempotency keys must leave every study exactly once.
 */
class ConcurrencyTest {
    private static final int THREADS = 16;
    private static final int STUDIES = 1_600;

    @Test
    void sixteenThreadsCreateEveryStudyExactlyOnceDespiteFaults() throws Exception {
        try (Emulator emulator = Emulator.start("--error-rate", "0.05", "--drop-rate", "0.03", "--rate-limit-rate", "0.02",
                        "--after-apply-ratio", "0.5", "--retry-after-ms", "5", "--seed", "7", "--log-requests");
                AvaraClient client = AvaraOkHttpClient.builder()
                        .apiKey(Emulator.FULL_KEY).baseUrl(emulator.baseUrl).maxRetries(20).build()) {
            ExecutorService executor = Executors.newFixedThreadPool(THREADS);
            long started = System.nanoTime();
            List<Future<String>> futures = new ArrayList<>();
            try {
                for (int n = 0; n < STUDIES; n++) {
                    StudyCreateParams params = StudyCreateParams.builder()
                            .severity(StudyCreateParams.Severity.NORMAL)
                            .studyDescription("concurrent " + n)
                            .studyInstanceUid("1.2.826.0.1.3680043.12." + n)
                            .build();
                    futures.add(executor.submit(() -> client.viewer().studies().create(params).studyId()));
                }
                Set<String> created = new HashSet<>();
                for (Future<String> future : futures) {
                    created.add(future.get(120, TimeUnit.SECONDS));
                }
                assertEquals(STUDIES, created.size(), "every create returned its own study");

                List<String> listed = new ArrayList<>();
                for (StudyListResponse study : client.viewer().studies().list(StudyListParams.builder().limit(100).build()).autoPager()) {
                    listed.add(study.studyId());
                }
                assertEquals(STUDIES, listed.size(), "no study was created twice");
                assertEquals(created, new HashSet<>(listed), "every created study is listed");
                assertTrue(emulator.faults() >= STUDIES / 20, "faults were injected: " + emulator.faults());
                System.out.printf("jvm concurrency: %d studies by %d threads through %d injected faults in %d ms%n",
                        STUDIES, THREADS, emulator.faults(), (System.nanoTime() - started) / 1_000_000);
            } finally {
                executor.shutdownNow();
            }
        }
    }
}
