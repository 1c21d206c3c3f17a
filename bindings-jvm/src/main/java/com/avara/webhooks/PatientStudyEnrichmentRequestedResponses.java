package com.avara.webhooks;

import com.avara.webhooks.model.Avara_jvmKt;
import com.avara.webhooks.model.PatientStudyEnrichmentRequestedResponse;

/**
 * Answers to {@code patient_study.enrichment_requested}: build one here (or construct a
 * {@link PatientStudyEnrichmentRequestedResponse} field by field) and send {@link #toJson}'s text as the
 * response body.
 */
public final class PatientStudyEnrichmentRequestedResponses {
    private PatientStudyEnrichmentRequestedResponses() {}

    /** Nothing to add: Avara keeps what the DICOM headers say. Set fields on the result to add some. */
    public static PatientStudyEnrichmentRequestedResponse empty() {
        return Avara_jvmKt.patientStudyEnrichmentRequestedEmpty();
    }

    /**
     * The exact JSON body, written by the core after it checks the contract's rules
     * ({@code schema_error} otherwise).
     */
    public static String toJson(PatientStudyEnrichmentRequestedResponse response) {
        return NativeCalls.response(() -> Avara_jvmKt.patientStudyEnrichmentRequestedResponseToJson(response));
    }
}
