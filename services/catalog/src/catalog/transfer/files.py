"""Tables in and out of files: CSV (UTF-8 with BOM, so Excel opens it) and .xlsx (openpyxl)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any
from zipfile import BadZipFile

from openpyxl import Workbook, load_workbook  # type: ignore[import-untyped]
from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
from openpyxl.utils.exceptions import InvalidFileException  # type: ignore[import-untyped]

from catalog.transfer.columns import KNOWN
from catalog.transfer.sheet import Sheet, sheet_from_cells

__all__ = ["FORMATS", "TableError", "read_table", "write_table"]

FORMATS = ("csv", "xlsx")
SHEET = "实施清单"
MAX_ROWS = 100_000


class TableError(ValueError):
    """The file is not a table we can read at all (not a row-level problem)."""


_FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP "CSV injection")."""


def _csv_safe(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula (``=HYPERLINK(...)`` in a matter's name), written with a
    leading apostrophe: shown as the text it is, and read back without it (:func:`_csv_text`)."""
    if isinstance(value, str) and value.startswith(_FORMULA_LEADS):
        return "'" + value
    return value


def _csv_text(value: str) -> str:
    if value.startswith("'") and value[1:].startswith(_FORMULA_LEADS):
        return value[1:]
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _xlsx_cell(sheet: Any, value: Any) -> Any:
    """Text stays text: openpyxl makes a string that starts with ``=`` a formula unless told otherwise."""
    if not (isinstance(value, str) and value.startswith("=")):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    return cell


def read_table(data: bytes, fmt: str) -> Sheet:
    """The rows under the sheet's header (found below any title rows; a two-row header read as one), each
    keyed by our heading and numbered as in the sheet."""
    if fmt == "csv":
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError as exc:
                raise TableError("CSV 文件编码无法识别，请使用 UTF-8") from exc
        rows = [[_csv_text(cell) for cell in row] for row in csv.reader(io.StringIO(text, newline=""))]
    elif fmt == "xlsx":
        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except (InvalidFileException, BadZipFile, KeyError, OSError, ValueError) as exc:
            raise TableError("不是有效的 .xlsx 文件") from exc
        sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        book.close()  # merged cells read empty except their first: the header and rows below allow for it
    else:
        raise TableError(f"不支持的格式 {fmt}，只支持 {', '.join(FORMATS)}")
    if not rows:
        raise TableError("文件是空的")
    if len(rows) > MAX_ROWS:
        raise TableError(f"行数超过上限 {MAX_ROWS}")
    cells = [[_cell(v) for v in row] for row in rows]
    table = sheet_from_cells(cells, KNOWN)
    if table is None:
        raise TableError(
            "找不到表头：前 10 行中没有一行含 2 个以上可识别的列名（如 实施编码、事项名称、承诺时限）"
        )
    return table


def write_table(header: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str) -> bytes:
    if fmt == "csv":
        text = io.StringIO(newline="")
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows([_csv_safe(value) for value in row] for row in rows)
        return text.getvalue().encode("utf-8-sig")
    if fmt != "xlsx":
        raise TableError(f"不支持的格式 {fmt}，只支持 {', '.join(FORMATS)}")
    book = Workbook(write_only=True)
    sheet = book.create_sheet(SHEET)
    sheet.append(list(header))
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
