"""Demo data for Qijiang (DOMAIN.md §2), loaded idempotently by ``tongban up``: ``python -m identity.demo``."""

from __future__ import annotations

import asyncio
import logging
import secrets
from datetime import date

from identity import use_cases
from identity.domain import OrganizationKind
from identity.domain.demo_credentials import DEMO_CLIENT_SECRET, DEMO_PASSWORD
from identity.domain.organizations import OrganizationFields
from identity.domain.subjects import StaffRole, VerificationMethod
from identity.pii import PiiCipher
from identity.settings import IdentitySettings
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.passwords import hash_password
from identity.use_cases.persons import seed_person
from identity.use_cases.staff import StaffFields, seed_staff
from meshkit.db import Database
from meshkit.observability import configure_logging

__all__ = [
    "DEMO_CLIENTS",
    "DEMO_CLIENT_SECRET",
    "DEMO_PASSWORD",
    "DEMO_PERSONS",
    "DEMO_STAFF",
    "DEMO_WEB_CLIENT",
    "TOWNS",
    "load",
    "load_accounts",
]

log = logging.getLogger(__name__)

QIJIANG = "500110000000"
WANSHENG = "500110-WSJKQ"  # 万盛经开区: its own county-level territory with its own departments
WANSHENG_TOWNS = {"004", "005", "100", "101", "102", "103", "104", "105", "106", "107"}

TOWNS: dict[str, str] = {
    "001": "古南街道",
    "002": "文龙街道",
    "003": "三江街道",
    "004": "万盛街道",
    "005": "东林街道",
    "006": "新盛街道",
    "007": "通惠街道",
    "100": "万东镇",
    "101": "南桐镇",
    "102": "青年镇",
    "103": "关坝镇",
    "104": "丛林镇",
    "105": "石林镇",
    "106": "金桥镇",
    "107": "黑山镇",
    "108": "石角镇",
    "109": "东溪镇",
    "110": "赶水镇",
    "111": "打通镇",
    "112": "石壕镇",
    "113": "永新镇",
    "114": "三角镇",
    "115": "隆盛镇",
    "116": "郭扶镇",
    "117": "篆塘镇",
    "118": "丁山镇",
    "119": "安稳镇",
    "120": "扶欢镇",
    "121": "永城镇",
    "123": "中峰镇",
    "124": "横山镇",
}

VILLAGES: dict[str, tuple[str, str]] = {
    "500110001001": ("001", "古南街道綦河社区"),
    "500110001002": ("001", "古南街道桥河社区"),
    "500110109201": ("109", "东溪镇福林村"),
    "500110110202": ("110", "赶水镇藻渡村"),
}

DEPARTMENTS: dict[str, str] = {
    "FGW": "区发展改革委",
    "JXW": "区经济信息委",
    "JW": "区教委",
    "MZJ": "区民政局",
    "SFJ": "区司法局",
    "CZJ": "区财政局",
    "RSJ": "区人力社保局",
    "GHZYJ": "区规划自然资源局",
    "STHJJ": "区生态环境局",
    "ZJW": "区住房城乡建委",
    "CGJ": "区城市管理局",
    "JTJ": "区交通局",
    "NYNCW": "区农业农村委",
    "SWW": "区商务委",
    "WHLYW": "区文化旅游委",
    "WSJKW": "区卫生健康委",
    "TYJRJ": "区退役军人事务局",
    "YJJ": "区应急局",
    "SCJGJ": "区市场监管局",
    "YBJ": "区医保局",
    "LYJ": "区林业局",
    "GAJ": "区公安局",
    "SWJ": "区税务局",
    "GJJ": "住房公积金綦江分中心",
}

DEMO_CLIENTS: dict[str, tuple[str, str, list[str]]] = {
    "catalog-editor": ("事项目录编辑系统", "500110-SCJGJ", ["catalog:write", "catalog:publish"]),
    # The cases platform's worker: reads applicants' identifiers to resolve materials through the exchange and
    # registers e-certificates there on behalf of the deciding department.
    "tongban-cases": (
        "通办办件平台",
        "500110-ZWFWZX",
        ["identity:reveal", "exchange:read", "exchange:platform", "exchange:certificates:issue"],
    ),
    # The exchange itself: whose data a read touched (the subject's identity record, identity:reveal) and on which
    # case it rests (cases:basis), each checked when its own copy does not know yet.
    "tongban-exchange": ("共享交换平台", "500110-ZWFWZX", ["identity:reveal", "cases:basis"]),
    # A provider department's own system: pushes its hosted records, keeps its resources, answers share requests.
    "scjgj-registry": (
        "区市场监管局登记注册系统",
        "500110-SCJGJ",
        ["exchange:records:write", "exchange:resources:write", "exchange:sharing"],
    ),
    # A using department's system: reads shared records under its grants (有条件共享).
    "swj-collection": ("区税务局征管系统", "500110-SWJ", ["exchange:read", "exchange:sharing"]),
    # The real-name check of online registrations against the population register (实名核验, level 2).
    "realname-verifier": ("实名核验系统（人口库比对）", "500110-GAJ", ["identity:verify"]),
}

# identity's own system client: it reads the population and legal-entity registers through the exchange under the
# duty 500110-ZWFWZX-LZ-SMHY (registered by the exchange's demo loader) to check registrations (实名核验). identity
# signs its token itself, so the secret is random and known to nobody.
SYSTEM_CLIENT = ("tongban-identity", "统一身份认证平台", "500110-ZWFWZX", ["exchange:read"])

# A public web app (authorization code + PKCE, no secret) to try the login page with: a local front end
# (or any OAuth tool) on port 3000 receives the code.
DEMO_WEB_CLIENT = "tongban-web"
DEMO_WEB_REDIRECT_URIS = ["http://127.0.0.1:3000/callback", "http://localhost:3000/callback"]

START = date(2019, 1, 1)


def organizations() -> list[OrganizationFields]:
    def org(
        code: str,
        name: str,
        kind: OrganizationKind,
        division: str,
        parent: str | None,
        valid_from: date = START,
        credit_code: str | None = None,
    ) -> OrganizationFields:
        return OrganizationFields(
            code=code,
            name=name,
            kind=kind,
            division_code=division,
            credit_code=credit_code,
            parent_code=parent,
            valid_from=valid_from,
            valid_to=None,
        )

    orgs = [
        org(QIJIANG, "綦江区", OrganizationKind.TERRITORY, QIJIANG, None),
        org(WANSHENG, "万盛经济技术开发区", OrganizationKind.TERRITORY, QIJIANG, None),
        org("500110-ZWFWZX", "綦江区行政服务中心", OrganizationKind.DISTRICT_CENTER, QIJIANG, QIJIANG),
        # The only department whose real credit code is known; the others stay None rather than invented.
        org(
            "500110-ZFBGS",
            "綦江区人民政府办公室",
            OrganizationKind.DEPARTMENT,
            QIJIANG,
            QIJIANG,
            credit_code="115002227398230135",
        ),
        org("500000-SJSPPT", "重庆市行政审批系统", OrganizationKind.EXTERNAL, "500000000000", None),
    ]
    for abbr, name in DEPARTMENTS.items():
        orgs.append(org(f"500110-{abbr}", name, OrganizationKind.DEPARTMENT, QIJIANG, QIJIANG))
    for town, name in TOWNS.items():
        division = f"500110{town}000"
        parent = WANSHENG if town in WANSHENG_TOWNS else QIJIANG
        # 通惠街道 was split from 文龙街道 in 2019
        since = date(2019, 6, 1) if town == "007" else START
        orgs.append(org(division, name, OrganizationKind.TERRITORY, division, parent, since))
        orgs.append(
            org(f"{division}-center", f"{name}公共服务中心", OrganizationKind.TOWN_CENTER, division, division)
        )
    for division, (town, name) in VILLAGES.items():
        orgs.append(
            org(
                f"{division}-center",
                f"{name}便民服务中心",
                OrganizationKind.VILLAGE_CENTER,
                division,
                f"500110{town}000",
            )
        )
    return orgs


# Dev and test only: every demo account's password (identity.domain.demo_credentials). Never loaded, and refused
# at the login form, when TONGBAN_ENV=prod.

# name, resident ID (check digit: stdnum.cn.ric.calc_check_digit), phone, how the level was reached, by whom
DEMO_PERSONS: list[tuple[str, str, str | None, VerificationMethod | None, str | None]] = [
    # The main story: a resident of 古南街道 who opens a small restaurant. Born 1998, when 綦江 was 500222.
    ("陈晓梅", "500222199803070028", "13800230001", VerificationMethod.POPULATION_RESOURCE, "500110-GAJ"),
    # Her neighbour without a smartphone (born 1958 in Sichuan's 綦江县, 510223), checked in person at the
    # community center; no online password.
    ("周德明", "510223195806120035", None, VerificationMethod.IN_PERSON, "500110001001-center"),
    ("李华", "500222200305190153", "13800230003", None, None),
]

# username, name, organization, roles, territorial scope
DEMO_STAFF: list[tuple[str, str, str, list[StaffRole], str]] = [
    ("clerk.zwfwzx", "张敏", "500110-ZWFWZX", [StaffRole.WINDOW_CLERK], QIJIANG),
    ("clerk.gunan", "王芳", "500110001000-center", [StaffRole.WINDOW_CLERK], "500110001000"),
    ("clerk.qihe", "刘洋", "500110001001-center", [StaffRole.WINDOW_CLERK], "500110001001"),
    ("reviewer.djzc", "赵磊", "500110-SCJGJ", [StaffRole.REVIEWER], QIJIANG),  # 登记注册
    ("reviewer.spjy", "孙丽", "500110-SCJGJ", [StaffRole.REVIEWER], QIJIANG),  # 食品经营许可
    ("supervisor", "吴静", "500110-ZFBGS", [StaffRole.SUPERVISOR], QIJIANG),
    ("admin", "郑伟", "500110-ZFBGS", [StaffRole.ADMIN, StaffRole.OPERATOR], QIJIANG),
    ("auditor", "钱芳", "500110-ZFBGS", [StaffRole.AUDITOR], QIJIANG),
    ("head.gaj", "冯军", "500110-GAJ", [StaffRole.DEPARTMENT_HEAD], QIJIANG),  # may hide reads under a duty
    # 新生儿出生一件事: the member departments' reviewers (出生医学证明, 医保参保, 社保卡; 出生登记 by head.gaj)
    ("reviewer.wsjkw", "何静", "500110-WSJKW", [StaffRole.REVIEWER], QIJIANG),
    ("reviewer.ybj", "唐伟", "500110-YBJ", [StaffRole.REVIEWER], QIJIANG),
    ("reviewer.rsj", "许婷", "500110-RSJ", [StaffRole.REVIEWER], QIJIANG),
]


async def load_accounts(database: Database, settings: IdentitySettings) -> int:
    """Demo persons and staff, all with :data:`DEMO_PASSWORD`; returns how many were created."""
    cipher = PiiCipher(settings.secret_key.get_secret_value())
    password_hash = await hash_password(DEMO_PASSWORD)  # one hash for all demo accounts: dev data only
    created = 0
    for name, id_number, phone, method, by_org in DEMO_PERSONS:
        async with IdentityUnitOfWork(database) as uow:
            created += await seed_person(
                uow,
                cipher=cipher,
                name=name,
                id_number=id_number,
                phone=phone,
                method=method,
                by_org=by_org,
                password_hash=password_hash if phone else None,
            )
    for username, name, organization, roles, scope in DEMO_STAFF:
        fields = StaffFields(
            username=username,
            name=name,
            organization_code=organization,
            roles=tuple(roles),
            scope_division=scope,
        )
        async with IdentityUnitOfWork(database) as uow:
            created += await seed_staff(uow, fields=fields, password_hash=password_hash)
    return created


async def load(database: Database, settings: IdentitySettings) -> int:
    """Upsert the demo organizations and clients; returns how many organizations changed."""
    changed = 0
    for fields in organizations():
        async with IdentityUnitOfWork(database) as uow:
            changed += await use_cases.upsert_organization(uow, fields=fields)
    for client_id, (name, org, scopes) in DEMO_CLIENTS.items():
        async with IdentityUnitOfWork(database) as uow:
            await use_cases.register_client(
                uow,
                client_id=client_id,
                name=name,
                secret=DEMO_CLIENT_SECRET,
                scopes=scopes,
                organization_code=org,
                pepper=settings.secret_key.get_secret_value(),
            )
    client_id, name, org, scopes = SYSTEM_CLIENT
    async with IdentityUnitOfWork(database) as uow:
        if await uow.clients.get(client_id) is None:
            await use_cases.register_client(
                uow,
                client_id=client_id,
                name=name,
                secret=secrets.token_urlsafe(32),
                scopes=scopes,
                organization_code=org,
                pepper=settings.secret_key.get_secret_value(),
            )
    async with IdentityUnitOfWork(database) as uow:
        await use_cases.register_public_client(
            uow,
            client_id=DEMO_WEB_CLIENT,
            name="通办网上办事大厅",
            scopes=["openid", "profile", "phone"],
            redirect_uris=DEMO_WEB_REDIRECT_URIS,
        )
    return changed


async def _main() -> None:
    configure_logging("identity-demo")
    settings = IdentitySettings()
    if settings.environment == "prod":  # the published demo secret and password must never reach production
        raise SystemExit("TONGBAN_ENV=prod 不加载演示数据 (the demo loader refuses to run in prod)")
    database = Database.from_url(settings.database_url, pool_size=2)
    try:
        changed = await load(database, settings)
        log.info(f"identity demo data: {changed} organizations created or updated")
        accounts = await load_accounts(database, settings)
        log.info(f"identity demo accounts: {accounts} created (the published demo password, dev only)")
    finally:
        await database.dispose()


if __name__ == "__main__":
    asyncio.run(_main())
