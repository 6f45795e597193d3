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
    assert f"{len(MATTERS)} 个事项：已导入 {len(MATTERS)} 个" in out
    assert cli.main(["catalog", "export", str(again), "--database-url", target]) == 0
    assert read_table(again.read_bytes(), "xlsx") == read_table(exported.read_bytes(), "xlsx")


def test_bad_rows_are_listed_and_nothing_is_imported(
    embedded_postgres: EmbeddedPostgres, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = migrated_database(embedded_postgres, "catalog_cli_bad", SERVICE_ROOT)
    file = tmp_path / "bad.csv"
    file.write_text(
        "实施编码,事项名称,事项类型,实施主体编码,法定时限,承诺时限\n"
        "A-1,好事项,01,500110-MZJ,20,10\nB-1,坏事项,01,500110-MZJ,约二十天,10\n",
        encoding="utf-8",
    )
    assert cli.main(["catalog", "import", str(file), "--database-url", url]) == 1
    out = capsys.readouterr().out
    assert "法定时限" in out
    assert "未导入任何事项" in out
    assert cli.main(["catalog", "import", str(tmp_path / "x.txt"), "--database-url", url]) == 2


async def _long_local_code(url: str) -> None:
    """A 办理渠道 entry longer than the matters' column holds (as one made before codes were bounded)."""
    from catalog.store.models import DictionaryEntry

    database = Database.from_url(url, pool_size=1)
    try:
        async with database.sessions() as session, session.begin():
            session.add(DictionaryEntry(dictionary="channels", code="c" * 30, label="超长渠道", position=99))
    finally:
        await database.dispose()


def test_issue_18_failure_3_cells_over_their_column_are_row_errors_not_a_database_outage(
    embedded_postgres: EmbeddedPostgres, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 咨询电话 over 40 characters and a code longer than its column: row errors naming the row, the column
    heading and the limit (exit 1), never "目录数据库不可用（DBAPIError）" (exit 2)."""
    url = migrated_database(embedded_postgres, "catalog_cli_long", SERVICE_ROOT)
    asyncio.run(_long_local_code(url))
    file = tmp_path / "long.csv"
    file.write_text(
        "实施编码,事项名称,事项类型,实施主体编码,法定时限,承诺时限,咨询电话,办理渠道\n"
        f"A-1,高龄津贴申领,01,500110-MZJ,20,10,{'023-4861234' * 4},窗口办理\n"
        "B-1,临时救助,01,500110-MZJ,20,10,023-48612345,超长渠道\n",
        encoding="utf-8",
    )
    assert cli.main(["catalog", "import", str(file), "--database-url", url]) == 1
    out = capsys.readouterr().out
    assert "目录数据库不可用" not in out
    assert "咨询电话" in out
    assert "最多 40 个字符" in out
    assert "办理渠道" in out
    assert "最多 20 个字符" in out
    assert "未导入任何事项" in out
