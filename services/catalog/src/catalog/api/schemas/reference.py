"""Bodies of search, dictionaries, synonyms and imports."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "DictionaryEntryIn",
    "DictionaryEntryOut",
    "DictionaryOut",
    "FacetValueOut",
    "ImportReportOut",
    "RowErrorOut",
    "SearchHit",
    "SearchPage",
    "SynonymIn",
    "SynonymOut",
]


class SearchHit(BaseModel):
    kind: str = Field(description="matter 事项 | bundle 一件事")
    code: str
    version: int
    name: str
    department_code: str
    department_name: str
    matter_type: str | None
    levels: list[str]
    zero_visits: bool
    summary: str
    score: float = Field(description="relevance, higher first")


class FacetValueOut(BaseModel):
    value: str
    label: str
    count: int


class SearchPage(BaseModel):
    items: list[SearchHit]
    total: int
    limit: int
    offset: int
    expanded: bool = Field(description="synonyms widened the query (同义词扩展)")
    facets: dict[str, list[FacetValueOut]] = Field(
        description="department, level, audience, type, online_depth, zero_visits, bundle: value counts"
    )


class DictionaryEntryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str
    label: str
    active: bool


class DictionaryOut(BaseModel):
    name: str
    label: str
    editable: bool
    entries: list[DictionaryEntryOut]


class DictionaryEntryIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    label: str = Field(min_length=1, max_length=100, description="Chinese label (名称)")
    active: bool = True


class SynonymIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    expansions: list[Annotated[str, Field(min_length=1, max_length=100)]] = Field(
        min_length=1, max_length=20, description="what the term means in the catalog, e.g. 食品经营许可"
    )


class SynonymOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    term: str
    expansions: list[str]
    updated_by: str
    updated_at: datetime


class RowErrorOut(BaseModel):
    row: int = Field(description="spreadsheet row number (行号), header = 1")
    column: str
    message: str


class ImportReportOut(BaseModel):
    rows: int
    matters: int
    imported: list[str] = Field(description="codes of the matters applied")
    errors: list[RowErrorOut]
    applied: bool
