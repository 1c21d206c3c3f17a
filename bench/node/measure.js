'use strict';

// A warmed loop timed with process.hrtime.bigint: the batch size is doubled until one
// batch takes SAMPLE_NS, then every sample is one batch, reported as ns per call.

const SAMPLE_NS = 10_000_000n;
const WARM_UP_NS = 300_000_000n;

/**
 * Each operation gets a loop compiled for it alone, so the call site inside stays
 * monomorphic and no operation's type feedback slows another's.
 */
function loopFor() {
  return new Function(
    'op',
    'calls',
    `const start = process.hrtime.bigint();
     for (let i = 0; i < calls; i++) op();
     return process.hrtime.bigint() - start;`,
  );
}

function measure(op, { samples, quick }) {
  const loop = loopFor();
  if (quick) {
    return Array.from({ length: samples }, () => Number(loop(op, 1)));
  }
  let calls = 1;
  while (loop(op, calls) < SAMPLE_NS) calls *= 2;
  const warmUpEnd = process.hrtime.bigint() + WARM_UP_NS;
  while (process.hrtime.bigint() < warmUpEnd) loop(op, calls);
  return Array.from({ length: samples }, () => Number(loop(op, calls)) / calls);
}

module.exports = { measure };
