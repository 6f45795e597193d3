"""One zone for every legal date of the mesh: China Standard Time (Asia/Shanghai).

Deadlines, validity periods and "today" are dates in the district's own time. Instants are stored and sent in
UTC; a date is taken from an instant only through :func:`local_date`, so between 00:00 and 08:00 Beijing time a
case accepted "today" is not dated yesterday (``datetime.now(UTC).date()`` was, and every deadline came a day
early).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

__all__ = ["LEGAL_ZONE", "local_date", "today"]

LEGAL_ZONE = ZoneInfo("Asia/Shanghai")


def local_date(moment: datetime) -> date:
    """The legal date of an instant (a naive datetime is taken as UTC, as the databases store them)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(LEGAL_ZONE).date()


def today() -> date:
    return datetime.now(LEGAL_ZONE).date()
