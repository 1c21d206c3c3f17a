package com.avara.core;

import com.avara.webhooks.model.FfiConverterTypeApiFailure;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The API client's hot path: the library's plain C functions for calls
 * (bindings-jvm/src/direct.rs) bound with JNA direct mapping, which pass only integers and
 * byte arrays. Parameters and results cross in the binary wire form ({@link Wire});
 * failures in uniffi's serialization of {@code ApiFailure}, read by the generated
 * converter.
 */
final class ClientCalls {
    static {
        // The name the generated layer registers the library under, so JNA hands back
        // the library it already loaded.
        Native.register(ClientCalls.class,
                System.getProperty("uniffi.component.avara_jvm.libraryOverride", "avara_jvm"));
    }

    private ClientCalls() {}

    private static native long avara_jvm_client_call(long handle, byte[] operation, int operationLength,
            byte[] params, int paramsLength);

    private static native void avara_jvm_direct_free(long result);

    static native void avara_jvm_client_release(long handle);

    /** Runs {@code operation}; the result in wire form. */
    static Map<String, Object> call(long handle, String operation, byte[] params) {
        byte[] name = operation.getBytes(StandardCharsets.UTF_8);
        long result = avara_jvm_client_call(handle, name, name.length, params, params.length);
        if (result == 0) {
            throw new IllegalStateException("the Avara native library failed");
        }
        byte[] answer;
        try {
            Pointer pointer = new Pointer(result);
            answer = pointer.getByteArray(4, pointer.getInt(0));
        } finally {
            avara_jvm_direct_free(result);
        }
        if (answer[0] != 0) {
            ByteBuffer failure = ByteBuffer.wrap(answer, 1, answer.length - 1);
            throw Errors.exception(FfiConverterTypeApiFailure.INSTANCE.read(failure));
        }
        return Wire.object(Wire.decode(answer, 1));
    }
}
