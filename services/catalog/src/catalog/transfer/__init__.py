"""The implementation list as a table (实施清单导入导出): .xlsx and .csv, one row per material."""

from catalog.transfer.columns import COLUMNS, spec_rows
from catalog.transfer.files import FORMATS, read_table, write_table
from catalog.transfer.parse import ParsedFile, ParsedMatter, parse_rows
from catalog.transfer.sheet import RowError, Sheet

__all__ = [
    "COLUMNS",
    "FORMATS",
    "ParsedFile",
    "ParsedMatter",
    "RowError",
    "Sheet",
    "parse_rows",
    "read_table",
    "spec_rows",
    "write_table",
]
