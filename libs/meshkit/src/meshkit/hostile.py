"""Input no service may take: characters that corrupt stored or displayed text, and numbers no column holds.

- Control characters (C0 U+0000–U+001F, DEL U+007F, C1 U+0080–U+009F): PostgreSQL text cannot hold U+0000 (the
  first statement storing it fails, as a 500, after whatever the request already did); the others break logs,
  exports and the screens clerks read. Tab, line feed and carriage return (and U+2028/U+2029) only where a field
  documents multi-line text (:data:`MultiLineText`, :class:`meshkit.shapes.MultiLine`).
- Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): a name shown reversed is
  a name that lies (issue 18, failure 7).
- Unpaired UTF-16 surrogates (``"\\ud800"`` is valid JSON): no driver can encode them.
- In JSON bodies: ``NaN``, ``Infinity``, ``-Infinity`` and numbers that overflow to infinity (``1e400``), which
  Python's parser accepts and JSONB does not; integers outside signed 64 bits, which no integer column holds.

Each finding is a pydantic-style error (``type``, ``loc``, ``msg`` in Chinese, ``ctx``) so it joins the same 422
``validation_failed`` problem as every other violation. :func:`may_be_hostile` is the cheap test on raw JSON bytes
that decides whether the parsed body needs walking at all (it errs towards yes; the walk is exact).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Annotated, Any

from meshkit.shapes import MultiLine, Shape

__all__ = [
    "INT64_MAX",
    "INT64_MIN",
    "MULTI_LINE",
    "MultiLineText",
    "hostile_in_json",
    "hostile_in_text",
    "may_be_hostile",
    "text_error",
]

MULTI_LINE = MultiLine()
MultiLineText = Annotated[str, MULTI_LINE]
"""A ``str`` whose text may span lines (opinions, descriptions, notes); every other string is single-line."""

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
MAX_FINDINGS = 20

_BIDI = "\u202a-\u202e\u2066-\u2069"
_SINGLE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}\u2028\u2029\ud800-\udfff]")
_MULTI_LINE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_BIDI}\ud800-\udfff]")
_LINE_BREAKS = frozenset("\t\n\r\u2028\u2029")

# Raw JSON that may hold any of the above, tested with plain byte searches (C speed) before any expression runs:
# escapes of control, C1, line-separator, bidi and surrogate code points; DEL, C1, bidi and line separators as
# UTF-8; the literals NaN/Infinity; 19-digit runs (past int64, or a mantissa long enough to overflow) and 3-digit
# exponents, found in the body's "number shape" (digits as 0, e/E as e, signs as s). Raw C0 bytes inside strings
# are malformed JSON anyway.
_ESCAPES = re.compile(rb"\\(?:[bfnrt]|u00[0189]|u007[fF]|u20(?:2[89a-eA-E]|6[6-9])|u[dD][89a-fA-F])")
_C1 = re.compile(rb"\xc2[\x80-\x9f]")
_SEPARATORS = re.compile(rb"\xe2(?:\x80[\xa8-\xae]|\x81[\xa6-\xa9])")
_SPECIAL = (
    b"\\\x7f\xc2\xe2"  # backslash (escapes), DEL, the lead bytes of C1 and of U+2000–U+203F, U+2060–U+207F
)
_SHAPE = bytes(
    ord("0")
    if b in b"0123456789"
    else ord("e")
    if b in b"eE"
    else ord("s")
    if b in b"+-"
    else ord("!")
    if b in _SPECIAL
    else ord("x")
    for b in range(256)
)


def may_be_hostile(raw: bytes) -> bool:
    """Whether ``raw`` (JSON bytes) may carry anything :func:`hostile_in_json` refuses: one translation of the
    bytes into their "shape" (digits as 0, e/E as e, signs as s, the special bytes as !), a few searches."""
    shape = raw.translate(_SHAPE)
    if b"!" in shape and (
        b"\x7f" in raw or _ESCAPES.search(raw) or _C1.search(raw) or _SEPARATORS.search(raw)
    ):
        return True
    if b"NaN" in raw or b"Infinity" in raw:
        return True
    return b"0000000000000000000" in shape or b"0e000" in shape or b"0es000" in shape


def _code(char: str) -> str:
    return f"U+{ord(char):04X}"


def text_error(
    text: str, loc: tuple[str | int, ...], *, multi_line: bool, key: bool = False
) -> dict[str, Any] | None:
    """The error for the first refused character of ``text`` at ``loc`` (a value, or with ``key`` the name of a
    member), None when the text is clean."""
    found = (_MULTI_LINE if multi_line else _SINGLE_LINE).search(text)
    if found is None:
        return None
    char = found.group()
    what = "字段名" if key else "内容"
    code = _code(char)
    if char in _LINE_BREAKS:
        kind, msg = "single_line", f"{what}只能是单行文本，不能含换行或制表符（{code}）"
    elif "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        kind, msg = "bidi_control", f"{what}含有文字方向控制字符 {code}，会使显示的文字与实际不同，请删除"
    elif "\ud800" <= char <= "\udfff":
        kind, msg = "invalid_unicode", f"{what}含有无效的 Unicode 字符（未配对的代理项 {code}），请删除"
    else:
        kind, msg = "control_character", f"{what}含有控制字符 {code}，请删除"
    return {"type": kind, "loc": loc, "msg": msg, "input": None, "ctx": {"character": code}}


def hostile_in_text(
    items: Iterable[tuple[str, str]], location: str, *, multi_line: frozenset[str] = frozenset()
) -> list[dict[str, Any]]:
    """Errors for names and values of path, query or form parameters (``location``: ``path``, ``query``,
    ``body``); values of the names in ``multi_line`` may span lines."""
    errors = []
    for name, value in items:
        error = text_error(name, (location, _printable(name)), multi_line=False, key=True)
        if error is None:
            error = text_error(value, (location, name), multi_line=name in multi_line)
        if error is not None:
            errors.append(error)
    return errors


def _printable(name: str) -> str:
    """A member's name fit to be shown in an error: refused characters spelled as their escapes."""
    return _SINGLE_LINE.sub(lambda m: f"\\u{ord(m.group()):04x}", name)


def _number_error(value: float | int, loc: tuple[str | int, ...]) -> dict[str, Any] | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        if math.isfinite(value):
            return None
        return {
            "type": "finite_number",
            "loc": loc,
            "msg": "必须是有限数字（不接受 NaN、Infinity 或超出范围的数，如 1e400）",
            "input": None,
        }
    if INT64_MIN <= value <= INT64_MAX:
        return None
    return {
        "type": "int_out_of_range",
        "loc": loc,
        "msg": f"整数超出范围，应在 {INT64_MIN} 到 {INT64_MAX} 之间",
        "input": None,
        "ctx": {"ge": INT64_MIN, "le": INT64_MAX},
    }


def hostile_in_json(
    doc: Any, shape: Shape | None, loc: tuple[str | int, ...] = ("body",)
) -> list[dict[str, Any]]:
    """Every refused string, member name and number of a parsed JSON document (at most :data:`MAX_FINDINGS`),
    walked without recursion (a deeply nested body cannot exhaust the stack). ``shape`` is asked only about a
    string that carries a line break: whether its place may span lines."""
    errors: list[dict[str, Any]] = []
    todo: list[tuple[Any, tuple[str | int, ...]]] = [(doc, loc)]
    while todo and len(errors) < MAX_FINDINGS:
        value, here = todo.pop()
        error = None
        if isinstance(value, str):
            if _SINGLE_LINE.search(value) is not None:
                multi_line = shape is not None and shape.multi_line_at(here[len(loc) :])
                error = text_error(value, here, multi_line=multi_line)
        elif isinstance(value, dict):
            for key, item in value.items():
                if _SINGLE_LINE.search(key) is not None:
                    errors.append(_key_error(key, here))
                else:
                    todo.append((item, (*here, key)))
        elif isinstance(value, list):
            todo.extend((item, (*here, i)) for i, item in enumerate(value))
        elif isinstance(value, float | int):
            error = _number_error(value, here)
        if error is not None:
            errors.append(error)
    return errors


def _key_error(key: str, here: tuple[str | int, ...]) -> dict[str, Any]:
    error = text_error(key, (*here, _printable(key)), multi_line=False, key=True)
    assert error is not None
    return error
