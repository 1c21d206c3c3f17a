'use strict';

// The default export: `new Avara({...}).webhooks`, spelled as in the official SDKs.

const assert = require('node:assert/strict');
const { afterEach, beforeEach, describe, it } = require('node:test');
const Avara = require('..');
const { WebhookVerificationError, sign } = Avara;

const SECRET = 'client_test_secret_0123456789abcdefgh';
const OTHER = 'client_test_other_secret_0123456789ab';
const BODY = '{"id":"whe_0123456789abcdef0123456789abcdef","type":"report.delivered","data":{"isCritical":false,"presignedUrl":"https://x","reportId":"rep_0123456789abcdef0123456789abcdef","studyId":"stu_0123456789abcdef0123456789abcdef"}}';

function headersFor(secret, body = BODY) {
  const timestamp = String(Date.now());
  return { 'x-avara-signature': sign(secret, timestamp, body), 'x-avara-timestamp': timestamp };
}

const ENV = ['AVARA_API_KEY', 'AVARA_JWT_WEBHOOK_SECRET', 'AVARA_WEBHOOK_KEY'];
let saved;
beforeEach(() => {
  saved = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));
  ENV.forEach((name) => delete process.env[name]);
});
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('Avara', () => {
  it('is the default export, also under default and Avara', () => {
    assert.equal(typeof Avara, 'function');
    assert.equal(Avara.default, Avara);
    assert.equal(Avara.Avara, Avara);
  });

  it('unwraps and verifies with the configured secret', () => {
    const avara = new Avara({ webhookSecret: SECRET });
    const event = avara.webhooks.unwrap(Buffer.from(BODY), { headers: headersFor(SECRET) });
    assert.equal(event.type, 'report.delivered');
    assert.equal(event.data.reportId, 'rep_0123456789abcdef0123456789abcdef');
    assert.equal(avara.webhooks.verify(BODY, { headers: headersFor(SECRET) }).scheme, 'guide');
  });

  it('accepts a list of secrets for rotation', () => {
    const avara = new Avara({ webhookSecret: [OTHER, SECRET] });
    assert.equal(avara.webhooks.verify(BODY, { headers: headersFor(SECRET) }).secretIndex, 1);
  });

  it('reads AVARA_JWT_WEBHOOK_SECRET first, then AVARA_WEBHOOK_KEY', () => {
    process.env.AVARA_WEBHOOK_KEY = OTHER;
    assert.equal(new Avara().webhooks.verify(BODY, { headers: headersFor(OTHER) }).scheme, 'guide');
    process.env.AVARA_JWT_WEBHOOK_SECRET = SECRET;
    assert.equal(new Avara().webhooks.verify(BODY, { headers: headersFor(SECRET) }).scheme, 'guide');
    assert.throws(() => new Avara().webhooks.verify(BODY, { headers: headersFor(OTHER) }), { code: 'signature_mismatch' });
  });

  it('prefers the option over the environment', () => {
    process.env.AVARA_JWT_WEBHOOK_SECRET = OTHER;
    const avara = new Avara({ webhookSecret: SECRET });
    assert.equal(avara.webhooks.verify(BODY, { headers: headersFor(SECRET) }).scheme, 'guide');
  });

  it('needs no secret until a webhook is verified', () => {
    const avara = new Avara({ apiKey: 'ak_test' });
    assert.throws(() => avara.webhooks.unwrap(BODY, { headers: headersFor(SECRET) }), (error) => {
      assert.ok(error instanceof WebhookVerificationError);
      assert.equal(error.code, 'invalid_secret');
      assert.match(error.message, /AVARA_JWT_WEBHOOK_SECRET/);
      return true;
    });
  });

  it('reports a bad configured secret when it is first used', () => {
    const avara = new Avara({ webhookSecret: 'short' });
    assert.throws(() => avara.webhooks.verify(BODY, { headers: headersFor(SECRET) }), { code: 'invalid_secret' });
  });

  it('takes a per-call key instead of the configured secret', () => {
    const avara = new Avara({ webhookSecret: SECRET });
    assert.equal(avara.webhooks.verify(BODY, { headers: headersFor(OTHER), key: OTHER }).scheme, 'guide');
    assert.throws(() => avara.webhooks.verify(BODY, { headers: headersFor(SECRET), key: OTHER }), {
      code: 'signature_mismatch',
    });
  });

  it('reports missing options as headers that are not the request\'s', () => {
    const avara = new Avara({ webhookSecret: SECRET });
    assert.throws(() => avara.webhooks.verify(BODY), { code: 'payload_not_raw' });
    assert.throws(() => avara.webhooks.verify(BODY, null), { code: 'payload_not_raw' });
    assert.throws(() => avara.webhooks.verify(BODY, { headers: {} }), { code: 'missing_signature' });
  });

  it('parses without verification only through unsafeUnwrap', () => {
    const avara = new Avara();
    assert.deepStrictEqual(avara.webhooks.unsafeUnwrap(BODY), Avara.unsafeUnwrap(BODY));
    assert.throws(() => avara.webhooks.unsafeUnwrap(JSON.parse(BODY)), { code: 'payload_not_raw' });
  });
});
