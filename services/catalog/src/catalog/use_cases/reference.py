"""Code lists and synonyms: read by anyone, managed by administrators."""

from __future__ import annotations

from collections.abc import Sequence

from catalog.domain.codes import DICTIONARY_INFO, Dictionary
from catalog.domain.permissions import may_administer
from catalog.store.models import DictionaryEntry, Synonym
from catalog.store.unit_of_work import CatalogUnitOfWork
from catalog.transfer import COLUMNS
from catalog.use_cases.errors import Conflict, DictionaryNotFound, deny
from catalog.use_cases.matters import actor_of
from meshkit.auth import Principal
from meshkit.errors import ProblemError

__all__ = ["dictionaries", "put_entry", "put_synonym", "remove_synonym", "synonyms"]


def code_length(dictionary: Dictionary) -> int | None:
    """The longest code of ``dictionary`` every column its codes land in can hold (None: no column bounds it)."""
    lengths = [c.max_length for c in COLUMNS if c.dictionary is dictionary and c.max_length is not None]
    return min(lengths, default=None)


def _known(name: str) -> Dictionary:
    try:
        return Dictionary(name)
    except ValueError:
        raise DictionaryNotFound(f"没有名为 {name} 的字典") from None


async def dictionaries(
    uow: CatalogUnitOfWork, *, name: str | None = None
) -> dict[Dictionary, Sequence[DictionaryEntry]]:
    """Every code list (or one) with its entries in order, inactive ones included and marked."""
    wanted = _known(name) if name is not None else None
    grouped: dict[Dictionary, list[DictionaryEntry]] = {d: [] for d in DICTIONARY_INFO if wanted in (None, d)}
    for entry in await uow.dictionaries.entries(wanted):
        if entry.dictionary in grouped:
            grouped[Dictionary(entry.dictionary)].append(entry)
    return dict(grouped)


async def put_entry(
    uow: CatalogUnitOfWork, principal: Principal, *, name: str, code: str, label: str, active: bool
) -> DictionaryEntry:
    """Add or change one entry of a locally managed code list; national lists are fixed."""
    deny(may_administer(principal))
    dictionary = _known(name)
    title, editable = DICTIONARY_INFO[dictionary]
    if not editable:
        raise Conflict(f"“{title}”是国家标准字典，不能修改", code="dictionary_fixed")
    longest = code_length(dictionary)
    if longest is not None and len(code) > longest:
        message = f"“{title}”的代码最多 {longest} 个字符（事项中保存它的字段只有这么长）"
        raise ProblemError(
            message,
            status=422,
            code="code_too_long",
            errors=[{"field": "code", "message": message, "type": "string_too_long"}],
        )
    entry = await uow.dictionaries.put(dictionary=dictionary, code=code, label=label, active=active)
    await uow.commit()
    return entry


async def synonyms(uow: CatalogUnitOfWork) -> Sequence[Synonym]:
    return await uow.synonyms.all()


async def put_synonym(
    uow: CatalogUnitOfWork, principal: Principal, *, term: str, expansions: list[str]
) -> Synonym:
    """Set what a colloquial term means (开饭店 → 食品经营许可); effective for the next search."""
    deny(may_administer(principal))
    cleaned = list(dict.fromkeys(e.strip() for e in expansions if e.strip()))
    if not cleaned:
        raise ProblemError("至少填写一个同义词", status=422, code="synonym_empty")
    synonym = await uow.synonyms.put(term=term.strip().lower(), expansions=cleaned, actor=actor_of(principal))
    await uow.commit()
    return synonym


async def remove_synonym(uow: CatalogUnitOfWork, principal: Principal, *, term: str) -> None:
    deny(may_administer(principal))
    if not await uow.synonyms.remove(term.strip().lower()):
        raise ProblemError(f"没有同义词 {term}", status=404, code="synonym_not_found")
    await uow.commit()
