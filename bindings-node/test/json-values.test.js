'use strict';

// Free-form JSON from a sender reaches the caller as JSON.parse would read it: every
// double exact, and a `__proto__` key an own data property, never the object's prototype.

const assert = require('node:assert/strict');
const { describe, it } = require('node:test');
const { unsafeUnwrap } = require('..');

function assertOwnProtoKey(object, expected) {
  assert.equal(Object.getPrototypeOf(object), Object.prototype);
  assert.ok(Object.hasOwn(object, '__proto__'), `own keys: ${Object.keys(object)}`);
  assert.deepEqual(Object.getOwnPropertyDescriptor(object, '__proto__').value, expected);
  assert.equal(object.polluted, undefined);
}

describe('doubles in free-form data', () => {
  it('an unknown event keeps the exact double', () => {
    // serde_json's fast float parser reads this one a bit off (956.0342718892492).
    const drifting = '956.0342718892493';
    const event = unsafeUnwrap(`{"id":"evt_1","type":"future.event","data":{"n":${drifting}}}`);
    assert.equal(String(event.raw.data.n), drifting);
  });
});

describe('a __proto__ key in free-form data', () => {
  const hostile = '{"__proto__":{"polluted":true},"kept":1}';

  it("stays an own key of an unknown event's raw data, at any depth", () => {
    const event = unsafeUnwrap(`{"__proto__":{"polluted":true},"type":"future.event","data":${hostile},"list":[${hostile}]}`);
    assertOwnProtoKey(event.raw, { polluted: true });
    assertOwnProtoKey(event.raw.data, { polluted: true });
    assertOwnProtoKey(event.raw.list[0], { polluted: true });
    assert.equal(event.raw.data.kept, 1);
  });

  it('stays an own key of ephemeral options', () => {
    const event = unsafeUnwrap(`{"id":"whe_0123456789abcdef0123456789abcdef","type":"ephemeral.access_requested","data":{"retrievalId":"ret-1","options":${hostile}}}`);
    assertOwnProtoKey(event.data.options, { polluted: true });
    assert.equal(event.data.options.kept, 1);
  });
});
