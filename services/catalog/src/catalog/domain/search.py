"""Search as the catalog understands it: a text with its synonym expansions, facet filters, and the facets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from catalog.domain import analysis
from catalog.domain.codes import Dictionary
from catalog.domain.matters import MatterSpec

__all__ = [
    "FACETS",
    "FACET_BITS",
    "FIXED_LABELS",
    "Concepts",
    "Documents",
    "SearchFilters",
    "bundle_documents",
    "concepts",
    "facet_bits",
    "matter_documents",
]

# facet -> the dictionary that labels its values (None: labelled by the entries themselves or fixed labels)
FACETS: dict[str, Dictionary | None] = {
    "department": None,
    "level": Dictionary.LEVELS,
    "audience": Dictionary.AUDIENCES,
    "type": Dictionary.MATTER_TYPES,
    "online_depth": Dictionary.ONLINE_DEPTHS,
    "zero_visits": None,
    "bundle": None,
}
FIXED_LABELS = {
    "zero_visits": {"true": "零跑动", "false": "需到现场"},
    "bundle": {"true": "一件事", "false": "单个事项"},
}
MAX_EXPANSIONS = 6
# The facets whose values come from fixed national code lists, one bit each (the department facet is grouped).
FACET_BITS: tuple[tuple[str, str], ...] = (
    *(("level", v) for v in ("district", "town", "village")),
    *(("audience", v) for v in ("1", "2", "3", "4", "5", "6", "9")),
    *(("type", v) for v in ("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "20")),
    *(("online_depth", v) for v in ("1", "2", "3", "4", "5", "6", "7")),
    *(("zero_visits", v) for v in ("true", "false")),
    *(("bundle", v) for v in ("true", "false")),
)


@dataclass(frozen=True)
class SearchFilters:
    """Values within one facet are alternatives (OR); different facets must all hold (AND)."""

    departments: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    online_depths: tuple[str, ...] = ()
    zero_visits: bool | None = None
    bundle: bool | None = None


@dataclass(frozen=True)
class Concepts:
    """What the text means: the user's own words first, then each synonym expansion (as tsquery literals)."""

    raw: str
    own: str | None
    expansions: tuple[str, ...] = field(default=())

    @property
    def all(self) -> tuple[str, ...]:
        return tuple(q for q in (self.own, *self.expansions) if q)

    @property
    def combined(self) -> str | None:
        parts = self.all
        return " | ".join(f"({q})" for q in parts) if parts else None


def concepts(text: str, synonyms: list[list[str]]) -> Concepts:
    """The user's query and the expansions of every synonym term found in it (开饭店 → 食品经营许可, …)."""
    expansions = []
    for group in synonyms:
        for expansion in group:
            built = analysis.query(expansion)
            if built and built not in expansions:
                expansions.append(built)
    raw = analysis.normalize(text).strip()
    return Concepts(raw=raw, own=analysis.query(text), expansions=tuple(expansions[:MAX_EXPANSIONS]))


@dataclass(frozen=True)
class Documents:
    """What search stores for an entry: ``document`` holds every lexeme (matched through the GIN index);
    ``headline`` only the name, keywords and results (weights A and B), small enough to rank every hit fast."""

    document: str
    headline: str


def _documents(fields: list[analysis.Field], codes: Sequence[str]) -> Documents:
    top = [field for field in fields if field.weight in ("A", "B")]
    return Documents(analysis.document(fields, exact=codes), analysis.document(top, exact=codes))


def matter_documents(spec: MatterSpec) -> Documents:
    """Lexemes of a matter: name (A); keywords and result (B); department and materials (C); guide (D)."""
    fields = [analysis.Field(spec.name, "A", pinyin=True, characters=True)]
    fields += [analysis.Field(keyword, "B", pinyin=True) for keyword in spec.keywords]
    fields.append(analysis.Field(spec.result_name, "B", pinyin=True))
    fields.append(analysis.Field(spec.department_name, "C"))
    fields += [analysis.Field(m.name, "C", pinyin=True) for m in spec.materials]
    fields += [analysis.Field(spec.conditions, "D"), analysis.Field(spec.guide, "D")]
    return _documents(fields, [spec.code, spec.basic_code or ""])


def bundle_documents(
    *, code: str, name: str, keywords: Sequence[str], description: str, members: Sequence[MatterSpec]
) -> Documents:
    """Lexemes of a bundle: name (A); keywords, member names and results (B); member materials (C)."""
    fields = [analysis.Field(name, "A", pinyin=True, characters=True)]
    fields += [analysis.Field(keyword, "B", pinyin=True) for keyword in keywords]
    for member in members:
        fields += [
            analysis.Field(member.name, "B", pinyin=True),
            analysis.Field(member.result_name, "B", pinyin=True),
        ]
    fields += [analysis.Field(m.name, "C", pinyin=True) for member in members for m in member.materials]
    fields.append(analysis.Field(description, "D"))
    return _documents(fields, [code])


def facet_bits(
    *,
    matter_type: str | None,
    levels: Sequence[str],
    audiences: Sequence[str],
    online_depths: Sequence[str],
    zero_visits: bool,
    bundle: bool,
) -> int:
    """An entry's values of the fixed-domain facets as one integer (bit ``n`` = ``FACET_BITS[n]``), so the
    search query counts every facet in a single pass over the hits."""
    held = (
        {("level", v) for v in levels} | {("audience", v) for v in audiences} | {("type", matter_type or "")}
    )
    held |= {("online_depth", v) for v in online_depths} | {("zero_visits", str(zero_visits).lower())}
    held.add(("bundle", str(bundle).lower()))
    return sum(1 << n for n, pair in enumerate(FACET_BITS) if pair in held)
