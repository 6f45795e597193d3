"""``python -m catalog.demo``: load the demo catalog into the database of ``CATALOG_DATABASE_URL``."""

from __future__ import annotations

import asyncio
import logging

from catalog.demo.loader import load
from catalog.settings import CatalogSettings
from meshkit.db import Database
from meshkit.observability import configure_logging

log = logging.getLogger("catalog.demo")


async def _main() -> None:
    configure_logging("catalog-demo")
    settings = CatalogSettings()
    if settings.environment == "prod":
        raise SystemExit("TONGBAN_ENV=prod 不加载演示数据 (the demo loader refuses to run in prod)")
    database = Database.from_url(settings.database_url, pool_size=2)
    try:
        loaded = await load(database)
        log.info(
            f"catalog demo data: {loaded.matters} matters and {loaded.bundles} bundles published, "
            f"{loaded.synonyms} synonyms set, {loaded.indexed} search entries"
        )
    finally:
        await database.dispose()


asyncio.run(_main())
