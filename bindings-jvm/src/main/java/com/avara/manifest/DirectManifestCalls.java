package com.avara.manifest;

import com.sun.jna.Native;
import java.nio.charset.StandardCharsets;

/**
 * Adding bytes to a build: the library's plain C functions (bindings-jvm/src/manifest.rs)
 * bound with JNA direct mapping, so an object's bytes go to the header reader as the
 * array itself rather than through a uniffi buffer.
 */
final class DirectManifestCalls {
    static {
        // The name the generated layer registers the library under, so JNA hands back
        // the library it already loaded.
        Native.register(DirectManifestCalls.class,
                System.getProperty("uniffi.component.avara_jvm.libraryOverride", "avara_jvm"));
    }

    private DirectManifestCalls() {}

    private static native int avara_jvm_manifest_add(long handle, byte[] url, int urlLength, byte[] data, int dataLength);

    static native void avara_jvm_manifest_release(long handle);

    static void add(long handle, ManifestItem item) {
        byte[] url = item.url().getBytes(StandardCharsets.UTF_8);
        if (avara_jvm_manifest_add(handle, url, url.length, item.bytes(), item.bytes().length) == 0) {
            throw new IllegalStateException("the Avara native library failed to add " + item.url());
        }
    }
}
