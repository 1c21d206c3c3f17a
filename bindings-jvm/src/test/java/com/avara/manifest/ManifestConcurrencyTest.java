package com.avara.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Eight threads build every study of the vector at once, from bytes and from files, and
 * each gets what one thread alone gets.
 */
class ManifestConcurrencyTest {
    private static final int THREADS = 8;
    private static final int ROUNDS = 4;

    @Test
    void threadsBuildingAtOnceGetWhatOneThreadGets() throws Exception {
        Path folder = DicomFiles.folder();
        List<String> uids = new ArrayList<>();
        List<List<ManifestItem>> items = new ArrayList<>();
        List<List<Path>> files = new ArrayList<>();
        List<BuiltManifest> alone = new ArrayList<>();
        for (JsonNode study : DicomFiles.vector().path("studies")) {
            uids.add(study.path("study").asText());
            items.add(ManifestVectorsTest.items(study));
            List<Path> paths = new ArrayList<>();
            study.path("files").forEach(file -> paths.add(folder.resolve(file.asText())));
            files.add(paths);
            alone.add(Manifests.build(uids.get(uids.size() - 1), items.get(items.size() - 1)));
        }

        ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<BuiltManifest>>> futures = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                boolean fromFiles = thread % 2 == 1;
                Callable<List<BuiltManifest>> builds = () -> {
                    start.await();
                    List<BuiltManifest> results = new ArrayList<>();
                    for (int round = 0; round < ROUNDS; round++) {
                        for (int study = 0; study < uids.size(); study++) {
                            results.add(fromFiles
                                    ? Manifests.buildFromFiles(uids.get(study), files.get(study),
                                            file -> folder.relativize(file).toString())
                                    : Manifests.build(uids.get(study), items.get(study)));
                        }
                    }
                    return results;
                };
                futures.add(executor.submit(builds));
            }
            start.countDown();
            for (Future<List<BuiltManifest>> future : futures) {
                List<BuiltManifest> results = future.get();
                for (int index = 0; index < results.size(); index++) {
                    assertEquals(alone.get(index % alone.size()), results.get(index));
                }
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
