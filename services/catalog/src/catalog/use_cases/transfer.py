"""Import and export of the implementation list (实施清单), through the same rules as the API."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.exc import DataError

from catalog.domain.permissions import may_draft, may_review
from catalog.store.repositories import to_spec
from catalog.store.unit_of_work import CatalogUnitOfWork
from catalog.transfer import RowError, parse_rows, spec_rows, write_table
from catalog.use_cases.errors import deny
from catalog.use_cases.matters import stage_draft
from catalog.use_cases.workflow import stage_publish, stage_submit
from meshkit.auth import Principal
from meshkit.errors import ProblemError
from meshkit.legaldate import today

__all__ = ["ImportReport", "Progress", "export_matters", "import_matters"]

Progress = Callable[[int, int], None]  # (done, total) matters


@dataclass(frozen=True)
class ImportReport:
    rows: int
    matters: int
    imported: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def applied(self) -> bool:
        return bool(self.imported)


def _row_errors(row: int, exc: ProblemError) -> list[RowError]:
    details = exc.errors or [{"field": "", "message": exc.detail}]
    return [RowError(row, str(d.get("field", "")), str(d.get("message", ""))) for d in details]


async def import_matters(
    uow: CatalogUnitOfWork,
    principal: Principal,
    *,
    records: Sequence[Mapping[str, str]],
    publish: bool,
    all_or_nothing: bool = True,
    progress: Progress | None = None,
    on: date | None = None,
) -> ImportReport:
    """Each matter of the file becomes a new draft version (and, with ``publish``, is submitted and published
    under every quality rule). A matter is applied whole or not at all; with ``all_or_nothing`` (the default)
    one bad row leaves the catalog untouched. Every problem is reported with its row number."""
    deny(may_draft(principal))
    if publish:
        deny(may_review(principal))
    parsed = parse_rows(records, await uow.dictionaries.active())
    errors = list(parsed.errors)
    if all_or_nothing and errors:
        return ImportReport(parsed.rows, len(parsed.matters), [], errors)
    imported = []
    for done, item in enumerate(parsed.matters, start=1):
        try:
            async with uow.session.begin_nested():
                matter = await stage_draft(uow, principal, spec=item.spec, note="导入")
                if publish:
                    await uow.flush()
                    stage_submit(uow, principal, matter)
                    await stage_publish(uow, principal, matter, on=on)
                await uow.flush()
            imported.append(item.spec.code)
        except ProblemError as exc:
            errors += _row_errors(item.row, exc)
        except DataError:  # a value the parse let through and the database refused: this matter's rows only
            errors.append(RowError(item.row, "", "有单元格超出数据库允许的长度或范围，请核对此事项的各列"))
        if progress is not None:
            progress(done, len(parsed.matters))
    if all_or_nothing and errors:
        await uow.rollback()
        return ImportReport(parsed.rows, len(parsed.matters), [], sorted(errors, key=lambda e: e.row))
    await uow.commit()
    return ImportReport(parsed.rows, len(parsed.matters), imported, sorted(errors, key=lambda e: e.row))


async def export_matters(uow: CatalogUnitOfWork, *, fmt: str, department: str | None = None) -> bytes:
    """The matters in force today (of one department, or all) as a file the import reads back unchanged."""
    matters = await uow.matters.all_in_force(today=today(), department=department)
    header, rows = spec_rows([to_spec(m) for m in matters], await uow.dictionaries.active())
    return write_table(header, rows, fmt)
