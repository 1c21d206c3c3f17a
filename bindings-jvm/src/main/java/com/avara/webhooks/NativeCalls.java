package com.avara.webhooks;

import com.avara.webhooks.model.AvaraException;
import java.nio.charset.CharacterCodingException;

/** Runs a call into the generated layer and turns its failures into Java's idioms. */
final class NativeCalls {
    private NativeCalls() {}

    @FunctionalInterface
    interface Call<T> {
        T run() throws AvaraException;
    }

    static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (AvaraException.Rejected e) {
            throw new WebhookVerificationException(e.getCode(), e.getDetail());
        } catch (AvaraException.InvalidArgument e) {
            throw new IllegalArgumentException(e.getDetail());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // The generated string encoder throws this checked exception, undeclared, for
            // text holding an unpaired surrogate. Its message never quotes the text.
            if (e instanceof CharacterCodingException) {
                throw new IllegalArgumentException(
                        "a string argument holds an unpaired UTF-16 surrogate and cannot be encoded as UTF-8", e);
            }
            throw new IllegalStateException("the Avara native library failed: " + e.getMessage(), e);
        }
    }
}
