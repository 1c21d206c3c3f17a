'use strict';

// buildManifest's surface: input forms, errors, the answer it feeds, the event loop
// staying free during a large build, and the receiver example.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { describe, it } = require('node:test');
const {
  InvalidParamsError,
  StudyAccessRequestedResponse,
  WebhookVerificationError,
  buildManifest,
  buildManifestFromFiles,
  normalizeResponse,
} = require('..');
const { answerStudyAccess } = require('../examples/manifest-receiver.js');

const FILES = process.env.AVARA_DICOM_FILES;
const CT_STUDY = '1.3.6.1.4.1.5962.1.2.1.20040119072730.12322';
const MR_STUDY = '1.3.6.1.4.1.5962.1.2.4.20040826185059.5457';

function testFile(name) {
  assert.ok(FILES, 'AVARA_DICOM_FILES must name pydicom\'s test_files folder (make manifest-files)');
  return path.join(FILES, name);
}

const ctSmall = () => fs.readFileSync(testFile('CT_small.dcm'));

describe('buildManifest inputs', () => {
  it('takes [url, bytes] pairs and {url, bytes} objects, Buffers and plain Uint8Arrays', async () => {
    const bytes = ctSmall();
    const plain = new Uint8Array(bytes);
    const built = await buildManifest(CT_STUDY, [['a.dcm', bytes], { url: 'b.dcm', bytes: plain }]);
    assert.deepEqual(built.urls, ['a.dcm']);
    assert.deepEqual(built.skipped.map(({ url, code, listed }) => [url, code, listed]), [['b.dcm', 'duplicate_sop_instance', false]]);
    assert.equal(built.manifest.series[0].sops[0].rows, 128);
  });

  it('takes an async iterable, such as a stream of downloads', async () => {
    async function* downloads() {
      yield ['ct.dcm', ctSmall()];
      yield ['notes.txt', Buffer.from('not an image')];
    }
    const built = await buildManifest(CT_STUDY, downloads());
    assert.deepEqual(built.urls, ['ct.dcm']);
    assert.deepEqual(built.skipped.map(({ code }) => code), ['not_dicom']);
  });

  it('reads a view of a larger buffer only within the view', async () => {
    const bytes = ctSmall();
    const padded = Buffer.concat([Buffer.from('junk'), bytes]);
    const built = await buildManifest(CT_STUDY, [['ct.dcm', padded.subarray(4)]]);
    assert.equal(built.manifest.series[0].sops.length, 1);
  });
});

describe('buildManifest errors', () => {
  it('rejects a study UID that is not a DICOM UID with InvalidParamsError naming the field', async () => {
    const error = await buildManifest('1.2.abc', []).catch((caught) => caught);
    assert.ok(error instanceof InvalidParamsError, String(error));
    assert.equal(error.code, 'invalid_params');
    assert.equal(error.field, 'studyInstanceUid');
    assert.match(error.message, /studyInstanceUid/);
  });

  it('checks the UID before consuming the items', async () => {
    let consumed = false;
    async function* items() {
      consumed = true;
      yield ['ct.dcm', ctSmall()];
    }
    await assert.rejects(buildManifest('', items()), InvalidParamsError);
    assert.equal(consumed, false);
  });

  it('names the item of the wrong type', async () => {
    const cases = [
      [[['a.dcm', ctSmall()], ['b.dcm', 'text']], /items\[1\]: the bytes of b\.dcm must be a Buffer or Uint8Array/],
      [[{ url: 7, bytes: ctSmall() }], /items\[0\]: the URL must be a string/],
      [[null], /items\[0\]/],
      [[['a.dcm', new ArrayBuffer(4)]], /items\[0\]/],
    ];
    for (const [items, message] of cases) {
      await assert.rejects(buildManifest(CT_STUDY, items), (error) => {
        assert.ok(error instanceof TypeError);
        assert.equal(error.code, 'ERR_INVALID_ARG_TYPE');
        assert.match(error.message, message);
        return true;
      });
    }
  });

  it('refuses items that are not iterable, and a UID that is not a string', async () => {
    await assert.rejects(buildManifest(CT_STUDY, { url: 'a', bytes: ctSmall() }), { name: 'TypeError', message: /items must be an iterable/ });
    await assert.rejects(buildManifest(42, []), { name: 'TypeError', message: /studyInstanceUid must be a string/ });
  });
});

describe('buildManifestFromFiles', () => {
  it('gives the same result as buildManifest over the whole files', async () => {
    const names = ['CT_small.dcm', 'MR_small.dcm', 'rtplan_truncated.dcm', 'README.txt'];
    const fromFiles = await buildManifestFromFiles(CT_STUDY, names.map(testFile), {
      urlFor: async (file) => `https://storage.example.com/${path.basename(file)}`,
    });
    const fromBytes = await buildManifest(
      CT_STUDY,
      names.map((name) => [`https://storage.example.com/${name}`, fs.readFileSync(testFile(name))]),
    );
    assert.deepEqual(fromFiles, fromBytes);
    assert.deepEqual(fromFiles.urls, ['https://storage.example.com/CT_small.dcm']);
  });

  it('rejects a file it cannot read as fs does', async () => {
    const missing = path.join(os.tmpdir(), `avara-missing-${process.pid}.dcm`);
    await assert.rejects(buildManifestFromFiles(CT_STUDY, [missing], { urlFor: (file) => file }), (error) => {
      assert.equal(error.code, 'ENOENT');
      assert.equal(error.path, missing);
      return true;
    });
  });

  it('needs urlFor, and URLs that are strings', async () => {
    await assert.rejects(buildManifestFromFiles(CT_STUDY, [testFile('CT_small.dcm')]), { name: 'TypeError', message: /urlFor/ });
    await assert.rejects(
      buildManifestFromFiles(CT_STUDY, [testFile('CT_small.dcm')], { urlFor: () => 3 }),
      { name: 'TypeError', message: /urlFor\(paths\[0\]\) must give a string/ },
    );
  });
});

describe('StudyAccessRequestedResponse.authorized with a built manifest', () => {
  it('answers with the URLs and the manifest', async () => {
    const built = await buildManifest(MR_STUDY, [['mr.dcm', fs.readFileSync(testFile('MR_small.dcm'))]]);
    const answer = StudyAccessRequestedResponse.authorized(built);
    assert.deepEqual(answer, { authorized: true, urls: ['mr.dcm'], manifest: built.manifest });
    assert.deepEqual(normalizeResponse('study.access_requested', answer), answer);
  });

  it('leaves the manifest out when no series qualifies', async () => {
    const built = await buildManifest(MR_STUDY, [['mr.dcm', fs.readFileSync(testFile('MR_small.dcm')).subarray(0, 200)]]);
    assert.deepEqual(built.manifest.series, []);
    assert.deepEqual(StudyAccessRequestedResponse.authorized(built), { authorized: true, urls: built.urls });
  });

  it('still takes a list of URLs, and refuses a malformed result', () => {
    assert.deepEqual(StudyAccessRequestedResponse.authorized(['a']), { authorized: true, urls: ['a'] });
    assert.throws(
      () => StudyAccessRequestedResponse.authorized({ urls: ['a'], manifest: {} }),
      (error) => error instanceof WebhookVerificationError && error.code === 'schema_error',
    );
  });
});

describe('the event loop during a large build', () => {
  const series = process.env.AVARA_CT_SERIES;

  /** Runs `build` while a 1 ms interval ticks; returns how long it took and the longest gap between ticks. */
  async function timed(build) {
    let last = performance.now();
    let longestGap = 0;
    let ticks = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      ticks += 1;
    }, 1);
    const started = performance.now();
    try {
      const built = await build();
      return { built, elapsed: performance.now() - started, longestGap, ticks };
    } finally {
      clearInterval(timer);
    }
  }

  function assertLoopFree({ elapsed, longestGap, ticks }) {
    // On the event loop, the build would be one gap as long as the build itself.
    assert.ok(ticks >= 10, `only ${ticks} ticks in ${elapsed.toFixed(0)} ms`);
    assert.ok(longestGap < elapsed / 3, `a ${longestGap.toFixed(0)} ms gap in a ${elapsed.toFixed(0)} ms build`);
  }

  it('keeps ticking while 2 000 files are read and parsed', async () => {
    assert.ok(series, 'AVARA_CT_SERIES must name the synthetic CT series (make manifest-series)');
    const paths = fs.readdirSync(series).map((name) => path.join(series, name));
    assert.equal(paths.length, 2000);
    const fromFiles = await timed(() => buildManifestFromFiles('1.2.3', paths, { urlFor: (file) => file }));
    assertLoopFree(fromFiles);
    // Another study's objects: every header was read to find that out.
    assert.deepEqual(new Set(fromFiles.built.skipped.map(({ code }) => code)), new Set(['study_mismatch']));
    assert.equal(fromFiles.built.skipped.length, 2000);

    const items = paths.map((file) => [file, fs.readFileSync(file)]);
    const fromBytes = await timed(() => buildManifest('1.2.3', items));
    assertLoopFree(fromBytes);
    assert.deepEqual(fromBytes.built, fromFiles.built);
  });
});

describe('the receiver example', () => {
  it('answers study.access_requested with the URLs and a manifest', async (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'avara-study-'));
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    for (const name of ['CT_small.dcm', 'MR_small.dcm', 'README.txt']) {
      fs.copyFileSync(testFile(name), path.join(dir, name));
    }
    const event = { type: 'study.access_requested', id: 'whe_1', data: { studyId: `stu_${'0'.repeat(32)}`, studyInstanceUid: CT_STUDY } };
    const warnings = [];
    t.mock.method(console, 'warn', (line) => warnings.push(line));
    const answer = await answerStudyAccess(event, dir, (file) => `https://storage.example.com/${path.basename(file)}?sig=1`);
    assert.deepEqual(answer.urls, ['https://storage.example.com/CT_small.dcm?sig=1']);
    assert.equal(answer.manifest.studyInstanceUID, CT_STUDY);
    assert.equal(answer.manifest.series[0].sops[0].sopInstanceUID, '1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322');
    assert.equal(warnings.length, 2);
    assert.deepEqual(normalizeResponse('study.access_requested', answer), answer);
  });
});
