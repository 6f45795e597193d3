"""Keeping search entries in step with what is published: one entry per matter code and per bundle code."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from catalog.domain.bundles import merge_materials
from catalog.domain.matters import MatterSpec
from catalog.domain.search import bundle_documents, facet_bits, matter_documents
from catalog.store.models import Bundle, Matter
from catalog.store.repositories import to_spec
from catalog.store.unit_of_work import CatalogUnitOfWork
from meshkit.legaldate import today

__all__ = ["index_bundle", "index_matter", "index_matters", "matter_entry", "reindex"]


def matter_entry(matter: Matter) -> dict[str, Any]:
    """The search entry of a published version (materials loaded)."""
    documents = matter_documents(to_spec(matter))
    return {
        "kind": "matter",
        "code": matter.code,
        "record_id": matter.id,
        "version": matter.version,
        "name": matter.name,
        "department_code": matter.department_code,
        "department_name": matter.department_name or matter.department_code,
        "matter_type": matter.matter_type,
        "levels": list(matter.levels),
        "audiences": list(matter.audiences),
        "online_depths": list(matter.online_depths),
        "zero_visits": matter.visits == 0,
        "summary": matter.result_name,
        "document": documents.document,
        "headline": documents.headline,
        "facet_bits": facet_bits(
            matter_type=matter.matter_type,
            levels=matter.levels,
            audiences=matter.audiences,
            online_depths=matter.online_depths,
            zero_visits=matter.visits == 0,
            bundle=False,
        ),
    }


async def index_matter(uow: CatalogUnitOfWork, matter: Matter) -> None:
    await uow.search.upsert(matter_entry(matter))


async def index_matters(uow: CatalogUnitOfWork, matters: Sequence[Matter]) -> None:
    """The entries of many published versions (of distinct codes), in multi-row statements."""
    await uow.search.upsert_many([matter_entry(m) for m in matters])


async def index_bundle(uow: CatalogUnitOfWork, bundle: Bundle, members: Sequence[MatterSpec]) -> None:
    """A bundle is found like a matter: levels and audiences of any member, depths and 0-visit of all."""
    depths = sorted(set.intersection(*(set(m.online_depths) for m in members)) if members else set())
    asked = sum(1 for merged in merge_materials(members) if merged.asked)
    levels = sorted({level for m in members for level in m.levels})
    audiences = sorted({a for m in members for a in m.audiences})
    zero_visits = all(m.visits == 0 for m in members)
    department_name = bundle.lead_department_name or bundle.lead_department_code
    documents = bundle_documents(
        code=bundle.code,
        name=bundle.name,
        keywords=bundle.keywords,
        description=bundle.description,
        members=members,
    )
    await uow.search.upsert(
        {
            "kind": "bundle",
            "code": bundle.code,
            "record_id": bundle.id,
            "version": bundle.version,
            "name": bundle.name,
            "department_code": bundle.lead_department_code,
            "department_name": department_name,
            "matter_type": None,
            "levels": levels,
            "audiences": audiences,
            "online_depths": depths,
            "zero_visits": zero_visits,
            "summary": f"{len(members)} 个事项一次办，提交 {asked} 份材料",
            "document": documents.document,
            "headline": documents.headline,
            "facet_bits": facet_bits(
                matter_type=None,
                levels=levels,
                audiences=audiences,
                online_depths=depths,
                zero_visits=zero_visits,
                bundle=True,
            ),
        }
    )


async def reindex(uow: CatalogUnitOfWork) -> int:
    """Rebuild every entry from the published matters and bundles (after an upgrade); returns the count."""
    count = 0
    for matter in await uow.matters.all_in_force(today=today(), department=None):
        await index_matter(uow, matter)
        count += 1
    for bundle in await uow.bundles.published():
        members = await uow.matters.latest_published([m.matter_code for m in bundle.members])
        await index_bundle(uow, bundle, [to_spec(m) for m in members])
        count += 1
    await uow.commit()
    return count
