'use strict';

// The invitations' date filters against the emulator: a day given as YYYY-MM-DD text
// filters, and a `Date` is refused before anything is sent, whether it is valid or not.

const assert = require('node:assert/strict');
const { after, before, it } = require('node:test');
const Avara = require('..');
const { startEmulator } = require('./support/emulator.js');

let emulator;
let invitations;
let invitation;
let createdOn;

before(async () => {
  emulator = await startEmulator();
  const client = new Avara({ apiKey: emulator.keys[0], baseURL: emulator.baseURL, maxRetries: 0 });
  const user = await client.viewer.users.invite({
    canManageStudies: true,
    clinicRole: 'Radiologist',
    email: 'jane.doe@example.org',
    firstName: 'Jane',
    hasDashboardAccess: true,
    lastName: 'Doe',
    level: 'member',
  });
  invitations = client.viewer.users.invitations;
  [invitation] = (await invitations.list({ userId: user.userId })).invitations;
  createdOn = invitation.createdAt.slice(0, 10);
});

after(() => emulator?.stop());

/** The day `days` after `day`, both as YYYY-MM-DD. */
function shifted(day, days) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function listed(filters) {
  return (await invitations.list(filters)).invitations.map((each) => each.invitationId);
}

it('lists the invitations created within the days given as text', async () => {
  assert.deepEqual(await listed({ startDate: createdOn, endDate: createdOn }), [invitation.invitationId]);
  assert.deepEqual(await listed({ startDate: shifted(createdOn, 1) }), []);
  assert.deepEqual(await listed({ endDate: shifted(createdOn, -1) }), []);
});

it('refuses a Date, valid or invalid, naming the field and sending nothing', async () => {
  const dates = [
    ['startDate', new Date(`${createdOn}T00:00:00Z`)],
    ['endDate', new Date(Number.NaN)],
  ];
  for (const [field, date] of dates) {
    await assert.rejects(invitations.list({ [field]: date }), (error) => {
      assert.ok(error instanceof Avara.InvalidParamsError, String(error));
      assert.equal(error.code, 'invalid_params');
      assert.equal(error.field, field);
      assert.equal(error.attempts, 0);
      assert.match(error.message, new RegExp(`^${field}: got a Date\\b.*time zone`));
      return true;
    });
  }
  assert.throws(() => Avara.encodeRequest('viewer.users.invitations.list', { startDate: new Date() }), Avara.InvalidParamsError);
});
