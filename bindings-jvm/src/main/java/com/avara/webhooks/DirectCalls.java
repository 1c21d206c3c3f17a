package com.avara.webhooks;

import com.avara.webhooks.model.AvaraException;
import com.avara.webhooks.model.FfiConverterRustBuffer;
import com.avara.webhooks.model.FfiConverterTypeAvaraError;
import com.avara.webhooks.model.FfiConverterTypeVerified;
import com.avara.webhooks.model.FfiConverterTypeWebhookEvent;
import com.avara.webhooks.model.Verified;
import com.avara.webhooks.model.WebhookEvent;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;

/**
 * The hot path of {@link Webhook#verify} and {@link Webhook#unwrap}: the library's plain C
 * functions (bindings-jvm/src/direct.rs) bound with JNA direct mapping. The generated
 * layer allocates JNA structures on every call, whose bookkeeping dominates under load;
 * these calls pass only integers and byte arrays. Results and errors arrive in uniffi's
 * serialization and are read by the generated converters, so they are the same objects.
 */
final class DirectCalls {
    private static final int VERIFY = 0;
    private static final int UNWRAP = 1;

    static {
        // The name the generated layer registers the library under, so JNA hands back
        // the library it already loaded.
        Native.register(DirectCalls.class,
                System.getProperty("uniffi.component.avara_jvm.libraryOverride", "avara_jvm"));
    }

    private DirectCalls() {}

    private static native long avara_jvm_direct_call(long handle, int operation, byte[] body, int bodyLength,
            byte[] headers, int headersLength, int clockGiven, long nowMs);

    private static native void avara_jvm_direct_free(long result);

    static native void avara_jvm_direct_release(long handle);

    /** {@code nowMs} null: the verifier's own (system) clock. */
    static Verified verify(long handle, byte[] body, byte[] headers, Long nowMs) throws AvaraException {
        return read(call(handle, VERIFY, body, headers, nowMs), FfiConverterTypeVerified.INSTANCE);
    }

    static WebhookEvent unwrap(long handle, byte[] body, byte[] headers, Long nowMs) throws AvaraException {
        return read(call(handle, UNWRAP, body, headers, nowMs), FfiConverterTypeWebhookEvent.INSTANCE);
    }

    private static long call(long handle, int operation, byte[] body, byte[] headers, Long nowMs) {
        return avara_jvm_direct_call(handle, operation, body, body == null ? 0 : body.length,
                headers, headers.length, nowMs == null ? 0 : 1, nowMs == null ? 0 : nowMs);
    }

    private static <T> T read(long result, FfiConverterRustBuffer<T> converter) throws AvaraException {
        if (result == 0) {
            throw new IllegalStateException("the Avara native library failed");
        }
        try {
            Pointer pointer = new Pointer(result);
            ByteBuffer buffer = ByteBuffer.wrap(pointer.getByteArray(4, pointer.getInt(0)));
            if (buffer.get() != 0) {
                throw FfiConverterTypeAvaraError.INSTANCE.read(buffer);
            }
            return converter.read(buffer);
        } finally {
            avara_jvm_direct_free(result);
        }
    }
}
