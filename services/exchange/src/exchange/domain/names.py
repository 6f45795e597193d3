"""Legal names (姓名, 名称) of data subjects, e.g. a certificate holder: what a name may hold, whatever the transport.

A name is shown to clerks, printed on decisions and certificates, and compared with the registers. Characters that
change how text around them is displayed (the bidi overrides, embeddings and isolates U+202A–U+202E and
U+2066–U+2069, and the marks U+200E, U+200F, U+061C) let "张三\u202e..." read as something else; control, format,
private-use, unassigned and line/paragraph separator characters have no place in a name either. A person's name
holds letters (any script), combining marks, the separating dot of minority names (·) and single spaces; no
digits or symbols."""

from __future__ import annotations

import unicodedata

__all__ = ["BIDI_CONTROLS", "legal_name", "name_problem"]

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
_PERSON_PUNCTUATION = frozenset("·•‧.-'")  # 阿卜杜拉·艾买提, Latin transliterations


def name_problem(value: str, *, label: str = "姓名", person: bool = True) -> str | None:
    """Why ``value`` cannot be a legal name (in Chinese, naming the character by code point, never the name),
    or None. ``person`` adds the rules of a person's name (letters, marks, ·, single spaces)."""
    if not value.strip():
        return f"{label}不能为空"
    for char in value:
        if char in BIDI_CONTROLS:
            return f"{label}不能包含文字方向控制字符（U+{ord(char):04X}）"
        if unicodedata.category(char) in _INVISIBLE:
            return f"{label}不能包含控制字符或不可见字符（U+{ord(char):04X}）"
    if person:
        for char in value:
            category = unicodedata.category(char)
            if category[0] in "LM" or char == " " or char in _PERSON_PUNCTUATION:
                continue
            if category == "Nd":
                return f"{label}不能包含数字"
            return f"{label}只能由文字、间隔号（·）和空格组成，不能包含“{char}”"
        if "  " in value:
            return f"{label}不能包含连续空格"
    return None


def legal_name(value: str, *, label: str = "姓名", person: bool = True) -> str:
    """The name in normal form (NFC, without surrounding whitespace); ValueError (Chinese) if it cannot be one."""
    normalized = unicodedata.normalize("NFC", value).strip()
    problem = name_problem(normalized, label=label, person=person)
    if problem is not None:
        raise ValueError(problem)
    return normalized
