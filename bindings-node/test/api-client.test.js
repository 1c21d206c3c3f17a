'use strict';

// Every operation of the API against a real emulator over loopback, through the
// package's resources: results, error classes, pages, and what stays off the event loop.

const assert = require('node:assert/strict');
const http = require('node:http');
const util = require('node:util');
const { after, before, describe, it } = require('node:test');
const Avara = require('..');
const { startEmulator } = require('./support/emulator.js');

const UID = '1.2.840.113619.2.55.3.604688119.868.1234567890.123';
const MISSING_STUDY = 'stu_00000000000000000000000000000000';
const RESTRICTED_KEY = 'sk_test_restricted_0123456789abcdef';

let emulator;
let client;
const called = new Set();

/** The client with every method call recorded by its path (`viewer.studies.create`). */
function recording(target, prefix = []) {
  return new Proxy(target, {
    get(object, name) {
      const value = object[name];
      if (typeof name !== 'string') return value;
      if (typeof value === 'function') {
        return (...args) => {
          called.add([...prefix, name].join('.'));
          return value.apply(object, args);
        };
      }
      return value !== null && typeof value === 'object' ? recording(value, [...prefix, name]) : value;
    },
  });
}

/** Every method the generated resources offer, by path. */
function methodsOf(resource, prefix = []) {
  const own = Object.getOwnPropertyNames(Object.getPrototypeOf(resource)).filter((name) => name !== 'constructor');
  const children = Object.entries(resource).flatMap(([name, child]) => methodsOf(child, [...prefix, name]));
  return [...own.map((name) => [...prefix, name].join('.')), ...children];
}

function invite(email) {
  return {
    canManageStudies: true,
    clinicRole: 'Radiologist',
    email,
    firstName: 'Jane',
    hasDashboardAccess: true,
    lastName: 'Doe',
    level: 'member',
    phoneNumber: '+15551234567',
  };
}

before(async () => {
  emulator = await startEmulator({
    config: {
      keys: [
        { webhookUrl: 'http://127.0.0.1:9/webhooks/avara' },
        { key: RESTRICTED_KEY, studyScope: 'self', userAccess: 'none', expressAccess: 'none' },
      ],
    },
  });
  client = recording(new Avara({ apiKey: emulator.keys[0], baseURL: emulator.baseURL, maxRetries: 0 }));
});

after(() => emulator?.stop());

describe('viewer.studies', () => {
  it('creates, reads, updates, cancels, uncancels and reroutes a study', async () => {
    const studies = client.viewer.studies;
    const created = await studies.create({
      severity: 'normal',
      studyDescription: 'Brain MRI with Contrast',
      studyInstanceUid: UID,
      metadata: { accession: 'A1' },
    });
    assert.match(created.studyId, /^stu_[0-9a-f]{32}$/);
    assert.equal(created.studyInstanceUid, UID);
    assert.deepEqual(created.metadata, { accession: 'A1' });

    assert.equal((await studies.retrieve(created.studyId)).studyId, created.studyId);
    assert.equal((await studies.retrieveByUid(UID)).studyId, created.studyId);

    const updated = await studies.update(created.studyId, { severity: 'stat', metadata: null });
    assert.equal(updated.severity, 'stat');
    assert.equal(updated.metadata ?? null, null, 'null clears the metadata');
    const untouched = await studies.update(created.studyId, { studyDescription: undefined });
    assert.equal(untouched.severity, 'stat', 'an undefined property is absent, not a change');

    assert.equal((await studies.cancel({ studyId: created.studyId })).success, true);
    assert.equal((await studies.retrieve(created.studyId)).isCancelled, true);
    const cancelled = await studies.list({ isCancelled: true });
    assert.deepEqual(cancelled.studies.map((study) => study.studyId), [created.studyId]);
    assert.equal((await studies.uncancel({ studyInstanceUid: UID })).success, true);
    assert.equal((await studies.retrieve(created.studyId)).isCancelled, false);

    const { url } = await studies.rerouteURL({ studyId: created.studyId });
    assert.ok(url.startsWith(`${emulator.baseURL}/view/`), url);
  });

  it('accepts the guide’s studyUid as studyInstanceUid', async () => {
    const study = await client.viewer.studies.create({
      studyUid: '1.3.6.1.4.1.543245.54356543',
      studyDescription: 'Coronary CT Angiogram',
      severity: 'normal',
    });
    assert.equal(study.studyInstanceUid, '1.3.6.1.4.1.543245.54356543');
  });

  it('rejects an unknown study with NotFoundError carrying status and request id', async () => {
    const error = await client.viewer.studies.retrieve(MISSING_STUDY).then(assert.fail, (caught) => caught);
    assert.ok(error instanceof Avara.NotFoundError && error instanceof Avara.APIError && error instanceof Avara.AvaraError);
    assert.equal(error.name, 'NotFoundError');
    assert.equal(error.code, 'not_found');
    assert.equal(error.status, 404);
    assert.equal(typeof error.requestId, 'string');
    assert.equal(error.body.error.code, 'not_found');
    assert.equal(error.field, null);
    assert.equal(error.attempts, 1);
  });

  it('rejects bad parameters with InvalidParamsError naming the field, before sending', async () => {
    const cases = [
      [() => client.viewer.studies.create({ severity: 'urgent', studyDescription: 'x', studyInstanceUid: UID }), 'severity'],
      [() => client.viewer.studies.retrieve('stu_XYZ'), 'studyId'],
      [() => client.viewer.studies.list({ limit: 101 }), 'limit'],
      [() => client.viewer.studies.cancel({}), 'studyId'],
      [() => client.express.users.add('cus_1', { userId: 'usr_1' }), 'expressCustomerId'],
    ];
    for (const [call, field] of cases) {
      const error = await call().then(assert.fail, (caught) => caught);
      assert.ok(error instanceof Avara.InvalidParamsError, `${error.name}: ${error.message}`);
      assert.equal(error.code, 'invalid_params');
      assert.equal(error.field, field, error.message);
      assert.equal(error.attempts, 0);
      assert.equal(error.status, null);
    }
  });

  it('iterates every item of every page with for await, keeping the filters', async () => {
    const made = [];
    for (let n = 0; n < 5; n += 1) {
      const study = await client.viewer.studies.create({
        severity: 'high',
        studyDescription: `page study ${n}`,
        studyInstanceUid: `1.2.826.0.1.3680043.10.${n}`,
      });
      made.push(study.studyId);
    }
    const seen = [];
    for await (const study of client.viewer.studies.list({ limit: 2, severity: 'high' })) {
      assert.equal(study.severity, 'high');
      seen.push(study.studyId);
    }
    assert.deepEqual(seen.sort(), [...made].sort());

    const first = await client.viewer.studies.list({ limit: 2, severity: 'high' });
    assert.equal(first.studies.length, 2);
    assert.equal(first.hasMore, true);
    assert.equal(first.hasNextPage(), true);
    assert.deepEqual(Object.keys(JSON.parse(JSON.stringify(first))).sort(), ['cursor', 'hasMore', 'studies']);
    const pages = [];
    for await (const page of first.iterPages()) {
      pages.push(page.studies.length);
    }
    assert.deepEqual(pages, [2, 2, 1], 'three pages of at most two');
    const second = await first.getNextPage();
    const third = await second.getNextPage();
    assert.equal(third.hasNextPage(), false);
    await assert.rejects(third.getNextPage(), Avara.AvaraError);
  });
});

describe('viewer.users and viewer.users.invitations', () => {
  it('invites, reads, updates, lists, revokes and reactivates a user', async () => {
    const users = client.viewer.users;
    const user = await users.invite(invite('jane.doe@example.org'));
    assert.equal((await users.retrieve(user.userId)).email, 'jane.doe@example.org');
    const changed = await users.update(user.userId, { firstName: 'Janet', phoneNumber: null });
    assert.equal(changed.firstName, 'Janet');
    assert.equal(changed.phoneNumber ?? null, null);
    const listed = await users.list({ invitedSource: 'api' });
    assert.ok(listed.users.some((listedUser) => listedUser.userId === user.userId));
    assert.equal((await users.revokeAccess({ userId: user.userId })).success, true);
    assert.equal((await users.reactivate({ userId: user.userId })).success, true);
    await assert.rejects(users.invite(invite('jane.doe@example.org')), (error) => {
      assert.ok(error instanceof Avara.ConflictError, `${error.name}: ${error.message}`);
      assert.equal(error.status, 409);
      return true;
    });

    const invitations = users.invitations;
    const page = await invitations.list({ status: ['sent'], userId: user.userId });
    const invitation = page.invitations[0];
    assert.ok(invitation, 'the invite made an invitation');
    assert.equal((await invitations.retrieve(invitation.invitationId)).userId, user.userId);
    assert.equal((await invitations.update(invitation.invitationId, { level: 'admin' })).level, 'admin');
    assert.equal((await invitations.revoke({ invitationId: invitation.invitationId, userId: user.userId })).success, true);
    assert.equal((await invitations.retrieve(invitation.invitationId)).status, 'revoked');
  });
});

describe('express and viewer.ephemeralSessions', () => {
  it('creates, reads, updates, deactivates, reactivates and lists customers, and adds and removes users', async () => {
    const { express } = client;
    const customer = await express.create({ expressCustomerName: 'North Imaging' });
    assert.equal(customer.isActive, true);
    assert.equal((await express.retrieve(customer.expressCustomerId)).expressCustomerName, 'North Imaging');
    assert.equal((await express.update(customer.expressCustomerId, { expressCustomerName: 'North' })).expressCustomerName, 'North');
    assert.equal((await express.deactivate(customer.expressCustomerId)).isActive, false);
    assert.equal((await express.reactivate(customer.expressCustomerId)).isActive, true);
    const listed = await express.list();
    assert.ok(listed.expressCustomers.some((listedCustomer) => listedCustomer.expressCustomerId === customer.expressCustomerId));

    const user = await client.viewer.users.invite(invite('tech@example.org'));
    assert.equal((await express.users.add(customer.expressCustomerId, { userId: user.userId })).success, true);
    assert.equal((await express.retrieve(customer.expressCustomerId)).userCount, 1);
    assert.equal((await express.users.remove(customer.expressCustomerId, { userId: user.userId })).success, true);
    assert.equal((await express.retrieve(customer.expressCustomerId)).userCount, 0);
  });

  it('creates an ephemeral session', async () => {
    const { url } = await client.viewer.ephemeralSessions.create({
      retrievalId: 'ret-7731',
      hangingProtocol: { layout: '1x2', viewportAssignments: ['Axial', null] },
      options: { studyUids: [UID] },
    });
    assert.ok(url.startsWith(`${emulator.baseURL}/view/`), url);
  });
});

describe('keys and failures', () => {
  it('rejects a restricted key with PermissionDeniedError (403)', async () => {
    const restricted = new Avara({ apiKey: RESTRICTED_KEY, baseURL: emulator.baseURL, maxRetries: 0 });
    for (const call of [() => restricted.viewer.users.list(), () => restricted.express.list()]) {
      const error = await call().then(assert.fail, (caught) => caught);
      assert.ok(error instanceof Avara.PermissionDeniedError, `${error.name}: ${error.message}`);
      assert.equal(error.status, 403);
      assert.equal(error.code, 'permission_denied');
    }
    await assert.rejects(restricted.viewer.studies.retrieve(MISSING_STUDY), Avara.NotFoundError);
  });

  it('rejects a wrong key with AuthenticationError that does not show the key', async () => {
    const key = 'sk_test_wrong_key_never_printed_0001';
    const error = await new Avara({ apiKey: key, baseURL: emulator.baseURL, maxRetries: 0 }).viewer.studies
      .list()
      .then(assert.fail, (caught) => caught);
    assert.ok(error instanceof Avara.AuthenticationError);
    assert.equal(error.status, 401);
    for (const text of [error.message, error.stack, util.inspect(error), JSON.stringify(error)]) {
      assert.ok(!text.includes(key), text);
    }
  });

  it('rejects an unreachable server with APIConnectionError after its retries', async () => {
    const offline = new Avara({ apiKey: 'sk_test_x', baseURL: 'http://127.0.0.1:9', maxRetries: 1 });
    const error = await offline.viewer.studies.list().then(assert.fail, (caught) => caught);
    assert.ok(error instanceof Avara.APIConnectionError, `${error.name}: ${error.message}`);
    assert.equal(error.code, 'connection');
    assert.equal(error.attempts, 2);
  });

  it('throws ConfigurationError on the first call without a key, and still verifies webhooks', async () => {
    const saved = process.env.AVARA_API_KEY;
    delete process.env.AVARA_API_KEY;
    try {
      const keyless = new Avara({ baseURL: emulator.baseURL, webhookSecret: 'configuration_test_secret_0123456789ab' });
      const list = keyless.viewer.studies.list();
      await assert.rejects(list, (error) => error instanceof Avara.ConfigurationError && error.code === 'configuration');
      await assert.rejects(keyless.viewer.studies.create({}), Avara.ConfigurationError);
      const body = '{"id":"whe_0123456789abcdef0123456789abcdef","type":"report.delivered","data":{"isCritical":false,"presignedUrl":"https://x","reportId":"rep_0123456789abcdef0123456789abcdef","studyId":"stu_0123456789abcdef0123456789abcdef"}}';
      const timestamp = String(Date.now());
      const headers = { 'x-avara-signature': Avara.sign('configuration_test_secret_0123456789ab', timestamp, body), 'x-avara-timestamp': timestamp };
      assert.equal(keyless.webhooks.unwrap(body, { headers }).type, 'report.delivered');
    } finally {
      if (saved !== undefined) process.env.AVARA_API_KEY = saved;
    }
  });

  it('refuses bad options with ConfigurationError naming the option', async () => {
    const cases = [
      [{ maxRetries: -1 }, /maxRetries/],
      [{ timeout: -5 }, /timeout/],
      [{ baseURL: 'ftp://example.org' }, /base URL/],
      [{ defaultHeaders: { 'X-Count': 5 } }, /defaultHeaders/],
    ];
    for (const [options, message] of cases) {
      const bad = new Avara({ apiKey: 'sk_test_x', baseURL: emulator.baseURL, ...options });
      await assert.rejects(bad.viewer.studies.list(), (error) => {
        assert.ok(error instanceof Avara.ConfigurationError, `${error.name}: ${error.message}`);
        assert.match(error.message, message);
        return true;
      });
    }
  });

  it('has no API key in inspect or JSON, of the client or its resources', () => {
    const key = 'sk_test_never_printed_0123456789abcdef';
    const secretive = new Avara({ apiKey: key, baseURL: emulator.baseURL });
    for (const text of [util.inspect(secretive, { depth: 10, showHidden: true }), JSON.stringify(secretive), util.inspect(secretive.viewer, { depth: 10, showHidden: true })]) {
      assert.ok(!text.includes(key), text);
    }
  });
});

describe('what goes on the wire', () => {
  it('names the Node runtime in the User-Agent and sends the key and default headers', async () => {
    const seen = [];
    const server = http.createServer((request, response) => {
      seen.push(request.headers);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"url":"https://example.org/view/1"}');
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const local = new Avara({
        apiKey: 'sk_test_headers',
        baseURL: `http://127.0.0.1:${server.address().port}`,
        defaultHeaders: { 'X-Trace': 'node-test' },
      });
      assert.deepEqual(await local.viewer.studies.rerouteURL({ studyId: MISSING_STUDY }), { url: 'https://example.org/view/1' });
    } finally {
      server.close();
    }
    assert.equal(seen.length, 1);
    assert.equal(seen[0]['user-agent'], `avara-sdk/${require('../package.json').version} (node ${process.versions.node})`);
    assert.equal(seen[0].authorization, 'Bearer sk_test_headers');
    assert.equal(seen[0]['x-trace'], 'node-test');
  });
});

describe('off the event loop', () => {
  let slow;
  before(async () => {
    slow = await startEmulator({ flags: ['--latency-ms', '300'] });
  });
  after(() => slow?.stop());

  it('keeps the event loop turning while a call waits for the server', async () => {
    const slowClient = new Avara({ apiKey: slow.keys[0], baseURL: slow.baseURL, maxRetries: 0 });
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
    }, 10);
    try {
      await slowClient.viewer.studies.list();
    } finally {
      clearInterval(timer);
    }
    assert.ok(ticks >= 10, `only ${ticks} timer ticks during a 300 ms call`);
  });

  it('rejects with APIConnectionTimeoutError when an attempt takes longer than timeout', async () => {
    const impatient = new Avara({ apiKey: slow.keys[0], baseURL: slow.baseURL, timeout: 50, maxRetries: 0 });
    const error = await impatient.viewer.studies.list().then(assert.fail, (caught) => caught);
    assert.ok(error instanceof Avara.APIConnectionTimeoutError && error instanceof Avara.APIConnectionError, `${error.name}: ${error.message}`);
    assert.equal(error.code, 'timeout');
  });
});

describe('coverage', () => {
  it('exercised every operation the generated resources offer (27)', () => {
    const offered = methodsOf(new Avara({ apiKey: 'sk_test_x' }).viewer, ['viewer'])
      .concat(methodsOf(new Avara({ apiKey: 'sk_test_x' }).express, ['express']))
      .sort();
    assert.equal(offered.length, 27);
    assert.deepEqual([...called].filter((name) => offered.includes(name)).sort(), offered);
  });
});
