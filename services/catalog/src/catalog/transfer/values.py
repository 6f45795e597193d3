"""Cell values as districts write them: codes by code, label or common name; time limits in words; a list of
materials in one cell. Every refusal says what the cell may hold."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import cn2an  # type: ignore[import-untyped]

from catalog.domain.codes import Dictionary

__all__ = ["IMMEDIATE", "Codes", "Days", "MaterialNote", "material_lines", "material_note", "parse_days"]

D = Dictionary
# common names of codes, beside each code and its dictionary label (compared without spaces, （）as ())
SYNONYMS: dict[str, dict[str, str]] = {
    D.LEVELS: {
        # the national 行使层级 codes: 1 国家级 2 省级 3 市级 4 县级 5 镇（乡、街道）级 6 村（社区）级
        **dict.fromkeys(
            ("区县级", "县区级", "区级", "县级", "区(县)级", "县(市、区)级", "四级", "4"), "district"
        ),
        **dict.fromkeys(
            (
                "乡镇(街道)级",
                "镇(乡、街道)级",
                "乡镇街道级",
                "乡镇级",
                "街道级",
                "镇级",
                "乡级",
                "街镇",
                "五级",
                "5",
            ),
            "town",
        ),
        **dict.fromkeys(("村(社区)级", "村社区", "村级", "社区级", "村居级", "六级", "6"), "village"),
    },
    D.CASE_KINDS: {"即办": "1", "承诺": "2"},
    D.TIME_UNITS: {"个工作日": "working_day", "个自然日": "natural_day", "天": "natural_day"},
    D.REQUIREMENTS: {
        **dict.fromkeys(("必须", "必需", "必交", "必要材料", "是"), "required"),
        **dict.fromkeys(("非必须", "非必需", "可选", "选交", "否"), "optional"),
        **dict.fromkeys(("容缺", "容缺受理"), "deferrable"),
    },
    D.FORMS: {
        **dict.fromkeys(
            ("原件及复印件", "原件、复印件", "原件与复印件", "原件和复印件各"), "original_and_copy"
        ),
        **dict.fromkeys(("电子", "电子版", "电子件", "电子证照"), "electronic"),
        "纸质原件": "original",
    },
    D.SOURCES: {
        **dict.fromkeys(("申请人", "自备", "申请人提供"), "applicant"),
        **dict.fromkeys(("政府部门", "政府部门核发", "部门核发"), "government"),
    },
    D.HOLDERS: {
        **dict.fromkeys(("申请人本人", "申请人的", "本人"), "applicant"),
        **dict.fromkeys(("申请对象", "当事人", "被申请对象"), "subject"),
    },
    D.AUDIENCES: {"个人": "1", "企业": "2", "法人": "2"},
    D.CHANNELS: {
        "窗口": "window",
        "网上": "online",
        "网办": "online",
        "移动端": "mobile",
        "自助": "self_service",
        "邮寄": "post",
        "快递": "post",
    },
}
SHOWN_ALLOWED = 20  # allowed values listed in a refusal; longer lists point at GET /dictionaries/{name}
IMMEDIATE = {"即办", "即办件", "当场办结", "即时办结", "立即办结", "当场办理", "即时办理"}
_DAYS = re.compile(r"(?P<n>\d+|[零〇一二两三四五六七八九十百千]+)(?:个)?(?P<unit>工作日|自然日|日|天)?")
_UNITS = {"工作日": "working_day", "自然日": "natural_day", "天": "natural_day"}
_NUMBERED = re.compile(r"(?:^|\s|(?<=[；;。]))[（(]?\d{1,3}\s*[.、．)）]\s*")


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("（", "(").replace("）", ")").lower()


@lru_cache(maxsize=64)
def _plain_synonyms(dictionary: str) -> dict[str, str]:
    return {_plain(k): v for k, v in SYNONYMS.get(dictionary, {}).items()}


class Codes:
    """Cells to codes for one import: each code list's codes, labels and common names, read once."""

    def __init__(self, dictionaries: Mapping[str, Mapping[str, str]]) -> None:
        self._dictionaries = dictionaries
        self._index: dict[str, dict[str, str]] = {}

    def _lookup(self, dictionary: str) -> dict[str, str]:
        index = self._index.get(dictionary)
        if index is None:
            entries = self._dictionaries.get(dictionary, {})
            index = {k: v for k, v in _plain_synonyms(dictionary).items() if v in entries}
            for code, label in entries.items():
                index[_plain(label)] = code
            for code in entries:
                index[_plain(code)] = code
            self._index[dictionary] = index
        return index

    def code_of(self, value: str, dictionary: str, heading: str) -> str:
        """The code a cell names: the code, its label or a common name; else a refusal listing the choices."""
        wanted = _plain(value)
        index = self._lookup(dictionary)
        found = index.get(wanted) or (
            index.get(wanted.zfill(2)) if wanted.isdigit() else None
        )  # 事项类型 "1"
        if found is not None:
            return found
        entries = self._dictionaries.get(dictionary, {})
        labels = [f"{label}（{code}）" if label != code else code for code, label in entries.items()]
        shown = "、".join(labels[:SHOWN_ALLOWED])
        more = (
            f" 等 {len(labels)} 项，全部见 GET /dictionaries/{dictionary}"
            if len(labels) > SHOWN_ALLOWED
            else ""
        )
        raise ValueError(f"“{value}”不是“{heading}”的可选值；可填：{shown}{more}")


class Days:
    """A time limit read from a cell: a number of days and, when the cell says it, the unit."""

    __slots__ = ("days", "unit")

    def __init__(self, days: int, unit: str | None) -> None:
        self.days, self.unit = days, unit


def parse_days(raw: str, heading: str) -> Days:
    """ "20", "20个工作日", "二十个工作日", "30天", "即办" (= 0). A bare "日" is refused: the law says which (行政许可法
    §82 counts working days, other laws calendar days), the sheet must too."""
    text = re.sub(r"\s+", "", raw)
    if text in IMMEDIATE:
        return Days(0, None)
    refusal = f"“{heading}”应为天数，如“20”“20个工作日”“二十个工作日”或“即办”，实际为“{raw}”"
    match = _DAYS.fullmatch(text)
    if match is None:
        raise ValueError(refusal)
    number = match["n"]
    try:
        days = int(number) if number.isdigit() else int(cn2an.cn2an(number, "normal"))
    except ValueError:  # 十十十: Chinese numerals that are no number
        raise ValueError(refusal) from None
    if days > 99_999:
        raise ValueError(f"“{heading}”天数过大：“{raw}”")
    unit = match["unit"]
    if unit == "日":
        raise ValueError(
            f"“{raw}”未说明是工作日还是自然日：请写“{days}个工作日”或“{days}个自然日”，或填时限单位列"
        )
    return Days(days, _UNITS.get(unit or ""))


_COPY_NOTE = re.compile(
    r"^(?P<form>原件及复印件|原件和复印件|原件与复印件|原件、复印件|复印件|原件|电子版|电子件|扫描件)?\s*"
    r"(?:[，,、]?\s*(?:各|一式)?\s*(?P<count>\d{1,2}|[一二两三四五六七八九十]{1,3})\s*份)?"
    r"(?:[，,；;]\s*(?P<rest>.+))?$"
)
_FORM_OF = {
    "原件及复印件": "original_and_copy",
    "原件和复印件": "original_and_copy",
    "原件与复印件": "original_and_copy",
    "原件、复印件": "original_and_copy",
    "复印件": "copy",
    "原件": "original",
    "电子版": "electronic",
    "电子件": "electronic",
    "扫描件": "electronic",
}
_BRACKETED = re.compile(r"^(?P<name>.+?)\s*[（(](?P<note>[^（()）]*)[)）]$")
_FORM_SUFFIX = re.compile(
    r"^(?P<name>.+?)(?P<note>(?:原件及复印件|原件和复印件|原件与复印件|复印件|原件)"
    r"(?:\s*(?:各|一式)?\s*(?:\d{1,2}|[一二两三四五六七八九十]{1,3})\s*份)?|一式(?:\d{1,2}|[一二两三四五六七八九十]{1,3})份)$"
)


@dataclass(frozen=True)
class MaterialNote:
    """A material as a 申请材料 cell writes it: its name and what the words after it say (形式, 份数, a remark)."""

    name: str
    form: str | None = None
    copies: int | None = None
    notes: str | None = None


def _copy_note(note: str) -> tuple[str | None, int | None, str | None] | None:
    """(form, copies, remark) of "复印件1份", "原件及复印件各1份", "一式两份", "原件，加盖公章"; None when the words
    are none of these (营业执照（副本）: part of the name)."""
    match = _COPY_NOTE.match(note.strip())
    if match is None or not (match["form"] or match["count"]):
        return None
    count = match["count"]
    copies = None if count is None else int(count) if count.isdigit() else int(cn2an.cn2an(count, "normal"))
    return _FORM_OF.get(match["form"] or ""), copies, (match["rest"] or "").strip() or None


def material_note(text: str) -> MaterialNote:
    """The name of a material without the copy/count note districts add to it: "身份证（复印件1份）" → 身份证,
    复印件, 1 份; "户口簿原件1份" → 户口簿, 原件, 1 份; "营业执照（副本）" stays as it is."""
    name = text.strip()
    bracketed = _BRACKETED.match(name)
    if bracketed is not None:
        found = _copy_note(bracketed["note"])
        if found is not None:
            return MaterialNote(bracketed["name"].strip(), *found)
    suffix = _FORM_SUFFIX.match(name)
    if suffix is not None and len(suffix["name"].strip()) >= 2:
        found = _copy_note(
            suffix["note"].replace("一式", "", 1) if suffix["note"].startswith("一式") else suffix["note"]
        )
        if found is not None:
            return MaterialNote(suffix["name"].strip(), *found)
    return MaterialNote(name)


def material_lines(cell: str) -> list[MaterialNote]:
    """The materials of one 申请材料 cell (numbered "1.身份证原件 2.…", or one a line), each without its copy/count
    note (:func:`material_note`)."""
    parts = [p.strip(" ；;。，,") for p in _NUMBERED.split(cell)]
    if len(parts) <= 2:  # not numbered (or one item): one a line
        parts = [p.strip(" ；;。，,") for p in re.split(r"[\n；;]+", cell)]
        parts = [_NUMBERED.sub("", p, count=1).strip() for p in parts]
    return [material_note(p) for p in parts if p]
