'use strict';

/**
 * Header containers as Node code holds them, flattened to the lines the core may read,
 * each value a string or a `Uint8Array` as the caller gave it: the core decides what
 * bytes text stands for (ARCHITECTURE.md, "Header text").
 *
 * Accepted: a plain object such as `req.headers` (a value may be an array, as in
 * `req.headersDistinct`: each element is one header line, so two elements are a
 * duplicate), an array of `[name, value]` pairs, and anything with `entries()`
 * (`Headers`, `Map`). Anything else, a pair that is not `[name, value]` with a string
 * name, or a value of a header the core reads that is not a string, a `Uint8Array` or
 * an array of them, is the core's `payload_not_raw` (ARCHITECTURE.md, "Wrong-typed or
 * unusable input"). `undefined` and `null` values mean the header is absent.
 *
 * The filtering happens here because every value that crosses into native code costs a
 * conversion: only lines whose name may be one the core reads cross. `toLowerCase()`
 * matches every name the core's ASCII-case-insensitive comparison matches (and a few
 * more, which the core then drops), so no line the core would read is left out; such a
 * name keeps its length, so the length test only skips names that cannot match.
 *
 * For the same reason text lines cross as one string, `name\0value\0name\0value...`,
 * unless a value is bytes or holds a NUL: then as `[name, value]` pairs.
 */

const native = require('../native.js');

const READ_BY_THE_CORE = new Set(native.headerNames().map((name) => name.toLowerCase()));
const NAME_LENGTHS = new Set(Array.from(READ_BY_THE_CORE, (name) => name.length));

function headerLines(headers) {
  const lines = readLines(headers);
  const joinable = lines.every((line) => typeof line[1] === 'string' && !line[1].includes('\0'));
  return joinable ? lines.flat().join('\0') : lines;
}

/** The `[name, value]` lines the core may read. */
function readLines(headers) {
  const lines = [];
  if (headers === null || typeof headers !== 'object') {
    native.rejectHeaders(headers, '');
  }
  if (!Array.isArray(headers) && typeof headers.entries === 'function') {
    headers = Array.from(headers.entries());
  }
  if (Array.isArray(headers)) {
    for (let index = 0; index < headers.length; index++) {
      const pair = headers[index];
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string') {
        rejectPair(pair, index);
      }
      addLines(lines, pair[0], pair[1]);
    }
  } else {
    // Own enumerable names only, like `Object.entries`; every value is read, so the
    // caller's getters run (and may throw) exactly as for any reader of the object.
    for (const name of Object.keys(headers)) {
      addLines(lines, name, headers[name]);
    }
  }
  return lines;
}

/**
 * A string is one line, an array holds one line per element, `undefined` and `null`
 * mean the header is absent. Lines of headers the core does not read are skipped
 * without a look at their values.
 */
function addLines(lines, name, value) {
  if (
    value === undefined ||
    value === null ||
    !NAME_LENGTHS.has(name.length) ||
    !READ_BY_THE_CORE.has(name.toLowerCase())
  ) {
    return;
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      lines.push([name, lineValue(name, value[index])]);
    }
  } else {
    lines.push([name, lineValue(name, value)]);
  }
}

function lineValue(name, line) {
  if (typeof line === 'string' || line instanceof Uint8Array) {
    return line;
  }
  return native.rejectHeaders(line, ` as a value of ${name}`);
}

/** Throws for an item of a list of pairs that is not `[name, value]` with a string name. */
function rejectPair(pair, index) {
  const item = ` (item ${index})`;
  if (!Array.isArray(pair)) {
    native.rejectHeaders(pair, ` where a [name, value] pair belongs${item}`);
  }
  if (pair.length !== 2) {
    native.rejectHeaders(pair, ` of ${pair.length} items where a [name, value] pair belongs${item}`);
  }
  native.rejectHeaders(pair[0], ` as a header name${item}`);
}

module.exports = { headerLines };
