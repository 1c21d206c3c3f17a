"""One client shared by 16 threads creates 1 600 studies through 10 % injected faults:
every study exists exactly once afterwards. And `AsyncAvara` under asyncio."""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from typing import List

import avara
from api import uid
from emulator import Emulator

THREADS = 16
STUDIES = 1600
FAULTS = {
    "errorRate": 0.05,
    "dropRate": 0.03,
    "rateLimitRate": 0.02,
    "afterApplyRatio": 0.5,
    "retryAfterMs": 5,
}


def test_sixteen_threads_create_1600_studies_through_faults_without_duplicates() -> None:
    with Emulator(faults=FAULTS, log_requests=True) as faulty:
        # Twelve retries make losing a create (thirteen faults in a row at 10 %) negligible.
        client = avara.Avara(api_key=faulty.keys[0], base_url=faulty.base_url, max_retries=12, timeout=10)
        uids = [uid() for _ in range(STUDIES)]
        started = time.monotonic()

        def create(study_uid: str) -> str:
            return client.viewer.studies.create(
                severity="normal", study_description="load", study_instance_uid=study_uid
            ).study_id

        with ThreadPoolExecutor(max_workers=THREADS) as pool:
            created = list(pool.map(create, uids, timeout=300))
        elapsed = time.monotonic() - started
        print(f"python concurrency: {STUDIES} creates from {THREADS} threads through faults in {elapsed:.1f}s")

        # Faults may strike the listing too; the client retries those pages.
        listed: List[avara.ViewerStudy] = list(client.viewer.studies.list(limit=100))
        assert len(created) == len(set(created)) == STUDIES
        assert len(listed) == STUDIES, "no study lost, none created twice"
        assert sorted(study.study_id for study in listed) == sorted(created)
        assert sorted(study.study_instance_uid for study in listed) == sorted(uids)

        creates = [line for line in faulty.requests() if "POST /v1/viewer/studies " in line]
        faults = [line for line in creates if not line.split(" -> ")[1].startswith(("200", "201"))]
        print(f"python concurrency: {len(creates)} create requests, {len(faults)} answered with a fault")
        assert len(faults) > STUDIES // 20, "the faults really happened"
        assert len(creates) == STUDIES + len(faults), "every fault was retried, nothing more"


def test_async_client_gathers_creates_and_walks_pages() -> None:
    async def scenario(emulator: Emulator) -> None:
        client = avara.AsyncAvara(api_key=emulator.keys[0], base_url=emulator.base_url, max_retries=0)
        created = await asyncio.gather(
            *(
                client.viewer.studies.create(severity="high", study_description=f"async {n}", study_instance_uid=uid())
                for n in range(20)
            )
        )
        assert len({study.study_id for study in created}) == 20
        assert (await client.viewer.studies.retrieve(created[0].study_id)).study_id == created[0].study_id

        first = await client.viewer.studies.list(limit=6)
        assert isinstance(first, avara.AsyncCursorStudies) and len(first.studies) == 6 and first.has_more
        pages = [page async for page in first.iter_pages()]
        assert [len(page.items) for page in pages] == [6, 6, 6, 2]
        every = [study.study_id async for study in client.viewer.studies.list(limit=6)]
        assert sorted(every) == sorted(study.study_id for study in created)

        try:
            await client.viewer.studies.retrieve("stu_00000000000000000000000000000000")
        except avara.NotFoundError as error:
            assert error.status_code == 404
        else:
            raise AssertionError("a missing study must raise NotFoundError")

    with Emulator() as emulator:
        asyncio.run(scenario(emulator))


def test_async_calls_leave_the_event_loop_free() -> None:
    async def scenario(emulator: Emulator) -> int:
        client = avara.AsyncAvara(api_key=emulator.keys[0], base_url=emulator.base_url)
        ticks = 0
        calls = asyncio.gather(*(client.viewer.studies.list() for _ in range(5)))

        async def tick() -> None:
            nonlocal ticks
            while not calls.done():
                ticks += 1
                await asyncio.sleep(0)

        await asyncio.gather(calls, tick())
        return ticks

    with Emulator(faults={"latencyMs": 100}) as slow:
        assert asyncio.run(scenario(slow)) > 10
