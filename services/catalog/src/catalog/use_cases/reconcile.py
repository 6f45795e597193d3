"""What an import does to one matter, decided before anything is written (pure, given what the catalog holds).

A matter whose row says what its version in force says is unchanged; else its open draft is updated, a version in
review that already says it is kept, or a new draft version is made — and with ``publish`` the rules of
publication are checked now, so that a refused matter writes nothing at all and the others can be written
together.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date

from catalog.domain.codes import MatterStatus
from catalog.domain.matters import MaterialSpec, MatterSpec
from catalog.domain.permissions import may_edit
from catalog.domain.quality import Dictionaries
from catalog.domain.workflow import Validity
from catalog.store.models import Matter
from catalog.store.repositories import to_spec
from catalog.transfer import ParsedMatter, RowError
from catalog.transfer.columns import MATERIAL_COLUMNS, MATTER_COLUMNS
from catalog.use_cases.errors import QualityRulesFailed, deny
from catalog.use_cases.publication import check_publication
from meshkit.auth import Principal
from meshkit.errors import ProblemError

__all__ = ["Plan", "plan_matter", "row_errors"]

_MATERIAL = re.compile(r"materials\[(\d+)\]\.(\w+)")
_MATTER_HEADER = {c.field: c.header for c in MATTER_COLUMNS}
_MATERIAL_HEADER = {c.field: c.header for c in MATERIAL_COLUMNS}
_MATTER_FIELDS = [
    f.name for f in fields(MatterSpec) if f.name not in ("code", "materials", "case_kind")
]  # 办件类型 left out: derived from 承诺时限
_MATERIAL_FIELDS = [f.name for f in fields(MaterialSpec) if f.name != "name"]


@dataclass(frozen=True)
class Plan:
    item: ParsedMatter
    action: (
        str  # unchanged (nothing to write), keep (the draft or version in review as it is), update, create
    )
    spec: MatterSpec
    newest: Matter | None  # the code's newest version (kept or updated), None for a new code

    @property
    def after(self) -> int:
        return self.newest.version if self.newest is not None else 0


def row_errors(item: ParsedMatter, exc: ProblemError, heading: Callable[[str], str]) -> list[RowError]:
    """A rule's refusal on the sheet: ``materials[1].name`` → that material's row, column 材料名称; a field of
    the matter → its first row and the sheet's heading of the field's column."""
    details = exc.errors or [{"field": "department_code", "message": exc.detail}]
    out = []
    for detail in details:
        name, message = str(detail.get("field", "")), str(detail.get("message", ""))
        material = _MATERIAL.fullmatch(name)
        if material is not None and int(material[1]) < len(item.material_rows):
            row, header = item.material_rows[int(material[1])], _MATERIAL_HEADER.get(material[2], "材料名称")
        else:
            row, header = item.row, _MATTER_HEADER.get(name, "实施编码")
        if header == "实施主体编码" and item.derived_department:
            header, message = (
                "实施编码",
                f"{message}（实施主体编码由实施编码推断为 {item.spec.department_code}）",
            )
        out.append(RowError(row, heading(header), message))
    return out


def _key(name: str) -> str:
    return re.sub(r"\s+", "", name)


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
    for index, material in enumerate(item.spec.materials):
        earlier = by_name.get(_key(material.name))
        if earlier is not None:
            given = item.given_material | item.material_given(index)
            kept = {f: getattr(earlier, f) for f in _MATERIAL_FIELDS if f not in given}
            material = replace(material, **kept)
        materials.append(material)
    return replace(item.spec, **own, materials=tuple(materials))


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


def plan_matter(
    principal: Principal,
    item: ParsedMatter,
    *,
    newest: Matter | None,
    in_force: Matter | None,
    publish: bool,
    validities: Mapping[str, Sequence[Validity]],
    dictionaries: Dictionaries,
    day: date,
) -> Plan:
    """What to do with one matter of the sheet; raises the refusal (permission, a rule of publication) before
    anything is written."""
    spec = _completed(item, in_force or newest)
    if in_force is not None and _same(spec, in_force):
        return Plan(item, "unchanged", spec, in_force)
    spec = _new_validity(spec, in_force)
    deny(may_edit(principal, spec.department_code))
    if newest is not None and newest.status == MatterStatus.DRAFT:
        deny(may_edit(principal, newest.department_code))
        plan = Plan(item, "keep" if _same(spec, newest) else "update", spec, newest)
    elif newest is not None and newest.status == MatterStatus.IN_REVIEW and _same(spec, newest):
        plan = Plan(item, "keep", to_spec(newest), newest)
    else:
        plan = Plan(item, "create", spec, newest)
    if publish:
        version = plan.after + (1 if plan.action == "create" else 0)
        _, _, violations = check_publication(
            plan.spec.resolved(), version, validities.get(spec.code, ()), dictionaries, day
        )
        if violations:
            raise QualityRulesFailed(violations)
    return plan
