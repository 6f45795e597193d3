"""Code lists (字典) and synonyms (同义词): anyone reads them; administrators change them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response, status

from catalog.api.dependencies import AdministratorDep, UowDep
from catalog.api.schemas.reference import (
    DictionaryEntryIn,
    DictionaryEntryOut,
    DictionaryOut,
    SynonymIn,
    SynonymOut,
)
from catalog.domain.codes import DICTIONARY_INFO, Dictionary
from catalog.store.models import DictionaryEntry
from catalog.use_cases import reference
from meshkit.bounds import column_length
from meshkit.errors import problem_responses

__all__ = ["router"]

router = APIRouter()
Name = Annotated[str, Path(max_length=40, description="dictionary name, e.g. matter_types")]
Term = Annotated[str, Path(min_length=1, max_length=50, description="colloquial term (俗称), e.g. 开饭店")]
ADMIN = problem_responses(401, 403, 404, 409, 422)


def _dictionary(name: Dictionary, entries: list[DictionaryEntry]) -> DictionaryOut:
    label, editable = DICTIONARY_INFO[name]
    return DictionaryOut(
        name=name,
        label=label,
        editable=editable,
        entries=[DictionaryEntryOut.model_validate(e) for e in entries],
    )


@router.get("/dictionaries", response_model=list[DictionaryOut], tags=["字典 (dictionaries)"])
async def list_dictionaries(uow: UowDep) -> list[DictionaryOut]:
    """Every code list with its Chinese labels: matter types, audiences, power sources, online depth, units …"""
    return [_dictionary(name, list(entries)) for name, entries in (await reference.dictionaries(uow)).items()]


@router.get(
    "/dictionaries/{name}",
    response_model=DictionaryOut,
    tags=["字典 (dictionaries)"],
    responses=problem_responses(404),
)
async def get_dictionary(uow: UowDep, name: Name) -> DictionaryOut:
    """One code list (字典)."""
    ((found, entries),) = (await reference.dictionaries(uow, name=name)).items()
    return _dictionary(found, list(entries))


@router.put(
    "/dictionaries/{name}/entries/{code}",
    response_model=DictionaryEntryOut,
    responses=ADMIN,
    tags=["字典 (dictionaries)"],
)
async def put_dictionary_entry(
    uow: UowDep,
    principal: AdministratorDep,
    name: Name,
    code: Annotated[str, Path(max_length=column_length(DictionaryEntry.code))],
    body: DictionaryEntryIn,
) -> DictionaryEntryOut:
    """Add, rename or deactivate an entry of a local code list (channels, certificate types, …); national
    lists are fixed (409 `dictionary_fixed`). Administrators (role `admin` or scope `catalog:admin`)."""
    entry = await reference.put_entry(
        uow, principal, name=name, code=code, label=body.label, active=body.active
    )
    return DictionaryEntryOut.model_validate(entry)


@router.get("/synonyms", response_model=list[SynonymOut], tags=["同义词 (synonyms)"])
async def list_synonyms(uow: UowDep) -> list[SynonymOut]:
    """Editor-managed synonyms used by search (同义词)."""
    return [SynonymOut.model_validate(s) for s in await reference.synonyms(uow)]


@router.put("/synonyms/{term}", response_model=SynonymOut, responses=ADMIN, tags=["同义词 (synonyms)"])
async def put_synonym(uow: UowDep, principal: AdministratorDep, term: Term, body: SynonymIn) -> SynonymOut:
    """Set what a colloquial term means (开饭店 → 食品经营许可, 餐饮); administrators."""
    return SynonymOut.model_validate(
        await reference.put_synonym(uow, principal, term=term, expansions=body.expansions)
    )


@router.delete(
    "/synonyms/{term}", status_code=status.HTTP_204_NO_CONTENT, responses=ADMIN, tags=["同义词 (synonyms)"]
)
async def delete_synonym(uow: UowDep, principal: AdministratorDep, term: Term) -> Response:
    """Remove a synonym; administrators."""
    await reference.remove_synonym(uow, principal, term=term)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
