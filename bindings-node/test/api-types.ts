// Type-level checks of the API client's declarations (generated/client.d.ts and
// index.d.ts): every resource and method, run by `tsc -p tsconfig.json --strict`.
// Never executed; `usesEveryResource` only has to compile.

import Avara, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  AvaraError,
  ConfigurationError,
  InvalidParamsError,
  NotFoundError,
  PermissionDeniedError,
  encodeRequest,
  interpretResponse,
  type APIErrorCode,
  type EncodedRequest,
  type ExpressCustomer,
  type Page,
  type StudyListPage,
  type SuccessResponse,
  type UrlResponse,
  type ViewerInvitation,
  type ViewerStudy,
  type ViewerUser,
} from 'avara';

export async function usesEveryResource(): Promise<void> {
  const client = new Avara({
    apiKey: 'sk_test_x',
    baseURL: 'http://127.0.0.1:4010',
    timeout: 20_000,
    maxRetries: 4,
    defaultHeaders: { 'X-Trace': 'on' },
  });

  const studies = client.viewer.studies;
  const study: ViewerStudy = await studies.create({ severity: 'normal', studyDescription: 'CT', studyInstanceUid: '1.2.3' });
  const guideStyle: ViewerStudy = await studies.create({ studyUid: '1.2.3', studyDescription: 'CT', severity: 'stat' });
  const retrieved: ViewerStudy = await studies.retrieve(study.studyId);
  const updated: ViewerStudy = await studies.update(study.studyId, { severity: 'high', metadata: null, assignedTo: 'usr_1' });
  const cancelled: SuccessResponse = await studies.cancel({ studyId: study.studyId });
  const uncancelled: SuccessResponse = await studies.uncancel({ studyInstanceUid: study.studyInstanceUid });
  const reroute: UrlResponse = await studies.rerouteURL({ studyId: study.studyId });
  const byUid: ViewerStudy = await studies.retrieveByUid('1.2.3');
  const cancelledAt: string | null | undefined = byUid.cancelledAt;
  const page: Page<StudyListPage, ViewerStudy> = await studies.list({ limit: 2, severity: 'high' });
  const firstStudies: ViewerStudy[] = page.studies;
  const more: boolean = page.hasNextPage() && page.hasMore;
  const next: Page<StudyListPage, ViewerStudy> = await page.getNextPage();
  for await (const listed of studies.list()) {
    const id: string = listed.studyId;
    void id;
  }
  for await (const each of page) {
    const description: string = each.studyDescription;
    void description;
  }
  for await (const later of page.iterPages()) {
    const cursor: string | null | undefined = later.cursor;
    void cursor;
  }

  const users = client.viewer.users;
  const user: ViewerUser = await users.invite({
    canManageStudies: true,
    clinicRole: 'Radiologist',
    email: 'jane@example.org',
    firstName: 'Jane',
    hasDashboardAccess: true,
    lastName: 'Doe',
    level: 'member',
  });
  const sameUser: ViewerUser = await users.retrieve(user.userId);
  const renamed: ViewerUser = await users.update(user.userId, { firstName: 'Janet', phoneNumber: null });
  for await (const listedUser of users.list({ invitedSource: 'api' })) {
    void listedUser.email;
  }
  const revoked: SuccessResponse = await users.revokeAccess({ userId: user.userId });
  const reactivated: SuccessResponse = await users.reactivate({ userId: user.userId });

  const invitations = client.viewer.users.invitations;
  const invitationPage = await invitations.list({ status: ['sent'], userId: user.userId });
  const invitation: ViewerInvitation | undefined = invitationPage.invitations[0];
  if (invitation !== undefined) {
    const again: ViewerInvitation = await invitations.retrieve(invitation.invitationId);
    const promoted: ViewerInvitation = await invitations.update(invitation.invitationId, { level: 'admin' });
    const withdrawn: SuccessResponse = await invitations.revoke({ invitationId: invitation.invitationId });
    void [again, promoted, withdrawn];
  }

  const session: UrlResponse = await client.viewer.ephemeralSessions.create({
    retrievalId: 'ret-1',
    hangingProtocol: { layout: '1x2', viewportAssignments: ['Axial', null] },
    options: { studyUids: ['1.2.3'] },
  });

  const express = client.express;
  const customer: ExpressCustomer = await express.create({ expressCustomerName: 'North' });
  const fetched: ExpressCustomer = await express.retrieve(customer.expressCustomerId);
  const changed: ExpressCustomer = await express.update(customer.expressCustomerId, { expressCustomerName: 'South' });
  const customers = await express.list({ limit: 10 });
  const names: string[] = customers.expressCustomers.map((each) => each.expressCustomerName);
  const deactivated: ExpressCustomer = await express.deactivate(customer.expressCustomerId);
  const active: ExpressCustomer = await express.reactivate(customer.expressCustomerId);
  const added: SuccessResponse = await express.users.add(customer.expressCustomerId, { userId: user.userId });
  const removed: SuccessResponse = await express.users.remove(customer.expressCustomerId, { userId: user.userId });

  // @ts-expect-error the official spelling is rerouteURL
  void studies.rerouteUrl;
  // @ts-expect-error severity is one of normal, high, stat
  await studies.create({ severity: 'urgent', studyDescription: 'CT', studyInstanceUid: '1.2.3' });
  // @ts-expect-error the study ID is the first argument, not a parameter
  await studies.update({ studyId: study.studyId });
  // @ts-expect-error only clearable fields accept null
  await studies.update(study.studyId, { severity: null });
  // @ts-expect-error a date filter takes the day as text, not a Date (an instant)
  await invitations.list({ startDate: new Date() });

  void [guideStyle, retrieved, updated, cancelled, uncancelled, reroute, cancelledAt, firstStudies, more, next];
  void [sameUser, renamed, revoked, reactivated, session, fetched, changed, names, deactivated, active, added, removed];
}

export function handlesErrors(error: unknown): string {
  if (error instanceof InvalidParamsError) {
    const code: 'invalid_params' = error.code;
    return `${code} ${error.field ?? ''}`;
  }
  if (error instanceof APIConnectionTimeoutError) {
    const connection: APIConnectionError = error;
    return connection.code;
  }
  if (error instanceof NotFoundError || error instanceof PermissionDeniedError) {
    const status: number | null = error.status;
    const requestId: string | null = error.requestId;
    return `${status} ${requestId} ${error.attempts}`;
  }
  if (error instanceof ConfigurationError) {
    return error.message;
  }
  if (error instanceof APIError) {
    const code: APIErrorCode = error.code;
    const body: unknown = error.body;
    void body;
    return code;
  }
  if (error instanceof Avara.APIError) {
    return 'unreachable';
  }
  return error instanceof AvaraError ? error.message : String(error);
}

export function lowLevel(): unknown {
  const request: EncodedRequest = encodeRequest('viewer.studies.retrieve', { studyId: 'stu_1' });
  const pairs: Array<[string, string]> = request.query;
  void pairs;
  return interpretResponse('viewer.studies.retrieve', 404, '{}');
}
