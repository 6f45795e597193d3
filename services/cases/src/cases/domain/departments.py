"""The issuing authority's full name (发证/决定机关全称), as it stands on a decision and under its seal. Pure.

The mesh names departments by short forms (区市场监管局, in the catalog's and identity's records) and codes
(``500110-SCJGJ``); a written decision carries the authority's full legal name (重庆市綦江区市场监督管理局,
issue 19 outside try, failure 2). One way for every document: :func:`authority_name`, read from the full names
below with :func:`meshkit.labels.label_of` (by the code's department part), then a short name the service knows
widened with the district's name, then the code itself — never blank.
"""

from __future__ import annotations

from meshkit.labels import label_of

__all__ = ["DISTRICT", "FULL_NAMES", "authority_name"]

DISTRICT = "重庆市綦江区"

# The departments of Qijiang district by the part of their organization code after the region (500110-<part>).
FULL_NAMES: dict[str, str] = {
    "FGW": "重庆市綦江区发展和改革委员会",
    "JXW": "重庆市綦江区经济和信息化委员会",
    "JW": "重庆市綦江区教育委员会",
    "MZJ": "重庆市綦江区民政局",
    "SFJ": "重庆市綦江区司法局",
    "CZJ": "重庆市綦江区财政局",
    "RSJ": "重庆市綦江区人力资源和社会保障局",
    "GHZYJ": "重庆市綦江区规划和自然资源局",
    "STHJJ": "重庆市綦江区生态环境局",
    "ZJW": "重庆市綦江区住房和城乡建设委员会",
    "CGJ": "重庆市綦江区城市管理局",
    "JTJ": "重庆市綦江区交通局",
    "NYNCW": "重庆市綦江区农业农村委员会",
    "SWW": "重庆市綦江区商务委员会",
    "WHLYW": "重庆市綦江区文化和旅游发展委员会",
    "WSJKW": "重庆市綦江区卫生健康委员会",
    "TYJRJ": "重庆市綦江区退役军人事务局",
    "YJJ": "重庆市綦江区应急管理局",
    "SCJGJ": "重庆市綦江区市场监督管理局",
    "YBJ": "重庆市綦江区医疗保障局",
    "LYJ": "重庆市綦江区林业局",
    "GAJ": "重庆市公安局綦江区分局",
    "SWJ": "国家税务总局重庆市綦江区税务局",
    "GJJ": "重庆市住房公积金管理中心綦江区分中心",
    "ZWFWZX": "重庆市綦江区政务服务中心",
}


def authority_name(code: str, short_name: str | None = None) -> str:
    """The full name of the department ``code`` (``500110-SCJGJ``); for a department not listed, its short
    name with the district's name in front (区X → 重庆市綦江区X), else the short name, else the code."""
    part = code.split("-", 1)[1] if "-" in code else code
    full = label_of(FULL_NAMES, part)
    if full != part:
        return full
    short = (short_name or "").strip()
    if short.startswith("区"):
        return DISTRICT + short[1:]
    return short or code
