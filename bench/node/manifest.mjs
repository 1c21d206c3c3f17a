// Headers per second of buildManifest and buildManifestFromFiles over the synthetic CT
// series (AVARA_CT_SERIES). `make bench` loads the release build through
// NAPI_RS_NATIVE_LIBRARY_PATH. Usage: node manifest.mjs [--quick] [--out FILE]

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildManifest, buildManifestFromFiles } from 'avara';

const { values: options } = parseArgs({ options: { quick: { type: 'boolean' }, out: { type: 'string' } } });
const series = process.env.AVARA_CT_SERIES;
if (!series) {
  throw new Error('AVARA_CT_SERIES must name the synthetic CT series (make manifest-series)');
}
const paths = fs.readdirSync(series).sort().map((name) => path.join(series, name));
const items = paths.map((file) => [file, fs.readFileSync(file)]);
// Another study's UID still reads every header; the real one comes from the first build.
const probe = await buildManifest('1.2.3', items.slice(0, 1));
const study = /StudyInstanceUID is ([0-9.]+)/.exec(probe.skipped[0].reason)[1];

async function rate(build) {
  const rounds = options.quick ? 1 : 5;
  await build();
  const started = process.hrtime.bigint();
  for (let round = 0; round < rounds; round += 1) {
    const built = await build();
    if (built.manifest.series[0]?.sops.length !== paths.length) {
      throw new Error(`expected ${paths.length} SOPs in the manifest, got ${JSON.stringify(built.skipped.slice(0, 3))}`);
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return Math.round((rounds * paths.length) / seconds);
}

const results = {
  instances: paths.length,
  bytesHeadersPerSecond: await rate(() => buildManifest(study, items)),
  filesHeadersPerSecond: await rate(() => buildManifestFromFiles(study, paths, { urlFor: (file) => file })),
};
console.log(JSON.stringify(results));
if (options.out) {
  fs.writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);
}
