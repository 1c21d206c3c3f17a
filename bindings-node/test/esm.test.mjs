// The package imported as ES modules do it, through its own name (index.mjs).

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { it } from 'node:test';
import Avara, {
  StudyAccessRequestedResponse,
  Webhook,
  WebhookVerificationError,
  normalizeResponse,
  sign,
  unsafeUnwrap,
} from 'avara';

const SECRET = 'esm_test_secret_0123456789abcdefghijk';

it('imports the client as the default export', () => {
  assert.equal(typeof Avara, 'function');
  assert.ok(new Avara({ webhookSecret: SECRET }).webhooks);
});

it('imports the named exports', () => {
  const body = '{"type":"esm.ping"}';
  const timestamp = String(Date.now());
  const headers = [['X-Avara-Signature', sign(SECRET, timestamp, body)], ['X-Avara-Timestamp', timestamp]];
  assert.equal(new Webhook(SECRET).unwrap(body, headers).eventType, 'esm.ping');
  assert.equal(unsafeUnwrap(body).type, 'unknown');
  assert.deepStrictEqual(StudyAccessRequestedResponse.denied('no'), { authorized: false, urls: [], error: 'no' });
  assert.deepStrictEqual(normalizeResponse('report.delivered', { success: true }), { success: true });
  assert.throws(() => new Webhook(''), WebhookVerificationError);
});

it('shares one instance with require(), so error classes match', () => {
  const required = createRequire(import.meta.url)('avara');
  assert.equal(Avara, required);
  assert.equal(WebhookVerificationError, required.WebhookVerificationError);
  assert.throws(() => new required.Webhook(''), WebhookVerificationError);
});

it('imports the API client surface: resources, error classes and the low-level functions', async () => {
  const { APIError, InvalidParamsError, NotFoundError, encodeRequest } = await import('avara');
  assert.equal(Avara.APIError, APIError);
  assert.ok(NotFoundError.prototype instanceof APIError);
  assert.equal(typeof new Avara({ apiKey: 'sk_test_esm' }).viewer.studies.rerouteURL, 'function');
  assert.equal(encodeRequest('viewer.studies.list', { limit: 2 }).pathAndQuery, '/v1/viewer/studies?limit=2');
  assert.throws(() => encodeRequest('viewer.studies.list', { limit: 0 }), InvalidParamsError);
});
