"""Code lists (字典) of the catalog: national ones fixed by the standards, local ones managed by administrators.

The database holds the lists (seeded by migration 0002) so labels can be served and local lists edited; the
codes below are the ones the rules rely on.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "DICTIONARY_INFO",
    "FULL_ONLINE_DEPTHS",
    "CaseKind",
    "Dictionary",
    "Holder",
    "Level",
    "MatterStatus",
    "Requirement",
    "TimeUnit",
]


class Dictionary(StrEnum):
    """Names of the code lists."""

    MATTER_TYPES = "matter_types"  # 事项类型
    POWER_SOURCES = "power_sources"  # 权力来源
    LEVELS = "levels"  # 行使层级
    AUDIENCES = "audiences"  # 服务对象
    TIME_UNITS = "time_units"  # 时限单位
    CASE_KINDS = "case_kinds"  # 办件类型
    ONLINE_DEPTHS = "online_depths"  # 网办深度
    CHANNELS = "channels"  # 办理渠道
    RESULT_TYPES = "result_types"  # 办理结果类型
    REAL_NAME_LEVELS = "real_name_levels"  # 实名等级
    CROSS_AREAS = "cross_areas"  # 通办范围
    SPECIAL_PROCEDURES = "special_procedures"  # 特别程序
    REQUIREMENTS = "material_requirements"  # 材料必要性
    FORMS = "material_forms"  # 材料形式
    SOURCES = "material_sources"  # 材料来源
    CERTIFICATE_TYPES = "certificate_types"  # 电子证照类型
    HOLDERS = "material_holders"  # 材料所属


class MatterStatus(StrEnum):
    DRAFT = "draft"  # 草稿
    IN_REVIEW = "in_review"  # 审核中
    PUBLISHED = "published"  # 已发布
    RETIRED = "retired"  # 已废止


class CaseKind(StrEnum):
    IMMEDIATE = "1"  # 即办件
    PROMISED = "2"  # 承诺件


class TimeUnit(StrEnum):
    WORKING_DAY = "working_day"  # 工作日
    NATURAL_DAY = "natural_day"  # 自然日


class Level(StrEnum):
    DISTRICT = "district"  # 区级
    TOWN = "town"  # 街镇级
    VILLAGE = "village"  # 村社区级


class Holder(StrEnum):
    """Whose material it is (材料所属): the person the matter is about (办理对象, e.g. a newborn) or the one who
    applies (申请人, e.g. the mother's own ID card). The exchange is asked for the material of that holder."""

    SUBJECT = "subject"  # 办理对象
    APPLICANT = "applicant"  # 申请人


class Requirement(StrEnum):
    REQUIRED = "required"  # 必要
    OPTIONAL = "optional"  # 非必要
    DEFERRABLE = "deferrable"  # 容缺后补


# Online depths that together make 全程网办: received, accepted, handled and the result returned online.
FULL_ONLINE_DEPTHS = frozenset({"2", "4", "5", "6"})

# name -> (label, editable by administrators). National lists are fixed by the standards.
DICTIONARY_INFO: dict[Dictionary, tuple[str, bool]] = {
    Dictionary.MATTER_TYPES: ("事项类型", False),
    Dictionary.POWER_SOURCES: ("权力来源", False),
    Dictionary.LEVELS: ("行使层级", False),
    Dictionary.AUDIENCES: ("服务对象", False),
    Dictionary.TIME_UNITS: ("时限单位", False),
    Dictionary.CASE_KINDS: ("办件类型", False),
    Dictionary.ONLINE_DEPTHS: ("网办深度", False),
    Dictionary.CHANNELS: ("办理渠道", True),
    Dictionary.RESULT_TYPES: ("办理结果类型", True),
    Dictionary.REAL_NAME_LEVELS: ("实名等级", False),
    Dictionary.CROSS_AREAS: ("通办范围", True),
    Dictionary.SPECIAL_PROCEDURES: ("特别程序", True),
    Dictionary.REQUIREMENTS: ("材料必要性", False),
    Dictionary.HOLDERS: ("材料所属", False),
    Dictionary.FORMS: ("材料形式", False),
    Dictionary.SOURCES: ("材料来源", False),
    Dictionary.CERTIFICATE_TYPES: ("电子证照类型", True),
}
