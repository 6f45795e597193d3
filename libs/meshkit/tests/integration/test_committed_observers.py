"""Business metrics count what happened: an observer of an event type hears of each event once its transaction has
committed, never of one rolled back (issue 20, failure 5: counted where it happens, exactly once)."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from meshkit.db import Database
from meshkit.events import EventPayload, EventSpec
from meshkit.outbox import add_event, on_committed
from meshkit.testing.scratch import OUTBOX


class Observed(EventPayload):
    n: int


OBSERVED = EventSpec(
    service="scratch", name="observed", version=1, payload=Observed, description="test", example={"n": 1}
)

pytestmark = pytest.mark.integration


async def test_failure5_an_observer_hears_of_committed_events_only(database: Database) -> None:
    """Issue 20, failure 5: a counter bumped when an event is staged would count applications whose transaction
    then failed; the observer runs after the commit, once per event, and never for a rollback."""
    heard: list[int] = []
    on_committed(OBSERVED, lambda event: heard.append(int(event.data["n"])))

    async with database.sessions() as session, session.begin():
        await add_event(session, OUTBOX, OBSERVED, aggregate_id="a", sequence=1, payload=Observed(n=1))
        await add_event(session, OUTBOX, OBSERVED, aggregate_id="a", sequence=2, payload=Observed(n=2))
        assert heard == []  # staged, not yet committed
    assert heard == [1, 2]

    async def fails_after_staging(session: AsyncSession) -> None:
        async with session.begin():
            await add_event(session, OUTBOX, OBSERVED, aggregate_id="b", sequence=1, payload=Observed(n=3))
            raise RuntimeError("the use case failed after staging")

    async with database.sessions() as session:  # one session: a rolled-back transaction, then a committed one
        with pytest.raises(RuntimeError):
            await fails_after_staging(session)
        async with session.begin():
            await add_event(session, OUTBOX, OBSERVED, aggregate_id="c", sequence=1, payload=Observed(n=4))
    assert heard == [1, 2, 4]  # 3 was rolled back: never heard, not even with a later commit
