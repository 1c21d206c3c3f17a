package com.avara.bench;

import com.avara.manifest.BuiltManifest;
import com.avara.manifest.ManifestItem;
import com.avara.manifest.Manifests;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Headers per second of {@link Manifests#build} over the synthetic CT series
 * ({@code AVARA_CT_SERIES}, whole files in memory) on one thread and on two at once, and
 * of {@link Manifests#buildFromFiles} over its files. Every operation builds the whole
 * series' manifest; the {@code headers} counter is the rate bench/report.py shows. The
 * series' study UID comes from the description beside its folder
 * (tests/vectors/manifest/synthetic_series.py).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class ManifestBench {
    private String study;
    private List<Path> files;
    private List<ManifestItem> items;

    /** Headers read by one thread, per iteration; JMH sums the threads' rates. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Headers {
        public long headers;

        @Setup(Level.Iteration)
        public void reset() {
            headers = 0;
        }
    }

    @Setup(Level.Trial)
    public void load() throws IOException {
        String variable = System.getenv("AVARA_CT_SERIES");
        if (variable == null) {
            throw new IllegalStateException("AVARA_CT_SERIES must name the synthetic CT series (make manifest-series)");
        }
        Path series = Path.of(variable).toAbsolutePath().normalize();
        JsonNode description = new ObjectMapper().readTree(series.resolveSibling(series.getFileName() + ".json").toFile());
        study = description.get("studyInstanceUid").asText();
        try (Stream<Path> listing = Files.list(series)) {
            files = listing.sorted().toList();
        }
        if (files.size() != description.get("instances").asInt()) {
            throw new IllegalStateException(series + " holds " + files.size() + " files, its description "
                    + description.get("instances") + " instances");
        }
        items = new ArrayList<>();
        for (Path file : files) {
            items.add(new ManifestItem(file.toString(), Files.readAllBytes(file)));
        }
        complete(Manifests.build(study, items), "build");
        complete(Manifests.buildFromFiles(study, files, Path::toString), "buildFromFiles");
    }

    private void complete(BuiltManifest built, String operation) {
        if (built.urls().size() != files.size() || !built.skipped().isEmpty()) {
            throw new IllegalStateException(operation + " kept " + built.urls().size() + " of " + files.size()
                    + " instances, skipped " + built.skipped());
        }
    }

    @Benchmark
    public BuiltManifest build(Headers counter) {
        counter.headers += items.size();
        return Manifests.build(study, items);
    }

    @Benchmark
    @Threads(2)
    public BuiltManifest buildOnTwoThreads(Headers counter) {
        counter.headers += items.size();
        return Manifests.build(study, items);
    }

    @Benchmark
    public BuiltManifest buildFromFiles(Headers counter) {
        counter.headers += files.size();
        return Manifests.buildFromFiles(study, files, Path::toString);
    }
}
