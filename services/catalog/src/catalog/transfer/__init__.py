"""The implementation list as a table (实施清单导入导出): .xlsx and .csv, one row per material."""

from catalog.transfer.columns import COLUMNS, ParsedFile, ParsedMatter, RowError, parse_rows, spec_rows
from catalog.transfer.files import FORMATS, read_table, write_table

__all__ = [
    "COLUMNS",
    "FORMATS",
    "ParsedFile",
    "ParsedMatter",
    "RowError",
    "parse_rows",
    "read_table",
    "spec_rows",
    "write_table",
]
