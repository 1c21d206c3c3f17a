'use strict';

// Wrong-typed and hostile input: every call fails with a coded error, never a crash.

const assert = require('node:assert/strict');
const { describe, it } = require('node:test');
const { Webhook, WebhookVerificationError, sign, unsafeUnwrap, normalizeResponse } = require('..');

const SECRET = 'garbage_test_secret_0123456789abcdef';
const NOW = 1767225600000;
const BODY = '{"type":"report.delivered"}';

function signedHeaders(body = BODY) {
  return { 'x-avara-signature': sign(SECRET, String(NOW), body), 'x-avara-timestamp': String(NOW) };
}

function rejects(action, code) {
  assert.throws(action, (error) => {
    assert.ok(error instanceof WebhookVerificationError, `${error?.name}: ${error?.message}`);
    assert.equal(error.code, code, error.message);
    return true;
  });
}

const webhook = new Webhook(SECRET, { nowMs: NOW });

describe('bodies that are not raw bytes', () => {
  const notRaw = {
    'a parsed object': JSON.parse(BODY),
    'an array': [1, 2],
    'a number': 42,
    undefined: undefined,
    null: null,
    'a boolean': true,
    'a symbol': Symbol('body'),
    'a function': () => BODY,
    'a bigint': 10n,
    'an ArrayBuffer': new ArrayBuffer(4),
    'a Float64Array': new Float64Array(2),
    'a Uint8ClampedArray': new Uint8ClampedArray(2),
    'a DataView': new DataView(new ArrayBuffer(2)),
  };
  for (const [label, body] of Object.entries(notRaw)) {
    it(`rejects ${label} with payload_not_raw`, () => {
      rejects(() => webhook.verify(body, signedHeaders()), 'payload_not_raw');
      rejects(() => webhook.unwrap(body, signedHeaders()), 'payload_not_raw');
      rejects(() => unsafeUnwrap(body), 'payload_not_raw');
      rejects(() => sign(SECRET, NOW, body), 'payload_not_raw');
    });
  }

  it('names the type received, not the value', () => {
    assert.throws(
      () => webhook.verify({ patient: 'DOE^JANE' }, signedHeaders()),
      (error) => /got an object/.test(error.message) && !error.message.includes('DOE^JANE'),
    );
  });
});

describe('header containers that hold no headers', () => {
  for (const [label, headers] of Object.entries({
    undefined: undefined,
    null: null,
    'a number': 42,
    'a string': `X-Avara-Signature: ${'0'.repeat(64)}`,
    'a boolean': false,
    'a symbol': Symbol('headers'),
    'a function': () => signedHeaders(),
    'an empty object': {},
    'an empty array': [],
    'an array of junk': [42, null, 'x', [], [7, 'value'], ['X-Avara-Signature']],
  })) {
    it(`reports ${label} as missing_signature`, () => {
      rejects(() => webhook.verify(BODY, headers), 'missing_signature');
    });
  }
});

describe('header values', () => {
  it('treats a lone surrogate as malformed, not as a crash', () => {
    const headers = { ...signedHeaders(), 'x-avara-signature': `${'a'.repeat(63)}\uD800` };
    rejects(() => webhook.verify(BODY, headers), 'malformed_signature');
  });

  it('treats latin1 characters in the timestamp as malformed', () => {
    const headers = { ...signedHeaders(), 'x-avara-timestamp': `${NOW}\u00e9` };
    rejects(() => webhook.verify(BODY, headers), 'malformed_timestamp');
  });

  it('treats full-width digits as malformed', () => {
    const headers = { ...signedHeaders(), 'x-avara-timestamp': '\uFF11'.repeat(13) };
    rejects(() => webhook.verify(BODY, headers), 'malformed_timestamp');
  });

  it('reads a number value as an empty header', () => {
    rejects(() => webhook.verify(BODY, { ...signedHeaders(), 'x-avara-timestamp': NOW }), 'missing_timestamp');
  });

  it('lets no stray non-string hide a duplicate line', () => {
    const headers = [...Object.entries(signedHeaders()), ['X-Avara-Signature', 123]];
    rejects(() => webhook.verify(BODY, headers), 'duplicate_header');
  });

  it('reads an object value as an empty header', () => {
    rejects(() => webhook.verify(BODY, { ...signedHeaders(), 'x-avara-signature': {} }), 'missing_signature');
  });
});

describe('size', () => {
  const big = Buffer.alloc(10 * 1024 * 1024, 0x20);

  it('rejects a 10 MB Buffer with payload_too_large', () => {
    rejects(() => webhook.verify(big, signedHeaders()), 'payload_too_large');
    rejects(() => unsafeUnwrap(big), 'payload_too_large');
  });

  it('rejects a 10 MB string with payload_too_large', () => {
    rejects(() => webhook.unwrap(big.toString('latin1'), signedHeaders()), 'payload_too_large');
  });
});

describe('a buffer detached while the headers are read', () => {
  it('fails verification without touching freed memory', () => {
    const body = new Uint8Array(Buffer.from(BODY));
    const headers = {
      get 'x-avara-signature'() {
        structuredClone(body.buffer, { transfer: [body.buffer] });
        return sign(SECRET, String(NOW), BODY);
      },
      'x-avara-timestamp': String(NOW),
    };
    rejects(() => webhook.verify(body, headers), 'signature_mismatch');
    assert.equal(body.byteLength, 0);
  });
});

describe("the caller's own code throwing while headers are read", () => {
  it('propagates that exception unchanged', () => {
    const thrown = new RangeError('from a getter');
    const getter = { get 'x-avara-signature'() { throw thrown; } };
    const proxy = new Proxy({}, { ownKeys() { throw thrown; } });
    const entries = { entries() { throw thrown; } };
    for (const headers of [getter, proxy, entries]) {
      assert.throws(() => webhook.verify(BODY, headers), (error) => error === thrown);
    }
  });
});

describe('arguments of the wrong type elsewhere', () => {
  it('rejects a secret that is not a string with invalid_secret', () => {
    for (const secret of [undefined, null, 42, {}, Buffer.from(SECRET), [SECRET, 42]]) {
      rejects(() => new Webhook(secret), 'invalid_secret');
    }
  });

  it('rejects bad options with a TypeError', () => {
    for (const options of [42, 'fast', { toleranceMs: 'x' }, { toleranceMs: -1 }, { nowMs: 1.5 }, { maxPayloadBytes: NaN }]) {
      assert.throws(() => new Webhook(SECRET, options), TypeError);
    }
  });

  it('rejects a body for normalizeResponse that is no JSON value with a TypeError', () => {
    const cyclic = { success: true };
    cyclic.self = cyclic;
    for (const body of [undefined, () => 1, Symbol('x'), cyclic]) {
      assert.throws(() => normalizeResponse('report.delivered', body), TypeError);
    }
  });

  it('reports a JSON value of the wrong shape with schema_error', () => {
    for (const body of [null, 'text', 7, [], {}]) {
      rejects(() => normalizeResponse('report.delivered', body), 'schema_error');
    }
  });

  it('rejects a signing secret of the wrong type with a TypeError', () => {
    assert.throws(() => sign(42, NOW, BODY), TypeError);
    assert.throws(() => sign(SECRET, 1.5, BODY), TypeError);
  });
});
