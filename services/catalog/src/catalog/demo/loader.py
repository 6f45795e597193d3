"""Load the demo catalog through the real use cases; running it again changes nothing (``python -m catalog.demo``).

A matter whose version in force differs from the demo data gets a new version, so an older catalog converges.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from catalog.demo.bundles import BUNDLES, SYNONYMS
from catalog.demo.people import MATTERS as PEOPLE
from catalog.demo.places import MATTERS as PLACES
from catalog.domain.matters import MatterSpec
from catalog.store.repositories import to_spec
from catalog.store.unit_of_work import CatalogUnitOfWork
from catalog.use_cases import bundles, reference
from catalog.use_cases.indexing import reindex
from catalog.use_cases.matters import stage_draft
from catalog.use_cases.workflow import stage_publish, stage_submit
from meshkit.auth import Principal
from meshkit.db import Database
from meshkit.legaldate import today

__all__ = ["MATTERS", "SYSTEM", "Loaded", "load"]

MATTERS: list[MatterSpec] = [*PEOPLE, *PLACES]
SYSTEM = Principal(
    sub="catalog-demo",
    client_id="catalog-demo",
    kind="system",
    scopes=frozenset({"catalog:write", "catalog:publish", "catalog:admin"}),
)


@dataclass(frozen=True)
class Loaded:
    matters: int
    bundles: int
    synonyms: int
    indexed: int


def _same(a: MatterSpec, b: MatterSpec) -> bool:
    return replace(a.resolved(), valid_from=None, valid_to=None) == replace(
        b.resolved(), valid_from=None, valid_to=None
    )


async def _matters(database: Database) -> int:
    published = 0
    async with CatalogUnitOfWork(database) as uow:
        for spec in MATTERS:
            current = await uow.matters.in_force(spec.code, today=today())
            if current is not None and _same(to_spec(current), spec):
                continue
            matter = await stage_draft(uow, SYSTEM, spec=spec, note="演示数据")
            await uow.flush()
            stage_submit(uow, SYSTEM, matter)
            await stage_publish(uow, SYSTEM, matter, on=None)
            published += 1
        await uow.commit()
    return published


async def _bundles(database: Database) -> int:
    published = 0
    for draft in BUNDLES:
        async with CatalogUnitOfWork(database) as uow:
            current = await uow.bundles.latest(draft.code)
            if current is not None and (
                current.name,
                tuple(m.matter_code for m in current.members),
                bundles.substitutes_of(current),
            ) == (draft.name, draft.member_codes, draft.substitutes):
                continue  # (a changed stand-in publishes a new version: a running demo gains it on restart)
            bundle = await bundles.create_bundle(uow, SYSTEM, draft=draft)
            await bundles.submit_bundle(uow, SYSTEM, bundle_id=bundle.id)
            await bundles.publish_bundle(uow, SYSTEM, bundle_id=bundle.id)
            published += 1
    return published


async def load(database: Database) -> Loaded:
    """Publish what is missing or changed; returns what was written."""
    matters = await _matters(database)
    bundle_count = await _bundles(database)
    changed = 0
    async with CatalogUnitOfWork(database) as uow:
        existing = {s.term: list(s.expansions) for s in await reference.synonyms(uow)}
    for term, expansions in SYNONYMS.items():
        if existing.get(term) != expansions:
            async with CatalogUnitOfWork(database) as uow:
                await reference.put_synonym(uow, SYSTEM, term=term, expansions=expansions)
            changed += 1
    async with CatalogUnitOfWork(database) as uow:
        indexed = await reindex(uow)
    return Loaded(matters=matters, bundles=bundle_count, synonyms=changed, indexed=indexed)
