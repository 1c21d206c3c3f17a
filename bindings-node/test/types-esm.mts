// Type-level checks of the ES module entry (index.d.mts), run by `tsc -p tsconfig.json`.

import Avara, { Webhook, type WebhookEvent } from 'avara';

const client: Avara = new Avara({ webhookSecret: 'secret' });
const event: WebhookEvent = client.webhooks.unwrap('{}', { headers: {} });
const webhook: Webhook = new Webhook('secret');

void [event, webhook];

export async function callsTheApi(): Promise<string> {
  const study = await client.viewer.studies.rerouteURL({ studyId: 'stu_1' });
  return study.url;
}
