"""一件事 bundles: several matters handled as one application with a lead department (DOMAIN.md §4).

Merged materials: a material asked by several members is asked once (same e-certificate type, else same
name); a material that another member produces (its result certificate) is not asked from the applicant.
Members are approved in parallel (并联审批), so the combined limit is the longest member limit.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from catalog.domain.codes import Holder, Requirement, TimeUnit
from catalog.domain.matters import MaterialSpec, MatterSpec
from catalog.domain.quality import as_natural_days

__all__ = ["CombinedLimit", "MergedMaterial", "bundle_violations", "combined_limit", "merge_materials"]

_STRENGTH: dict[str, int] = {Requirement.REQUIRED: 3, Requirement.DEFERRABLE: 2, Requirement.OPTIONAL: 1}


@dataclass(frozen=True)
class MergedMaterial:
    material: MaterialSpec
    asked_by: tuple[str, ...]  # member codes that ask for it
    produced_by: str | None = None  # member code whose result satisfies it: not asked from the applicant

    @property
    def asked(self) -> bool:
        return self.produced_by is None


@dataclass(frozen=True)
class CombinedLimit:
    statutory_days: int
    statutory_unit: str
    promised_days: int
    promised_unit: str


def _key(material: MaterialSpec) -> str:
    """The same material of the same holder: the mother's ID card and the child's are two materials."""
    if material.certificate_type:
        return f"{material.belongs_to}:cert:{material.certificate_type}"
    return f"{material.belongs_to}:name:" + "".join(unicodedata.normalize("NFKC", material.name).split())


def _merge(first: MaterialSpec, other: MaterialSpec) -> MaterialSpec:
    stronger = max(first.requirement, other.requirement, key=lambda r: _STRENGTH.get(r, 0))
    items = tuple(dict.fromkeys((*first.data_items, *other.data_items)))
    return replace(
        first,
        requirement=stronger,
        paper_copies=max(first.paper_copies, other.paper_copies),
        certificate_type=first.certificate_type or other.certificate_type,
        resource_code=first.resource_code or other.resource_code,
        data_items=items,
    )


def merge_materials(members: Sequence[MatterSpec]) -> list[MergedMaterial]:
    """Materials of all members, each once, in first-asked order; produced ones marked with their producer."""
    producers = {m.result_certificate_type: m.code for m in members if m.result_certificate_type}
    merged: dict[str, tuple[MaterialSpec, list[str]]] = {}
    for member in members:
        for material in member.materials:
            key = _key(material)
            if key in merged:
                current, asked_by = merged[key]
                merged[key] = (_merge(current, material), [*asked_by, member.code])
            else:
                merged[key] = (material, [member.code])
    out = []
    for material, asked_by in merged.values():
        # a member's result is issued to the bundle's subject: it never stands in for the applicant's own paper
        producer = (
            producers.get(material.certificate_type)
            if material.certificate_type and material.belongs_to == Holder.SUBJECT
            else None
        )
        if producer in asked_by:
            producer = None  # a matter never produces what it asks for itself
        out.append(MergedMaterial(material, tuple(dict.fromkeys(asked_by)), producer))
    return out


def _longest(limits: Sequence[tuple[int, str]]) -> tuple[int, str]:
    units = {unit for _, unit in limits}
    if len(units) == 1:
        return max(days for days, _ in limits), units.pop()
    return max(as_natural_days(days, unit) for days, unit in limits), TimeUnit.NATURAL_DAY


def combined_limit(members: Sequence[MatterSpec]) -> CombinedLimit:
    """Parallel approval: the longest member limit (in natural days when the members' units differ)."""
    statutory = _longest([(m.statutory_days, m.statutory_unit) for m in members])
    promised = _longest([(m.promised_days, m.promised_unit) for m in members])
    return CombinedLimit(statutory[0], statutory[1], promised[0], promised[1])


def bundle_violations(
    *, member_codes: Sequence[str], lead_department_code: str, members: Sequence[MatterSpec]
) -> list[dict[str, str]]:
    """Rules a bundle must meet on publish; ``members`` are the members' current published versions."""
    out = []
    if len(set(member_codes)) < 2:
        out.append({"field": "members", "rule": "too_few_members", "message": "一件事至少包含两个不同的事项"})
    if len(set(member_codes)) != len(member_codes):
        out.append({"field": "members", "rule": "duplicate_member", "message": "同一事项不能重复加入"})
    found = {m.code for m in members}
    for code in member_codes:
        if code not in found:
            out.append(
                {
                    "field": "members",
                    "rule": "member_not_published",
                    "message": f"事项 {code} 没有已发布的版本",
                }
            )
    if members and lead_department_code not in {m.department_code for m in members}:
        out.append(
            {
                "field": "lead_department_code",
                "rule": "lead_not_member",
                "message": "牵头部门须是成员事项的实施部门之一",
            }
        )
    return out
