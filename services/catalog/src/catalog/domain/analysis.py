"""Chinese text analysis for search, the same on both sides: documents become tsvector literals, queries
become tsquery literals, so PostgreSQL only stores, indexes (GIN) and ranks.

Lexemes of a text: jieba words (search mode), character bigrams (so any two-character part of a word
matches), full pinyin and pinyin initials of each word (营业执照 → ``yingyezhizhao``, ``yyzz``), and Latin or
digit runs as they are. Names also keep single characters. Nothing is stemmed or dropped, as with
PostgreSQL's ``simple`` configuration; building the lexemes here keeps the database's locale out of it.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
import unicodedata
import warnings
from collections.abc import Iterable
from dataclasses import dataclass

from pypinyin import Style, lazy_pinyin

with warnings.catch_warnings():  # jieba 0.42's regexes warn (invalid escapes) when first compiled
    warnings.simplefilter("ignore", DeprecationWarning)
    warnings.simplefilter("ignore", SyntaxWarning)
    import jieba  # type: ignore[import-untyped]

__all__ = ["Field", "document", "normalize", "query", "tokenizer", "words"]

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUNS = re.compile(rf"[{_HAN}]+|[a-z0-9]+")
_HAN_RUN = re.compile(rf"[{_HAN}]+")
MAX_POSITION = 16383
POSITIONS_PER_LEXEME = 1  # the first, heaviest occurrence: enough for weights, keeps entries small
MAX_QUERY_TERMS = 32

# Words of government service that jieba's general dictionary splits or misses.
DOMAIN_WORDS = (
    "营业执照",
    "一件事",
    "个体工商户",
    "食品经营",
    "经营许可",
    "餐饮店",
    "开饭店",
    "办事指南",
    "社保卡",
    "低保",
    "户口迁移",
    "不动产",
    "公积金",
    "残疾人证",
    "出生医学证明",
    "结婚登记",
    "退役军人",
    "容缺",
)

_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None


def tokenizer() -> jieba.Tokenizer:
    """The process-wide jieba tokenizer: its dictionary loads once (about half a second), then stays."""
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            jieba.setLogLevel(logging.WARNING)
            instance = jieba.Tokenizer()
            instance.initialize()
            for word in DOMAIN_WORDS:
                instance.add_word(word, freq=100_000)
            _tokenizer = instance
        return _tokenizer


def normalize(text: str) -> str:
    """Full-width to half-width, lower case."""
    return unicodedata.normalize("NFKC", text).lower()


def words(run: str) -> list[str]:
    """jieba search-mode words of a run of Han characters (the word and its dictionary sub-words)."""
    return list(_words(run))


@functools.lru_cache(maxsize=65_536)
def _words(run: str) -> tuple[str, ...]:
    # runs repeat across a catalog (material and department names, the phrases of guides and conditions): an
    # import of thousands of matters segments each distinct run once
    return tuple(w for w in tokenizer().lcut_for_search(run, HMM=False) if len(w) >= 2)


@functools.lru_cache(maxsize=65_536)
def _pinyin(word: str) -> tuple[str, str]:
    syllables = lazy_pinyin(word, errors="ignore")
    initials = lazy_pinyin(word, style=Style.FIRST_LETTER, errors="ignore")
    return "".join(syllables), "".join(initials)


@dataclass(frozen=True)
class Field:
    """A piece of text with its weight (A most important … D least) and what to derive from it."""

    text: str
    weight: str
    pinyin: bool = False
    characters: bool = False  # single characters too (names)


def _lexemes(field: Field) -> Iterable[str]:
    for run in _RUNS.findall(normalize(field.text)):
        if not _HAN_RUN.fullmatch(run):
            yield run
            continue
        if len(run) == 1 or field.characters:
            yield from run
        found = words(run)
        yield from found
        yield from (run[i : i + 2] for i in range(len(run) - 1))
        if field.pinyin:
            for word in dict.fromkeys([*found, run] if len(run) <= 12 else found):
                yield from _pinyin(word)


def _quote(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def document(fields: Iterable[Field], exact: Iterable[str] = ()) -> str:
    """A tsvector literal (``'营业':1A,7C 'yyzz':2A …``); ``exact`` lexemes (codes) get weight A."""
    positions: dict[str, list[str]] = {}
    position = 0

    def add(lexeme: str, weight: str) -> None:
        nonlocal position
        position = min(position + 1, MAX_POSITION)
        slots = positions.setdefault(lexeme, [])
        if len(slots) < POSITIONS_PER_LEXEME:
            slots.append(f"{position}{weight}")

    for code in exact:
        if code:
            add(normalize(code), "A")
    for field in fields:
        for lexeme in _lexemes(field):
            if lexeme:
                add(lexeme, field.weight)
    return " ".join(f"{_quote(lexeme)}:{','.join(slots)}" for lexeme, slots in positions.items())


def query(text: str) -> str | None:
    """A tsquery literal that all parts of ``text`` must match; None when nothing in it is searchable.

    Han runs match through their bigrams (so partial words match), a single character as a prefix, and Latin
    or digit runs (pinyin, initials, codes) as prefixes.
    """
    terms: list[str] = []
    for run in _RUNS.findall(normalize(text)):
        if _HAN_RUN.fullmatch(run) and len(run) >= 2:
            terms += [_quote(run[i : i + 2]) for i in range(len(run) - 1)]
        else:
            terms.append(f"{_quote(run)}:*")
    terms = list(dict.fromkeys(terms))[:MAX_QUERY_TERMS]
    return " & ".join(terms) if terms else None
