"""Demo data for Qijiang (DOMAIN.md §2), loaded idempotently by ``tongban up``: ``python -m identity.demo``."""

from __future__ import annotations

import asyncio
from datetime import date

from identity import use_cases
from identity.domain import OrganizationKind
from identity.settings import IdentitySettings
from identity.store.models import Organization
from identity.store.unit_of_work import IdentityUnitOfWork
from meshkit.db import Database

__all__ = ["DEMO_CLIENTS", "TOWNS", "load"]

QIJIANG = "500110000000"
WANSHENG = "500110-WSJKQ"  # 万盛经开区: its own county-level territory with its own departments
WANSHENG_TOWNS = {"004", "005", "100", "101", "102", "103", "104", "105", "106", "107"}

TOWNS: dict[str, str] = {
    "001": "古南街道", "002": "文龙街道", "003": "三江街道", "004": "万盛街道", "005": "东林街道",
    "006": "新盛街道", "007": "通惠街道", "100": "万东镇", "101": "南桐镇", "102": "青年镇", "103": "关坝镇",
    "104": "丛林镇", "105": "石林镇", "106": "金桥镇", "107": "黑山镇", "108": "石角镇", "109": "东溪镇",
    "110": "赶水镇", "111": "打通镇", "112": "石壕镇", "113": "永新镇", "114": "三角镇", "115": "隆盛镇",
    "116": "郭扶镇", "117": "篆塘镇", "118": "丁山镇", "119": "安稳镇", "120": "扶欢镇", "121": "永城镇",
    "123": "中峰镇", "124": "横山镇",
}  # fmt: skip

VILLAGES: dict[str, tuple[str, str]] = {
    "500110001001": ("001", "古南街道綦河社区"),
    "500110001002": ("001", "古南街道桥河社区"),
    "500110109201": ("109", "东溪镇福林村"),
    "500110110202": ("110", "赶水镇藻渡村"),
}

DEPARTMENTS: dict[str, str] = {
    "FGW": "区发展改革委", "JXW": "区经济信息委", "JW": "区教委", "MZJ": "区民政局", "SFJ": "区司法局",
    "CZJ": "区财政局", "RSJ": "区人力社保局", "GHZYJ": "区规划自然资源局", "STHJJ": "区生态环境局",
    "ZJW": "区住房城乡建委", "CGJ": "区城市管理局", "JTJ": "区交通局", "NYNCW": "区农业农村委", "SWW": "区商务委",
    "WHLYW": "区文化旅游委", "WSJKW": "区卫生健康委", "TYJRJ": "区退役军人事务局", "YJJ": "区应急局",
    "SCJGJ": "区市场监管局", "YBJ": "区医保局", "LYJ": "区林业局", "GAJ": "区公安局", "SWJ": "区税务局",
    "GJJ": "住房公积金綦江分中心",
}  # fmt: skip

DEMO_CLIENTS: dict[str, tuple[str, str, list[str]]] = {
    "catalog-editor": ("事项目录编辑系统", "500110-SCJGJ", ["catalog:write", "catalog:publish"]),
}

DEMO_CLIENT_SECRET = "demo-client-secret-for-local-runs"  # noqa: S105 - demo data, dev only

START = date(2019, 1, 1)


def organizations() -> list[Organization]:
    orgs = [
        Organization(code=QIJIANG, name="綦江区", kind=OrganizationKind.TERRITORY, division_code=QIJIANG,
                     parent_code=None, valid_from=START),
        Organization(code=WANSHENG, name="万盛经济技术开发区", kind=OrganizationKind.TERRITORY,
                     division_code=QIJIANG, parent_code=None, valid_from=START),
        Organization(code="500110-ZWFWZX", name="綦江区行政服务中心", kind=OrganizationKind.DISTRICT_CENTER,
                     division_code=QIJIANG, parent_code=QIJIANG, valid_from=START),
        Organization(code="500110-ZFBGS", name="綦江区人民政府办公室", kind=OrganizationKind.DEPARTMENT,
                     division_code=QIJIANG, credit_code="115002227398230135", parent_code=QIJIANG, valid_from=START),
        Organization(code="500000-SJSPPT", name="重庆市行政审批系统", kind=OrganizationKind.EXTERNAL,
                     division_code="500000000000", parent_code=None, valid_from=START),
    ]  # fmt: skip
    for abbr, name in DEPARTMENTS.items():
        orgs.append(Organization(code=f"500110-{abbr}", name=name, kind=OrganizationKind.DEPARTMENT,
                                 division_code=QIJIANG, parent_code=QIJIANG, valid_from=START))  # fmt: skip
    for town, name in TOWNS.items():
        division = f"500110{town}000"
        parent = WANSHENG if town in WANSHENG_TOWNS else QIJIANG
        # 通惠街道 was split from 文龙街道 in 2019
        orgs.append(
            Organization(
                code=division,
                name=name,
                kind=OrganizationKind.TERRITORY,
                division_code=division,
                parent_code=parent,
                valid_from=date(2019, 6, 1) if town == "007" else START,
            )
        )
        orgs.append(Organization(code=f"{division}-center", name=f"{name}公共服务中心",
                                 kind=OrganizationKind.TOWN_CENTER, division_code=division, parent_code=division,
                                 valid_from=START))  # fmt: skip
    for division, (town, name) in VILLAGES.items():
        orgs.append(Organization(code=f"{division}-center", name=f"{name}便民服务中心",
                                 kind=OrganizationKind.VILLAGE_CENTER, division_code=division,
                                 parent_code=f"500110{town}000", valid_from=START))  # fmt: skip
    return orgs


async def load(database: Database, settings: IdentitySettings) -> int:
    """Upsert the demo organizations and clients; returns how many organizations changed."""
    changed = 0
    for organization in organizations():
        async with IdentityUnitOfWork(database) as uow:
            changed += await use_cases.upsert_organization(uow, organization=organization)
    for client_id, (name, org, scopes) in DEMO_CLIENTS.items():
        async with IdentityUnitOfWork(database) as uow:
            await use_cases.register_client(
                uow, client_id=client_id, name=name, secret=DEMO_CLIENT_SECRET, scopes=scopes,
                organization_code=org, pepper=settings.secret_key.get_secret_value(),
            )  # fmt: skip
    return changed


async def _main() -> None:
    settings = IdentitySettings()
    database = Database.from_url(settings.database_url, pool_size=2)
    try:
        changed = await load(database, settings)
        print(f"identity demo data: {changed} organizations created or updated")
    finally:
        await database.dispose()


if __name__ == "__main__":
    asyncio.run(_main())
