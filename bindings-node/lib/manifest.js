'use strict';

const { getSystemErrorName } = require('node:util');
const native = require('../native.js');
const { apiError } = require('./api-errors.js');

function invalidArgument(message) {
  const error = new TypeError(message);
  error.code = 'ERR_INVALID_ARG_TYPE';
  return error;
}

/** The native build for a study; a bad UID throws `InvalidParamsError` (field `studyInstanceUid`). */
function start(studyInstanceUid) {
  if (typeof studyInstanceUid !== 'string') {
    throw invalidArgument(`studyInstanceUid must be a string, got ${typeof studyInstanceUid}`);
  }
  const build = native.startManifestBuild(studyInstanceUid);
  if (build instanceof native.NativeManifestBuild) {
    return build;
  }
  throw apiError(build);
}

/** Rejects like `fs` does, so `error.code` is `ENOENT`, `EACCES`, ... */
function readError(failure) {
  const error = new Error(failure.message);
  if (failure.errno != null) {
    error.errno = -failure.errno;
    error.code = getSystemErrorName(-failure.errno);
  }
  error.path = failure.path;
  return error;
}

async function finish(build) {
  const result = await build.finish();
  if (typeof result !== 'string') {
    throw readError(result);
  }
  return JSON.parse(result);
}

function isIterable(value) {
  return value != null && (typeof value[Symbol.iterator] === 'function' || typeof value[Symbol.asyncIterator] === 'function');
}

/** An item as `[url, bytes]`: a pair, or an object with `url` and `bytes`. */
function urlAndBytes(item, index) {
  const [url, bytes] = Array.isArray(item) ? item : [item?.url, item?.bytes];
  if (typeof url !== 'string') {
    throw invalidArgument(`items[${index}]: the URL must be a string (an item is [url, bytes] or {url, bytes})`);
  }
  if (!(bytes instanceof Uint8Array)) {
    throw invalidArgument(`items[${index}]: the bytes of ${url} must be a Buffer or Uint8Array`);
  }
  return [url, bytes];
}

/**
 * Builds the manifest of a study from its objects. `items` is an iterable or async
 * iterable of `[url, bytes]` pairs or `{url, bytes}` objects, where `bytes` is the whole
 * file or any prefix reaching Pixel Data; the buffers are read on libuv's thread pool,
 * without copies, so they must not change until the promise settles.
 */
async function buildManifest(studyInstanceUid, items) {
  const build = start(studyInstanceUid);
  if (!isIterable(items)) {
    throw invalidArgument('items must be an iterable of [url, bytes] pairs or {url, bytes} objects');
  }
  let index = 0;
  for await (const item of items) {
    build.addBytes(...urlAndBytes(item, index));
    index += 1;
  }
  return finish(build);
}

/**
 * Builds the manifest of a study from files, reading only each one's header, on libuv's
 * thread pool. `urlFor(path)` gives each file's URL (it may return a promise, e.g. when
 * presigning). A file that cannot be read rejects like `fs` (`code` `ENOENT`, `path`).
 */
async function buildManifestFromFiles(studyInstanceUid, paths, { urlFor } = {}) {
  const build = start(studyInstanceUid);
  if (typeof paths?.[Symbol.iterator] !== 'function') {
    throw invalidArgument('paths must be an iterable of file paths');
  }
  if (typeof urlFor !== 'function') {
    throw invalidArgument('options.urlFor must be a function from a file path to its URL');
  }
  const files = [...paths];
  files.forEach((path, index) => {
    if (typeof path !== 'string') {
      throw invalidArgument(`paths[${index}] must be a string, got ${typeof path}`);
    }
  });
  const urls = await Promise.all(files.map((path) => urlFor(path)));
  urls.forEach((url, index) => {
    if (typeof url !== 'string') {
      throw invalidArgument(`urlFor(paths[${index}]) must give a string, got ${typeof url}`);
    }
    build.addFile(url, files[index]);
  });
  return finish(build);
}

module.exports = { buildManifest, buildManifestFromFiles };
