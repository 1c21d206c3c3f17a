'use strict';

// Runs every case of every file in tests/vectors/ against the package (format: tests/README.md).

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { after, describe, it } = require('node:test');
const avara = require('..');

const VECTORS = path.join(__dirname, '..', '..', 'tests', 'vectors');

/** The exported object holding each event type's response constructors. */
const RESPONSE_EXPORTS = {
  'study.access_requested': avara.StudyAccessRequestedResponse,
  'ephemeral.access_requested': avara.EphemeralAccessRequestedResponse,
  'secondary_capture.access_requested': avara.SecondaryCaptureAccessRequestedResponse,
  'report.delivered': avara.ReportDeliveredResponse,
  'modality_worklist.requested': avara.ModalityWorklistRequestedResponse,
  'patient_study.enrichment_requested': avara.PatientStudyEnrichmentRequestedResponse,
  'clinical_context.enrichment_requested': avara.ClinicalContextEnrichmentRequestedResponse,
};

function payload(testCase) {
  return 'payloadHex' in testCase
    ? Buffer.from(testCase.payloadHex, 'hex')
    : Buffer.from(testCase.payload, 'utf8');
}

/** Runs `action` and checks its outcome against the case's `result` and `code`. */
function judge(testCase, action, checkValid) {
  if (testCase.result === 'valid') {
    checkValid(action());
    return;
  }
  assert.throws(action, (error) => {
    assert.ok(error instanceof avara.WebhookVerificationError, `not a WebhookVerificationError: ${error}`);
    assert.equal(error.code, testCase.code, error.message);
    return true;
  });
}

function verifier(secrets, options) {
  return new avara.Webhook(secrets.length === 1 ? secrets[0] : secrets, options);
}

function runSignatureCase(group, testCase) {
  switch (group.type) {
    case 'verify': {
      const webhook = verifier(group.secrets, { ...group.config, nowMs: group.nowMs });
      // Pairs, not an object, so repeated names reach the core as duplicates.
      judge(testCase, () => webhook.verify(payload(testCase), testCase.headers), (verified) => {
        assert.equal(verified.scheme, testCase.scheme);
        assert.equal(verified.secretIndex, testCase.secretIndex);
        assert.equal(verified.webhookId, testCase.webhookId);
      });
      return;
    }
    case 'secret':
      judge(testCase, () => verifier(testCase.secrets), (webhook) => assert.ok(webhook instanceof avara.Webhook));
      return;
    case 'sign': {
      const signature = avara.sign(
        Buffer.from(testCase.keyHex, 'hex'),
        testCase.timestamp,
        Buffer.from(testCase.payloadHex, 'hex'),
      );
      assert.equal(signature, testCase.signature);
      return;
    }
    case 'signStandard': {
      const body = payload(testCase);
      const sign = () => avara.signStandard(testCase.secret, testCase.webhookId, testCase.timestamp, body);
      judge(testCase, sign, (headers) => {
        assert.deepStrictEqual(Object.entries(headers), testCase.headers);
        // What signs also verifies, under the same secret.
        const webhook = new avara.Webhook(testCase.secret, { nowMs: testCase.timestamp * 1000 });
        assert.equal(webhook.verify(body, headers).scheme, 'standard');
      });
      return;
    }
    default:
      assert.fail(`no runner for signature group type ${group.type}`);
  }
}

function runEventCase(group, testCase) {
  assert.equal(group.type, 'parse', `no runner for event group type ${group.type}`);
  judge(testCase, () => avara.unsafeUnwrap(payload(testCase)), (event) => {
    assert.deepStrictEqual(event, testCase.expected);
  });
}

function runResponseCase(group, testCase) {
  switch (group.type) {
    case 'construct': {
      const constructors = RESPONSE_EXPORTS[testCase.eventType];
      const construct = constructors[testCase.constructor];
      if (typeof construct !== 'function') {
        // The package offers no such constructor to call: JavaScript's form of the refusal.
        assert.equal(testCase.result, 'invalid', `${testCase.constructor} is not exported`);
        return;
      }
      judge(testCase, () => construct(...testCase.args), (response) => {
        assert.deepStrictEqual(response, testCase.expected);
      });
      return;
    }
    case 'normalize':
      judge(testCase, () => avara.normalizeResponse(testCase.eventType, testCase.body), (response) => {
        assert.deepStrictEqual(response, testCase.expected);
      });
      return;
    default:
      assert.fail(`no runner for response group type ${group.type}`);
  }
}

const RUNNERS = {
  webhook_signatures_v1: runSignatureCase,
  webhook_events_v1: runEventCase,
  webhook_responses_v1: runResponseCase,
};

const files = fs.readdirSync(VECTORS).filter((name) => name.endsWith('.json')).sort();
const ran = new Map(files.map((name) => [name, 0]));

it('finds the vector files', () => {
  assert.ok(files.length > 0, `no vector files in ${VECTORS}`);
});

for (const name of files) {
  const file = JSON.parse(fs.readFileSync(path.join(VECTORS, name), 'utf8'));
  const cases = file.testGroups.flatMap((group) => group.tests.map((testCase) => [group, testCase]));

  describe(name, () => {
    it('has a runner for its schema', () => {
      assert.ok(file.schema in RUNNERS, `no runner for schema ${file.schema}`);
    });

    it('counts its cases in numberOfTests', () => {
      assert.equal(cases.length, file.numberOfTests);
    });

    for (const [group, testCase] of cases) {
      it(`tcId ${testCase.tcId}: ${testCase.comment}`, () => {
        ran.set(name, ran.get(name) + 1);
        RUNNERS[file.schema](group, testCase);
      });
    }
  });
}

after(() => {
  for (const [name, count] of ran) {
    console.log(`node vectors: ${name} ${count} cases`);
  }
});
