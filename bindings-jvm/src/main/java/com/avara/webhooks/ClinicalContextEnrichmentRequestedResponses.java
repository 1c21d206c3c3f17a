package com.avara.webhooks;

import com.avara.webhooks.model.Avara_jvmKt;
import com.avara.webhooks.model.ClinicalContextEnrichmentRequestedResponse;

/**
 * Answers to {@code clinical_context.enrichment_requested}: build one here (or construct a
 * {@link ClinicalContextEnrichmentRequestedResponse} field by field) and send {@link #toJson}'s text as the
 * response body.
 */
public final class ClinicalContextEnrichmentRequestedResponses {
    private ClinicalContextEnrichmentRequestedResponses() {}

    /** No context to add. Set fields on the result to add some. */
    public static ClinicalContextEnrichmentRequestedResponse empty() {
        return Avara_jvmKt.clinicalContextEnrichmentRequestedEmpty();
    }

    /**
     * The exact JSON body, written by the core after it checks the contract's rules
     * ({@code schema_error} otherwise).
     */
    public static String toJson(ClinicalContextEnrichmentRequestedResponse response) {
        return NativeCalls.response(() -> Avara_jvmKt.clinicalContextEnrichmentRequestedResponseToJson(response));
    }
}
