"""``catalog.bundle_retired.v1`` → the bundle is no longer open for application."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict
from sqlalchemy.ext.asyncio import AsyncSession

from cases.store.repositories import OpenBundleRepository
from meshkit.events import CloudEvent
from meshkit.inbox import ConsumerSpec

__all__ = ["BUNDLE_RETIRED_CONSUMER", "BundleRetiredView", "on_bundle_retired"]


class BundleRetiredView(BaseModel):
    model_config = ConfigDict(extra="ignore")

    code: str
    version: int


async def on_bundle_retired(session: AsyncSession, event: CloudEvent) -> None:
    view = BundleRetiredView.model_validate(event.data)
    await OpenBundleRepository(session).remove_retired(view.code, view.version)


BUNDLE_RETIRED_CONSUMER = ConsumerSpec(
    durable="cases-bundle-retired",
    stream="CATALOG",
    subjects=["catalog.bundle_retired.v1"],
    handler=on_bundle_retired,
)
