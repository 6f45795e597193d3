"""The fake service's database URL (from the env the launcher sets)."""

from __future__ import annotations

import os

from sqlalchemy.ext.asyncio import AsyncEngine

from meshkit.db import new_engine


def engine() -> AsyncEngine:
    return new_engine(os.environ["FAKESVC_DATABASE_URL"])
