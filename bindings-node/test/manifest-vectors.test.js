'use strict';

// Runs tests/vectors/manifest/files.json (format in its README) against buildManifest,
// over pydicom's test files in AVARA_DICOM_FILES: the same results as the Rust builder.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { describe, it } = require('node:test');
const { buildManifest } = require('..');

const VECTOR = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'tests', 'vectors', 'manifest', 'files.json'), 'utf8'));
const FILES = process.env.AVARA_DICOM_FILES;

function bytesOf(file, prefix = null) {
  assert.ok(FILES, 'AVARA_DICOM_FILES must name pydicom\'s test_files folder (make manifest-files)');
  const bytes = fs.readFileSync(path.join(FILES, file));
  return prefix === null ? bytes : bytes.subarray(0, prefix);
}

describe('manifest vector: single inputs', () => {
  for (const input of VECTOR.inputs) {
    it(`${input.file} (${input.prefix === null ? 'whole' : `first ${input.prefix} bytes`})`, async () => {
      const built = await buildManifest(input.study, [[input.file, bytesOf(input.file, input.prefix)]]);
      const { expect } = input;
      if (expect.code === null) {
        assert.deepEqual(built.skipped, []);
        assert.deepEqual(built.urls, [input.file]);
        assert.equal(built.manifest.series.length, 1);
        const { sops, ...series } = built.manifest.series[0];
        assert.deepEqual(series, expect.series);
        assert.deepEqual(sops, [expect.sop]);
      } else {
        assert.equal(built.skipped.length, 1, JSON.stringify(built.skipped));
        const [skipped] = built.skipped;
        assert.deepEqual([skipped.url, skipped.code, skipped.listed], [input.file, expect.code, expect.listed], skipped.reason);
        assert.ok(skipped.reason.length > 0);
        assert.deepEqual(built.urls, expect.listed ? [input.file] : []);
        assert.deepEqual(built.manifest.series, []);
      }
    });
  }
});

describe('manifest vector: studies', () => {
  for (const [index, study] of VECTOR.studies.entries()) {
    it(`study ${index}: ${study.files.length} files`, async () => {
      const built = await buildManifest(study.study, study.files.map((file) => ({ url: file, bytes: bytesOf(file) })));
      assert.deepEqual(built.urls, study.expect.urls);
      assert.deepEqual(built.manifest, study.expect.manifest);
      assert.deepEqual(built.skipped.map(({ url, code, listed }) => [url, code, listed]), study.expect.skipped);
    });
  }
});
