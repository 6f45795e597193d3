"""Issue 19 outside try, failure 1 (cases' decisions): a decision rests on the matter's own 设定依据, so the catalog
sends it with the matter's version in ``catalog.matter_published.v1``; the demo's 出生登记, 社会保障卡申领 and
退休提取住房公积金 name their real bases."""

from __future__ import annotations

import copy

import pytest
from sqlalchemy import select

from catalog.demo import MATTERS
from catalog.store.models import OUTBOX
from meshkit.db import Database

from .test_material_holders import BIRTH_REGISTRATION

pytestmark = pytest.mark.api


async def test_the_published_event_carries_the_legal_basis(
    database: Database,
    publish,  # type: ignore[no-untyped-def]
) -> None:
    """issue 19 outside try: failure 1 — the cases service never received a matter's 设定依据."""
    body = copy.deepcopy(BIRTH_REGISTRATION)
    body["legal_basis"] = "《中华人民共和国户口登记条例》第七条"
    await publish(body)
    async with database.sessions() as session:
        [event] = (
            await session.scalars(
                select(OUTBOX.c.envelope).where(OUTBOX.c.subject == "catalog.matter_published.v1")
            )
        ).all()
    assert event["data"]["legal_basis"] == "《中华人民共和国户口登记条例》第七条"
    assert event["data"]["matter_type"] == "07"


def test_the_demo_matters_the_tester_named_cite_their_real_basis() -> None:
    bases = {matter.name: matter.legal_basis for matter in MATTERS}
    assert bases["出生登记"] == "《中华人民共和国户口登记条例》第七条"
    assert bases["社会保障卡申领"] == "《中华人民共和国社会保险法》第五十八条"
    assert bases["退休提取住房公积金"] == "《住房公积金管理条例》第二十四条"
