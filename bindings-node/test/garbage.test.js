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

describe('header containers that are not headers', () => {
  for (const [label, headers] of Object.entries({
    undefined: undefined,
    null: null,
    'a number': 42,
    'a string': `X-Avara-Signature: ${'0'.repeat(64)}`,
    'a boolean': false,
    'a symbol': Symbol('headers'),
    'a function': () => signedHeaders(),
    'an array of junk': [42, null, 'x', [], [7, 'value'], ['X-Avara-Signature']],
  })) {
    it(`reports ${label} as payload_not_raw`, () => {
      rejects(() => webhook.verify(BODY, headers), 'payload_not_raw');
    });
  }
});

describe('header containers that hold no headers', () => {
  for (const [label, headers] of Object.entries({ 'an empty object': {}, 'an empty array': [] })) {
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

  it('refuses a number value, naming the header', () => {
    assert.throws(
      () => webhook.verify(BODY, { ...signedHeaders(), 'x-avara-timestamp': NOW }),
      (error) => error.code === 'payload_not_raw' && /a number as a value of x-avara-timestamp/.test(error.message),
    );
  });

  it('refuses a stray non-string line among pairs', () => {
    const headers = [...Object.entries(signedHeaders()), ['X-Avara-Signature', 123]];
    rejects(() => webhook.verify(BODY, headers), 'payload_not_raw');
  });

  it('refuses an object value', () => {
    rejects(() => webhook.verify(BODY, { ...signedHeaders(), 'x-avara-signature': {} }), 'payload_not_raw');
  });

  it('reads a Buffer value as the bytes it holds', () => {
    const headers = { ...signedHeaders(), 'x-avara-timestamp': Buffer.from(String(NOW)) };
    assert.equal(webhook.verify(BODY, headers).timestampMs, NOW);
  });

  it('never looks at the values of headers the core does not read', () => {
    assert.equal(webhook.verify(BODY, { ...signedHeaders(), 'x-request-count': 3 }).timestampMs, NOW);
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

  it('rejects options of the wrong type with a TypeError', () => {
    for (const options of [42, 'fast', { toleranceMs: 'x' }]) {
      assert.throws(() => new Webhook(SECRET, options), { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' });
    }
  });

  it('rejects numbers no count of milliseconds or bytes can be with a RangeError', () => {
    for (const options of [{ toleranceMs: -1 }, { nowMs: 1.5 }, { maxPayloadBytes: NaN }, { pastToleranceMs: 2 ** 60 }]) {
      assert.throws(() => new Webhook(SECRET, options), { name: 'RangeError', code: 'ERR_OUT_OF_RANGE' });
    }
  });

  it('reports a body for normalizeResponse that has no JSON form with schema_error', () => {
    const cyclic = { success: true };
    cyclic.self = cyclic;
    for (const body of [undefined, () => 1, Symbol('x'), 10n, cyclic]) {
      rejects(() => normalizeResponse('report.delivered', body), 'schema_error');
    }
  });

  it('reports a JSON value of the wrong shape with schema_error', () => {
    for (const body of [null, 'text', 7, [], {}]) {
      rejects(() => normalizeResponse('report.delivered', body), 'schema_error');
    }
  });

  it('rejects a signing secret of the wrong type with invalid_secret', () => {
    for (const secret of [undefined, null, 42, {}, [SECRET]]) {
      rejects(() => sign(secret, NOW, BODY), 'invalid_secret');
    }
  });

  it('rejects a timestamp of the wrong type with a TypeError and a fraction with a RangeError', () => {
    assert.throws(() => sign(SECRET, true, BODY), { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' });
    assert.throws(() => sign(SECRET, 1.5, BODY), { name: 'RangeError', code: 'ERR_OUT_OF_RANGE' });
  });
});
