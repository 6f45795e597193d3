"""A starter set of Qijiang matters, published through the real use cases: ``python -m catalog.demo``."""

from __future__ import annotations

import asyncio

from catalog import use_cases
from catalog.domain import MatterDraft
from catalog.settings import CatalogSettings
from catalog.store.unit_of_work import CatalogUnitOfWork
from meshkit.db import Database

__all__ = ["MATTERS", "load"]

MATTERS = [
    MatterDraft("500110-SCJGJ-GTGSH-SL", "个体工商户设立登记", "01", "500110-SCJGJ", 15, 3),
    MatterDraft("500110-SCJGJ-SPJY-XK", "食品经营许可", "01", "500110-SCJGJ", 20, 10),
    MatterDraft("500110-MZJ-DB-SQ", "最低生活保障审核确认", "05", "500110-MZJ", 30, 20),
    MatterDraft("500110-RSJ-SBK-SL", "社会保障卡申领", "20", "500110-RSJ", 20, 5),
    MatterDraft("500110-GAJ-HJ-QY", "户口迁移登记", "07", "500110-GAJ", 20, 7),
]


async def load(database: Database) -> int:
    """Draft and publish each matter that has no published version yet; returns how many were published."""
    published = 0
    for draft in MATTERS:
        async with CatalogUnitOfWork(database) as uow:
            if await uow.matters.current_published(draft.code) is not None:
                continue
            matter = await use_cases.create_draft(uow, draft=draft)
            await use_cases.publish_matter(uow, matter_id=matter.id)
            published += 1
    return published


async def _main() -> None:
    database = Database.from_url(CatalogSettings().database_url, pool_size=2)
    try:
        print(f"catalog demo data: {await load(database)} matters published")
    finally:
        await database.dispose()


if __name__ == "__main__":
    asyncio.run(_main())
