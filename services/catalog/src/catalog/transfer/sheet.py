"""A sheet's rows under its header: each record keyed by our heading, with its own sheet row number."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from catalog.transfer.headings import IGNORED, Header, locate_header

__all__ = ["RowError", "Sheet", "sheet_from_cells"]


@dataclass(frozen=True)
class RowError:
    row: int  # the sheet's row number
    column: str  # the sheet's own heading of the column
    message: str


@dataclass(frozen=True)
class Sheet:
    records: list[dict[str, str]]  # our heading → the cell's text
    rows: list[int]  # the sheet row of each record
    shown: dict[str, str] = field(default_factory=dict)  # our heading → the sheet's heading
    warnings: list[RowError] = field(default_factory=list)
    header_row: int = 1
    units: dict[str, str] = field(default_factory=dict)  # our heading → the time unit its heading names

    def heading(self, ours: str) -> str:
        return self.shown.get(ours, ours)

    @classmethod
    def of_records(cls, records: Sequence[Mapping[str, str]], known: frozenset[str]) -> Sheet:
        """Records keyed by headings (the header is row 1), mapped to ours as a sheet's header would be."""
        cells = [list(records[0])] if records else [[]]
        header = locate_header(cells, known) if records else None
        if header is None:
            return cls([dict(r) for r in records], [i + 2 for i in range(len(records))])
        names = list(records[0])
        mapped = [
            {ours: record.get(names[j], "") for j, ours in enumerate(header.columns) if ours}
            for record in records
        ]
        rows = [i + 2 for i in range(len(records))]
        return cls(mapped, rows, header.shown, _warnings(header, 1), 1, header.units)


def _warnings(header: Header, row: int) -> list[RowError]:
    return [
        RowError(row, words, "无法识别的列，未导入；请改用 docs/catalog.md 所列列名或删除此列")
        for _, words in header.unknown
    ] + [RowError(row, words, "与前面的列含义相同，此列未导入") for _, words in header.duplicate]


def sheet_from_cells(cells: Sequence[Sequence[str]], known: frozenset[str]) -> Sheet | None:
    """Records under the header found among the first rows (title rows skipped, two-row header read as one);
    None when there is no header. Empty rows are skipped (their numbers stay the sheet's)."""
    header = locate_header(cells, known)
    if header is None:
        return None
    records, rows = [], []
    for index in range(header.row, len(cells)):
        values = cells[index]
        if not any(values):
            continue
        records.append(
            {
                ours: values[j] if j < len(values) else ""
                for j, ours in enumerate(header.columns)
                if ours and ours not in IGNORED
            }
        )
        rows.append(index + 1)
    return Sheet(records, rows, header.shown, _warnings(header, header.row), header.row, header.units)
