"""One zone for every legal date of the mesh: China Standard Time (Asia/Shanghai).

Deadlines, validity periods and "today" are dates in the district's own time. Instants are stored and sent in
UTC; a date is taken from an instant only through :func:`local_date`, so between 00:00 and 08:00 Beijing time a
case accepted "today" is not dated yesterday (``datetime.now(UTC).date()`` was, and every deadline came a day
early).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from pydantic import BeforeValidator

__all__ = ["LEGAL_ZONE", "IsoDate", "local_date", "today"]

LEGAL_ZONE = ZoneInfo("Asia/Shanghai")


def local_date(moment: datetime) -> date:
    """The legal date of an instant (a naive datetime is taken as UTC, as the databases store them)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(LEGAL_ZONE).date()


def today() -> date:
    return datetime.now(LEGAL_ZONE).date()


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(value: Any) -> Any:
    """Only a calendar date as the contract writes it (``2026-12-06``): pydantic's lax mode also takes a number
    as seconds since 1970 (``valid_on=0`` read as 1970-01-01), which no person means by a date."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return value
    raise ValueError("须为 YYYY-MM-DD 格式的日期，例如 2026-12-06")


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
"""A date an API takes: ``YYYY-MM-DD`` only (query parameters and request bodies)."""
