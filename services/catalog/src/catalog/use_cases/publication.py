"""Publishing matter versions (发布): the one way, for one version (the API, the demo) or thousands (an import).

A version in review is published when every quality rule holds and its validity overlaps no other published or
retired version of its code; the open-ended version it supersedes is closed on its first day. What that writes —
statuses, closed validities, history, search entries, ``catalog.matter_published.v1`` events — goes out in
multi-row statements, whatever the number of versions: an import of 3,000 matters is a few dozen statements, not
a dozen per matter. Publishes are serialized by the publication lock (``MatterRepository.lock_publishing``):
shared by single publishes (which also lock their code's rows), exclusive for a bulk import.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime

from sqlalchemy.orm.attributes import set_committed_value

from catalog.domain.codes import MatterStatus
from catalog.domain.matters import MatterSpec
from catalog.domain.permissions import may_review
from catalog.domain.quality import Dictionaries, Violation, quality_violations
from catalog.domain.workflow import Validity, plan_validity
from catalog.events import MATTER_PUBLISHED, MaterialInfo, MatterPublished
from catalog.store.models import Matter
from catalog.store.repositories import to_spec
from catalog.store.unit_of_work import CatalogUnitOfWork
from catalog.use_cases.errors import deny
from catalog.use_cases.indexing import index_matters
from catalog.use_cases.matters import actor_of, ensure_transition
from meshkit.auth import Principal
from meshkit.legaldate import today

__all__ = ["Checked", "check_publication", "publish_versions", "published_payload"]

Checked = tuple[date, tuple[int, date] | None, list[Violation]]
"""What publishing a version would do: its first day, the (version, valid_to) it closes, or the rules it breaks."""


def check_publication(
    spec: MatterSpec, version: int, others: Sequence[Validity], dictionaries: Dictionaries, day: date
) -> Checked:
    """Every rule a publication checks, without writing: quality rules and validity against ``others`` (the
    code's published and retired versions). Pure."""
    spec = replace(spec, valid_from=spec.valid_from or day)
    assert spec.valid_from is not None
    plan = plan_validity(Validity(version, spec.valid_from, spec.valid_to), others)
    return spec.valid_from, plan.close, quality_violations(spec, dictionaries) + list(plan.violations)


def published_payload(matter: Matter) -> MatterPublished:
    return MatterPublished(
        matter_id=matter.id,
        code=matter.code,
        version=matter.version,
        name=matter.name,
        matter_type=matter.matter_type,
        department_code=matter.department_code,
        statutory_days=matter.statutory_days,
        promised_days=matter.promised_days,
        department_name=matter.department_name,
        levels=list(matter.levels),
        audiences=list(matter.audiences),
        statutory_unit=matter.statutory_unit,
        promised_unit=matter.promised_unit,
        case_kind=matter.case_kind,
        visits=matter.visits,
        online_depths=list(matter.online_depths),
        full_online=matter.full_online,
        min_real_name_level=matter.min_real_name_level,
        result_certificate_type=matter.result_certificate_type,
        special_procedures=list(matter.special_procedures),
        valid_from=matter.valid_from,
        valid_to=matter.valid_to,
        legal_basis=matter.legal_basis,
        materials=[
            MaterialInfo(
                name=m.name,
                requirement=m.requirement,
                form=m.form,
                paper_copies=m.paper_copies,
                source=m.source,
                certificate_type=m.certificate_type,
                resource_code=m.resource_code,
                data_items=list(m.data_items),
                belongs_to=m.belongs_to,
            )
            for m in matter.materials
        ],
    )


async def publish_versions(
    uow: CatalogUnitOfWork,
    principal: Principal,
    matters: Sequence[Matter],
    *,
    on: date | None,
    validities: Mapping[str, Sequence[Validity]] | None = None,
) -> dict[str, list[Violation]]:
    """Publish versions in review (materials loaded, one per code), without the commit. Returns the rules each
    refused version breaks, by code; nothing is written for those. ``validities``: the codes' published and
    retired periods when the caller read them under the exclusive publication lock; else they are read here with
    the codes' rows locked (the caller holds the shared lock)."""
    deny(may_review(principal))
    for matter in matters:
        ensure_transition(matter, "publish")
    await uow.flush()  # the versions' own pending changes (a draft, its submission) go first
    if validities is None:
        validities = await uow.matters.validities([m.code for m in matters], lock_rows=True)
    dictionaries, day = await uow.dictionaries.active(), on or today()
    refused: dict[str, list[Violation]] = {}
    accepted: list[tuple[Matter, date, tuple[int, date] | None]] = []
    for matter in matters:
        first, close, violations = check_publication(
            to_spec(matter), matter.version, validities.get(matter.code, ()), dictionaries, day
        )
        if violations:
            refused[matter.code] = violations
        else:
            accepted.append((matter, first, close))
    if not accepted:
        return refused
    at = datetime.now(UTC)
    await uow.matters.close_validities([(m.code, *close) for m, _, close in accepted if close is not None])
    await uow.matters.mark_published([(m.id, first) for m, first, _ in accepted], at=at)
    for matter, first, close in accepted:
        # the rows were written above: the loaded objects learn it without being marked changed
        set_committed_value(matter, "status", MatterStatus.PUBLISHED)
        set_committed_value(matter, "valid_from", first)
        set_committed_value(matter, "published_at", at)
        if close is not None:
            version, valid_to = close
            uow.history.record(
                kind="matter",
                code=matter.code,
                record_id=matter.id,
                version=version,
                action="superseded",
                status=MatterStatus.PUBLISHED,
                actor=actor_of(principal),
                note=f"由第 {matter.version} 版取代，有效期至 {valid_to.isoformat()}",
            )
        uow.history.record(
            kind="matter",
            code=matter.code,
            record_id=matter.id,
            version=matter.version,
            action="published",
            status=MatterStatus.PUBLISHED,
            actor=actor_of(principal),
        )
    published = [m for m, _, _ in accepted]
    await index_matters(uow, published)
    await uow.publish_many(MATTER_PUBLISHED, [(m.code, m.version, published_payload(m)) for m in published])
    return refused
