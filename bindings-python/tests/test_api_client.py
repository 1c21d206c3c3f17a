"""All 27 operations of `Avara` against the emulator over loopback, with the errors a
caller meets: a validation error naming the field, a 404, a 403 from a restricted key."""

from __future__ import annotations

from typing import Iterator

import pytest

import avara
from api import SESSION_KEY, client, uid
from emulator import NO_ACCESS, Emulator

NOBODY = "stu_00000000000000000000000000000000"


@pytest.fixture
def emulator() -> Iterator[Emulator]:
    with Emulator(keys=[SESSION_KEY, NO_ACCESS]) as running:
        yield running


def _invite(api: avara.Avara, email: str) -> avara.ViewerUser:
    return api.viewer.users.invite(
        can_manage_studies=True,
        clinic_role="Radiologist",
        email=email,
        first_name="Jane",
        has_dashboard_access=True,
        last_name="Doe",
        level="member",
        phone_number="+15551234567",
    )


def test_every_study_operation(emulator: Emulator) -> None:
    studies = client(emulator).viewer.studies
    study_uid = uid()
    created = studies.create(
        severity="normal",
        study_description="Brain MRI with Contrast",
        study_instance_uid=study_uid,
        metadata={"accession": "A1"},
    )
    assert isinstance(created, avara.ViewerStudy)
    assert created.study_id.startswith("stu_") and len(created.study_id) == 36
    assert (created.severity, created.study_instance_uid, created.metadata) == ("normal", study_uid, {"accession": "A1"})
    assert created.to_dict()["studyInstanceUid"] == study_uid

    assert studies.retrieve(created.study_id).study_id == created.study_id
    assert studies.retrieve_by_uid(study_uid).study_id == created.study_id

    # Left out: unchanged. None on a clearable field: sent as null, which clears it.
    kept = studies.update(created.study_id, severity="stat")
    assert (kept.severity, kept.metadata) == ("stat", {"accession": "A1"})
    cleared = studies.update(created.study_id, metadata=None)
    assert (cleared.severity, cleared.metadata) == ("stat", None)

    assert studies.cancel(study_id=created.study_id).success
    assert studies.retrieve(created.study_id).is_cancelled
    assert [study.study_id for study in studies.list(is_cancelled=True)] == [created.study_id]
    assert studies.uncancel(study_instance_uid=study_uid).success
    assert not studies.retrieve(created.study_id).is_cancelled

    url = studies.reroute_url(study_id=created.study_id).url
    assert url.startswith(f"{emulator.base_url}/view/")


def test_every_user_and_invitation_operation(emulator: Emulator) -> None:
    users = client(emulator).viewer.users
    user = _invite(client(emulator), "jane.doe@example.org")
    assert users.retrieve(user.user_id).email == "jane.doe@example.org"

    changed = users.update(user.user_id, first_name="Janet", phone_number=None)
    assert (changed.first_name, changed.phone_number, changed.last_name) == ("Janet", None, "Doe")
    assert user.user_id in [listed.user_id for listed in users.list(invited_source="api")]
    assert users.revoke_access(user_id=user.user_id).success
    assert users.reactivate(user_id=user.user_id).success

    invitations = users.invitations
    page = invitations.list(status=["sent"], user_id=user.user_id)
    assert isinstance(page, avara.SyncPage) and len(page.items) == 1
    invitation = page.items[0]
    assert invitations.retrieve(invitation.invitation_id).user_id == user.user_id
    assert invitations.update(invitation.invitation_id, level="admin").level == "admin"
    assert invitations.revoke(invitation_id=invitation.invitation_id, user_id=user.user_id).success
    assert invitations.retrieve(invitation.invitation_id).status == "revoked"


def test_every_express_and_session_operation(emulator: Emulator) -> None:
    api = client(emulator)
    express = api.express
    customer = express.create(express_customer_name="North Imaging", metadata={"region": "north"})
    assert customer.is_active
    assert express.retrieve(customer.express_customer_id).express_customer_name == "North Imaging"
    renamed = express.update(customer.express_customer_id, express_customer_name="North")
    assert (renamed.express_customer_name, renamed.metadata) == ("North", {"region": "north"})
    assert express.update(customer.express_customer_id, metadata=None).metadata is None
    assert not express.deactivate(customer.express_customer_id).is_active
    assert express.reactivate(customer.express_customer_id).is_active
    assert [listed.express_customer_id for listed in express.list()] == [customer.express_customer_id]

    user = _invite(api, "tech@example.org")
    assert express.users.add(customer.express_customer_id, user_id=user.user_id).success
    assert express.retrieve(customer.express_customer_id).user_count == 1
    assert express.users.remove(customer.express_customer_id, user_id=user.user_id).success
    assert express.retrieve(customer.express_customer_id).user_count == 0

    session = api.viewer.ephemeral_sessions.create(
        retrieval_id="ret-7731",
        hanging_protocol=avara.HangingProtocol(layout="1x2", viewport_assignments=["Axial", "Sagittal"]),
        options={"studyUids": [uid()]},
    )
    assert session.url.startswith(f"{emulator.base_url}/view/")


def test_invalid_params_name_the_field_and_send_nothing(emulator: Emulator) -> None:
    studies = client(emulator).viewer.studies
    with pytest.raises(avara.InvalidParamsError) as raised:
        studies.create(severity="normal", study_description="CT", study_instance_uid="1.2.03")
    error = raised.value
    assert isinstance(error, ValueError) and isinstance(error, avara.APIError)
    assert (error.code, error.field, error.attempts, error.status_code) == ("invalid_params", "studyInstanceUid", 0, None)
    assert "studyInstanceUid" in str(error)
    with pytest.raises(avara.InvalidParamsError) as raised:
        studies.list(limit=101)
    assert raised.value.field == "limit"
    with pytest.raises(avara.InvalidParamsError) as raised:
        studies.create(severity="urgent", study_description="CT", study_instance_uid=uid())  # type: ignore[arg-type]
    assert raised.value.field == "severity"
    with pytest.raises(avara.InvalidParamsError) as raised:
        studies.create(severity="normal", study_description="CT", study_instance_uid=uid(), metadata={"a": float("nan")})  # type: ignore[dict-item]
    assert (raised.value.field, raised.value.attempts) == ("metadata", 0)
    assert "params.metadata.a" in str(raised.value)


def test_not_found_carries_status_request_id_and_body(emulator: Emulator) -> None:
    with pytest.raises(avara.NotFoundError) as raised:
        client(emulator).viewer.studies.retrieve(NOBODY)
    error = raised.value
    assert isinstance(error, avara.APIStatusError)
    assert (error.code, error.status_code, error.attempts) == ("not_found", 404, 1)
    assert error.request_id and error.request_id in str(error)
    assert isinstance(error.body, dict) and "error" in error.body


def test_a_restricted_key_gets_permission_denied(emulator: Emulator) -> None:
    restricted = client(emulator, key=1)
    with pytest.raises(avara.PermissionDeniedError) as raised:
        restricted.viewer.users.list()
    assert (raised.value.code, raised.value.status_code) == ("permission_denied", 403)
    with pytest.raises(avara.PermissionDeniedError):
        restricted.express.create(express_customer_name="North")
    assert list(restricted.viewer.studies.list()) == [], "studies need no user access"


def test_a_wrong_key_is_an_authentication_error_that_never_shows_the_key(emulator: Emulator) -> None:
    secret = "sk_test_not_a_real_key_0123456789"
    api = avara.Avara(api_key=secret, base_url=emulator.base_url, max_retries=0)
    with pytest.raises(avara.AuthenticationError) as raised:
        api.viewer.studies.list()
    assert raised.value.status_code == 401
    for text in (str(raised.value), repr(raised.value), repr(api), repr(api.viewer.studies)):
        assert secret not in text


def test_iteration_walks_every_page_and_keeps_the_filters(emulator: Emulator) -> None:
    studies = client(emulator).viewer.studies
    for n in range(7):
        studies.create(severity="high" if n % 2 == 0 else "normal", study_description=f"study {n}", study_instance_uid=uid())
    first = studies.list(limit=2)
    assert isinstance(first, avara.SyncCursorStudies) and first.studies == first.items
    assert (len(first.items), first.has_more, first.cursor is not None) == (2, True, True)
    pages = list(first.iter_pages())
    assert [len(page.studies) for page in pages] == [2, 2, 2, 1]
    assert pages[-1].get_next_page() is None and not pages[-1].has_next_page()
    assert len(list(studies.list(limit=2))) == 7
    high = [study.study_description for study in studies.list(limit=1, severity="high")]
    assert high == ["study 0", "study 2", "study 4", "study 6"]


def test_server_errors_without_retries_and_unreachable_servers() -> None:
    with Emulator(faults={"errorRate": 1.0, "errorStatuses": [500]}) as failing:
        with pytest.raises(avara.InternalServerError) as raised:
            client(failing, max_retries=1).viewer.studies.list()
        assert (raised.value.status_code, raised.value.attempts) == (500, 2)
    gone = avara.Avara(api_key="sk_test_x", base_url=failing.base_url, max_retries=0)
    with pytest.raises(avara.APIConnectionError) as connection:
        gone.viewer.studies.list()
    assert connection.value.code == "connection"


def test_a_slow_server_times_out() -> None:
    with Emulator(faults={"latencyMs": 1000}) as slow:
        impatient = avara.Avara(api_key=slow.keys[0], base_url=slow.base_url, timeout=0.2, max_retries=0)
        with pytest.raises(avara.APIConnectionTimeoutError) as raised:
            impatient.viewer.studies.list()
    assert isinstance(raised.value, avara.APIConnectionError)
    assert raised.value.code == "timeout"


def test_configuration_comes_from_the_environment(emulator: Emulator, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AVARA_API_KEY", emulator.keys[0])
    monkeypatch.setenv("AVARA_BASE_URL", emulator.base_url)
    assert list(avara.Avara().viewer.studies.list()) == []
    monkeypatch.delenv("AVARA_API_KEY")
    with pytest.raises(avara.ConfigurationError) as raised:
        avara.Avara().viewer.studies.list()
    assert raised.value.code == "configuration"
    with pytest.raises(avara.ConfigurationError, match="timeout"):
        avara.Avara(api_key="k", timeout=-1).viewer.studies.list()
    with pytest.raises(avara.ConfigurationError, match="max_retries"):
        avara.Avara(api_key="k", max_retries=-1).viewer.studies.list()
