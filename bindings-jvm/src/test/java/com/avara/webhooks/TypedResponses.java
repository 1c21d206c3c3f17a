package com.avara.webhooks;

import static org.junit.jupiter.api.Assertions.fail;

import com.avara.webhooks.model.ScheduledProcedureStep;
import com.avara.webhooks.model.WorklistItem;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Builds a construct vector's response through the typed Java factories. */
final class TypedResponses {
    private TypedResponses() {}

    static String toJson(String eventType, String constructor, JsonNode args) {
        switch (eventType + " " + constructor) {
            case "study.access_requested authorized":
                return StudyAccessRequestedResponses.toJson(StudyAccessRequestedResponses.authorized(strings(args.get(0))));
            case "study.access_requested denied":
                return StudyAccessRequestedResponses.toJson(StudyAccessRequestedResponses.denied(args.get(0).asText()));
            case "ephemeral.access_requested authorized":
                return EphemeralAccessRequestedResponses.toJson(EphemeralAccessRequestedResponses.authorized(strings(args.get(0))));
            case "ephemeral.access_requested denied":
                return EphemeralAccessRequestedResponses.toJson(EphemeralAccessRequestedResponses.denied(args.get(0).asText()));
            case "secondary_capture.access_requested authorized":
                return SecondaryCaptureAccessRequestedResponses.toJson(SecondaryCaptureAccessRequestedResponses.authorized(strings(args.get(0))));
            case "secondary_capture.access_requested denied":
                return SecondaryCaptureAccessRequestedResponses.toJson(SecondaryCaptureAccessRequestedResponses.denied(args.get(0).asText()));
            case "report.delivered acknowledged":
                return ReportDeliveredResponses.toJson(ReportDeliveredResponses.acknowledged());
            case "modality_worklist.requested authorized":
                return ModalityWorklistRequestedResponses.toJson(ModalityWorklistRequestedResponses.authorized(worklist(args.get(0))));
            case "modality_worklist.requested denied":
                return ModalityWorklistRequestedResponses.toJson(ModalityWorklistRequestedResponses.denied(args.get(0).asText()));
            case "patient_study.enrichment_requested empty":
                return PatientStudyEnrichmentRequestedResponses.toJson(PatientStudyEnrichmentRequestedResponses.empty());
            case "clinical_context.enrichment_requested empty":
                return ClinicalContextEnrichmentRequestedResponses.toJson(ClinicalContextEnrichmentRequestedResponses.empty());
            default:
                return fail("no typed Java factory for " + eventType + " " + constructor);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<WorklistItem> worklist(JsonNode items) {
        List<WorklistItem> list = new ArrayList<>();
        for (JsonNode item : items) {
            List<ScheduledProcedureStep> steps = new ArrayList<>();
            for (JsonNode step : item.path("ScheduledProcedureStepSequence")) {
                steps.add(new ScheduledProcedureStep(
                        step.path("Modality").asText(),
                        step.path("ScheduledProcedureStepDescription").asText(),
                        step.path("ScheduledProcedureStepID").asText(),
                        step.path("ScheduledProcedureStepStartDate").asText(),
                        step.path("ScheduledProcedureStepStartTime").asText()));
            }
            list.add(new WorklistItem(
                    item.path("AccessionNumber").asText(),
                    item.path("Modality").asText(),
                    item.path("PatientBirthDate").asText(),
                    item.path("PatientID").asText(),
                    item.path("PatientName").asText(),
                    item.path("PatientSex").asText(),
                    item.path("PatientSize").asText(),
                    item.path("PatientWeight").asText(),
                    item.path("ProtocolName").asText(),
                    item.path("RequestedProcedureDescription").asText(),
                    steps,
                    item.path("StudyDescription").asText(),
                    item.path("StudyInstanceUID").asText()));
        }
        return list;
    }
}
