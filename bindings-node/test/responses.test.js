'use strict';

// The response constructor objects come from the core's table and return plain objects.

const assert = require('node:assert/strict');
const { describe, it } = require('node:test');
const avara = require('..');
const native = require('../native.js');

describe('response constructors', () => {
  const table = native.responseConstructors();

  it('exports one object per response type of the core, with exactly its constructors', () => {
    const expected = {};
    for (const { responseName, name } of table) {
      (expected[responseName] ??= []).push(name);
    }
    for (const [responseName, names] of Object.entries(expected)) {
      const exported = avara[responseName];
      assert.ok(exported, `${responseName} is not exported`);
      assert.deepStrictEqual(Object.keys(exported).sort(), [...names].sort());
      assert.ok(Object.isFrozen(exported));
      for (const name of names) {
        assert.equal(exported[name].name, name);
      }
    }
  });

  it('returns plain objects ready for res.json()', () => {
    const response = avara.StudyAccessRequestedResponse.authorized(['https://a/1.dcm']);
    assert.equal(Object.getPrototypeOf(response), Object.prototype);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(response)), { authorized: true, urls: ['https://a/1.dcm'] });
    assert.deepStrictEqual(avara.ReportDeliveredResponse.acknowledged(), { success: true });
    assert.deepStrictEqual(avara.PatientStudyEnrichmentRequestedResponse.empty(), {});
  });

  it('reports wrong arguments with schema_error', () => {
    for (const action of [
      () => avara.StudyAccessRequestedResponse.denied(),
      () => avara.StudyAccessRequestedResponse.authorized('not a list'),
      () => avara.ReportDeliveredResponse.acknowledged('extra'),
    ]) {
      assert.throws(action, (error) => error instanceof avara.WebhookVerificationError && error.code === 'schema_error');
    }
  });
});

describe('normalizeResponse', () => {
  it('drops unknown fields and fills the contract defaults', () => {
    assert.deepStrictEqual(
      avara.normalizeResponse('study.access_requested', { authorized: false, error: 'no', debug: 1 }),
      { authorized: false, urls: [], error: 'no' },
    );
  });

  it('skips undefined properties the way JSON.stringify does', () => {
    assert.deepStrictEqual(
      avara.normalizeResponse('report.delivered', { success: true, note: undefined }),
      { success: true },
    );
  });

  it('throws schema_error for an unknown event type', () => {
    assert.throws(() => avara.normalizeResponse('study.created', {}), { code: 'schema_error' });
  });
});
