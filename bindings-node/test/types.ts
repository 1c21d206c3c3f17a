// Type-level checks of index.d.ts, run by `tsc -p tsconfig.json` (not by node --test).

import Avara, {
  ClinicalContextEnrichmentRequestedResponse,
  StudyAccessRequestedResponse,
  Webhook,
  WebhookVerificationError,
  normalizeResponse,
  sign,
  signStandard,
  unsafeUnwrap,
  type StandardWebhookHeaders,
  type Verified,
  type WebhookErrorCode,
  type WebhookEvent,
} from 'avara';

const webhook = new Webhook(['secret-one', 'secret-two'], { toleranceMs: null, nowMs: 1 });
const body = Buffer.from('{}');

const verified: Verified = webhook.verify(body, new Headers());
const scheme: 'guide' | 'standard' | 'both' = verified.scheme;
const id: string | undefined = verified.webhookId;
const fromMap: WebhookEvent = webhook.unwrap('{}', new Map([['x-avara-signature', 'a']]));
const fromPairs: WebhookEvent = webhook.unwrap(new Uint8Array(2), [['X-Avara-Timestamp', '1']]);
const fromDistinct: WebhookEvent = unsafeUnwrap(body);
webhook.verify(body, { 'x-avara-signature': ['a', 'b'], host: undefined });

const event = new Avara({ webhookSecret: 's' }).webhooks.unwrap(body, { headers: {}, key: 'k' });
if (event.type === 'study.access_requested') {
  const studyId: string = event.data.studyId;
  void studyId;
} else if (event.type === 'unknown') {
  const raw: unknown = event.raw;
  void raw;
}

const denied: StudyAccessRequestedResponse = StudyAccessRequestedResponse.denied('no');
const canonical: ClinicalContextEnrichmentRequestedResponse = normalizeResponse('clinical_context.enrichment_requested', {});
const signature: string = sign(Buffer.from('k'), 1767225600000, 'body');
const standard: StandardWebhookHeaders = signStandard('whsec_k', 'msg_1', 1767225600, body);
const standardSignature: string = standard['webhook-signature'];
const asRequestHeaders: Record<string, string> = { ...standard };

try {
  new Webhook('');
} catch (error) {
  if (error instanceof WebhookVerificationError) {
    const code: WebhookErrorCode = error.code;
    void code;
  }
}

// @ts-expect-error a parsed object is not a raw body
webhook.verify({ type: 'x' }, {});
// @ts-expect-error a number is not a header container
webhook.verify(body, 42);
// @ts-expect-error secrets are strings
new Webhook(42);
// @ts-expect-error toleranceMs is a number of milliseconds or null
new Webhook('s', { toleranceMs: '5m' });
// @ts-expect-error the Standard Webhooks timestamp is a number of seconds
signStandard('whsec_k', 'msg_1', '1767225600', body);
// @ts-expect-error normalizeResponse takes a known event type
normalizeResponse('study.created', {});
// @ts-expect-error the error code is one of the core's codes
const wrong: WebhookErrorCode = 'bad_code';
// @ts-expect-error the API key is not readable
new Avara().apiKey;

void [scheme, id, fromMap, fromPairs, fromDistinct, denied, canonical, signature, standardSignature, asRequestHeaders, wrong];
