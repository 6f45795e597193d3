"""一件事 bundles: several matters handled as one application with a lead department (DOMAIN.md §4).

Merged materials: a material asked by several members is asked once (same e-certificate type, else same
name); a material that another member produces (its result certificate) is not asked from the applicant.
Members are approved in parallel (并联审批), so the combined limit is the longest member limit.

Stand-ins (:class:`Substitute`, issue 19): a bundle may declare that a material of one member is satisfied by a
certificate another member issues or by another material of the bundle — a newborn has no ID card, so in
新生儿出生一件事 the 户口簿 that 出生登记 issues stands in for the 申请人身份证明 医保参保 and 社保卡申领 ask. The
member's material is then not asked at all; the member joins the stand-in's ``asked_by``, so it waits for (and is
checked against) the stand-in, and the stand-in lists what it stands in for. Only the member named is affected: the
same material of another member is still asked.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from catalog.domain.codes import Holder, Requirement, TimeUnit
from catalog.domain.matters import MaterialSpec, MatterSpec
from catalog.domain.quality import as_natural_days

__all__ = [
    "CombinedLimit",
    "MergedMaterial",
    "StandIn",
    "Substitute",
    "bundle_violations",
    "combined_limit",
    "merge_materials",
    "substitute_violations",
]

_STRENGTH: dict[str, int] = {Requirement.REQUIRED: 3, Requirement.DEFERRABLE: 2, Requirement.OPTIONAL: 1}


@dataclass(frozen=True)
class Substitute:
    """In this bundle, ``material`` of member ``member_code`` (its name, or its e-certificate type) is satisfied
    by ``satisfied_by``: an e-certificate type another member issues, or a material of the bundle (its
    certificate type or its name). ``reason`` says why, for the clerk and the applicant."""

    member_code: str
    material: str
    satisfied_by: str
    reason: str = ""


@dataclass(frozen=True)
class StandIn:
    """What a merged material stands in for: ``name`` of member ``member_code``."""

    member_code: str
    name: str
    reason: str = ""


@dataclass(frozen=True)
class MergedMaterial:
    material: MaterialSpec
    asked_by: tuple[str, ...]  # member codes that ask for it (or whose material it stands in for)
    produced_by: str | None = None  # member code whose result satisfies it: not asked from the applicant
    stands_in_for: tuple[StandIn, ...] = ()

    @property
    def asked(self) -> bool:
        return self.produced_by is None


@dataclass(frozen=True)
class CombinedLimit:
    statutory_days: int
    statutory_unit: str
    promised_days: int
    promised_unit: str


def _squeezed(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _key(material: MaterialSpec) -> str:
    """The same material of the same holder: the mother's ID card and the child's are two materials."""
    if material.certificate_type:
        return f"{material.belongs_to}:cert:{material.certificate_type}"
    return f"{material.belongs_to}:name:" + _squeezed(material.name)


def _names(material: MaterialSpec, wanted: str) -> bool:
    """Whether ``wanted`` names the material: its certificate type, or its name (spaces and widths aside)."""
    return wanted == material.certificate_type or _squeezed(wanted) == _squeezed(material.name)


def _substituted(
    member: MatterSpec, material: MaterialSpec, substitutes: Sequence[Substitute]
) -> Substitute | None:
    return next(
        (s for s in substitutes if s.member_code == member.code and _names(material, s.material)), None
    )


def _stand_in_key(
    merged: dict[str, tuple[MaterialSpec, list[str]]],
    material: MaterialSpec,
    satisfied_by: str,
    *,
    any_holder: bool,
) -> str | None:
    """The merged material that ``satisfied_by`` names: of the same holder as ``material``, else (``any_holder``)
    of any holder."""
    found = [key for key, (candidate, _) in merged.items() if _names(candidate, satisfied_by)]
    same = [key for key in found if merged[key][0].belongs_to == material.belongs_to]
    candidates = same or (found if any_holder else [])
    return candidates[0] if candidates else None


def _issued(producer: MatterSpec, material: MaterialSpec, certificate_type: str) -> MaterialSpec:
    """A member's result as a material of the bundle, issued to the subject."""
    return MaterialSpec(
        producer.result_name or certificate_type,
        requirement=material.requirement,
        paper_copies=0,
        source="government",
        certificate_type=certificate_type,
    )


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


def _add(merged: dict[str, tuple[MaterialSpec, list[str]]], material: MaterialSpec, member_code: str) -> None:
    key = _key(material)
    if key in merged:
        current, asked_by = merged[key]
        merged[key] = (_merge(current, material), [*asked_by, member_code])
    else:
        merged[key] = (material, [member_code])


def merge_materials(
    members: Sequence[MatterSpec], substitutes: Sequence[Substitute] = ()
) -> list[MergedMaterial]:
    """Materials of all members, each once, in first-asked order; produced ones marked with their producer; a
    member's material with a stand-in (``substitutes``) folded into the stand-in. A stand-in that names nothing
    of the bundle is ignored here (``substitute_violations`` refuses it on publish): the material stays asked."""
    producers = {m.result_certificate_type: m for m in members if m.result_certificate_type}
    merged: dict[str, tuple[MaterialSpec, list[str]]] = {}
    deferred: list[tuple[MatterSpec, MaterialSpec, Substitute]] = []
    for member in members:
        for material in member.materials:
            substitute = _substituted(member, material, substitutes)
            if substitute is not None:
                deferred.append((member, material, substitute))
                continue
            _add(merged, material, member.code)
    stand_ins: dict[str, list[StandIn]] = {}
    for member, material, substitute in deferred:
        producer = producers.get(substitute.satisfied_by)
        if producer is not None and producer.code == member.code:
            producer = None  # a matter's own result never stands in for what it asks
        key = _stand_in_key(merged, material, substitute.satisfied_by, any_holder=producer is None)
        if key is None and producer is not None and material.belongs_to == Holder.SUBJECT:
            issued = _issued(producer, material, substitute.satisfied_by)
            key = _key(issued)
            merged[key] = (issued, [])
        if key is None or (producer is None and substitute.satisfied_by in producers):
            _add(merged, material, member.code)  # nothing stands in: still asked
            continue
        current, asked_by = merged[key]
        stronger = max(current.requirement, material.requirement, key=lambda r: _STRENGTH.get(r, 0))
        merged[key] = (replace(current, requirement=stronger), [*asked_by, member.code])
        stand_ins.setdefault(key, []).append(StandIn(member.code, material.name, substitute.reason))
    out = []
    for key, (material, asked_by) in merged.items():
        # a member's result is issued to the bundle's subject: it never stands in for the applicant's own paper
        found = (
            producers.get(material.certificate_type)
            if material.certificate_type and material.belongs_to == Holder.SUBJECT
            else None
        )
        made_by = found.code if found is not None else None
        if made_by in asked_by:
            made_by = None  # a matter never produces what it asks for itself
        out.append(
            MergedMaterial(material, tuple(dict.fromkeys(asked_by)), made_by, tuple(stand_ins.get(key, ())))
        )
    return out


def substitute_violations(
    members: Sequence[MatterSpec], substitutes: Sequence[Substitute]
) -> list[dict[str, str]]:
    """Each stand-in must name a member of the bundle, a material that member asks, and something of the bundle
    that can stand in: a certificate another member issues, or another material of the bundle."""
    out = []
    by_code = {m.code: m for m in members}
    issued = {m.result_certificate_type: m.code for m in members if m.result_certificate_type}
    for index, substitute in enumerate(substitutes):
        field = f"substitutes[{index}]"
        member = by_code.get(substitute.member_code)
        if member is None:
            message = f"替代材料所指的事项 {substitute.member_code} 不是本一件事的成员事项"
            out.append({"field": field, "rule": "substitute_member_unknown", "message": message})
            continue
        own = [x for x in member.materials if _names(x, substitute.material)]
        if not own:
            message = f"成员事项「{member.name}」没有材料「{substitute.material}」，无法为其指定替代材料"
            out.append({"field": field, "rule": "substitute_material_unknown", "message": message})
            continue
        others = [
            x
            for m in members
            for x in m.materials
            if not (m.code == member.code and _names(x, substitute.material))
            and _names(x, substitute.satisfied_by)
        ]
        producer = issued.get(substitute.satisfied_by)
        if producer == member.code or (not others and producer is None):
            message = (
                f"「{substitute.satisfied_by}」既不是其他成员事项签发的证照，也不是本一件事的其他材料，"
                f"不能代替「{member.name}」的「{own[0].name}」"
            )
            out.append({"field": field, "rule": "substitute_not_in_bundle", "message": message})
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
