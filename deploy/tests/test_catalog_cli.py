"""``tongban catalog import/export`` against a real PostgreSQL: round trip, progress, row errors."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from catalog.demo import MATTERS, load
from catalog.store import SERVICE_ROOT
from catalog.transfer import read_table
from meshkit.db import Database
from meshkit.embedded import EmbeddedPostgres, free_port
from meshkit.testing.support import migrated_database
from tongban import cli
from tongban.runstate import RunState

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
    assert f"{len(MATTERS)} 个事项：发布 {len(MATTERS)} 个" in out
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


def test_issue19_failure14_partial_import_prints_what_was_and_was_not_applied(
    embedded_postgres: EmbeddedPostgres,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 19, failure 14: ``--partial`` printed "已导入 4 / 4" when 7 of 11 matters were dropped. It now
    counts the sheet's matters, says what happened to the applied ones and lists each dropped one with its
    rows; a second run of the same sheet changes nothing (issue 19, failure 13)."""
    monkeypatch.setenv("COLUMNS", "200")  # one line per message, however narrow the test's terminal
    url = migrated_database(embedded_postgres, "catalog_cli_partial", SERVICE_ROOT)
    lines = ["实施编码,事项名称,事项类型,实施主体编码,法定时限,承诺时限,行使层级"]
    for n in range(11):
        bad = n % 3 != 0  # 7 of 11 bad: a time limit nobody can read, or promised over statutory
        promised = "30个工作日" if bad and n % 2 else "10个工作日"
        statutory = "约二十天" if bad and not n % 2 else "20个工作日"
        lines.append(f"M-{n:02d},事项{n},行政给付,500110-MZJ,{statutory},{promised},区县级")
    file = tmp_path / "partial.csv"
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["catalog", "import", str(file), "--publish", "--partial", "--database-url", url]
    assert cli.main(args) == 1
    out = capsys.readouterr().out
    assert "11 个事项：发布 4 个；未导入 7 个" in out
    assert "已导入 4 / 4" not in out
    assert "M-01：第 3 行" in out
    assert "M-10：第 12 行" in out
    assert cli.main(args) == 1
    again = capsys.readouterr().out
    assert "11 个事项：没有变化：4 个事项与已发布的版本相同，未创建新版本；未导入 7 个" in again


def test_issue19_outside_try_import_finds_the_running_mesh_by_its_record(
    embedded_postgres: EmbeddedPostgres,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 19 (outside try): ``tongban catalog import`` run while a mesh is up on another TONGBAN_BASE_PORT
    looked on the default port and found nothing. It reads the running mesh's record under ``var/run/`` (what
    ``tongban status`` reads) for its PostgreSQL port."""
    for name in ("TONGBAN_BASE_PORT", "CATALOG_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    migrated_database(embedded_postgres, "catalog", SERVICE_ROOT)  # the mesh's own database name
    var = tmp_path / "var"
    var.mkdir()
    (var / "postgres").symlink_to(embedded_postgres.data_dir)  # where the mesh's server keeps its Unix socket
    state = RunState(var)
    state.claim()  # this process stands for the launcher: alive
    state.describe({"gateway": 9500, "postgres": embedded_postgres.port})
    file = tmp_path / "清单.csv"
    file.write_text(
        "实施编码,事项名称,实施主体编码,事项类型,法定时限,承诺时限\n"
        "500110-MZJ-GLJT,高龄津贴申领,500110-MZJ,行政给付,20个工作日,10\n",
        encoding="utf-8",
    )
    try:
        assert cli.main(["catalog", "--var", str(var), "import", str(file)]) == 0
    finally:
        state.release()
    out = capsys.readouterr().out
    assert "1 个事项：新建草稿 1 个" in out
    assert "已处理 1 / 1 个事项" in out  # the progress line


def test_issue19_outside_try_no_mesh_is_one_line_saying_where_it_looked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 19 (outside try): with no mesh running the import printed the driver's "Connect call failed";
    now one line names the address it tried and how to point it elsewhere (exit 2)."""
    for name in ("TONGBAN_BASE_PORT", "CATALOG_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "300")
    file = tmp_path / "清单.csv"
    file.write_text("实施编码,事项名称\nA-1,甲\n", encoding="utf-8")
    port = free_port()
    assert (
        cli.main(["catalog", "--var", str(tmp_path), "--base-port", str(port - 32), "import", str(file)]) == 2
    )
    out = capsys.readouterr().out.strip()
    assert out.count("\n") == 0, out
    assert _names_the_database(port, out)
    assert "TONGBAN_BASE_PORT" in out


def test_outside_try_the_mesh_options_are_taken_after_the_subcommand_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 19's outside try: the README's `tongban catalog import --base-port N` was refused ("unrecognized
    arguments"): the option was only taken before `import`. Both places now say the same."""
    for name in ("TONGBAN_BASE_PORT", "CATALOG_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "300")
    file = tmp_path / "清单.csv"
    file.write_text("实施编码,事项名称\nA-1,甲\n", encoding="utf-8")
    port = free_port()
    after = ["catalog", "import", "--var", str(tmp_path), "--base-port", str(port - 32), str(file)]
    assert cli.main(after) == 2  # no database there: the one line, not an argument error
    assert _names_the_database(port, capsys.readouterr().out)
    for name, args in (("export", ["export", str(tmp_path / "出.csv")]), ("import", ["import", str(file)])):
        assert cli.main(["catalog", *args[:1], "--base-port", str(port - 32), *args[1:]]) == 2, name
        assert _names_the_database(port, capsys.readouterr().out)


def _names_the_database(port: int, out: str) -> bool:
    """The one line names where it looked: the embedded server's Unix socket (or its port on loopback)."""
    return f".s.PGSQL.{port} 无应答" in out or f"127.0.0.1:{port} 无应答" in out


HEADER = "实施编码,事项名称,事项类型,实施主体编码,法定时限,承诺时限,承诺时限单位,行使层级"


def _reasons(out: str) -> str:
    """The 原因 column of the printed error table, its folded lines joined again."""
    parts = []
    for line in out.splitlines():
        cells = line.split("│")
        if len(cells) >= 5:
            parts.append(cells[3].strip())
    return "".join(parts)


def test_issue19_outside_try_error_reasons_wrap_and_show_the_bad_value(
    embedded_postgres: EmbeddedPostgres,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 19 outside try: on an 80-column terminal the error table cut reasons off ("…应为天数，如“20”“20个工…")
    and the bad value was never visible. Reasons are folded over lines now, whole, and each names the refused
    cell's content when it does not quote it already."""
    monkeypatch.setenv("COLUMNS", "80")
    url = migrated_database(embedded_postgres, "catalog_cli_reasons", SERVICE_ROOT)
    file = tmp_path / "bad.csv"
    file.write_text(
        f"{HEADER}\n"
        "M-01,事项一,行政给付,500110-MZJ,20个工作日,大约三周左右吧,,区县级\n"
        "M-02,事项二,行政给付,500110-MZJ,20个工作日,10个自然日,工作日,区县级\n",
        encoding="utf-8",
    )
    assert cli.main(["catalog", "import", str(file), "--database-url", url]) == 1
    out = capsys.readouterr().out
    reasons = _reasons(out)
    assert (
        "“承诺时限”应为天数，如“20”“20个工作日”“二十个工作日”或“即办”，实际为“大约三周左右吧”" in reasons
    ), out
    assert "（单元格内容：“工作日”）" in reasons, out  # a reason that did not quote its cell
    assert "…" not in out


def test_issue19_outside_try_a_reimport_that_changed_nothing_says_so(
    embedded_postgres: EmbeddedPostgres,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 19 outside try: importing the same sheet again printed "已导入 3 个（…发布 0，未变化 3）". Now: "没有变化：
    3 个事项与已发布的版本相同，未创建新版本"; counts name what was created, changed, published or left as it was —
    and a row matching a draft not yet published is not called the published version."""
    monkeypatch.setenv("COLUMNS", "200")
    url = migrated_database(embedded_postgres, "catalog_cli_unchanged", SERVICE_ROOT)
    rows = [f"M-{n:02d},事项{n},行政给付,500110-MZJ,20个工作日,10个工作日,,区县级" for n in range(3)]
    file = tmp_path / "three.csv"
    file.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    publish = ["catalog", "import", str(file), "--publish", "--database-url", url]
    assert cli.main(publish) == 0
    assert "3 个事项：发布 3 个" in capsys.readouterr().out
    assert cli.main(publish) == 0
    again = capsys.readouterr().out
    assert "3 个事项：没有变化：3 个事项与已发布的版本相同，未创建新版本" in again, again
    assert "已导入" not in again

    rows[0] = rows[0].replace("事项0", "事项零")  # one changed: a new draft; the other two as published
    file.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    draft = ["catalog", "import", str(file), "--database-url", url]
    assert cli.main(draft) == 0
    assert "3 个事项：新建草稿 1 个；2 个事项与已发布的版本相同，未创建新版本" in capsys.readouterr().out
    assert cli.main(draft) == 0
    assert (
        "没有变化：2 个事项与已发布的版本相同，未创建新版本；1 个事项与尚未发布的草稿或审核中版本相同，未改动"
        in capsys.readouterr().out
    )
