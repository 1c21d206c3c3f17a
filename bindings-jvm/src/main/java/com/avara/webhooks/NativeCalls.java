package com.avara.webhooks;

import com.avara.core.NativeFailures;
import com.avara.webhooks.model.AvaraException;

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
        } catch (Exception e) {
            throw NativeFailures.unexpected(e);
        }
    }
}
