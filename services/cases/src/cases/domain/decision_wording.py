"""A decision is the document its matter's kind calls for (issue 19 outside try, failure 1).

Only a 行政许可 (type 01) is decided by a 准予/不予行政许可决定书 under 行政许可法 §38 (and refused at the window by
a 不予受理决定书 under §32); a 出生登记 (07 行政确认) is confirmed, a benefit (05 行政给付) is granted, a 公共服务
(20) or any other matter is handled and its result told. Every document but a permit's cites the matter's own
设定依据 from the catalog version the case was filed under; a permit's cites 行政许可法 and that basis too.

Every type code of the catalog's 事项类型 list has a wording here (a test walks the catalog's list); a case whose
type is not known (filed before the type was kept, its version no longer in the read model) gets the neutral
办理结果 wording, never a permit's it may not be. A refusal of any kind keeps the 行政复议 / 行政诉讼 notice
(:mod:`cases.domain.decisions`): it affects the applicant's rights whatever the matter.
"""

from __future__ import annotations

from dataclasses import dataclass

from cases.domain.decisions import DecisionKind

__all__ = ["MATTER_TYPE_LABELS", "PERMIT", "Wording", "issued_verdict", "outcome_words", "wording_for"]

PERMIT = "01"

MATTER_TYPE_LABELS: dict[str, str] = {
    "01": "行政许可",
    "02": "行政处罚",
    "03": "行政强制",
    "04": "行政征收",
    "05": "行政给付",
    "06": "行政检查",
    "07": "行政确认",
    "08": "行政奖励",
    "09": "行政裁决",
    "10": "其他行政权力",
    "20": "公共服务",
}


@dataclass(frozen=True)
class Wording:
    title: str  # the document's title
    verdict: str  # the decision's sentence, with {matter} for the matter's name
    mark: str  # the mark in the decision's number (〔2026〕准许…号)
    outcome: str  # the label of the status/outcome it concludes (准予许可, 予以确认, 不予办理 …)
    law: str | None = None  # the procedural law cited before the matter's own basis (a permit's)

    def number(self, case_number: str, year: int) -> str:
        """One number per decision, from the case's own (unique) number: ``〔2026〕确认 500110…号``."""
        return f"〔{year}〕{self.mark}{case_number}号"


_REFUSE = Wording(
    "不予受理告知书",
    "你（单位）申请的“{matter}”不属于受理范围或不符合受理条件，决定不予受理。",
    "不受",
    "不予受理",
)

_PERMIT = {
    DecisionKind.GRANT: Wording(
        "准予行政许可决定书",
        "经审查，你（单位）申请的“{matter}”符合法定条件、标准，决定准予行政许可。",
        "准许",
        "准予许可",
        "《中华人民共和国行政许可法》第三十八条第一款",
    ),
    DecisionKind.DENY: Wording(
        "不予行政许可决定书",
        "经审查，你（单位）申请的“{matter}”不符合法定条件、标准，决定不予行政许可。",
        "不许",
        "不予许可",
        "《中华人民共和国行政许可法》第三十八条第二款",
    ),
    DecisionKind.REFUSE: Wording(
        "不予受理决定书",
        "你（单位）申请的“{matter}”，决定不予受理。",
        "不受",
        "不予受理",
        "《中华人民共和国行政许可法》第三十二条第一款",
    ),
}
_CONFIRM = {
    DecisionKind.GRANT: Wording(
        "行政确认决定书",
        "经审查，你（单位）申请的“{matter}”符合规定条件，予以确认（登记）。",
        "确认",
        "予以确认",
    ),
    DecisionKind.DENY: Wording(
        "不予确认决定书",
        "经审查，你（单位）申请的“{matter}”不符合规定条件，决定不予确认（登记）。",
        "不确",
        "不予确认",
    ),
    DecisionKind.REFUSE: _REFUSE,
}
_BENEFIT = {
    DecisionKind.GRANT: Wording(
        "给付决定书", "经审查，你（单位）申请的“{matter}”符合规定条件，决定予以给付。", "给付", "予以给付"
    ),
    DecisionKind.DENY: Wording(
        "不予给付决定书",
        "经审查，你（单位）申请的“{matter}”不符合规定条件，决定不予给付。",
        "不给",
        "不予给付",
    ),
    DecisionKind.REFUSE: _REFUSE,
}
_SERVICE = {
    DecisionKind.GRANT: Wording(
        "办理结果告知书",
        "经审查，你（单位）申请的“{matter}”符合办理条件，已予办理。",
        "办结",
        "已办结（予以办理）",
    ),
    DecisionKind.DENY: Wording(
        "不予办理告知书",
        "经审查，你（单位）申请的“{matter}”不符合办理条件，决定不予办理。",
        "不办",
        "不予办理",
    ),
    DecisionKind.REFUSE: _REFUSE,
}
_BY_TYPE = {PERMIT: _PERMIT, "05": _BENEFIT, "07": _CONFIRM}


def _table(matter_type: str | None) -> dict[DecisionKind, Wording]:
    return _BY_TYPE.get(matter_type or "", _SERVICE)


def outcome_words(kind: DecisionKind, matter_type: str | None) -> str:
    """What a citizen reads as the result of a case of ``matter_type`` decided ``kind`` (issue 19, last outside
    try, failure 1): the same row as its document — 准予许可 only for a 行政许可, 予以确认 for a 行政确认 …"""
    return _table(matter_type)[kind].outcome


def _basis(wording: Wording, matter_basis: str | None, unknown: str) -> str:
    own = (matter_basis or "").strip() or unknown
    return f"{wording.law}；{own}" if wording.law else own


def wording_for(
    kind: DecisionKind,
    matter_type: str | None,
    *,
    matter_name: str,
    matter_basis: str | None,
    matter_ref: str,
) -> tuple[Wording, str, str]:
    """The wording of ``kind`` for a matter of ``matter_type`` (any code of the 事项类型 list; None: not known),
    with its verdict sentence and its legal basis: the permit law's article (for a 行政许可) and the matter's own
    设定依据 — or, when the catalog never sent it, where it is found (``matter_ref``: the matter's code and
    version), rather than a basis the matter may not have."""
    table = _table(matter_type)
    wording = table.get(kind) or (
        _SERVICE[DecisionKind.DENY] if kind.refusal else _SERVICE[DecisionKind.GRANT]
    )
    unknown = f"“{matter_name}”实施清单（{matter_ref}）所列设定依据"
    return wording, wording.verdict.format(matter=matter_name), _basis(wording, matter_basis, unknown)


def issued_verdict(kind: str, verdict: str | None, matter_name: str) -> str:
    """The sentence a decision was issued with; a decision made before the sentence was kept (migration 0016)
    was issued in a permit's wording, as its title says, and reads so."""
    if verdict:
        return verdict
    wording = _PERMIT.get(DecisionKind(kind)) if kind in set(DecisionKind) else None
    return (wording or _SERVICE[DecisionKind.GRANT]).verdict.format(matter=matter_name)
