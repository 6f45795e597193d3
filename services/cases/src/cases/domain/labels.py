"""What a citizen or clerk reads beside each code of a case: actions of the timeline, the clock's events,
outcomes and who acted (DOMAIN.md: what people read is Chinese), read with :func:`meshkit.labels.label_of` (a
code without a label reads as itself) — the test of this module keeps every known one labelled."""

from __future__ import annotations

from cases.domain.states import Action, Actor, CaseStatus

__all__ = ["ACTION_LABELS", "ACTOR_LABELS", "CLOCK_LABELS", "OUTCOME_LABELS"]

ACTION_LABELS: dict[str, str] = {
    "submit": "提交申请",
    **{action.value: action.label for action in Action},
    "upload_material": "上传材料",
    "paper_material": "收取纸质材料",
    "retry_certificate": "重新签发电子证照",
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
        CaseStatus.REFUSED,
        CaseStatus.WITHDRAWN,
        CaseStatus.TERMINATED,
    )
}

ACTOR_LABELS: dict[str, str] = {
    **{actor.value: actor.label for actor in Actor},
    "person": "申请人",
    "enterprise": "申请企业",
    "staff": "工作人员",
}
