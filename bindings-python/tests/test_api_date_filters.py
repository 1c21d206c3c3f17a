"""The invitations' date filters against the emulator: a day as ``datetime.date`` filters
as its ``YYYY-MM-DD`` text does, and a ``datetime`` is refused before anything is sent."""

from __future__ import annotations

import asyncio
import datetime
from typing import Iterator, List, NamedTuple

import pytest

import avara
from api import client
from emulator import Emulator


class Invited(NamedTuple):
    emulator: Emulator
    api: avara.Avara
    invitation_id: str
    created_on: datetime.date


@pytest.fixture(scope="module")
def invited() -> Iterator[Invited]:
    with Emulator() as emulator:
        api = client(emulator)
        user = api.viewer.users.invite(
            can_manage_studies=True,
            clinic_role="Radiologist",
            email="jane.doe@example.org",
            first_name="Jane",
            has_dashboard_access=True,
            last_name="Doe",
            level="member",
        )
        (invitation,) = api.viewer.users.invitations.list(user_id=user.user_id).invitations
        assert invitation.created_at is not None
        yield Invited(emulator, api, invitation.invitation_id, datetime.date.fromisoformat(invitation.created_at[:10]))


def _listed(invited: Invited, **filters: str | datetime.date) -> List[str]:
    page = invited.api.viewer.users.invitations.list(**filters)  # type: ignore[arg-type]
    return [invitation.invitation_id for invitation in page.invitations]


def test_a_date_filters_as_its_iso_text_does(invited: Invited) -> None:
    day, one_day = invited.created_on, datetime.timedelta(days=1)
    for start, end in ((day, day), (day.isoformat(), day.isoformat())):
        assert _listed(invited, start_date=start, end_date=end) == [invited.invitation_id]
    assert _listed(invited, start_date=day + one_day) == []
    assert _listed(invited, end_date=day - one_day) == []


def test_the_async_client_takes_a_date_too(invited: Invited) -> None:
    emulator, day = invited.emulator, invited.created_on
    api = avara.AsyncAvara(api_key=emulator.keys[0], base_url=emulator.base_url, max_retries=0)

    async def first_page() -> avara.AsyncCursorInvitations:
        return await api.viewer.users.invitations.list(start_date=day, end_date=day)

    page = asyncio.run(first_page())
    assert [invitation.invitation_id for invitation in page.invitations] == [invited.invitation_id]


def test_a_datetime_is_refused_naming_the_field(invited: Invited) -> None:
    noon = datetime.datetime.combine(invited.created_on, datetime.time(12), tzinfo=datetime.timezone.utc)
    for field, argument in (("startDate", "start_date"), ("endDate", "end_date")):
        with pytest.raises(avara.InvalidParamsError) as raised:
            _listed(invited, **{argument: noon})
        error = raised.value
        assert (error.code, error.field, error.attempts) == ("invalid_params", field, 0)
        assert str(error).startswith(f"invalid_params: {field}: expected a day (a datetime.date or YYYY-MM-DD text)")
        assert "time zone" in str(error)
