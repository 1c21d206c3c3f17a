// An Avara webhook receiver on Express. Run it with the secret from the API key's settings:
//   AVARA_JWT_WEBHOOK_SECRET=... node express-receiver.js   (after compiling with tsc)

import express from 'express';
import Avara, {
  ModalityWorklistRequestedResponse,
  ReportDeliveredResponse,
  StudyAccessRequestedResponse,
  WebhookVerificationError,
  type WebhookEvent,
} from 'avara';

const avara = new Avara();
const app = express();

/** Your storage: presigned URLs for every DICOM image of a study, or none if unknown. */
function presignedUrls(studyId: string): string[] {
  return [`https://storage.example.com/${studyId}/image1.dcm?token=...`];
}

// The signature covers the exact bytes, so the body must stay raw (a Buffer), not parsed JSON.
app.post('/webhooks/avara', express.raw({ type: 'application/json' }), (req, res) => {
  let event: WebhookEvent;
  try {
    event = avara.webhooks.unwrap(req.body as Buffer, { headers: req.headers });
  } catch (error) {
    if (error instanceof WebhookVerificationError) {
      // Log the code, answer generically: details would help an attacker probe.
      console.warn(`rejected an Avara webhook: ${error.code}`);
      res.status(401).end();
      return;
    }
    throw error;
  }

  switch (event.type) {
    case 'study.access_requested': {
      const urls = presignedUrls(event.data.studyId);
      res.json(
        urls.length > 0
          ? StudyAccessRequestedResponse.authorized(urls)
          : StudyAccessRequestedResponse.denied('Study not found in PACS'),
      );
      return;
    }
    case 'modality_worklist.requested':
      res.json(ModalityWorklistRequestedResponse.authorized([]));
      return;
    case 'report.delivered':
      console.log(`report ${event.data.reportId} for ${event.data.studyId} (critical: ${event.data.isCritical})`);
      res.json(ReportDeliveredResponse.acknowledged());
      return;
    case 'unknown':
      // A type newer than this SDK: acknowledge it so Avara does not retry.
      console.log(`ignored a ${event.eventType} event`);
      res.status(204).end();
      return;
    default:
      res.status(204).end();
  }
});

app.listen(Number(process.env.PORT ?? 3000));
