"""What a citizen or clerk reads beside each code of a case: actions of the timeline, the clock's events,
outcomes and who acted (DOMAIN.md: what people read is Chinese), read with :func:`meshkit.labels.label_of` (a
code without a label reads as itself) — the test of this module keeps every known one labelled."""

from __future__ import annotations

from cases.domain.decision_wording import outcome_words
from cases.domain.decisions import DecisionKind
from cases.domain.states import Action, Actor, CaseStatus
from meshkit.labels import label_of

__all__ = [
    "ACTION_LABELS",
    "ACTOR_LABELS",
    "CHANNEL_LABELS",
    "CLOCK_LABELS",
    "DELIVERY_LABELS",
    "FORWARD",
    "KIND_LABELS",
    "LIMIT_UNIT_LABELS",
    "OUTCOME_LABELS",
    "action_label",
    "outcome_label",
    "status_label",
]

FORWARD = "forward"  # 转办: received at one hall, accepted at another (the matter's levels decide)

ACTION_LABELS: dict[str, str] = {
    "submit": "提交申请",
    **{action.value: action.label for action in Action},
    "upload_material": "上传材料",
    "paper_material": "收取纸质材料",
    "retry_certificate": "重新签发电子证照",
    "members_changed": "一件事子办件进展更新",
    FORWARD: "转办",
}

CLOCK_LABELS: dict[str, str] = {
    "start": "开始计时",
    "pause": "暂停计时",
    "resume": "恢复计时",
    "extend": "延长期限",
    "stop": "停止计时",
}

OUTCOME_LABELS: dict[str, str] = {
    status.value: status.label
    for status in (
        CaseStatus.APPROVED,
        CaseStatus.DENIED,
        CaseStatus.PARTIALLY_GRANTED,
        CaseStatus.REFUSED,
        CaseStatus.WITHDRAWN,
        CaseStatus.TERMINATED,
    )
}

# The two statuses (and outcomes) whose words follow the matter's kind, and the two actions reaching them: a
# 出生登记 is 予以确认, a 公共服务 已办结（予以办理）, only a 行政许可 准予许可 (issue 19, last outside try, failure 1).
_BY_KIND: dict[str, DecisionKind] = {
    CaseStatus.APPROVED.value: DecisionKind.GRANT,
    CaseStatus.DENIED.value: DecisionKind.DENY,
    Action.APPROVE.value: DecisionKind.GRANT,
    Action.DENY.value: DecisionKind.DENY,
}


def status_label(status: str, matter_type: str | None) -> str:
    """The status as people read it on a case of ``matter_type`` (its 事项类型; a 一件事 parent: its members' one
    type, null when they differ or it is not known — the neutral words, never a permit's it may not be)."""
    kind = _BY_KIND.get(status)
    return outcome_words(kind, matter_type) if kind else CaseStatus(status).label


def outcome_label(outcome: str | None, matter_type: str | None) -> str | None:
    """The outcome as people read it (None: not concluded); a code without a label reads as itself."""
    if outcome is None:
        return None
    kind = _BY_KIND.get(outcome)
    return outcome_words(kind, matter_type) if kind else label_of(OUTCOME_LABELS, outcome)


def action_label(action: str, matter_type: str | None) -> str:
    """A timeline action as people read it: the decision's step says what was decided (予以确认, 不予办理 …)."""
    kind = _BY_KIND.get(action) if action in (Action.APPROVE.value, Action.DENY.value) else None
    return outcome_words(kind, matter_type) if kind else label_of(ACTION_LABELS, action)


# One label per capacity: every row records an Actor (cases.domain.access.acting_as); the last three are the
# kinds rows recorded before migration 0016 — rewritten where the capacity was certain, else read as here.
ACTOR_LABELS: dict[str, str] = {
    **{actor.value: actor.label for actor in Actor},
    "person": Actor.APPLICANT.label,
    "enterprise": Actor.APPLICANT.label,
    "staff": "工作人员",
}

KIND_LABELS: dict[str, str] = {"single": "单一事项办件", "bundle": "一件事", "member": "一件事子办件"}

CHANNEL_LABELS: dict[str, str] = {
    "online": "网上申报",
    "window_district": "区级窗口",
    "window_town": "镇街便民服务中心窗口",
    "window_village": "村（社区）便民服务站窗口",
}

LIMIT_UNIT_LABELS: dict[str, str] = {"working_days": "工作日", "natural_days": "自然日"}

DELIVERY_LABELS: dict[str, str] = {"window": "窗口领取", "mail": "邮寄送达", "electronic": "电子送达"}
