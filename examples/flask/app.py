"""An Avara integration on Flask: it creates studies, opens them in the Viewer and
answers every webhook Avara sends. Configuration comes from the environment:
AVARA_API_KEY, AVARA_BASE_URL, AVARA_JWT_WEBHOOK_SECRET and PORT."""

import logging
import os

from flask import Flask, jsonify, redirect, request

from avara import (
    APIError,
    Avara,
    ClinicalContextEnrichmentRequestedEvent,
    ClinicalContextEnrichmentRequestedResponse,
    EphemeralAccessRequestedEvent,
    EphemeralAccessRequestedResponse,
    ModalityWorklistRequestedData,
    ModalityWorklistRequestedEvent,
    ModalityWorklistRequestedResponse,
    PatientStudyEnrichmentRequestedEvent,
    PatientStudyEnrichmentRequestedResponse,
    ReportDeliveredEvent,
    ReportDeliveredResponse,
    ScheduledProcedureStep,
    SecondaryCaptureAccessRequestedEvent,
    SecondaryCaptureAccessRequestedResponse,
    StudyAccessRequestedEvent,
    StudyAccessRequestedResponse,
    ViewerStudy,
    Webhook,
    WebhookVerificationError,
    WorklistItem,
)

logging.basicConfig(level=logging.INFO)
app = Flask(__name__)
client = Avara()
webhook = Webhook(os.environ["AVARA_JWT_WEBHOOK_SECRET"])

# Stands in for your PACS: the studies this app created, by StudyInstanceUID.
studies: dict[str, ViewerStudy] = {}


def image_urls(study_instance_uid: str) -> list[str]:
    """Where the Viewer fetches a study's images; a real PACS would presign these URLs."""
    return [f"{request.host_url}images/{study_instance_uid}/1.dcm"]


@app.post("/studies")
def create_study():
    body = request.get_json(silent=True) or {}
    study = client.viewer.studies.create(
        study_instance_uid=body.get("studyInstanceUid"),
        study_description=body.get("studyDescription"),
        severity=body.get("severity", "normal"),
    )
    studies[study.study_instance_uid] = study
    return jsonify(study.to_dict()), 201


@app.get("/studies")
def list_studies():
    """Every study the API key can see: the loop walks every page."""
    found = [
        {"studyId": study.study_id, "studyInstanceUid": study.study_instance_uid}
        for study in client.viewer.studies.list(is_cancelled=False)
    ]
    return jsonify(found)


@app.get("/studies/<study_instance_uid>/view")
def view_study(study_instance_uid: str):
    url = client.viewer.studies.reroute_url(study_instance_uid=study_instance_uid).url
    return redirect(url, code=302)


@app.get("/images/<study_instance_uid>/<name>")
def image(study_instance_uid: str, name: str):
    # A DICOM preamble and magic only: enough for the links to resolve.
    return app.response_class(bytes(128) + b"DICM", mimetype="application/dicom")


@app.post("/webhooks/avara")
def handle_webhook():
    try:
        # The signature covers the exact bytes: hand over the raw body, never parsed JSON.
        event = webhook.unwrap(request.get_data(), request.headers)
    except WebhookVerificationError as error:
        app.logger.warning("rejected webhook: %s %s", error.code, error.message)
        return jsonify({"error": "Invalid signature"}), 401
    answer = respond_to(event)
    if answer is None:
        # A type newer than this SDK: acknowledge it so Avara does not retry.
        return jsonify({"success": True})
    return app.response_class(answer.to_json(), mimetype="application/json")


def respond_to(event):
    match event:
        case StudyAccessRequestedEvent(data=data):
            if data.study_instance_uid in studies:
                return StudyAccessRequestedResponse.authorize(image_urls(data.study_instance_uid))
            return StudyAccessRequestedResponse.deny("Study not found in PACS")
        case EphemeralAccessRequestedEvent(data=data):
            # The retrieval ID is the handle this app chose when it minted the session.
            if data.retrieval_id in studies:
                return EphemeralAccessRequestedResponse.authorize(image_urls(data.retrieval_id))
            return EphemeralAccessRequestedResponse.deny("Study not found in PACS")
        case SecondaryCaptureAccessRequestedEvent(data=data):
            name = data.sop_instance_uid or "capture"
            upload = f"{request.host_url}uploads/{data.study_instance_uid}/{name}.dcm"
            return SecondaryCaptureAccessRequestedResponse.authorize([upload])
        case ReportDeliveredEvent(data=data):
            app.logger.info("report %s for %s (critical: %s)", data.report_id, data.study_id, data.is_critical)
            return ReportDeliveredResponse.acknowledge()
        case ModalityWorklistRequestedEvent(data=data):
            return ModalityWorklistRequestedResponse.authorize([worklist_item(data)])
        case PatientStudyEnrichmentRequestedEvent(data=data):
            study = studies.get(data.study_instance_uid)
            if study is None:
                return PatientStudyEnrichmentRequestedResponse.empty()
            return PatientStudyEnrichmentRequestedResponse(
                study_description=study.study_description, severity=study.severity
            )
        case ClinicalContextEnrichmentRequestedEvent(data=data):
            if data.study_instance_uid not in studies:
                return ClinicalContextEnrichmentRequestedResponse.empty()
            return ClinicalContextEnrichmentRequestedResponse(clinical_indication="Follow-up of a known finding")
    return None


def worklist_item(query: ModalityWorklistRequestedData) -> WorklistItem:
    """One scheduled MRI on the first day the modality asked about."""
    date = query.date_start.replace("-", "")
    modality = query.modality or "MR"
    return WorklistItem(
        accession_number="ACC0001",
        modality=modality,
        patient_birth_date="19800101",
        patient_id="PAT0001",
        patient_name="DOE^JANE",
        patient_sex="F",
        patient_size="1.70",
        patient_weight="65",
        protocol_name="Brain MRI",
        requested_procedure_description="MRI brain with contrast",
        scheduled_procedure_step_sequence=[
            ScheduledProcedureStep(
                modality=modality,
                scheduled_procedure_step_description="MRI brain with contrast",
                scheduled_procedure_step_id="SPS0001",
                scheduled_procedure_step_start_date=date,
                scheduled_procedure_step_start_time="090000",
            )
        ],
        study_description="Brain MRI with Contrast",
        study_instance_uid=f"1.2.826.0.1.3680043.10.1.{date}",
    )


@app.errorhandler(APIError)
def api_failure(error: APIError):
    """API failures keep their code; invalid parameters name the field at fault."""
    app.logger.warning("Avara API call failed: %s %s", error.code, error.message)
    status = 400 if error.code == "invalid_params" else error.status_code or 502
    return jsonify({"error": error.code, "message": error.message, "field": error.field}), status


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "5000")))
