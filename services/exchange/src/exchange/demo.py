"""Base data resources shared unconditionally (DOMAIN.md §6), loaded by ``python -m exchange.demo``."""

from __future__ import annotations

import asyncio
from datetime import date

from exchange import use_cases
from exchange.domain import SharingMethod, SharingType
from exchange.settings import ExchangeSettings
from exchange.store.models import Resource
from exchange.store.unit_of_work import ExchangeUnitOfWork
from meshkit.db import Database

__all__ = ["RESOURCES", "load"]

RESOURCES = [
    Resource(
        code="500110-GAJ-RK-001", name="人口基础信息", provider_code="500110-GAJ",
        summary="户籍人口的身份与户籍信息", sharing_type=SharingType.UNCONDITIONAL, sharing_condition=None,
        sharing_method=SharingMethod.API, update_cycle="实时", published_on=date(2024, 1, 1),
        items=[{"name": "姓名", "type": "string"}, {"name": "公民身份号码", "type": "string"},
               {"name": "户籍地址", "type": "string"}, {"name": "户主关系", "type": "string"}],
    ),
    Resource(
        code="500110-SCJGJ-FR-001", name="法人基础信息", provider_code="500110-SCJGJ",
        summary="市场主体登记信息", sharing_type=SharingType.UNCONDITIONAL, sharing_condition=None,
        sharing_method=SharingMethod.TABLE, update_cycle="每日", published_on=date(2024, 1, 1),
        items=[{"name": "统一社会信用代码", "type": "string"}, {"name": "名称", "type": "string"},
               {"name": "法定代表人", "type": "string"}, {"name": "住所", "type": "string"}],
    ),
    Resource(
        code="500110-ZWFWZX-ZZ-001", name="电子证照", provider_code="500110-ZWFWZX",
        summary="已签发的电子证照及其状态", sharing_type=SharingType.UNCONDITIONAL, sharing_condition=None,
        sharing_method=SharingMethod.API, update_cycle="实时", published_on=date(2024, 1, 1),
        items=[{"name": "证照标识", "type": "string"}, {"name": "持证主体", "type": "string"},
               {"name": "证照类型", "type": "string"}, {"name": "状态", "type": "string"}],
    ),
]  # fmt: skip


async def load(database: Database) -> None:
    for resource in RESOURCES:
        async with ExchangeUnitOfWork(database) as uow:
            await use_cases.register_resource(uow, resource=Resource(**{
                c.key: getattr(resource, c.key) for c in Resource.__table__.columns
            }))  # fmt: skip


async def _main() -> None:
    database = Database.from_url(ExchangeSettings().database_url, pool_size=2)
    try:
        await load(database)
        print(f"exchange demo data: {len(RESOURCES)} resources")
    finally:
        await database.dispose()


if __name__ == "__main__":
    asyncio.run(_main())
