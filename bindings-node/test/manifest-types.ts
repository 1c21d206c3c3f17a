// Type-level checks of the manifest builder's declarations, run by `tsc -p tsconfig.json`.

import {
  StudyAccessRequestedResponse,
  buildManifest,
  buildManifestFromFiles,
  type BuiltManifest,
  type ManifestItem,
  type SkipCode,
} from 'avara';

async function receive(bytes: Buffer, view: Uint8Array): Promise<StudyAccessRequestedResponse> {
  const items: ManifestItem[] = [['a.dcm', bytes], { url: 'b.dcm', bytes: view }];
  const built: BuiltManifest = await buildManifest('1.2.3', items);
  const code: SkipCode | undefined = built.skipped[0]?.code;
  const listed: boolean | undefined = built.skipped[0]?.listed;
  const rows: number | undefined = built.manifest.series[0]?.sops[0]?.rows;
  void [code, listed, rows];
  await buildManifestFromFiles('1.2.3', ['a.dcm'], { urlFor: async (path) => `https://x/${path}` });
  async function* downloads(): AsyncGenerator<[string, Buffer]> {
    yield ['c.dcm', bytes];
  }
  await buildManifest('1.2.3', downloads());
  // @ts-expect-error bytes must be a Uint8Array
  await buildManifest('1.2.3', [['a.dcm', 'text']]);
  // @ts-expect-error not a skip code
  const wrong: SkipCode = 'unknown';
  void wrong;
  return StudyAccessRequestedResponse.authorized(built);
}

void receive;
