package com.avara.core;

import java.nio.charset.CharacterCodingException;

/** What a failure of the generated native layer becomes when its caller has no mapping of its own. */
public final class NativeFailures {
    private NativeFailures() {}

    public static RuntimeException unexpected(Exception e) {
        if (e instanceof RuntimeException runtime) {
            return runtime;
        }
        // The generated string encoder throws this checked exception, undeclared, for
        // text holding an unpaired surrogate. Its message never quotes the text.
        if (e instanceof CharacterCodingException) {
            return new IllegalArgumentException(
                    "a string argument holds an unpaired UTF-16 surrogate and cannot be encoded as UTF-8", e);
        }
        return new IllegalStateException("the Avara native library failed: " + e.getMessage(), e);
    }
}
