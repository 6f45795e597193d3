"""What a case must collect, from the pinned matter (or bundle) version's materials — a pure planner.

Each material gets a stable code (its position in the version, ``M01``…), keeps its paper-free ways (an
e-certificate type, a shared data resource with the items needed) and starts in one of these states:
- ``missing``: still to be obtained (by sharing, e-certificate, upload or paper at the window);
- ``awaiting_member``: in a 一件事 bundle, another member's result satisfies it — never asked of the applicant;
- ``obtained``: recorded with how (``data_sharing`` | ``e_certificate`` | ``upload`` | ``paper`` |
  ``bundle_member``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum
from typing import Any

__all__ = [
    "PAPER_FREE_METHODS",
    "MaterialPlan",
    "Method",
    "blocking",
    "exchange_ways",
    "missing_before",
    "paper_free_share",
    "plan_materials",
    "retry_delay",
    "serves_member",
    "worth_retrying",
]


class Method(StrEnum):
    """How a material was obtained."""

    DATA_SHARING = "data_sharing"  # read from a shared data resource through the exchange
    E_CERTIFICATE = "e_certificate"  # found in the e-certificate registry
    UPLOAD = "upload"  # an electronic file from the applicant or a clerk
    PAPER = "paper"  # 纸质材料 received at the window
    BUNDLE_MEMBER = "bundle_member"  # the result of another member of the same 一件事


PAPER_FREE_METHODS = frozenset(m.value for m in Method if m is not Method.PAPER)


@dataclass(frozen=True)
class MaterialPlan:
    code: str
    name: str
    requirement: str
    source: str
    status: str
    certificate_type: str | None = None
    resource_code: str | None = None
    data_items: list[str] = field(default_factory=list)
    produced_by: str | None = None
    belongs_to: str = "subject"  # whose it is: the case's subject (办理对象) or its applicant (申请人)
    asked_by: list[str] = field(
        default_factory=list
    )  # 一件事: the members asking for it (empty: every member)
    stands_in_for: list[dict[str, str]] = field(
        default_factory=list
    )  # 一件事: members' materials it replaces


def plan_materials(materials: Iterable[Mapping[str, Any]]) -> list[MaterialPlan]:
    """One plan per material of the version, in the version's order."""
    plans = []
    for position, material in enumerate(materials, start=1):
        produced_by = material.get("produced_by")
        plans.append(
            MaterialPlan(
                code=f"M{position:02d}",
                name=str(material["name"]),
                requirement=str(material.get("requirement") or "required"),
                source=str(material.get("source") or "applicant"),
                status="awaiting_member" if produced_by else "missing",
                certificate_type=material.get("certificate_type"),
                resource_code=material.get("resource_code"),
                data_items=list(material.get("data_items") or []),
                produced_by=produced_by,
                belongs_to="applicant" if material.get("belongs_to") == "applicant" else "subject",
                asked_by=[str(code) for code in material.get("asked_by") or []],
                stands_in_for=[
                    {
                        "member_code": str(x["member_code"]),
                        "name": str(x["name"]),
                        "reason": str(x.get("reason", "")),
                    }
                    for x in material.get("stands_in_for") or []
                ],
            )
        )
    return plans


def blocking(statuses: Iterable[tuple[str, str]]) -> int:
    """How many required materials are still missing, from ``(requirement, status)`` pairs (容缺 ones wait)."""
    return sum(1 for requirement, status in statuses if requirement == "required" and status == "missing")


def missing_before(step: str, materials: Iterable[tuple[str, str, str]]) -> list[str]:
    """The names of the materials that stop ``step`` (``accept`` 受理 or ``approve`` 准予许可), from
    ``(name, requirement, status)`` triples. Accepting needs every required (必要) material; a deferrable one
    (容缺) may still be missing — that is 容缺受理 — but must be in before the grant (容缺后补), so approving needs
    both. A material another member of the 一件事 produces (``awaiting_member``) is never the applicant's to
    bring; anything obtained (shared, e-certificate, upload, paper) counts."""
    needed = {"required"} if step == "accept" else {"required", "deferrable"}
    return [name for name, requirement, status in materials if requirement in needed and status == "missing"]


def serves_member(asked_by: Iterable[str], member_code: str) -> bool:
    """Whether a 一件事 material counts for member ``member_code``: one its own matter asks for, or one that stands
    in for what it asks (a material without ``asked_by`` — filed before members were recorded — counts for all)."""
    members = list(asked_by)
    return not members or member_code in members


def paper_free_share(methods: Iterable[str | None]) -> float | None:
    """The share of obtained materials that came without paper (None when nothing is obtained yet)."""
    obtained = [m for m in methods if m is not None]
    if not obtained:
        return None
    return sum(1 for m in obtained if m in PAPER_FREE_METHODS) / len(obtained)


def exchange_ways(*, certificate_type: str | None, resource_code: str | None) -> tuple[str, ...]:
    """The paper-free ways the exchange may offer for a material, in the order they are tried: an
    e-certificate replaces the paper itself, shared data its content."""
    ways = []
    if certificate_type:
        ways.append(Method.E_CERTIFICATE.value)
    if resource_code:
        ways.append(Method.DATA_SHARING.value)
    return tuple(ways)


# Answers that may change by themselves: the other side down, overloaded or not ready yet.
_PASSING_STATUSES = frozenset({401, 408, 409, 425, 429})
_PASSING_CODES = frozenset(
    {"case_unknown"}
)  # the exchange has not heard of the case yet (events on their way)


def worth_retrying(status: int | None, code: str) -> bool:
    """Whether a failed ask may succeed later by itself: a transport failure, a 5xx, a busy or not-yet-ready
    answer. A final answer (not found, not granted, an unknown type, a kind that does not fit) is not: asking
    again would read the person's data again for nothing — each ask is a line in their "who read my data"."""
    return status is None or status >= 500 or status in _PASSING_STATUSES or code in _PASSING_CODES


def retry_delay(attempts: int, *, base_seconds: float, max_seconds: float) -> timedelta:
    """Exponential backoff after the ``attempts``-th failure: base, 2×base, 4×base, … capped."""
    return timedelta(seconds=min(max_seconds, base_seconds * 2 ** max(0, attempts - 1)))
