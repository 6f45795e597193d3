"""``cases.case_concluded.v1`` (our own), approved → the case's e-certificate comes due for the worker's issuing
timer, when the matter has a result certificate and the case is not a bundle's parent (its members issue)."""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict
from sqlalchemy.ext.asyncio import AsyncSession

from cases.store.case_repositories import CaseRepository
from meshkit.events import CloudEvent
from meshkit.inbox import ConsumerSpec

__all__ = ["CASE_CONCLUDED_CONSUMER", "CaseConcludedView", "on_case_concluded"]


class CaseConcludedView(BaseModel):
    model_config = ConfigDict(extra="ignore")

    case_id: str
    status: str


async def on_case_concluded(session: AsyncSession, event: CloudEvent) -> None:
    view = CaseConcludedView.model_validate(event.data)
    if view.status != "approved":
        return
    case = await CaseRepository(session).get(view.case_id, for_update=True)
    if case is None or case.kind == "bundle" or not case.result_certificate_type or case.certificate_id:
        return
    if case.certificate_next_attempt_at is None and case.certificate_attempts == 0:
        case.certificate_next_attempt_at = datetime.now(UTC)


CASE_CONCLUDED_CONSUMER = ConsumerSpec(
    durable="cases-certificates",
    stream="CASES",
    subjects=["cases.case_concluded.v1"],
    handler=on_case_concluded,
)
