"""Decisions are documents (行政许可法 §32, §38): 准予许可, 不予许可 and 不予受理 each end in a written decision with
its number, reasons and legal basis; a refusal (不予许可, 不予受理) also tells the applicant her right to
administrative review (行政复议, within 60 days: 行政复议法 §20) or litigation (行政诉讼, within six months:
行政诉讼法 §46), with the bodies that hear them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from cases.domain.states import Action
from cases.domain.subjects import subject_label

__all__ = [
    "DECISION_OF",
    "DecisionKind",
    "Remedies",
    "decision_number",
    "party_line",
    "reason_lines",
    "remedies_notice",
]


class DecisionKind(StrEnum):
    GRANT = "grant"  # 准予行政许可决定书
    DENY = "deny"  # 不予行政许可决定书
    REFUSE = "refuse"  # 不予受理决定书

    @property
    def document_title(self) -> str:
        return _TITLES[self]

    @property
    def legal_basis(self) -> str:
        return _BASES[self]

    @property
    def refusal(self) -> bool:
        return self is not DecisionKind.GRANT


_TITLES = {
    DecisionKind.GRANT: "准予行政许可决定书",
    DecisionKind.DENY: "不予行政许可决定书",
    DecisionKind.REFUSE: "不予受理决定书",
}
_BASES = {
    DecisionKind.GRANT: "《中华人民共和国行政许可法》第三十八条第一款",
    DecisionKind.DENY: "《中华人民共和国行政许可法》第三十八条第二款",
    DecisionKind.REFUSE: "《中华人民共和国行政许可法》第三十二条第一款",
}
_NUMBER_MARKS = {DecisionKind.GRANT: "准许", DecisionKind.DENY: "不许", DecisionKind.REFUSE: "不受"}

DECISION_OF = {
    Action.APPROVE: DecisionKind.GRANT,
    Action.DENY: DecisionKind.DENY,
    Action.REFUSE: DecisionKind.REFUSE,
}


@dataclass(frozen=True)
class Remedies:
    """Where a refused applicant may turn, and by when (the district's own bodies, by configuration)."""

    review_body: str = "重庆市綦江区人民政府"
    court: str = "重庆市綦江区人民法院"
    review_days: int = 60
    litigation_months: int = 6


def remedies_notice(remedies: Remedies) -> str:
    return (
        f"申请人如不服本决定，可以自收到本决定书之日起{remedies.review_days}日内向{remedies.review_body}申请"
        f"行政复议，也可以自收到本决定书之日起{remedies.litigation_months}个月内依法向{remedies.court}提起行政诉讼。"
    )


def decision_number(case_number: str, kind: DecisionKind, year: int) -> str:
    """One number per decision, from the case's own (unique) number: ``〔2026〕准许 500110…号``."""
    return f"〔{year}〕{_NUMBER_MARKS[kind]}{case_number}号"


def party_line(applicant: str, subject: str | None = None, subject_kind: str | None = None) -> str:
    """Whom the decision is addressed to: the applicant by name, and the subject of the matter when it is someone
    else (``申请人：陈晓梅；事项对象：陈小宝（新生儿）``)."""
    line = f"申请人：{applicant}"
    if subject is not None:
        kind = f"（{subject_label(subject_kind)}）" if subject_kind else ""
        line += f"；事项对象：{subject}{kind}"
    return line


def reason_lines(reasons: str | None) -> list[str]:
    """A clerk's reasons as the lines she wrote them in (CR LF, CR and Unicode line separators read as one break),
    blank lines dropped; nothing for no reasons."""
    if not reasons:
        return []
    return [line.strip() for line in reasons.splitlines() if line.strip()]
