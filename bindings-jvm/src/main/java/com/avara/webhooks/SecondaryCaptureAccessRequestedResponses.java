package com.avara.webhooks;

import com.avara.webhooks.model.Avara_jvmKt;
import com.avara.webhooks.model.SecondaryCaptureAccessRequestedResponse;
import java.util.List;

/**
 * Answers to {@code secondary_capture.access_requested}: build one here (or construct a
 * {@link SecondaryCaptureAccessRequestedResponse} field by field) and send {@link #toJson}'s text as the
 * response body.
 */
public final class SecondaryCaptureAccessRequestedResponses {
    private SecondaryCaptureAccessRequestedResponses() {}

    /** Upload granted; {@code uploadUrls} are presigned PUT URLs, and the Viewer uploads the same object to each. */
    public static SecondaryCaptureAccessRequestedResponse authorized(List<String> uploadUrls) {
        return NativeCalls.response(() -> Avara_jvmKt.secondaryCaptureAccessRequestedAuthorized(uploadUrls));
    }

    public static SecondaryCaptureAccessRequestedResponse denied(String reason) {
        return NativeCalls.response(() -> Avara_jvmKt.secondaryCaptureAccessRequestedDenied(reason));
    }

    /**
     * The exact JSON body, written by the core after it checks the contract's rules
     * ({@code schema_error} otherwise).
     */
    public static String toJson(SecondaryCaptureAccessRequestedResponse response) {
        return NativeCalls.response(() -> Avara_jvmKt.secondaryCaptureAccessRequestedResponseToJson(response));
    }
}
