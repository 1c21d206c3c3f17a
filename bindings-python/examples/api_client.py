"""Every API operation once, sync and async: a tour of the client, and what `mypy
--strict` checks the generated declarations against (`make python-test`).

Run it against the emulator: start `target/debug/avara-emulator` in one terminal, export
the AVARA_BASE_URL and AVARA_API_KEY it prints in another, then
`python examples/api_client.py`.
"""

from __future__ import annotations

import asyncio
from typing import List

from avara import (
    APIError,
    AsyncAvara,
    Avara,
    ExpressCustomer,
    HangingProtocol,
    NotFoundError,
    SuccessResponse,
    SyncCursorStudies,
    UrlResponse,
    ViewerInvitation,
    ViewerStudy,
    ViewerUser,
)

UID = "1.2.826.0.1.3680043.10.9001"


def viewer_studies(client: Avara) -> ViewerStudy:
    studies = client.viewer.studies
    study = studies.create(
        severity="normal", study_description="Brain MRI", study_instance_uid=UID, metadata={"site": "north"}
    )
    study = studies.retrieve(study.study_id)
    study = studies.retrieve_by_uid(study.study_instance_uid)
    study = studies.update(study.study_id, severity="stat", metadata=None)
    page: SyncCursorStudies = studies.list(limit=10, severity="stat")
    print(f"{len(page.studies)} on the first page, more: {page.has_more}")
    for listed in page:
        print(listed.study_id, listed.severity)
    cancelled: SuccessResponse = studies.cancel(study_id=study.study_id)
    studies.uncancel(study_instance_uid=study.study_instance_uid)
    link: UrlResponse = studies.reroute_url(study_id=study.study_id)
    print(cancelled.success, link.url)
    return study


def viewer_users(client: Avara) -> ViewerUser:
    users = client.viewer.users
    user = users.invite(
        can_manage_studies=True,
        clinic_role="Radiologist",
        email="jane.doe@example.org",
        first_name="Jane",
        has_dashboard_access=True,
        last_name="Doe",
        level="member",
    )
    user = users.retrieve(user.user_id)
    user = users.update(user.user_id, first_name="Janet", phone_number=None)
    everyone: List[ViewerUser] = list(users.list(invited_source="api"))
    print(len(everyone), "users")
    users.revoke_access(user_id=user.user_id)
    users.reactivate(user_id=user.user_id)

    invitations = users.invitations
    for invitation in invitations.list(status=["sent"], user_id=user.user_id):
        found: ViewerInvitation = invitations.retrieve(invitation.invitation_id)
        invitations.update(found.invitation_id, level="admin")
        invitations.revoke(invitation_id=found.invitation_id, user_id=user.user_id)
    return user


def express(client: Avara, user: ViewerUser) -> ExpressCustomer:
    customer = client.express.create(express_customer_name="North Imaging")
    customer = client.express.retrieve(customer.express_customer_id)
    customer = client.express.update(customer.express_customer_id, express_customer_name="North", metadata=None)
    print([listed.express_customer_name for listed in client.express.list(limit=5)])
    client.express.deactivate(customer.express_customer_id)
    client.express.reactivate(customer.express_customer_id)
    client.express.users.add(customer.express_customer_id, user_id=user.user_id)
    client.express.users.remove(customer.express_customer_id, user_id=user.user_id)
    return customer


def ephemeral_session(client: Avara) -> None:
    try:
        session = client.viewer.ephemeral_sessions.create(
            retrieval_id="ret-7731",
            hanging_protocol=HangingProtocol(layout="1x2", viewport_assignments=["Axial", "Sagittal"]),
            options={"studyUids": [UID]},
        )
        print(session.url)
    except APIError as error:  # the key needs a webhook endpoint for sessions
        print(error.code, error.status_code, error.request_id)


async def asynchronous(client: AsyncAvara) -> None:
    studies = await asyncio.gather(
        *(client.viewer.studies.create(severity="high", study_description="CT", study_instance_uid=f"{UID}.{n}") for n in range(3))
    )
    first = await client.viewer.studies.list(limit=2)
    print(len(first.studies), first.cursor)
    async for study in client.viewer.studies.list(limit=2):
        print(study.study_id)
    try:
        await client.viewer.studies.retrieve("stu_00000000000000000000000000000000")
    except NotFoundError as error:
        print(error.status_code, [study.study_id for study in studies])


def main() -> None:
    client = Avara()  # AVARA_API_KEY and AVARA_BASE_URL from the environment
    viewer_studies(client)
    express(client, viewer_users(client))
    ephemeral_session(client)
    asyncio.run(asynchronous(AsyncAvara()))


if __name__ == "__main__":
    main()
