"""Import and export of the implementation list (实施清单), through the same rules as the API.

An import is a reconciliation, not a stream of new versions: a matter whose row says what its version in force
already says is left alone (no version, no event); a changed matter updates its open draft, or gets one new
version; with ``publish`` that version is published under every rule. Problems are named by the sheet's row
and the sheet's own column heading, whatever rule (parse, permission, quality) found them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date

from sqlalchemy.exc import DataError

from catalog.domain.codes import MatterStatus
from catalog.domain.matters import MaterialSpec, MatterSpec
from catalog.domain.permissions import may_draft, may_review
from catalog.store.models import Matter
from catalog.store.repositories import to_spec
from catalog.store.unit_of_work import CatalogUnitOfWork
from catalog.transfer import ParsedMatter, RowError, Sheet, parse_rows, spec_rows, write_table
from catalog.transfer.columns import MATERIAL_COLUMNS, MATTER_COLUMNS
from catalog.use_cases.errors import deny
from catalog.use_cases.matters import stage_draft, stage_update
from catalog.use_cases.workflow import stage_publish, stage_submit
from meshkit.auth import Principal
from meshkit.errors import ProblemError
from meshkit.legaldate import today

__all__ = ["ImportReport", "MatterOutcome", "Progress", "export_matters", "import_matters"]

Progress = Callable[[int, int], None]  # (done, total) matters
NOTE = "导入"
OUTCOMES = ("created", "updated", "published", "unchanged")  # what happened to a matter of the sheet
_MATERIAL = re.compile(r"materials\[(\d+)\]\.(\w+)")
_MATTER_HEADER = {c.field: c.header for c in MATTER_COLUMNS}
_MATERIAL_HEADER = {c.field: c.header for c in MATERIAL_COLUMNS}
_MATTER_FIELDS = [
    f.name for f in fields(MatterSpec) if f.name not in ("code", "materials", "case_kind")
]  # 办件类型 left out: derived from 承诺时限
_MATERIAL_FIELDS = [f.name for f in fields(MaterialSpec) if f.name != "name"]


@dataclass(frozen=True)
class MatterOutcome:
    code: str
    row: int  # the matter's first row
    outcome: str  # created (a new draft version), updated (its open draft), published, unchanged
    version: int


@dataclass(frozen=True)
class ImportReport:
    rows: int
    matters: int  # matters in the sheet
    outcomes: list[MatterOutcome] = field(default_factory=list)  # the matters applied (or already so)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)  # columns not imported
    rejected: dict[str, tuple[int, ...]] = field(default_factory=dict)  # matter → its rows, not applied

    @property
    def imported(self) -> list[str]:
        return [o.code for o in self.outcomes]

    @property
    def applied(self) -> bool:
        return bool(self.outcomes)

    def count(self, outcome: str) -> int:
        return sum(1 for o in self.outcomes if o.outcome == outcome)


def _row_errors(item: ParsedMatter, exc: ProblemError, heading: Callable[[str], str]) -> list[RowError]:
    """A rule's refusal on the sheet: ``materials[1].name`` → that material's row, column 材料名称."""
    details = exc.errors or [{"field": "department_code", "message": exc.detail}]
    out = []
    for detail in details:
        name, message = str(detail.get("field", "")), str(detail.get("message", ""))
        material = _MATERIAL.fullmatch(name)
        if material is not None and int(material[1]) < len(item.material_rows):
            row, header = item.material_rows[int(material[1])], _MATERIAL_HEADER.get(material[2], "材料名称")
        else:
            row, header = item.row, _MATTER_HEADER.get(name, "实施编码")
        out.append(RowError(row, heading(header), message))
    return out


def _completed(item: ParsedMatter, base: Matter | None) -> MatterSpec:
    """The row's spec, with what the sheet does not speak about (its column is absent) taken from ``base``, the
    version the catalog has: a matter's own fields, and each material's by name; all materials when the sheet
    has no material column at all."""
    if base is None:
        return item.spec
    stored = to_spec(base)
    own = {f: getattr(stored, f) for f in _MATTER_FIELDS if f not in item.given}
    if "name" not in item.given_material:
        return replace(item.spec, **own, materials=stored.materials)
    by_name = {_key(m.name): m for m in stored.materials}
    materials = []
    for material in item.spec.materials:
        earlier = by_name.get(_key(material.name))
        if earlier is not None:
            kept = {f: getattr(earlier, f) for f in _MATERIAL_FIELDS if f not in item.given_material}
            material = replace(material, **kept)
        materials.append(material)
    return replace(item.spec, **own, materials=tuple(materials))


def _key(name: str) -> str:
    return re.sub(r"\s+", "", name)


def _same(spec: MatterSpec, current: Matter) -> bool:
    """The sheet says what ``current`` says (a 生效日期 at or before the version's own is the version's)."""
    existing = to_spec(current).resolved()
    wanted = spec.resolved()
    if wanted.valid_from is None or (current.valid_from and wanted.valid_from <= current.valid_from):
        wanted = replace(wanted, valid_from=existing.valid_from)
    return wanted == existing


def _new_validity(spec: MatterSpec, in_force: Matter | None) -> MatterSpec:
    """A 生效日期 the sheet carried over from the version in force is not the new version's: it would close
    that version on its own first day (an empty validity). The new version starts on publication."""
    if (
        in_force is not None
        and in_force.valid_from
        and spec.valid_from
        and spec.valid_from <= in_force.valid_from
    ):
        return replace(spec, valid_from=None)
    return spec


async def _apply(
    uow: CatalogUnitOfWork,
    principal: Principal,
    item: ParsedMatter,
    *,
    newest: Matter | None,
    in_force: Matter | None,
    publish: bool,
    on: date | None,
) -> MatterOutcome:
    spec = _completed(item, in_force or newest)
    if in_force is not None and _same(spec, in_force):
        return MatterOutcome(spec.code, item.row, "unchanged", in_force.version)
    spec = _new_validity(spec, in_force)
    target, outcome = newest, "unchanged"
    if newest is not None and newest.status == MatterStatus.DRAFT:
        if not _same(spec, newest):
            await stage_update(uow, principal, newest, spec, note=NOTE)
            outcome = "updated"
    elif newest is None or newest.status != MatterStatus.IN_REVIEW or not _same(spec, newest):
        after = newest.version if newest is not None else 0
        target, outcome = await stage_draft(uow, principal, spec=spec, note=NOTE, after=after), "created"
    assert target is not None
    if publish:
        if target.status == MatterStatus.DRAFT:
            stage_submit(uow, principal, target)
        await stage_publish(uow, principal, target, on=on)
        outcome = "published"
    await uow.flush()
    return MatterOutcome(spec.code, item.row, outcome, target.version)


async def import_matters(
    uow: CatalogUnitOfWork,
    principal: Principal,
    *,
    records: Sheet | Sequence[Mapping[str, str]],
    publish: bool,
    all_or_nothing: bool = True,
    progress: Progress | None = None,
    on: date | None = None,
) -> ImportReport:
    """Reconcile the catalog with the sheet (see the module). A matter is applied whole or not at all; with
    ``all_or_nothing`` (the default) one bad row leaves the catalog untouched."""
    deny(may_draft(principal))
    if publish:
        deny(may_review(principal))
    parsed = parse_rows(records, await uow.dictionaries.active())
    errors, rejected = list(parsed.errors), dict(parsed.dropped)
    total = len(parsed.matters) + len(parsed.dropped)

    def report(outcomes: list[MatterOutcome]) -> ImportReport:
        if not outcomes:
            rejected.update((m.spec.code, m.rows) for m in parsed.matters)
        ordered = sorted(errors, key=lambda e: e.row)
        return ImportReport(parsed.rows, total, outcomes, ordered, parsed.warnings, rejected)

    if all_or_nothing and errors:
        return report([])
    codes = [m.spec.code for m in parsed.matters]
    newest = await uow.matters.newest_of(codes)
    in_force = await uow.matters.newest_of(codes, today=on or today())
    outcomes = []
    for done, item in enumerate(parsed.matters, start=1):
        code = item.spec.code
        apply = _apply(
            uow,
            principal,
            item,
            newest=newest.get(code),
            in_force=in_force.get(code),
            publish=publish,
            on=on,
        )
        try:
            if all_or_nothing:  # any refusal rolls everything back: no savepoint (two round trips) per matter
                outcomes.append(await apply)
            else:
                async with uow.session.begin_nested():
                    outcomes.append(await apply)
        except ProblemError as exc:
            errors.extend(_row_errors(item, exc, parsed.heading))
            rejected[code] = item.rows
        except DataError:  # a value the parse let through and the database refused: this matter's rows only
            errors.append(RowError(item.row, "", "有单元格超出数据库允许的长度或范围，请核对此事项的各列"))
            rejected[code] = item.rows
            if all_or_nothing:
                break  # the transaction is aborted: nothing more can be checked in it
        if progress is not None:
            progress(done, len(parsed.matters))
    if all_or_nothing and errors:
        await uow.rollback()
        return report([])
    await uow.commit()
    return report(outcomes)


async def export_matters(uow: CatalogUnitOfWork, *, fmt: str, department: str | None = None) -> bytes:
    """The matters in force today (of one department, or all) as a file the import reads back unchanged."""
    matters = await uow.matters.all_in_force(today=today(), department=department)
    header, rows = spec_rows([to_spec(m) for m in matters], await uow.dictionaries.active())
    return write_table(header, rows, fmt)
