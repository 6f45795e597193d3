"""Bodies of search, dictionaries, synonyms and imports."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

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
    row: int = Field(description="the sheet's row number (行号), as the spreadsheet shows it")
    column: str = Field(description="the sheet's own column heading (列名)")
    message: str


class MatterOutcomeOut(BaseModel):
    code: str
    row: int = Field(description="the matter's first row in the sheet")
    outcome: Literal["created", "updated", "published", "unchanged"] = Field(
        description="created: a new draft version (新草稿); updated: its open draft changed (更新草稿); published "
        "(已发布); unchanged: the catalog already says what the row says (未变化: no version, no event)"
    )
    version: int


class RejectedMatterOut(BaseModel):
    code: str = Field(description="实施编码, or 第N行 when the row has none")
    rows: list[int] = Field(description="its rows in the sheet")
    held_back: bool = Field(
        description="true: the matter has no error of its own and was held back because the all-or-nothing "
        "import had errors elsewhere (未导入：同批次有错误); false: its problems are in `errors`"
    )
    reason: str = Field(description="why it was not applied (未导入原因), in Chinese")


class ImportCountsOut(BaseModel):
    created: int
    updated: int
    published: int
    unchanged: int
    rejected: int = Field(description="matters not applied (未导入)")


class ImportReportOut(BaseModel):
    rows: int
    matters: int = Field(description="matters in the sheet")
    imported: list[str] = Field(description="codes of the matters applied (or already as the sheet says)")
    outcomes: list[MatterOutcomeOut] = Field(description="what happened to each matter applied")
    counts: ImportCountsOut
    rejected: list[RejectedMatterOut] = Field(description="matters not applied, with their rows")
    errors: list[RowErrorOut]
    warnings: list[RowErrorOut] = Field(description="columns not imported (unknown or repeated headings)")
    applied: bool
