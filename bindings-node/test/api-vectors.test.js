'use strict';

// Runs every case of tests/vectors/api/*.json through the package's public surface:
// `encodeRequest` (what a call would send) and `interpretResponse` (what an answer means).

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { after, describe, it } = require('node:test');
const avara = require('..');

const VECTORS = path.join(__dirname, '..', '..', 'tests', 'vectors', 'api');

/** The class each code must arrive as; the test checks the mapping, not only the code. */
const CLASS_OF_CODE = {
  bad_request: avara.BadRequestError,
  authentication: avara.AuthenticationError,
  permission_denied: avara.PermissionDeniedError,
  not_found: avara.NotFoundError,
  conflict: avara.ConflictError,
  unprocessable_entity: avara.UnprocessableEntityError,
  rate_limited: avara.RateLimitError,
  internal_server: avara.InternalServerError,
  api_status: avara.APIError,
  invalid_params: avara.InvalidParamsError,
  invalid_response: avara.InvalidResponseError,
};

function expectFailure(testCase, action) {
  assert.throws(action, (error) => {
    assert.ok(error instanceof CLASS_OF_CODE[testCase.code], `${testCase.code} arrived as ${error?.name}: ${error?.message}`);
    assert.ok(error instanceof avara.APIError);
    assert.equal(error.code, testCase.code, error.message);
    if ('field' in testCase) {
      assert.equal(error.field, testCase.field);
    }
    return true;
  });
}

const RUNNERS = {
  api_requests_v1(testCase) {
    const encode = () => avara.encodeRequest(testCase.operation, testCase.params);
    if (testCase.result === 'valid') {
      assert.deepEqual(encode(), testCase.expected);
    } else {
      expectFailure(testCase, encode);
    }
  },
  api_responses_v1(testCase) {
    const interpret = () => avara.interpretResponse(testCase.operation, testCase.status, testCase.body);
    if (testCase.result === 'valid') {
      assert.deepEqual(interpret(), testCase.expected);
    } else {
      expectFailure(testCase, interpret);
    }
  },
};

const files = fs.readdirSync(VECTORS).filter((name) => name.endsWith('.json')).sort();
const ran = new Map(files.map((name) => [name, 0]));

it('finds the API vector files', () => {
  assert.deepEqual(files, ['requests.json', 'responses.json']);
});

for (const name of files) {
  const file = JSON.parse(fs.readFileSync(path.join(VECTORS, name), 'utf8'));
  const cases = file.testGroups.flatMap((group) => group.tests);

  describe(`api/${name}`, () => {
    it('has a runner for its schema', () => {
      assert.ok(file.schema in RUNNERS, `no runner for schema ${file.schema}`);
    });

    it('counts its cases in numberOfTests', () => {
      assert.equal(cases.length, file.numberOfTests);
    });

    for (const testCase of cases) {
      it(`tcId ${testCase.tcId}: ${testCase.comment}`, () => {
        ran.set(name, ran.get(name) + 1);
        RUNNERS[file.schema](testCase);
      });
    }
  });
}

after(() => {
  for (const [name, count] of ran) {
    console.log(`node vectors: api/${name} ${count} cases`);
  }
});
