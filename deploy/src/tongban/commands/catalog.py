"""``tongban catalog import FILE`` / ``tongban catalog export FILE``: the implementation list (实施清单) as .xlsx
or .csv, straight into the catalog's database through the catalog's own use cases (the same rules as the API).

The database is the running mesh's (``tongban up``, found by its launcher's record under ``var/run/`` whatever
its base port) unless ``--database-url``, ``CATALOG_DATABASE_URL``, ``--base-port`` or ``TONGBAN_BASE_PORT`` says
otherwise; when nothing answers there, one line says so. Import prints a progress line per chunk of matters and a table of every bad row.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import time
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from catalog.store.unit_of_work import CatalogUnitOfWork
from catalog.transfer import FORMATS, RowError, Sheet, read_table
from catalog.transfer.files import TableError
from catalog.use_cases.transfer import ImportReport, export_matters, held_back_reason, import_matters
from meshkit.auth import Principal
from meshkit.db import Database
from tongban.config import POSTGRES_OFFSET
from tongban.registry import add_mesh_options, command, config_from_args
from tongban.runstate import read_record

__all__ = ["run_catalog"]

SHOWN_ERRORS = 50


def _configure(parser: argparse.ArgumentParser) -> None:
    add_mesh_options(parser)
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    importing = actions.add_parser("import", help="import an implementation list (.xlsx or .csv)")
    importing.add_argument("file", type=Path, metavar="FILE")
    importing.add_argument("--publish", action="store_true", help="also submit and publish every matter")
    importing.add_argument(
        "--partial",
        action="store_true",
        help="apply the good matters even when other rows are bad (default: all or nothing)",
    )
    exporting = actions.add_parser("export", help="export the matters in force (.xlsx or .csv)")
    exporting.add_argument("file", type=Path, metavar="FILE")
    exporting.add_argument("--department", metavar="CODE", help="one department only, e.g. 500110-SCJGJ")
    for sub in (importing, exporting):
        sub.add_argument("--format", choices=FORMATS, help="default: from the file name's extension")
        sub.add_argument("--database-url", metavar="URL", help="the catalog's database (default: the mesh's)")
        add_mesh_options(sub, sub=True)


def _format(args: argparse.Namespace) -> str:
    fmt: str = args.format or args.file.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise TableError(f"无法从文件名判断格式（{args.file.name}），请加 --format csv 或 xlsx")
    return fmt


class NoMesh(RuntimeError):
    """No catalog database answers where the command looked: one line saying where and how to point it."""


def _url(args: argparse.Namespace) -> str:
    """The catalog's database: ``--database-url``, ``CATALOG_DATABASE_URL``, the mesh of ``--base-port`` /
    ``TONGBAN_BASE_PORT``, else the mesh running on this ``var/`` — its launcher's record (what ``tongban status``
    reads) says its PostgreSQL port, whatever base port it was started with."""
    if args.database_url:
        return str(args.database_url)
    config = config_from_args(args, demo=False)
    catalog = next(spec for spec in config.services if spec.name == "catalog")
    explicit = args.base_port is not None or os.environ.get("TONGBAN_BASE_PORT", "").strip()
    if catalog.name in config.database_urls or explicit:
        return config.database_url(catalog)
    record = read_record(config.var_dir)
    if record is not None and record.launcher_alive and "postgres" in record.ports:
        config = config.with_base_port(record.ports["postgres"] - POSTGRES_OFFSET)
    return config.database_url(catalog)


def _reachable(url: str) -> None:
    """Refuse in one line, before any connection attempt, a database nobody listens for."""
    target = make_url(url)
    host = str(target.query.get("host") or target.host or "")
    port = int(str(target.query.get("port") or target.port or 5432))
    if not host:
        return  # the driver's own default: the connection itself will tell
    where = f"{host}/.s.PGSQL.{port}" if host.startswith("/") else f"{host}:{port}"
    try:
        if host.startswith("/"):  # a Unix socket (the embedded server's)
            with socket.socket(socket.AF_UNIX) as unix:
                unix.settimeout(3)
                unix.connect(where)
        else:
            socket.create_connection((host, port), timeout=3).close()
    except OSError:
        raise NoMesh(
            f"目录数据库 {where} 无应答：没有运行中的网格（先运行 make run），或用 --base-port、"
            "TONGBAN_BASE_PORT、--database-url 或 CATALOG_DATABASE_URL 指明它在哪里"
        ) from None


def _operator(publish: bool) -> Principal:
    # the operator at the console acts as the district's catalog administration: every department's matters
    scopes = (
        {"catalog:write", "catalog:admin", "catalog:publish"}
        if publish
        else {"catalog:write", "catalog:admin"}
    )
    return Principal(sub="tongban-cli", client_id="tongban-cli", kind="system", scopes=frozenset(scopes))


async def _import(url: str, records: Sheet, args: argparse.Namespace, console: Console) -> ImportReport:
    database = Database.from_url(url, pool_size=1, application_name="tongban-catalog-import")
    started = time.monotonic()

    def advance(done: int, total: int, applied: int) -> None:
        # one line per chunk of matters (catalog.use_cases.transfer.CHUNK): readable in a log as on a terminal
        # ``applied``: matters done with, those the catalog already held as the sheet says included
        state = f"已处理完 {applied} 个" if args.partial else f"{applied} 个已核对（全部通过后一并提交）"
        console.print(f"已处理 {done} / {total} 个事项，{state}，用时 {time.monotonic() - started:.0f} 秒")

    try:
        async with CatalogUnitOfWork(database) as uow:
            return await import_matters(
                uow,
                _operator(args.publish),
                records=records,
                publish=args.publish,
                all_or_nothing=not args.partial,
                progress=advance,
            )
    finally:
        await database.dispose()


async def _export(url: str, fmt: str, department: str | None) -> bytes:
    database = Database.from_url(url, pool_size=1, application_name="tongban-catalog-export")
    try:
        async with CatalogUnitOfWork(database) as uow:
            return await export_matters(uow, fmt=fmt, department=department)
    finally:
        await database.dispose()


def _table(console: Console, title: str, errors: list[RowError], sheet: Sheet | None = None) -> None:
    # folded, never cut: a reason ends with the value it refuses (issue 19, outside try: "…应为天数，如“20”“20个工…")
    table = Table(title=title, title_justify="left")
    table.add_column("行", no_wrap=True)
    table.add_column("列", overflow="fold")
    table.add_column("原因", overflow="fold", ratio=1)
    for error in errors[:SHOWN_ERRORS]:
        reason = error.message + (_value_of(sheet, error) if sheet is not None else "")
        table.add_row(str(error.row), escape(error.column), escape(reason))
    console.print(table)
    if len(errors) > SHOWN_ERRORS:
        console.print(f"… 另有 {len(errors) - SHOWN_ERRORS} 处未列出")


SHOWN_VALUE = 120  # characters of a refused cell shown in its reason (a 办事指南 cell may hold thousands)


def _value_of(sheet: Sheet, error: RowError) -> str:
    """The refused cell's content, for a reason that does not quote it already: "（单元格内容：“…”）"."""
    ours = next((key for key, shown in sheet.shown.items() if shown == error.column), None)
    if ours is None or error.row not in sheet.rows:
        return ""
    value = sheet.records[sheet.rows.index(error.row)].get(ours, "").strip()
    if not value or f"“{value}”" in error.message:
        return "" if value else "（单元格为空）"
    if len(value) > SHOWN_VALUE:
        value = f"{value[:SHOWN_VALUE]}…”，共 {len(value)} 个字符"
        return f"（单元格内容：“{value}）"
    return f"（单元格内容：“{value}”）"


def _rows(rows: tuple[int, ...]) -> str:
    shown = "、".join(str(r) for r in rows[:10])
    return shown + (f" 等 {len(rows)} 行" if len(rows) > 10 else "")


def _counts(report: ImportReport) -> str:
    """What the import did, each count named for what happened (issue 19, outside try: a re-import that changed
    nothing printed "已导入 3 个（…发布 0，未变化 3）")."""
    written = [
        f"{label} {count} 个"
        for label, count in (
            ("新建草稿", report.count("created")),
            ("更新草稿", report.count("updated")),
            ("发布", report.count("published")),
        )
        if count
    ]
    unchanged = [o for o in report.outcomes if o.outcome == "unchanged"]
    as_published = sum(1 for o in unchanged if o.same_as == "published")
    as_pending = len(unchanged) - as_published
    parts = ["，".join(written)] if written else []
    if as_published:
        parts.append(f"{as_published} 个事项与已发布的版本相同，未创建新版本")
    if as_pending:
        parts.append(f"{as_pending} 个事项与尚未发布的草稿或审核中版本相同，未改动")
    return ("" if written else "没有变化：") + "；".join(parts)


def _print_report(console: Console, report: ImportReport, sheet: Sheet) -> None:
    if report.warnings:
        _table(console, f"{len(report.warnings)} 列未导入", report.warnings)
    if report.errors:
        _table(console, f"{len(report.errors)} 处问题", report.errors, sheet)
    if report.applied:
        rejected = f"；未导入 {len(report.rejected)} 个" if report.rejected else ""
        console.print(
            f"[green]✓[/green] {report.rows} 行，{report.matters} 个事项：{_counts(report)}{rejected}",
            soft_wrap=True,
        )
    else:
        console.print(
            f"[red]✗[/red] {report.rows} 行，{report.matters} 个事项：未导入任何事项"
            + ("（全部成功才导入；可加 --partial）" if report.errors else "")
        )
    if report.held_back:  # the API says the same of each such matter (its `reason`)
        console.print(f"{len(report.held_back)} 个事项{held_back_reason('--partial')}", soft_wrap=True)
    if report.applied and report.rejected:
        console.print("未导入的事项（原因见上表）：")
        for code, rows in list(report.rejected.items())[:SHOWN_ERRORS]:
            console.print(f"  {escape(code)}：第 {_rows(rows)} 行")
        if len(report.rejected) > SHOWN_ERRORS:
            console.print(f"  … 另有 {len(report.rejected) - SHOWN_ERRORS} 个未列出")


@command("catalog", "import or export the matter catalog's implementation list (.xlsx, .csv)", _configure)
def run_catalog(args: argparse.Namespace) -> int:
    console = Console()
    try:
        fmt = _format(args)
        url = _url(args)
        _reachable(url)
        if args.action == "export":
            with console.status("导出事项…"):
                data = asyncio.run(_export(url, fmt, args.department))
            args.file.write_bytes(data)
            console.print(f"[green]✓[/green] 已导出到 {escape(str(args.file))}（{len(data)} 字节）")
            return 0
        with console.status(f"读取 {escape(args.file.name)}…"):
            records = read_table(args.file.read_bytes(), fmt)
        report = asyncio.run(_import(url, records, args, console))
    except (TableError, NoMesh, OSError) as exc:
        console.print(f"[red]✗[/red] {escape(str(exc))}", soft_wrap=True)
        return 2
    except SQLAlchemyError as exc:
        console.print(
            f"[red]✗[/red] 目录数据库不可用（{escape(type(exc).__name__)}）：请先运行 tongban up，"
            "或用 --database-url / CATALOG_DATABASE_URL 指定"
        )
        return 2
    _print_report(console, report, records)
    return 0 if report.applied and not report.errors else 1  # a sheet of no matters applies nothing: 1
