"""Demo members, resources and hosted records for Qijiang (DOMAIN.md §2, §6). Fake people and companies only."""

from __future__ import annotations

from datetime import date
from typing import Any

from exchange.domain.certificate_types import CertificateType

__all__ = ["CERTIFICATE_TYPES", "DUTIES", "HOSTED", "MEMBERS", "RESOURCES", "STORY_RESIDENT", "SYSTEMS"]

# Member organizations: identity's demo organization codes (identity/demo.py) that take part in sharing. Only the
# 区政府办公室's credit code is real; the others are invented for the demo (valid check digits, GB 32100-2015
# "11" = 机关, 500110 = 綦江区) so that every department that issues e-certificates can have identifiers assigned.
MEMBERS: dict[str, tuple[str, str | None]] = {
    "500110-GAJ": ("区公安局", "1150011000870001XG"),
    "500110-SCJGJ": ("区市场监管局", "11500110MB1A0001X2"),
    "500110-MZJ": ("区民政局", "11500110008700028G"),
    "500110-RSJ": ("区人力社保局", "11500110008700036B"),
    "500110-SWJ": ("区税务局", "115001100087000446"),
    "500110-WSJKW": ("区卫生健康委", "115001100087000521"),
    "500110-GHZYJ": ("区规划自然资源局", "11500110008700060U"),
    "500110-ZJW": ("区住房城乡建委", "11500110008700079Q"),
    "500110-YBJ": ("区医保局", "11500110MB1A000282"),
    "500110-ZWFWZX": ("綦江区行政服务中心", "11500110MB1A00036W"),
    "500110-ZFBGS": ("綦江区人民政府办公室", "115002227398230135"),
    "500000-SJSPPT": ("重庆市行政审批系统", None),
    # Halls the story's cases are received and accepted at (identity's organizations): the cases platform's reads
    # serve them before acceptance, and "who read my data" names them (issue 19 outside try, failure 2).
    "500110001000-center": ("古南街道公共服务中心", None),
    "500110001001-center": ("古南街道綦河社区便民服务中心", None),
}

# The members' systems by name: identity's demo clients (identity/demo.py, DEMO_CLIENTS, SYSTEM_CLIENT and the web
# app), so that "who read my data" names the reading system. client id -> (member code, name).
SYSTEMS: dict[str, tuple[str, str]] = {
    "tongban-cases": ("500110-ZWFWZX", "通办办件平台"),
    "tongban-exchange": ("500110-ZWFWZX", "共享交换平台"),
    "tongban-identity": ("500110-ZWFWZX", "统一身份认证平台"),
    "tongban-web": ("500110-ZWFWZX", "通办网上办事大厅"),
    "catalog-editor": ("500110-SCJGJ", "事项目录编辑系统"),
    "scjgj-registry": ("500110-SCJGJ", "区市场监管局登记注册系统"),
    "swj-collection": ("500110-SWJ", "区税务局征管系统"),
    "realname-verifier": ("500110-GAJ", "实名核验系统（人口库比对）"),
}

# The main-story resident of 古南街道 (DOMAIN.md §8); the 公安 population simulator holds her full record.
STORY_RESIDENT = {"name": "陈晓梅", "id_number": "500222199803070028"}

# The certificate types of the demo matter catalog (catalog migration 0002's 电子证照类型 dictionary) beyond the two
# the exchange's migration enters (营业执照, 食品经营许可证). Their national codes are invented for the demo: the
# defining authority is 綦江区行政服务中心's demo credit code plus a serial, so that every demo matter's result
# can be issued and looked up; a real district enters the national directory's codes instead.
_DEMO_AUTHORITY = "11500110MB1A00036W"
_DEMO_TYPES = [
    ("ZZ-JMSFZ", "居民身份证"),
    ("ZZ-JMHKB", "居民户口簿"),
    ("ZZ-JHZ", "结婚证"),
    ("ZZ-LHZ", "离婚证"),
    ("ZZ-CSYXZM", "出生医学证明"),
    ("ZZ-BDCQZS", "不动产权证书"),
    ("ZZ-JDCJSZ", "机动车驾驶证"),
    ("ZZ-JDCXSZ", "机动车行驶证"),
    ("ZZ-SHBZK", "社会保障卡"),
    ("ZZ-CJRZ", "残疾人证"),
    ("ZZ-YLJGZYXKZ", "医疗机构执业许可证"),
    ("ZZ-JSGCGHXKZ", "建设工程规划许可证"),
    ("ZZ-JZGCSGXKZ", "建筑工程施工许可证"),
    ("ZZ-DLYSJYXKZ", "道路运输经营许可证"),
    ("ZZ-GGCSWSXKZ", "公共场所卫生许可证"),
    ("ZZ-YPJYXKZ", "药品经营许可证"),
    ("ZZ-JSZGZ", "教师资格证"),
    ("ZZ-PWXKZ", "排污许可证"),
    ("ZZ-LMCFXKZ", "林木采伐许可证"),
    ("ZZ-RLZYFWXKZ", "人力资源服务许可证"),
    ("ZZ-MBFQYDWDJZS", "民办非企业单位登记证书"),
    ("ZZ-SHTTFRDJZS", "社会团体法人登记证书"),
    ("ZZ-JZYQYZZZS", "建筑业企业资质证书"),
    ("ZZ-TYJRYDZ", "退役军人优待证"),
    ("ZZ-ZDSHBZZ", "最低生活保障证"),
    ("ZZ-YCZMLSXKZ", "烟草专卖零售许可证"),
    ("ZZ-CBWJYXKZ", "出版物经营许可证"),
    ("ZZ-HJZM", "户籍证明"),
]
CERTIFICATE_TYPES = [
    CertificateType(f"{_DEMO_AUTHORITY}{n:03d}", name, (alias,))
    for n, (alias, name) in enumerate(_DEMO_TYPES, start=1)
]

_PERSON = [
    {"key": "name", "name": "姓名", "type": "string"},
    {"key": "id_number", "name": "公民身份号码", "type": "string"},
]

RESOURCES: list[dict[str, Any]] = [
    {
        "code": "500110-GAJ-RK-001",
        "name": "人口基础信息",
        "provider_code": "500110-GAJ",
        "summary": "户籍人口的身份与户籍信息",
        "sharing_type": "unconditional",
        "sharing_method": "api",
        "update_cycle": "实时",
        "subject_kind": "person",
        "timeout_ms": 2000,
        "items": [
            *_PERSON,
            {"key": "gender", "name": "性别", "type": "string"},
            {"key": "birth_date", "name": "出生日期", "type": "date"},
            {"key": "ethnicity", "name": "民族", "type": "string"},
            {"key": "address", "name": "户籍地址", "type": "string"},
            {"key": "household_relation", "name": "与户主关系", "type": "string"},
        ],
    },
    {
        "code": "500110-SCJGJ-FR-001",
        "name": "法人基础信息",
        "provider_code": "500110-SCJGJ",
        "summary": "市场主体登记信息",
        "sharing_type": "unconditional",
        "sharing_method": "table",
        "update_cycle": "每日",
        "subject_kind": "enterprise",
        "items": [
            {"key": "credit_code", "name": "统一社会信用代码", "type": "string"},
            {"key": "name", "name": "名称", "type": "string"},
            {"key": "legal_representative", "name": "法定代表人", "type": "string"},
            {"key": "legal_representative_id", "name": "法定代表人身份证件号码", "type": "string"},
            {"key": "address", "name": "住所", "type": "string"},
            {"key": "established_on", "name": "成立日期", "type": "date"},
        ],
    },
    {
        "code": "500110-ZWFWZX-ZZ-001",
        "name": "电子证照",
        "provider_code": "500110-ZWFWZX",
        "summary": "已签发的电子证照及其状态（通过 /certificates/lookup 查询）",
        "sharing_type": "unconditional",
        "sharing_method": "table",
        "update_cycle": "实时",
        "subject_kind": "person",
        "items": [
            {"key": "type_code", "name": "证照类型代码", "type": "string"},
            {"key": "type_name", "name": "证照类型", "type": "string"},
            {"key": "holder_name", "name": "持证主体", "type": "string"},
            {"key": "issuer_code", "name": "颁发机构", "type": "string"},
            {"key": "valid_from", "name": "有效期起", "type": "date"},
            {"key": "valid_to", "name": "有效期止", "type": "date"},
            {"key": "status", "name": "状态", "type": "string"},
            {"key": "content", "name": "照面信息", "type": "object"},
        ],
    },
    {
        "code": "500110-MZJ-DB-001",
        "name": "最低生活保障对象信息",
        "provider_code": "500110-MZJ",
        "summary": "城乡低保对象及其保障金额",
        "sharing_type": "conditional",
        "sharing_method": "table",
        "sharing_condition": "仅用于社会救助、减免审核，须经区民政局授权",
        "update_cycle": "每月",
        "subject_kind": "person",
        "items": [
            *_PERSON,
            {"key": "category", "name": "保障类别", "type": "string"},
            {"key": "monthly_amount", "name": "月保障金额", "type": "number"},
            {"key": "since", "name": "纳入保障日期", "type": "date"},
        ],
    },
    {
        "code": "500110-GAJ-WF-001",
        "name": "违法犯罪记录信息",
        "provider_code": "500110-GAJ",
        "summary": "违法犯罪记录",
        "sharing_type": "not_shared",
        "sharing_method": "table",
        "update_cycle": "实时",
        "subject_kind": "person",
        "legal_basis": "《中华人民共和国刑事诉讼法》第二百八十六条；《中华人民共和国治安管理处罚法》第一百三十六条",
        "items": [*_PERSON, {"key": "records", "name": "记录", "type": "array"}],
    },
]

# Hosted records pushed by the providers' systems: (resource code, identifier, version, data).
HOSTED: list[tuple[str, str, int, dict[str, Any]]] = [
    (
        "500110-SCJGJ-FR-001",
        "92500110MA5U3G7K2T",
        1,
        {
            "credit_code": "92500110MA5U3G7K2T",
            "name": "綦江区古南街道晓梅小吃店",
            "legal_representative": "陈晓梅",
            "legal_representative_id": "500222199803070028",
            "address": "重庆市綦江区古南街道沿河路12号",
            "established_on": "2024-05-20",
        },
    ),
    (
        "500110-SCJGJ-FR-001",
        "91500110MA60XJ8Q1X",
        1,
        {
            "credit_code": "91500110MA60XJ8Q1X",
            "name": "重庆綦河农产品有限公司",
            "legal_representative": "王建国",
            "legal_representative_id": "510223196504120018",
            "address": "重庆市綦江区文龙街道九龙大道88号",
            "established_on": "2019-08-12",
        },
    ),
    (
        "500110-MZJ-DB-001",
        "510223195806120035",
        3,
        {
            "name": "周德明",
            "id_number": "510223195806120035",
            "category": "农村特困供养",
            "monthly_amount": 760,
            "since": "2021-03-01",
        },
    ),
]

PUBLISHED_ON = date(2024, 1, 1)

# Registered duties (履职依据) of the demo: identity's own system (统一身份认证平台, operated by 綦江区行政服务中心)
# reads the population and legal-entity registers to check who registers an account (实名核验).
DUTIES: list[dict[str, Any]] = [
    {
        "code": "500110-ZWFWZX-LZ-SMHY",
        "member_code": "500110-ZWFWZX",
        "name": "统一身份认证 注册实名核验（自然人人口库比对、法人法定代表人核验）",
        "statute": "《中华人民共和国网络安全法》第二十四条；《国务院关于在线政务服务的若干规定》（国务院令第716号）",
        "resources": ("500110-GAJ-RK-001", "500110-SCJGJ-FR-001"),
    }
]
