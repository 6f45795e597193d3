"""The fake service's database URL (from the env the launcher sets)."""

from __future__ import annotations

import os

from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine


def engine() -> AsyncEngine:
    return create_async_engine(os.environ["FAKESVC_DATABASE_URL"])
