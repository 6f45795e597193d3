"""Import and export of the implementation list (实施清单), through the same rules as the API.

An import is a reconciliation, not a stream of new versions: a matter whose row says what its version in force
already says is left alone (no version, no event); a changed matter updates its open draft, or gets one new
version; with ``publish`` that version is published under every rule. Problems are named by the sheet's row
and the sheet's own column heading, whatever rule (parse, permission, quality) found them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.exc import DataError, IntegrityError

from catalog.domain.codes import MatterStatus
from catalog.domain.permissions import may_draft, may_review
from catalog.domain.workflow import Validity
from catalog.store.models import Matter
from catalog.store.repositories import to_spec
from catalog.store.unit_of_work import CatalogUnitOfWork
from catalog.transfer import ParsedFile, ParsedMatter, RowError, Sheet, parse_rows, spec_rows, write_table
from catalog.use_cases.errors import QualityRulesFailed, deny
from catalog.use_cases.matters import stage_draft, stage_update
from catalog.use_cases.publication import publish_versions
from catalog.use_cases.reconcile import Plan, plan_matter, row_errors
from catalog.use_cases.workflow import stage_submit
from meshkit.auth import Principal
from meshkit.errors import ProblemError
from meshkit.legaldate import today

__all__ = [
    "CHUNK",
    "ImportReport",
    "MatterOutcome",
    "Progress",
    "export_matters",
    "held_back_reason",
    "import_matters",
]

Progress = Callable[[int, int, int], None]  # (matters done, matters in the sheet, matters applied so far)
NOTE = "导入"
CHUNK = 500  # matters written together: a few multi-row statements per chunk, not a dozen per matter
OUTCOMES = ("created", "updated", "published", "unchanged")  # what happened to a matter of the sheet


def held_back_reason(partial: str) -> str:
    """Why a clean matter of an all-or-nothing import was not applied; ``partial`` names the caller's switch for
    importing the clean matters only (the API's query parameter, the CLI's flag)."""
    return f"本行无误；同一批次有错误，全部成功才导入（可用 {partial} 只导入无误的行）"


@dataclass(frozen=True)
class MatterOutcome:
    code: str
    row: int  # the matter's first row
    outcome: str  # created (a new draft version), updated (its open draft), published, unchanged
    version: int
    same_as: str = (
        ""  # unchanged: what the row already says — "published" (the version in force) or the status
    )
    # of the newer version not yet in force it matches ("draft", "in_review"); nothing was written either way


@dataclass(frozen=True)
class ImportReport:
    rows: int
    matters: int  # matters in the sheet
    outcomes: list[MatterOutcome] = field(default_factory=list)  # the matters applied (or already so)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)  # columns not imported
    rejected: dict[str, tuple[int, ...]] = field(default_factory=dict)  # matter → its rows, not applied
    # the rejected matters without an error of their own: held back because the all-or-nothing batch had errors
    held_back: frozenset[str] = frozenset()

    @property
    def imported(self) -> list[str]:
        return [o.code for o in self.outcomes]

    @property
    def applied(self) -> bool:
        return bool(self.outcomes)

    def count(self, outcome: str) -> int:
        return sum(1 for o in self.outcomes if o.outcome == outcome)


@dataclass
class _Run:
    """One import's state: the parsed sheet, what was applied and what was refused, and its settings."""

    parsed: ParsedFile
    principal: Principal
    publish: bool
    on: date | None
    errors: list[RowError]
    rejected: dict[str, tuple[int, ...]]
    outcomes: list[MatterOutcome] = field(default_factory=list)

    def refuse(self, item: ParsedMatter, errors: list[RowError]) -> None:
        self.errors.extend(errors)
        self.rejected[item.spec.code] = item.rows


async def _stage(uow: CatalogUnitOfWork, run: _Run, plans: Sequence[Plan]) -> list[tuple[Plan, Matter]]:
    """The drafts of ``plans`` (new versions added to the session, open drafts updated), submitted when
    publishing; nothing is sent to the database before the chunk's flush (but a draft's replaced materials)."""
    staged = []
    for plan in plans:
        target = plan.newest
        if plan.action == "create":
            target = await stage_draft(uow, run.principal, spec=plan.spec, note=NOTE, after=plan.after)
        elif plan.action == "update":
            assert target is not None
            await stage_update(uow, run.principal, target, plan.spec, note=NOTE)
        assert target is not None
        if run.publish and target.status == MatterStatus.DRAFT:
            stage_submit(uow, run.principal, target)
        staged.append((plan, target))
    return staged


async def _write(
    uow: CatalogUnitOfWork, run: _Run, plans: Sequence[Plan], validities: Mapping[str, Sequence[Validity]]
) -> list[MatterOutcome]:
    staged = await _stage(uow, run, plans)
    if run.publish:
        refused = await publish_versions(
            uow, run.principal, [m for _, m in staged], on=run.on, validities=validities
        )
        if refused:  # checked when planned, under the same lock: cannot happen, and must not pass silently
            raise QualityRulesFailed(next(iter(refused.values())))
    await uow.flush()
    outcomes = []
    for plan, matter in staged:
        outcome = "published" if run.publish else {"create": "created", "update": "updated"}.get(plan.action)
        outcomes.append(MatterOutcome(plan.spec.code, plan.item.row, outcome or "unchanged", matter.version))
    return outcomes


def _status_of(matter: Matter | None) -> str:
    return "" if matter is None else str(matter.status)  # a StrEnum: its value


def _in_force(matter: Matter, day: date) -> bool:
    return (
        matter.status == MatterStatus.PUBLISHED
        and matter.valid_from is not None
        and matter.valid_from <= day
        and (matter.valid_to is None or matter.valid_to > day)
    )


async def _chunk(uow: CatalogUnitOfWork, run: _Run, chunk: Sequence[ParsedMatter]) -> None:
    """Plan every matter of the chunk (refusals write nothing), then write the others together, in a savepoint:
    a value the database refuses is then found matter by matter, and only that matter is refused."""
    codes = [m.spec.code for m in chunk]
    if run.publish:
        await uow.matters.lock_publishing(exclusive=True)
    day = run.on or today()
    newest = await uow.matters.newest_of(codes)
    # the newest version is the one in force for most codes: only the others are asked for again
    in_force = {code: m for code, m in newest.items() if _in_force(m, day)}
    others = [code for code in codes if code not in in_force]
    if others:
        in_force.update(await uow.matters.newest_of(others, today=day))
    validities: Mapping[str, Sequence[Validity]] = (
        await uow.matters.validities(codes, lock_rows=False) if run.publish else {}
    )
    dictionaries = await uow.dictionaries.active()
    plans: list[Plan] = []
    for item in chunk:
        code = item.spec.code
        try:
            plan = plan_matter(
                run.principal,
                item,
                newest=newest.get(code),
                in_force=in_force.get(code),
                publish=run.publish,
                validities=validities,
                dictionaries=dictionaries,
                day=day,
            )
        except ProblemError as exc:
            run.refuse(item, row_errors(item, exc, run.parsed.heading))
            continue
        if plan.action == "unchanged" or (plan.action == "keep" and not run.publish):
            same_as = "published" if plan.action == "unchanged" else _status_of(plan.newest)
            run.outcomes.append(MatterOutcome(code, item.row, "unchanged", plan.after, same_as))
        else:
            plans.append(plan)
    try:
        async with uow.session.begin_nested():
            run.outcomes.extend(await _write(uow, run, plans, validities))
        return
    except (DataError, IntegrityError):
        pass  # the chunk's savepoint is rolled back; find the matter (or matters) the database refused
    await uow.matters.newest_of(codes)  # the objects the savepoint expired, loaded again
    for plan in plans:
        try:
            async with uow.session.begin_nested():
                run.outcomes.extend(await _write(uow, run, [plan], validities))
        except DataError:  # a value the parse let through and the database refused: this matter's rows only
            run.refuse(
                plan.item,
                [RowError(plan.item.row, "", "有单元格超出数据库允许的长度或范围，请核对此事项的各列")],
            )
        except IntegrityError:  # the same version written meanwhile by someone else
            run.refuse(
                plan.item,
                [
                    RowError(
                        plan.item.row,
                        run.parsed.heading("实施编码"),
                        "此事项正被他人同时修改，请稍后重新导入",
                    )
                ],
            )


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
    """Reconcile the catalog with the sheet (see the module), :data:`CHUNK` matters at a time. A matter is applied
    whole or not at all; with ``all_or_nothing`` (the default) one bad row leaves the catalog untouched (one
    transaction), else each chunk commits when written (what was applied stays applied)."""
    deny(may_draft(principal))
    if publish:
        deny(may_review(principal))
    parsed = parse_rows(records, await uow.dictionaries.active(), departments=await uow.matters.departments())
    run = _Run(parsed, principal, publish, on, list(parsed.errors), dict(parsed.dropped))
    total = len(parsed.matters) + len(parsed.dropped)

    def report(outcomes: list[MatterOutcome]) -> ImportReport:
        held_back: set[str] = set()
        if not outcomes:
            held_back = {m.spec.code for m in parsed.matters if m.spec.code not in run.rejected}
            run.rejected.update((m.spec.code, m.rows) for m in parsed.matters)
        ordered = sorted(run.errors, key=lambda e: e.row)
        outcomes = sorted(outcomes, key=lambda o: o.row)
        return ImportReport(
            parsed.rows, total, outcomes, ordered, parsed.warnings, run.rejected, frozenset(held_back)
        )

    if all_or_nothing and run.errors:
        return report([])
    for start in range(0, len(parsed.matters), CHUNK):
        await _chunk(uow, run, parsed.matters[start : start + CHUNK])
        if all_or_nothing and run.errors:
            break  # nothing will be applied: no need to go on
        if not all_or_nothing:
            await uow.commit()
        if progress is not None:
            done = min(start + CHUNK, len(parsed.matters)) + len(parsed.dropped)
            progress(done, total, len(run.outcomes))
    if all_or_nothing and run.errors:
        await uow.rollback()
        return report([])
    await uow.commit()
    return report(run.outcomes)


async def export_matters(uow: CatalogUnitOfWork, *, fmt: str, department: str | None = None) -> bytes:
    """The matters in force today (of one department, or all) as a file the import reads back unchanged."""
    matters = await uow.matters.all_in_force(today=today(), department=department)
    header, rows = spec_rows([to_spec(m) for m in matters], await uow.dictionaries.active())
    return write_table(header, rows, fmt)
