package com.example.avara;

import com.avara.webhooks.ClinicalContextEnrichmentRequestedResponses;
import com.avara.webhooks.EphemeralAccessRequestedResponses;
import com.avara.webhooks.ModalityWorklistRequestedResponses;
import com.avara.webhooks.PatientStudyEnrichmentRequestedResponses;
import com.avara.webhooks.ReportDeliveredResponses;
import com.avara.webhooks.SecondaryCaptureAccessRequestedResponses;
import com.avara.webhooks.StudyAccessRequestedResponses;
import com.avara.webhooks.Webhook;
import com.avara.webhooks.WebhookVerificationException;
import com.avara.webhooks.model.ClinicalContextEnrichmentRequestedResponse;
import com.avara.webhooks.model.ModalityWorklistRequestedData;
import com.avara.webhooks.model.PatientStudyEnrichmentRequestedResponse;
import com.avara.webhooks.model.ScheduledProcedureStep;
import com.avara.webhooks.model.SecondaryCaptureAccessRequestedData;
import com.avara.webhooks.model.Severity;
import com.avara.webhooks.model.WebhookEvent;
import com.avara.webhooks.model.WorklistItem;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/webhooks")
public class WebhookController {
    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final Webhook webhook;
    private final StudyStore studies;

    public WebhookController(Webhook webhook, StudyStore studies) {
        this.webhook = webhook;
        this.studies = studies;
    }

    /** The signature covers the exact bytes, so the body is taken raw, never as parsed JSON. */
    @PostMapping("/avara")
    public ResponseEntity<String> handleWebhook(@RequestBody byte[] body, @RequestHeader HttpHeaders headers) {
        WebhookEvent event;
        try {
            event = webhook.unwrap(body, headers);
        } catch (WebhookVerificationException e) {
            log.warn("rejected webhook: {} {}", e.getCode(), e.getMessage());
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"error\":\"Invalid signature\"}");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer(event));
    }

    private String answer(WebhookEvent event) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        if (event instanceof WebhookEvent.StudyAccessRequested access) {
            String uid = access.getData().getStudyInstanceUid();
            return StudyAccessRequestedResponses.toJson(studies.contains(uid)
                    ? StudyAccessRequestedResponses.authorized(imageUrls(base, uid))
                    : StudyAccessRequestedResponses.denied("Study not found in PACS"));
        }
        if (event instanceof WebhookEvent.EphemeralAccessRequested access) {
            // The retrieval ID is the handle this app chose when it minted the session.
            String uid = access.getData().getRetrievalId();
            return EphemeralAccessRequestedResponses.toJson(studies.contains(uid)
                    ? EphemeralAccessRequestedResponses.authorized(imageUrls(base, uid))
                    : EphemeralAccessRequestedResponses.denied("Study not found in PACS"));
        }
        if (event instanceof WebhookEvent.SecondaryCaptureAccessRequested capture) {
            SecondaryCaptureAccessRequestedData data = capture.getData();
            String name = Objects.requireNonNullElse(data.getSopInstanceUid(), "capture");
            String upload = base + "/uploads/" + data.getStudyInstanceUid() + "/" + name + ".dcm";
            return SecondaryCaptureAccessRequestedResponses.toJson(
                    SecondaryCaptureAccessRequestedResponses.authorized(List.of(upload)));
        }
        if (event instanceof WebhookEvent.ReportDelivered report) {
            log.info("report {} for {} (critical: {})", report.getData().getReportId(),
                    report.getData().getStudyId(), report.getData().isCritical());
            return ReportDeliveredResponses.toJson(ReportDeliveredResponses.acknowledged());
        }
        if (event instanceof WebhookEvent.ModalityWorklistRequested worklist) {
            return ModalityWorklistRequestedResponses.toJson(
                    ModalityWorklistRequestedResponses.authorized(List.of(worklistItem(worklist.getData()))));
        }
        if (event instanceof WebhookEvent.PatientStudyEnrichmentRequested enrichment) {
            PatientStudyEnrichmentRequestedResponse answer = PatientStudyEnrichmentRequestedResponses.empty();
            studies.find(enrichment.getData().getStudyInstanceUid()).ifPresent(study -> {
                answer.setStudyDescription(study.studyDescription());
                answer.setSeverity(Severity.valueOf(study.severity().name()));
            });
            return PatientStudyEnrichmentRequestedResponses.toJson(answer);
        }
        if (event instanceof WebhookEvent.ClinicalContextEnrichmentRequested context) {
            ClinicalContextEnrichmentRequestedResponse answer = ClinicalContextEnrichmentRequestedResponses.empty();
            if (studies.contains(context.getData().getStudyInstanceUid())) {
                answer.setClinicalIndication("Follow-up of a known finding");
            }
            return ClinicalContextEnrichmentRequestedResponses.toJson(answer);
        }
        // A type newer than this SDK: acknowledge it so Avara does not retry.
        if (event instanceof WebhookEvent.Unknown unknown) {
            log.info("ignored a {} event", unknown.getEventType());
        }
        return "{\"success\":true}";
    }

    /** Where the Viewer fetches a study's images; a real PACS would presign these URLs. */
    private static List<String> imageUrls(String base, String studyInstanceUid) {
        return List.of(base + "/images/" + studyInstanceUid + "/1.dcm");
    }

    /** One scheduled MRI on the first day the modality asked about. */
    private static WorklistItem worklistItem(ModalityWorklistRequestedData query) {
        String date = query.getDateStart().replace("-", "");
        String modality = Objects.requireNonNullElse(query.getModality(), "MR");
        ScheduledProcedureStep step = new ScheduledProcedureStep(
                modality, "MRI brain with contrast", "SPS0001", date, "090000");
        return new WorklistItem("ACC0001", modality, "19800101", "PAT0001", "DOE^JANE", "F", "1.70", "65",
                "Brain MRI", "MRI brain with contrast", List.of(step), "Brain MRI with Contrast",
                "1.2.826.0.1.3680043.10.1." + date);
    }
}
