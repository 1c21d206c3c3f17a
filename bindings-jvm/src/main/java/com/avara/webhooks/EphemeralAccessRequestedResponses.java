package com.avara.webhooks;

import com.avara.webhooks.model.Avara_jvmKt;
import com.avara.webhooks.model.EphemeralAccessRequestedResponse;
import java.util.List;

/**
 * Answers to {@code ephemeral.access_requested}: build one here (or construct a
 * {@link EphemeralAccessRequestedResponse} field by field) and send {@link #toJson}'s text as the
 * response body.
 */
public final class EphemeralAccessRequestedResponses {
    private EphemeralAccessRequestedResponses() {}

    /** Access granted; {@code urls} are the session's image URLs. */
    public static EphemeralAccessRequestedResponse authorized(List<String> urls) {
        return NativeCalls.response(() -> Avara_jvmKt.ephemeralAccessRequestedAuthorized(urls));
    }

    public static EphemeralAccessRequestedResponse denied(String reason) {
        return NativeCalls.response(() -> Avara_jvmKt.ephemeralAccessRequestedDenied(reason));
    }

    /**
     * The exact JSON body, written by the core after it checks the contract's rules
     * ({@code schema_error} otherwise).
     */
    public static String toJson(EphemeralAccessRequestedResponse response) {
        return NativeCalls.response(() -> Avara_jvmKt.ephemeralAccessRequestedResponseToJson(response));
    }
}
