"""Demo 一件事 bundles and search synonyms."""

from __future__ import annotations

from catalog.domain.bundles import Substitute
from catalog.use_cases.bundles import BundleDraft

__all__ = ["BUNDLES", "SYNONYMS"]

BUNDLES = [
    BundleDraft(
        code="500110-SCJGJ-KBCYD-YJS",
        name="开办餐饮店一件事",
        lead_department_code="500110-SCJGJ",
        lead_department_name="区市场监管局",
        member_codes=("500110-SCJGJ-GTGSH-SL", "500110-SCJGJ-SPJY-XK"),
        description="开饭店、开餐馆一次申请：个体工商户设立登记和食品经营许可（餐饮服务）并联办理，"
        "营业执照由登记环节直接共享，不再重复提交。",
        keywords=("开饭店", "开餐馆", "餐饮店"),
    ),
    BundleDraft(
        code="500110-WSJKW-XSECS-YJS",
        name="新生儿出生一件事",
        lead_department_code="500110-WSJKW",
        lead_department_name="区卫生健康委",
        member_codes=("500110-WSJKW-CSYXZM", "500110-GAJ-HJ-CS", "500110-YBJ-CXJM-CB", "500110-RSJ-SBK-SL"),
        description="出生医学证明、户口登记、医保参保、社保卡申领一次办，出生医学证明签发后直接用于落户。",
        keywords=("生孩子", "宝宝出生", "新生儿上户口"),
        # A newborn has no ID card: the 户口簿 that 出生登记 issues (with the child's 公民身份号码) stands in for
        # the 申请人身份证明 that 医保参保 and 社保卡申领 ask of their subject.
        substitutes=tuple(
            Substitute(
                member_code=member,
                material="ZZ-JMSFZ",
                satisfied_by="ZZ-JMHKB",
                reason="新生儿尚无居民身份证，以出生登记签发的居民户口簿代替",
            )
            for member in ("500110-YBJ-CXJM-CB", "500110-RSJ-SBK-SL")
        ),
    ),
    BundleDraft(
        code="500110-SCJGJ-QYKB-YJS",
        name="企业开办一件事",
        lead_department_code="500110-SCJGJ",
        lead_department_name="区市场监管局",
        member_codes=(
            "500110-SCJGJ-QY-SL",
            "500110-GAJ-GZ-KZBA",
            "500110-SWJ-FP-LY",
            "500110-RSJ-CBDJ-DW",
            "500110-GJJ-JC-DJ",
        ),
        description="企业设立登记、公章刻制、发票领用、社保登记、公积金缴存登记一网通办，一日办结。",
        keywords=("开公司", "注册公司"),
    ),
    BundleDraft(
        code="500110-MZJ-SHS-YJS",
        name="身后一件事",
        lead_department_code="500110-MZJ",
        lead_department_name="区民政局",
        member_codes=("500110-WSJKW-SWYXZM", "500110-GAJ-HJ-SWZX", "500110-MZJ-SZ-BZ"),
        description="居民死亡医学证明、户口注销、基本殡葬服务费用减免一次办理。",
        keywords=("办丧事", "销户"),
    ),
]

SYNONYMS: dict[str, list[str]] = {
    "开饭店": ["开办餐饮店", "餐饮服务", "食品经营许可"],
    "开餐馆": ["开办餐饮店", "餐饮服务", "食品经营许可"],
    "办执照": ["营业执照", "设立登记"],
    "开公司": ["企业开办", "企业设立登记"],
    "生孩子": ["新生儿出生", "出生医学证明"],
    "上户口": ["户口登记", "出生登记"],
    "低保": ["最低生活保障"],
    "社保卡": ["社会保障卡"],
    "提公积金": ["住房公积金提取", "提取住房公积金"],
    "驾照": ["驾驶证"],
    "医保": ["医疗保险", "医疗保障"],
    "房产证": ["不动产权证书", "不动产登记"],
}
