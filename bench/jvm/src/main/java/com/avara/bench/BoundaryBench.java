package com.avara.bench;

import com.sun.jna.Native;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor of every call into the native library: an existing export that does
 * nothing (uniffi's contract version), through JNA direct mapping exactly as the
 * generated layer binds its functions, without uniffi's buffers and call status.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 10, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class BoundaryBench {
    static {
        // The same library instance the jar's generated layer loads (JNA caches by name).
        Native.register(BoundaryBench.class, "avara_jvm");
    }

    private static native int ffi_avara_jvm_uniffi_contract_version();

    @Benchmark
    public int ffiNoop() {
        return ffi_avara_jvm_uniffi_contract_version();
    }
}
