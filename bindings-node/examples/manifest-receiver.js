'use strict';
// Answers `study.access_requested` with the study's URLs and the manifest that lets the
// Viewer load it progressively, built from the headers of the study's DICOM files.

const { readdir } = require('node:fs/promises');
const path = require('node:path');
const { StudyAccessRequestedResponse, buildManifestFromFiles } = require('avara');

/** `presign(path)` is your storage's URL for a file (it may return a promise). */
async function answerStudyAccess(event, imageDir, presign) {
  const paths = (await readdir(imageDir)).map((name) => path.join(imageDir, name));
  const built = await buildManifestFromFiles(event.data.studyInstanceUid, paths, { urlFor: presign });
  for (const { url, code, reason } of built.skipped) {
    console.warn(`not in the manifest: ${url} (${code}: ${reason})`);
  }
  return StudyAccessRequestedResponse.authorized(built);
}

module.exports = { answerStudyAccess };
