package com.avara.webhooks;

import com.avara.webhooks.model.Avara_jvmKt;
import com.avara.webhooks.model.ModalityWorklistRequestedResponse;
import com.avara.webhooks.model.WorklistItem;
import java.util.List;

/**
 * Answers to {@code modality_worklist.requested}: build one here (or construct a
 * {@link ModalityWorklistRequestedResponse} field by field) and send {@link #toJson}'s text as the
 * response body.
 */
public final class ModalityWorklistRequestedResponses {
    private ModalityWorklistRequestedResponses() {}

    /** The entries for the window; an empty list means nothing is scheduled. */
    public static ModalityWorklistRequestedResponse authorized(List<WorklistItem> items) {
        return NativeCalls.response(() -> Avara_jvmKt.modalityWorklistRequestedAuthorized(items));
    }

    public static ModalityWorklistRequestedResponse denied(String reason) {
        return NativeCalls.response(() -> Avara_jvmKt.modalityWorklistRequestedDenied(reason));
    }

    /**
     * The exact JSON body, written by the core after it checks the contract's rules
     * ({@code schema_error} otherwise).
     */
    public static String toJson(ModalityWorklistRequestedResponse response) {
        return NativeCalls.response(() -> Avara_jvmKt.modalityWorklistRequestedResponseToJson(response));
    }
}
