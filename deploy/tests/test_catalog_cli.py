"""``tongban catalog import/export`` against a real PostgreSQL: round trip, progress, row errors."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from catalog.demo import MATTERS, load
from catalog.store import SERVICE_ROOT
from catalog.transfer import read_table
from meshkit.db import Database
from meshkit.embedded import EmbeddedPostgres
from meshkit.testing.support import migrated_database
from tongban import cli

pytestmark = pytest.mark.integration


async def _load(url: str) -> None:
    database = Database.from_url(url, pool_size=1)
    try:
        await load(database)
    finally:
        await database.dispose()


def test_export_then_import_into_an_empty_catalog(
    embedded_postgres: EmbeddedPostgres, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = migrated_database(embedded_postgres, "catalog_cli_source", SERVICE_ROOT)
    target = migrated_database(embedded_postgres, "catalog_cli_target", SERVICE_ROOT)
    asyncio.run(_load(source))
    exported, again = tmp_path / "清单.xlsx", tmp_path / "again.xlsx"
    assert cli.main(["catalog", "export", str(exported), "--database-url", source]) == 0
    assert cli.main(["catalog", "import", str(exported), "--publish", "--database-url", target]) == 0
    out = capsys.readouterr().out
    assert f"已导入 {len(MATTERS)} / {len(MATTERS)} 个事项" in out
    assert cli.main(["catalog", "export", str(again), "--database-url", target]) == 0
    assert read_table(again.read_bytes(), "xlsx") == read_table(exported.read_bytes(), "xlsx")


def test_bad_rows_are_listed_and_nothing_is_imported(
    embedded_postgres: EmbeddedPostgres, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = migrated_database(embedded_postgres, "catalog_cli_bad", SERVICE_ROOT)
    file = tmp_path / "bad.csv"
    file.write_text(
        "实施编码,事项名称,事项类型,实施主体编码,法定时限,承诺时限\n"
        "A-1,好事项,01,500110-MZJ,20,10\nB-1,坏事项,01,500110-MZJ,二十,10\n",
        encoding="utf-8",
    )
    assert cli.main(["catalog", "import", str(file), "--database-url", url]) == 1
    out = capsys.readouterr().out
    assert "法定时限" in out
    assert "未导入任何事项" in out
    assert cli.main(["catalog", "import", str(tmp_path / "x.txt"), "--database-url", url]) == 2
