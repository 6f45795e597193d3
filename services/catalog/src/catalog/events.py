"""Events the catalog publishes (stream CATALOG, subjects ``catalog.>``)."""

from __future__ import annotations

from meshkit.events import EventPayload, EventSpec

__all__ = ["EVENTS", "MATTER_PUBLISHED", "MatterPublished"]


class MatterPublished(EventPayload):
    matter_id: str
    code: str
    version: int
    name: str
    matter_type: str
    department_code: str
    statutory_days: int
    promised_days: int


MATTER_PUBLISHED = EventSpec(
    service="catalog",
    name="matter_published",
    version=1,
    payload=MatterPublished,
    description="A matter version was published (事项发布) and is now open for applications.",
    example={
        "matter_id": "6f1c8a52-5a0e-4f7e-9a43-4a8f5f0f3c11",
        "code": "11500110MB1C54321X400011711700001",
        "version": 1,
        "name": "食品经营许可",
        "matter_type": "01",
        "department_code": "500110-SCJGJ",
        "statutory_days": 20,
        "promised_days": 10,
    },
)

EVENTS = [MATTER_PUBLISHED]
