// Headers per second of buildManifest (one build, and two builds of half the series each
// at once on libuv's pool) and of buildManifestFromFiles, over the synthetic CT series
// (AVARA_CT_SERIES; its study UID is in the description beside the folder, see
// tests/vectors/manifest/synthetic_series.py). `make bench` loads the release build
// through NAPI_RS_NATIVE_LIBRARY_PATH; `--quick` runs each build three times, as
// `make bench-smoke` does. Usage: node manifest.mjs [--quick] [--seconds N] [--out FILE]

import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildManifest, buildManifestFromFiles } from 'avara';

const { values: options } = parseArgs({
  options: { quick: { type: 'boolean' }, seconds: { type: 'string', default: '3' }, out: { type: 'string' } },
});
const secondsPerFigure = options.quick ? 0 : Number(options.seconds);
if (!process.env.AVARA_CT_SERIES) {
  throw new Error('AVARA_CT_SERIES must name the synthetic CT series (make manifest-series)');
}
const series = path.resolve(process.env.AVARA_CT_SERIES);
const description = JSON.parse(fs.readFileSync(`${series}.json`, 'utf8'));
const study = description.studyInstanceUid;
const paths = fs.readdirSync(series).sort().map((name) => path.join(series, name));
if (paths.length !== description.instances) {
  throw new Error(`${series} holds ${paths.length} files, its description ${description.instances} instances`);
}
const items = paths.map((file) => [file, fs.readFileSync(file)]);
const halves = [items.filter((_, index) => index % 2 === 0), items.filter((_, index) => index % 2 === 1)];

const sops = (built) => built.manifest.series.reduce((count, entry) => count + entry.sops.length, 0);

/** Headers per second of the fastest run within the time budget (at least 3 runs). */
async function bestRate(build) {
  let best = Infinity;
  const deadline = performance.now() + secondsPerFigure * 1000;
  for (let runs = 0; runs < 3 || performance.now() < deadline; runs += 1) {
    const started = performance.now();
    const built = await build();
    best = Math.min(best, performance.now() - started);
    if (built !== paths.length) {
      throw new Error(`expected ${paths.length} SOPs in the manifest, got ${built}`);
    }
  }
  return Math.round(paths.length / (best / 1000));
}

const rates = {
  buildManifest: await bestRate(async () => sops(await buildManifest(study, items))),
  buildManifestTwoAtOnce: await bestRate(async () => {
    const built = await Promise.all(halves.map((half) => buildManifest(study, half)));
    return built.reduce((count, each) => count + sops(each), 0);
  }),
  buildManifestFromFiles: await bestRate(async () => sops(await buildManifestFromFiles(study, paths, { urlFor: (file) => file }))),
};
const results = { node: process.version, quick: Boolean(options.quick), instances: paths.length, headersPerSecond: rates };
console.log(JSON.stringify(results));
if (options.out) {
  fs.writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);
}
