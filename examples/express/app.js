// An Avara integration on Express: it creates studies, opens them in the Viewer and
// answers every webhook Avara sends. Configuration comes from the environment:
// AVARA_API_KEY, AVARA_BASE_URL, AVARA_JWT_WEBHOOK_SECRET and PORT.
import express from 'express';
import Avara, {
  APIError,
  ClinicalContextEnrichmentRequestedResponse,
  EphemeralAccessRequestedResponse,
  ModalityWorklistRequestedResponse,
  PatientStudyEnrichmentRequestedResponse,
  ReportDeliveredResponse,
  SecondaryCaptureAccessRequestedResponse,
  StudyAccessRequestedResponse,
  Webhook,
  WebhookVerificationError,
} from 'avara';

const client = new Avara();
const webhook = new Webhook(process.env.AVARA_JWT_WEBHOOK_SECRET);
const app = express();

// Stands in for your PACS: the studies this app created, by StudyInstanceUID.
const studies = new Map();

// Where the Viewer fetches a study's images; a real PACS would presign these URLs.
function imageUrls(req, studyInstanceUid) {
  return [`${req.protocol}://${req.get('host')}/images/${studyInstanceUid}/1.dcm`];
}

app.post('/studies', express.json(), async (req, res) => {
  const { studyInstanceUid, studyDescription, severity = 'normal' } = req.body ?? {};
  const study = await client.viewer.studies.create({ studyInstanceUid, studyDescription, severity });
  studies.set(study.studyInstanceUid, study);
  res.status(201).json(study);
});

// Every study the API key can see: the loop walks every page.
app.get('/studies', async (req, res) => {
  const found = [];
  for await (const study of client.viewer.studies.list({ isCancelled: false })) {
    found.push({ studyId: study.studyId, studyInstanceUid: study.studyInstanceUid });
  }
  res.json(found);
});

app.get('/studies/:studyInstanceUid/view', async (req, res) => {
  const { url } = await client.viewer.studies.rerouteURL({ studyInstanceUid: req.params.studyInstanceUid });
  res.redirect(302, url);
});

// A DICOM preamble and magic only: enough for the links to resolve.
app.get('/images/:studyInstanceUid/:file', (req, res) => {
  res.type('application/dicom').send(Buffer.concat([Buffer.alloc(128), Buffer.from('DICM')]));
});

// The signature covers the exact bytes, so the body must stay raw (a Buffer).
app.post('/webhooks/avara', express.raw({ type: 'application/json' }), (req, res) => {
  let event;
  try {
    event = webhook.unwrap(req.body, req.headersDistinct);
  } catch (err) {
    if (err instanceof WebhookVerificationError) {
      console.warn('rejected webhook:', err.code, err.message);
      return res.status(401).json({ error: 'Invalid signature' });
    }
    throw err;
  }
  res.json(answer(event, req));
});

function answer(event, req) {
  switch (event.type) {
    case 'study.access_requested': {
      const uid = event.data.studyInstanceUid;
      return studies.has(uid)
        ? StudyAccessRequestedResponse.authorized(imageUrls(req, uid))
        : StudyAccessRequestedResponse.denied('Study not found in PACS');
    }
    case 'ephemeral.access_requested': {
      // The retrievalId is the handle this app chose when it minted the session.
      const uid = event.data.retrievalId;
      return studies.has(uid)
        ? EphemeralAccessRequestedResponse.authorized(imageUrls(req, uid))
        : EphemeralAccessRequestedResponse.denied('Study not found in PACS');
    }
    case 'secondary_capture.access_requested': {
      const { studyInstanceUid, sopInstanceUid = 'capture' } = event.data;
      const base = `${req.protocol}://${req.get('host')}`;
      return SecondaryCaptureAccessRequestedResponse.authorized([
        `${base}/uploads/${studyInstanceUid}/${sopInstanceUid}.dcm`,
      ]);
    }
    case 'report.delivered':
      console.log(`report ${event.data.reportId} for ${event.data.studyId} (critical: ${event.data.isCritical})`);
      return ReportDeliveredResponse.acknowledged();
    case 'modality_worklist.requested':
      return ModalityWorklistRequestedResponse.authorized([worklistItem(event.data)]);
    case 'patient_study.enrichment_requested': {
      const study = studies.get(event.data.studyInstanceUid);
      return study
        ? { studyDescription: study.studyDescription, severity: study.severity }
        : PatientStudyEnrichmentRequestedResponse.empty();
    }
    case 'clinical_context.enrichment_requested':
      return studies.has(event.data.studyInstanceUid)
        ? { clinicalIndication: 'Follow-up of a known finding' }
        : ClinicalContextEnrichmentRequestedResponse.empty();
    default:
      // A type newer than this SDK: acknowledge it so Avara does not retry.
      console.log(`ignored a ${event.eventType} event`);
      return { success: true };
  }
}

// One scheduled MRI on the first day the modality asked about.
function worklistItem({ dateStart, modality = 'MR' }) {
  const date = dateStart.replaceAll('-', '');
  return {
    AccessionNumber: 'ACC0001',
    Modality: modality,
    PatientBirthDate: '19800101',
    PatientID: 'PAT0001',
    PatientName: 'DOE^JANE',
    PatientSex: 'F',
    PatientSize: '1.70',
    PatientWeight: '65',
    ProtocolName: 'Brain MRI',
    RequestedProcedureDescription: 'MRI brain with contrast',
    ScheduledProcedureStepSequence: [{
      Modality: modality,
      ScheduledProcedureStepDescription: 'MRI brain with contrast',
      ScheduledProcedureStepID: 'SPS0001',
      ScheduledProcedureStepStartDate: date,
      ScheduledProcedureStepStartTime: '090000',
    }],
    StudyDescription: 'Brain MRI with Contrast',
    StudyInstanceUID: `1.2.826.0.1.3680043.10.1.${date}`,
  };
}

// API failures keep their code; invalid parameters name the field at fault.
app.use((err, req, res, next) => {
  if (!(err instanceof APIError)) return next(err);
  console.warn('Avara API call failed:', err.code, err.message);
  const status = err.code === 'invalid_params' ? 400 : (err.status ?? 502);
  res.status(status).json({ error: err.code, message: err.message, field: err.field });
});

const port = Number(process.env.PORT ?? 3000);
app.listen(port, () => console.log(`listening on http://127.0.0.1:${port}`));
