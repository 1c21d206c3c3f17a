package com.avara.webhooks;

import com.avara.webhooks.model.Avara_jvmKt;
import com.avara.webhooks.model.ReportDeliveredResponse;

/**
 * Answers to {@code report.delivered}: build one here (or construct a
 * {@link ReportDeliveredResponse} field by field) and send {@link #toJson}'s text as the
 * response body.
 */
public final class ReportDeliveredResponses {
    private ReportDeliveredResponses() {}

    /** The acknowledgement Avara expects. */
    public static ReportDeliveredResponse acknowledged() {
        return Avara_jvmKt.reportDeliveredAcknowledged();
    }

    /**
     * The exact JSON body, written by the core after it checks the contract's rules
     * ({@code schema_error} otherwise).
     */
    public static String toJson(ReportDeliveredResponse response) {
        return NativeCalls.response(() -> Avara_jvmKt.reportDeliveredResponseToJson(response));
    }
}
