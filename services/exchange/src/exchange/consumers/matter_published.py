"""``catalog.matter_published.v1`` → which shared resources and e-certificate types the matter's materials use.

The exchange's own narrow view: the matter's code, version, name, department and result certificate type, and
per material only the paper-free ways (``certificate_type``, ``resource_code``, ``data_items``). A certificate type
the exchange's directory lacks is logged as a warning (``GET /certificate-types/missing`` lists them all).
"""

from __future__ import annotations

import logging

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.ext.asyncio import AsyncSession

from exchange.store.certificates import CertificateTypeRepository
from exchange.store.dependencies import MatterDependencyRepository
from meshkit.events import CloudEvent
from meshkit.inbox import ConsumerSpec

__all__ = ["MATTER_PUBLISHED_CONSUMER", "MatterMaterialView", "MatterPublishedView", "on_matter_published"]

log = logging.getLogger("exchange.catalog")


class MatterMaterialView(BaseModel):
    model_config = ConfigDict(extra="ignore")

    name: str
    certificate_type: str | None = None
    resource_code: str | None = None
    data_items: list[str] = Field(default_factory=list)


class MatterPublishedView(BaseModel):
    model_config = ConfigDict(extra="ignore")

    code: str
    version: int
    name: str
    department_code: str
    result_certificate_type: str | None = None
    materials: list[MatterMaterialView] = Field(default_factory=list)


async def on_matter_published(session: AsyncSession, event: CloudEvent) -> None:
    view = MatterPublishedView.model_validate(event.data)
    dependencies = [
        {
            "material_name": m.name,
            "resource_code": m.resource_code,
            "certificate_type": m.certificate_type,
            "data_items": m.data_items,
        }
        for m in view.materials
        if m.resource_code or m.certificate_type
    ]
    recorded = await MatterDependencyRepository(session).published(
        code=view.code,
        version=view.version,
        name=view.name,
        department_code=view.department_code,
        result_certificate_type=view.result_certificate_type,
        dependencies=dependencies,
    )
    named = {t for t in (view.result_certificate_type, *(m.certificate_type for m in view.materials)) if t}
    if recorded and named:
        directory = await CertificateTypeRepository(session).directory()
        for missing in sorted(t for t in named if directory.accept(t) is None):
            log.warning(
                "matter names a certificate type the directory lacks",
                extra={"matter_code": view.code, "certificate_type": missing},
            )


MATTER_PUBLISHED_CONSUMER = ConsumerSpec(
    durable="exchange-matter-published",
    stream="CATALOG",
    subjects=["catalog.matter_published.v1"],
    handler=on_matter_published,
)
