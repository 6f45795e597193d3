"""Importing a district's 实施清单: 3,000 matters published in one import, in-process against real PostgreSQL.

The sheet is generated the way districts' sheets look: variations of the Qijiang demo catalog (town by town), four
materials a matter, one row per material (12,000 rows), a guide of about fourteen phrases drawn from a pool (as
templated guides are); written as .xlsx by the export's own writer. The import runs the use case the CLI and the
API run (``catalog.use_cases.transfer.import_matters``) with ``publish``, into a fresh database migrated by the
catalog's real migrations, then once more with the same sheet (nothing changed: no writes).

Run alone: ``.venv/bin/python -m bench.catalog_import [--matters N] [--profile FILE]`` (starts its own embedded
PostgreSQL); ``make bench`` runs it on the mesh's server. Reports matters/s and CPU ms per matter of this process
(the database's own CPU is not in it).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import random
import sys
import tempfile
import time
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

from catalog.demo import MATTERS
from catalog.domain.analysis import tokenizer
from catalog.domain.matters import MaterialSpec, MatterSpec
from catalog.store import SERVICE_ROOT
from catalog.store.unit_of_work import CatalogUnitOfWork
from catalog.transfer import read_table, spec_rows, write_table
from catalog.use_cases.transfer import ImportReport, import_matters
from meshkit.auth import Principal
from meshkit.db import Database
from meshkit.embedded import EmbeddedPostgres, free_port
from meshkit.migrations import upgrade

__all__ = ["catalog_import", "generated_sheet"]

TOWNS = (
    "古南街道",
    "文龙街道",
    "三江街道",
    "新盛街道",
    "通惠街道",
    "石角镇",
    "东溪镇",
    "赶水镇",
    "打通镇",
    "石壕镇",
)
PHRASES = (
    "申请人可通过渝快办网上办理",
    "或到綦江区行政服务中心相关窗口办理",
    "窗口工作人员当场核验材料",
    "材料齐全、符合法定形式的予以受理",
    "不予受理的出具不予受理通知书并说明理由",
    "材料不齐全的一次性告知需要补正的全部内容",
    "审查通过后作出准予决定",
    "办理结果可邮寄送达",
    "也可到窗口领取",
    "电子证照同步发放至渝快办",
    "申请人对决定不服的可依法申请行政复议",
    "或者提起行政诉讼",
    "办理进度可在渝快办查询",
    "咨询请拨打窗口电话",
    "节假日不办理",
    "实行告知承诺的按承诺办理",
    "需要现场核查的另行通知",
    "特殊情形按相关规定办理",
)
MATERIAL_POOL = (
    MaterialSpec("申请表"),
    MaterialSpec(
        "居民身份证",
        paper_copies=0,
        source="government",
        certificate_type="ZZ-JMSFZ",
        resource_code="500110-GAJ-RK-001",
        data_items=("姓名", "公民身份号码"),
    ),
    MaterialSpec("居民户口簿", form="copy", certificate_type="ZZ-JMHKB"),
    MaterialSpec("营业执照", paper_copies=0, source="government", certificate_type="ZZ-YYZZ"),
    MaterialSpec("经营场所使用证明", form="copy"),
    MaterialSpec("授权委托书", requirement="optional"),
    MaterialSpec("家庭收入及财产状况说明"),
    MaterialSpec("告知承诺书", requirement="deferrable"),
)
PER_MATTER = 4


def _specs(count: int, seed: int = 19) -> list[MatterSpec]:
    chance = random.Random(seed)
    specs = []
    for n in range(count):
        base = MATTERS[n % len(MATTERS)]
        town = TOWNS[(n // len(MATTERS)) % len(TOWNS)]
        materials = tuple(chance.sample(MATERIAL_POOL, PER_MATTER))
        guide = "，".join(chance.choice(PHRASES) for _ in range(14)) + "。"
        specs.append(
            replace(
                base,
                code=f"{base.code}-{n:05d}",
                name=f"{town}{base.name}" if n >= len(MATTERS) else base.name,
                materials=materials,
                guide=guide,
                valid_from=None,
            )
        )
    return specs


def generated_sheet(matters: int, dictionaries: dict[str, dict[str, str]], fmt: str = "xlsx") -> bytes:
    """A district-size implementation list of ``matters`` matters, four materials each, one row per material."""
    header, rows = spec_rows(_specs(matters), dictionaries)
    return write_table(header, rows, fmt)


OPERATOR = Principal(
    sub="bench",
    client_id="bench",
    kind="system",
    scopes=frozenset({"catalog:write", "catalog:admin", "catalog:publish"}),
)


async def _run_import(
    database: Database, data: bytes, profile: cProfile.Profile | None
) -> tuple[float, float, ImportReport]:
    started, cpu = time.perf_counter(), time.process_time()
    if profile is not None:
        profile.enable()
    sheet = await asyncio.to_thread(read_table, data, "xlsx")
    async with CatalogUnitOfWork(database) as uow:
        report = await import_matters(uow, OPERATOR, records=sheet, publish=True)
    if profile is not None:
        profile.disable()
    return time.perf_counter() - started, time.process_time() - cpu, report


async def _dictionaries(database: Database) -> dict[str, dict[str, str]]:
    async with CatalogUnitOfWork(database) as uow:
        return {name: dict(entries) for name, entries in (await uow.dictionaries.active()).items()}


async def catalog_import(
    pg: EmbeddedPostgres, *, matters: int = 3_000, profile: cProfile.Profile | None = None
) -> dict[str, Any]:
    """Publish ``matters`` matters from one sheet into an empty catalog, then import the same sheet again."""
    name = f"bench_import_{uuid.uuid4().hex[:8]}"
    pg.create_database(name)
    url = pg.database_url(name)
    await asyncio.to_thread(upgrade, SERVICE_ROOT, url)
    await asyncio.to_thread(
        tokenizer
    )  # jieba's dictionary, loaded once per process as the service's lifespan does
    database = Database.from_url(url, pool_size=2)
    try:
        data = generated_sheet(matters, await _dictionaries(database))
        wall, cpu, report = await _run_import(database, data, profile)
        assert report.count("published") == matters, (report.errors[:5], report.count("published"))
        again_wall, again_cpu, again = await _run_import(database, data, None)
        assert again.count("unchanged") == matters, again.errors[:5]
    finally:
        await database.dispose()
        pg.drop_database(name)
    return {
        "matters": matters,
        "rows": report.rows,
        "sheet_kb": len(data) // 1024,
        "publish_s": round(wall, 1),
        "matters_per_s": round(matters / wall, 1),
        "cpu_ms_per_matter": round(cpu * 1000 / matters, 2),
        "unchanged_s": round(again_wall, 1),
        "unchanged_cpu_ms_per_matter": round(again_cpu * 1000 / matters, 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--matters", type=int, default=3_000)
    parser.add_argument("--profile", type=Path, help="write a cProfile of the publishing import here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tongban-bench-import-") as var:
        pg = EmbeddedPostgres(data_dir=Path(var) / "postgres", port=free_port(), durable=True)
        pg.start()
        try:
            profile = cProfile.Profile() if args.profile else None
            result = asyncio.run(catalog_import(pg, matters=args.matters, profile=profile))
            if profile is not None:
                profile.dump_stats(str(args.profile))
        finally:
            pg.stop()
    for key, value in result.items():
        print(f"{key:>30}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
