"""Queries of matter versions and their history live here and only here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, fields
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, Table, and_, bindparam, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from catalog.domain.codes import MatterStatus
from catalog.domain.matters import MaterialSpec, MatterSpec
from catalog.domain.workflow import Validity
from catalog.store.models import HistoryEntry, Material, Matter

__all__ = ["HistoryRepository", "MatterRepository", "apply_spec", "to_spec"]

_SPEC_FIELDS = [f.name for f in fields(MatterSpec) if f.name != "materials"]
_MATERIAL_FIELDS = [f.name for f in fields(MaterialSpec)]
_MATTERS: Table = Matter.metadata.tables["matters"]
_PUBLICATION = "catalog.matter_publication"  # the key of the publication lock
_LISTS = {"levels", "audiences", "online_depths", "channels", "special_procedures", "keywords"}


def to_spec(matter: Matter) -> MatterSpec:
    """The editor's view of a stored version (materials must be loaded)."""
    values = {name: getattr(matter, name) for name in _SPEC_FIELDS}
    values["materials"] = [{name: getattr(m, name) for name in _MATERIAL_FIELDS} for m in matter.materials]
    return MatterSpec.from_values(values)


def apply_spec(matter: Matter, spec: MatterSpec) -> None:
    """Write every field of ``spec`` (resolved) onto a row; materials via :meth:`MatterRepository.set_materials`."""
    spec = spec.resolved()
    for name in _SPEC_FIELDS:
        value = getattr(spec, name)
        setattr(matter, name, list(value) if name in _LISTS else value)


def _materials(spec: MatterSpec) -> list[Material]:
    return [
        Material(position=i, **{**asdict(m), "data_items": list(m.data_items)})
        for i, m in enumerate(spec.materials)
    ]


def _in_force(today: date) -> list[ColumnElement[bool]]:
    return [
        Matter.status == MatterStatus.PUBLISHED,
        Matter.valid_from <= today,
        or_(Matter.valid_to.is_(None), Matter.valid_to > today),
    ]


class MatterRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def add(self, matter: Matter, spec: MatterSpec) -> None:
        matter.materials = _materials(spec)
        self._session.add(matter)

    async def set_materials(self, matter: Matter, spec: MatterSpec) -> None:
        """Replace a draft's materials (old rows are deleted first: positions are unique per version)."""
        matter.materials.clear()
        await self._session.flush()
        matter.materials.extend(_materials(spec))

    async def get(self, matter_id: str, *, for_update: bool = False) -> Matter | None:
        query = select(Matter).where(Matter.id == matter_id).options(selectinload(Matter.materials))
        if for_update:
            query = query.with_for_update(of=Matter)
        return (await self._session.scalars(query)).first()

    async def next_version(self, code: str) -> int:
        current = await self._session.scalar(select(func.max(Matter.version)).where(Matter.code == code))
        return int(current or 0) + 1

    async def in_force(self, code: str, *, today: date) -> Matter | None:
        """The published version in force on ``today``."""
        query = (
            select(Matter)
            .where(Matter.code == code, *_in_force(today))
            .options(selectinload(Matter.materials))
        )
        return (await self._session.scalars(query.order_by(Matter.version.desc()).limit(1))).first()

    async def latest_published(self, codes: Sequence[str]) -> list[Matter]:
        """The newest published version of each code (with materials), in no particular order."""
        newest = (
            select(Matter.code, func.max(Matter.version).label("version"))
            .where(Matter.code.in_(codes), Matter.status == MatterStatus.PUBLISHED)
            .group_by(Matter.code)
            .subquery()
        )
        query = (
            select(Matter)
            .join(newest, and_(Matter.code == newest.c.code, Matter.version == newest.c.version))
            .options(selectinload(Matter.materials))
        )
        return list((await self._session.scalars(query)).all())

    async def newest_of(self, codes: Sequence[str], *, today: date | None = None) -> dict[str, Matter]:
        """Per code, its newest version (any status), or with ``today`` its version in force; materials loaded.
        Codes are asked for in chunks (an import asks for thousands)."""
        found: dict[str, Matter] = {}
        for start in range(0, len(codes), 1000):
            chunk = list(codes[start : start + 1000])
            conditions = [Matter.code.in_(chunk), *(_in_force(today) if today is not None else [])]
            newest = (
                select(Matter.code, func.max(Matter.version).label("version"))
                .where(*conditions)
                .group_by(Matter.code)
                .subquery()
            )
            query = (
                select(Matter)
                .join(newest, and_(Matter.code == newest.c.code, Matter.version == newest.c.version))
                .options(selectinload(Matter.materials))
            )
            found.update((m.code, m) for m in (await self._session.scalars(query)).all())
        return found

    async def by_code_version(self, code: str, version: int) -> Matter | None:
        query = (
            select(Matter)
            .where(Matter.code == code, Matter.version == version)
            .options(selectinload(Matter.materials))
        )
        return (await self._session.scalars(query)).first()

    async def versions(self, code: str) -> Sequence[Matter]:
        return (
            await self._session.scalars(select(Matter).where(Matter.code == code).order_by(Matter.version))
        ).all()

    async def departments(self) -> dict[str, str | None]:
        """Every department the catalog's versions name, with its credit code where one was given."""
        rows = await self._session.execute(
            select(Matter.department_code, func.max(Matter.department_credit_code)).group_by(
                Matter.department_code
            )
        )
        return {str(code): credit for code, credit in rows}

    async def lock_publishing(self, *, exclusive: bool) -> None:
        """The publication lock, until the transaction ends: a bulk import takes it exclusively (one lock for
        the whole batch, whatever its size), a single publish or retirement shares it. Taken before any row lock
        of the transaction, so a bulk import and single publishes never wait for each other in a circle."""
        function = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
        await self._session.execute(select(getattr(func, function)(func.hashtextextended(_PUBLICATION, 0))))

    async def validities(self, codes: Sequence[str], *, lock_rows: bool) -> dict[str, list[Validity]]:
        """The validity periods of the published and retired versions of each code (one statement per 1,000
        codes); with ``lock_rows`` every version of the codes is locked too (publishes sharing the publication
        lock then run one at a time per code)."""
        found: dict[str, list[Validity]] = {code: [] for code in codes}
        for start in range(0, len(codes), 1000):
            query = (
                select(Matter.code, Matter.version, Matter.status, Matter.valid_from, Matter.valid_to)
                .where(Matter.code.in_(list(codes[start : start + 1000])))
                .order_by(Matter.code, Matter.version)
            )
            for code, version, status, valid_from, valid_to in await self._session.execute(
                query.with_for_update() if lock_rows else query
            ):
                if status in (MatterStatus.PUBLISHED, MatterStatus.RETIRED) and valid_from is not None:
                    found[code].append(Validity(version, valid_from, valid_to))
        return found

    async def mark_published(self, published: Sequence[tuple[str, date]], *, at: datetime) -> None:
        """Versions (id, first day) become published: one statement for all."""
        if published:
            await self._session.execute(
                update(_MATTERS)
                .where(_MATTERS.c.id == bindparam("b_id"))
                .values(status=MatterStatus.PUBLISHED, valid_from=bindparam("b_from"), published_at=at),
                [{"b_id": matter_id, "b_from": valid_from} for matter_id, valid_from in published],
            )

    async def close_validities(self, closes: Sequence[tuple[str, int, date]]) -> None:
        """Superseded versions (code, version, last day + 1) closed: one statement for all."""
        if closes:
            await self._session.execute(
                update(_MATTERS)
                .where(_MATTERS.c.code == bindparam("b_code"), _MATTERS.c.version == bindparam("b_version"))
                .values(valid_to=bindparam("b_to")),
                [{"b_code": c, "b_version": v, "b_to": to} for c, v, to in closes],
            )

    def _listing(self, *, today: date, text: str | None, department: str | None) -> Select[Any]:
        query = select(Matter).where(*_in_force(today))
        if text:
            query = query.where(Matter.name.contains(text, autoescape=True))
        if department:
            query = query.where(Matter.department_code == department)
        return query

    async def list_in_force(
        self, *, today: date, text: str | None, department: str | None, limit: int, offset: int
    ) -> tuple[Sequence[Matter], int]:
        query = self._listing(today=today, text=text, department=department)
        total = await self._session.scalar(select(func.count()).select_from(query.subquery()))
        rows = await self._session.scalars(
            query.options(selectinload(Matter.materials)).order_by(Matter.code).limit(limit).offset(offset)
        )
        return rows.all(), int(total or 0)

    async def all_in_force(self, *, today: date, department: str | None) -> Sequence[Matter]:
        query = self._listing(today=today, text=None, department=department)
        return (
            await self._session.scalars(query.options(selectinload(Matter.materials)).order_by(Matter.code))
        ).all()


class HistoryRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    def record(
        self,
        *,
        kind: str,
        code: str,
        record_id: str,
        version: int,
        action: str,
        status: str,
        actor: str,
        note: str = "",
    ) -> None:
        entry = HistoryEntry(
            kind=kind,
            code=code,
            record_id=record_id,
            version=version,
            action=action,
            status=status,
            actor=actor,
            note=note,
        )
        self._session.add(entry)

    async def of(self, kind: str, code: str) -> Sequence[HistoryEntry]:
        query = select(HistoryEntry).where(HistoryEntry.kind == kind, HistoryEntry.code == code)
        return (await self._session.scalars(query.order_by(HistoryEntry.at, HistoryEntry.id))).all()
