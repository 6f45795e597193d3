"""The header of a district's sheet: which row it is on, what its headings mean.

Real 实施清单 exports put one or more title rows above the header, name columns in their own words (办理地点,
监督投诉电话, 承诺办结时限 …) and often merge a group heading over sub-headings across two rows (申请材料 over
名称 / 必要性 / 份数). This module finds the header, reads a two-row header as one, and maps every heading to
our column (its *canonical* heading) or reports it as unknown, naming it — a column is never dropped silently.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["EXTRA", "IGNORED", "Header", "canonical", "heading_unit", "locate_header"]

# our own headings (catalog.transfer.columns.COLUMNS) are recognised as themselves; these are the others
ALIASES: dict[str, str] = {
    "事项编码": "实施编码",
    "实施清单编码": "实施编码",
    "事项实施编码": "实施编码",
    "实施清单名称": "事项名称",
    "事项实施名称": "事项名称",
    "办理项编码": "业务办理项编码",
    "事项类别": "事项类型",
    "权力类型": "事项类型",
    "实施机构编码": "实施主体编码",
    "实施主体代码": "实施主体编码",
    "实施机构": "实施主体",
    "实施主体名称": "实施主体",
    "实施机构名称": "实施主体",
    "统一社会信用代码": "实施主体统一社会信用代码",
    "实施机构统一社会信用代码": "实施主体统一社会信用代码",
    "层级": "行使层级",
    "法律依据": "设定依据",
    "实施依据": "设定依据",
    "申请条件": "受理条件",
    "法定办结时限": "法定时限",
    "法定期限": "法定时限",
    "承诺办结时限": "承诺时限",
    "承诺期限": "承诺时限",
    "到现场次数": "到办事现场次数",
    "跑动次数": "到办事现场次数",
    "必须现场办理原因说明": "到现场理由",
    "到现场原因": "到现场理由",
    "网上办理深度": "网办深度",
    "是否全程网办": "全程网办",
    "是否支持全程网办": "全程网办",
    "办理形式": "办理渠道",
    "审批结果类型": "办理结果类型",
    "结果类型": "办理结果类型",
    "审批结果名称": "办理结果名称",
    "结果名称": "办理结果名称",
    "咨询方式": "咨询电话",
    "监督投诉电话": "投诉电话",
    "监督投诉方式": "投诉电话",
    "投诉方式": "投诉电话",
    "俗称": "关键词",
    "必要性": "材料必要性",
    "纸质材料份数": "纸质份数",
    "份数": "纸质份数",
    "来源渠道": "材料来源",
    "材料来源渠道": "材料来源",
    "材料类型": "材料形式",
}
# headings we understand that are not a column of ours: what the importer does with them (columns.py)
EXTRA = {
    "申请材料": "one cell listing every material (numbered lines) → 材料名称 of each",
    "办理地点": "kept as a line of 办事指南",
    "办理时间": "kept as a line of 办事指南",
    "收费标准": "不收费/免费/无 → 是否收费 否, else 是, and kept as a line of 办事指南",
}
IGNORED = {"序号", "编号", "备注"}  # understood, nothing to keep: the row number is the sheet's own
# a sub-heading under a group heading (two-row header): (group, sub) → heading
GROUPED = {
    ("申请材料", "名称"): "材料名称",
    ("申请材料", "形式"): "材料形式",
    ("申请材料", "来源"): "材料来源",
    ("申请材料", "说明"): "材料说明",
    ("申请材料", "要求"): "材料说明",
    ("办理时限", "法定"): "法定时限",
    ("办理时限", "承诺"): "承诺时限",
    ("办结时限", "法定"): "法定时限",
    ("办结时限", "承诺"): "承诺时限",
}
SCAN_ROWS = 10  # the header is within the sheet's first rows
MIN_KNOWN = 2  # headings we know that make a row the header
_NOISE = re.compile(r"[\s*＊:：]+|[（(](必填|选填|可多选|多选|次|个|项)[）)]")


def _clean(text: str) -> str:
    return _NOISE.sub("", text).replace("（", "(").replace("）", ")")


_ANNOTATION = re.compile(r"\((?:单位[:：]?)?(?P<note>[^()]*)\)$")
# a unit in a heading's brackets: 承诺时限（工作日）, 办理时限（个工作日）, 法定时限（自然日）; "日" alone says neither
UNITS = {"工作日": "working_day", "个工作日": "working_day", "自然日": "natural_day", "天": "natural_day"}


def _bare(text: str) -> tuple[str, str | None]:
    """A cleaned heading without its trailing annotation (a unit, 元, 份 …), and the annotation."""
    match = _ANNOTATION.search(text)
    if match is None or match.start() == 0:
        return text, None
    return text[: match.start()], match["note"]


def _lookup(text: str, known: frozenset[str]) -> str | None:
    if text in known or text in EXTRA or text in IGNORED:
        return text
    return ALIASES.get(text)


def canonical(heading: str, known: frozenset[str]) -> str | None:
    """Our heading for a sheet's heading (``known`` = our headings), None for one we do not know. An
    annotation in brackets after it (承诺时限（工作日）, 纸质份数（份）) is read past."""
    text = _clean(heading)
    return _lookup(text, known) or _lookup(_bare(text)[0], known)


def heading_unit(*headings: str) -> str | None:
    """The time unit the headings' brackets name (承诺时限（工作日）, 办理时限（自然日） over 法定/承诺), if any."""
    for heading in headings:
        note = _bare(_clean(heading))[1]
        if note is not None and note in UNITS:
            return UNITS[note]
    return None


def _grouped(group: str, sub: str, known: frozenset[str]) -> str | None:
    return (
        GROUPED.get((_bare(_clean(group))[0], _bare(_clean(sub))[0]))
        or canonical(sub, known)
        or canonical(group + sub, known)
        or canonical(sub + group, known)
    )


@dataclass(frozen=True)
class Header:
    row: int  # sheet row of the (last) header row, 1-based
    columns: list[str | None]  # our heading of each column, None = unknown or empty
    shown: dict[str, str]  # our heading → the sheet's own words for it
    unknown: list[tuple[int, str]] = field(default_factory=list)  # (column index, the sheet's heading)
    duplicate: list[tuple[int, str]] = field(default_factory=list)
    units: dict[str, str] = field(default_factory=dict)  # our heading → the time unit its heading names


def _known_count(cells: Sequence[str], known: frozenset[str]) -> int:
    return sum(1 for c in cells if c and canonical(c, known) is not None)


def _sub_count(top: Sequence[str], below: Sequence[str], known: frozenset[str]) -> int:
    """How many cells of ``below`` are sub-headings we know, under their group heading in ``top``."""
    count, group = 0, ""
    for j, sub in enumerate(below):
        group = (top[j] if j < len(top) else "") or group
        count += bool(sub) and _grouped(group, sub, known) is not None
    return count


def _is_sub(top: Sequence[str], below: Sequence[str], known: frozenset[str]) -> bool:
    """``below`` holds sub-headings of ``top``: at least two, and half its filled cells known under their group."""
    filled = [c for c in below if c]
    return len(filled) >= 2 and _sub_count(top, below, known) * 2 >= len(filled)


def locate_header(rows: Sequence[Sequence[str]], known: frozenset[str]) -> Header | None:
    """The header among the first rows (title rows above it skipped), two rows read as one when the row
    below it holds sub-headings; None when no row looks like a header."""
    best, best_count = -1, 0
    for index, cells in enumerate(rows[:SCAN_ROWS]):
        count = _known_count(cells, known)
        if count >= MIN_KNOWN and count > best_count:
            best, best_count = index, count
    if best < 0:
        return None
    if (
        best > 0
        and _known_count(rows[best - 1], known) >= MIN_KNOWN
        and _is_sub(rows[best - 1], rows[best], known)
    ):
        best -= 1  # the sub-headings' row knew more headings than the group row above it
    top = list(rows[best])
    below = list(rows[best + 1]) if best + 1 < len(rows) else []
    two_rows = _is_sub(top, below, known)
    width = max(len(top), len(below) if two_rows else 0)
    columns: list[str | None] = []
    shown: dict[str, str] = {}
    unknown: list[tuple[int, str]] = []
    duplicate: list[tuple[int, str]] = []
    units: dict[str, str] = {}
    group = ""
    for j in range(width):
        head = top[j] if j < len(top) else ""
        sub = below[j] if two_rows and j < len(below) else ""
        group = head or (group if sub else "")
        if sub:
            name, words = _grouped(group, sub, known), f"{group}/{sub}" if group and group != sub else sub
        else:
            name, words = (canonical(head, known) if head else None), head
        if words and name is None:
            unknown.append((j, words))
        elif name is not None and name in shown:
            duplicate.append((j, words))
            name = None
        elif name is not None:
            shown[name] = words
            unit = heading_unit(sub, group) if sub else heading_unit(head)
            if unit is not None:
                units[name] = unit
        columns.append(name)
    return Header(best + (2 if two_rows else 1), columns, shown, unknown, duplicate, units)
