package com.avara.webhooks;

import com.avara.core.NativeFailures;
import com.avara.webhooks.model.AvaraException;
import java.nio.charset.CharacterCodingException;
import java.util.function.Function;

/** Runs a call into the generated layer and turns its failures into Java's idioms. */
final class NativeCalls {
    private NativeCalls() {}

    /** The code of a response that breaks the contract, as every package names it. */
    private static final String SCHEMA_ERROR = "schema_error";

    @FunctionalInterface
    interface Call<T> {
        T run() throws AvaraException;
    }

    static <T> T call(Call<T> call) {
        return call(call, NativeFailures::unexpected);
    }

    /**
     * A response factory or serializer. The generated string encoder throws an undeclared
     * {@link CharacterCodingException} for text with an unpaired surrogate; in a response
     * such text breaks the contract ({@code schema_error}), as it does in every package.
     */
    static <T> T response(Call<T> call) {
        return call(call, e -> e instanceof CharacterCodingException
                ? new WebhookVerificationException(SCHEMA_ERROR,
                        "a text of the response holds an unpaired UTF-16 surrogate, which has no UTF-8 form")
                : NativeFailures.unexpected(e));
    }

    private static <T> T call(Call<T> call, Function<Exception, RuntimeException> unexpected) {
        try {
            return call.run();
        } catch (AvaraException.Rejected e) {
            throw new WebhookVerificationException(e.getCode(), e.getDetail());
        } catch (AvaraException.InvalidArgument e) {
            throw new IllegalArgumentException(e.getDetail());
        } catch (Exception e) {
            throw unexpected.apply(e);
        }
    }
}
