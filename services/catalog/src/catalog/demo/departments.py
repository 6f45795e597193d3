"""Building blocks of the Qijiang demo catalog: departments, common materials, and a compact matter builder.

Department codes are identity's organization codes (``500110-<abbr>``). Phone numbers are invented.
"""

from __future__ import annotations

from dataclasses import replace

from catalog.domain.codes import Holder
from catalog.domain.matters import MaterialSpec, MatterSpec

__all__ = ["DEPARTMENTS", "MATERIALS", "matter"]

DEPARTMENTS: dict[str, str] = {
    "FGW": "区发展改革委",
    "JXW": "区经济信息委",
    "JW": "区教委",
    "MZJ": "区民政局",
    "SFJ": "区司法局",
    "CZJ": "区财政局",
    "RSJ": "区人力社保局",
    "GHZYJ": "区规划自然资源局",
    "STHJJ": "区生态环境局",
    "ZJW": "区住房城乡建委",
    "CGJ": "区城市管理局",
    "JTJ": "区交通局",
    "NYNCW": "区农业农村委",
    "SWW": "区商务委",
    "WHLYW": "区文化旅游委",
    "WSJKW": "区卫生健康委",
    "TYJRJ": "区退役军人事务局",
    "YJJ": "区应急局",
    "SCJGJ": "区市场监管局",
    "YBJ": "区医保局",
    "LYJ": "区林业局",
    "GAJ": "区公安局",
    "SWJ": "区税务局",
    "GJJ": "住房公积金綦江分中心",
}

_POPULATION = "500110-GAJ-RK-001"
_ENTERPRISES = "500110-SCJGJ-FR-001"
_CERTIFICATES = "500110-ZWFWZX-ZZ-001"


def _gov(
    name: str, certificate: str | None, resource: str | None = None, items: tuple[str, ...] = ()
) -> MaterialSpec:
    return MaterialSpec(
        name,
        paper_copies=0,
        source="government",
        certificate_type=certificate,
        resource_code=resource,
        data_items=items,
    )


def _own(name: str, requirement: str = "required", copies: int = 1, form: str = "original") -> MaterialSpec:
    return MaterialSpec(name, requirement=requirement, form=form, paper_copies=copies)


MATERIALS: dict[str, MaterialSpec] = {
    "身份证": _gov("申请人身份证明", "ZZ-JMSFZ", _POPULATION, ("姓名", "公民身份号码")),
    "户口簿": _gov("居民户口簿", "ZZ-JMHKB", _POPULATION, ("姓名", "户籍地址", "户主关系")),
    "营业执照": _gov("营业执照", "ZZ-YYZZ", _ENTERPRISES, ("统一社会信用代码", "名称", "法定代表人")),
    "法人身份证": _gov("法定代表人身份证明", "ZZ-JMSFZ", _POPULATION, ("姓名", "公民身份号码")),
    "结婚证": _gov("结婚证", "ZZ-JHZ", _CERTIFICATES, ("证照标识", "持证主体")),
    "出生证明": _gov("出生医学证明", "ZZ-CSYXZM", _CERTIFICATES, ("证照标识", "持证主体")),
    "不动产": _gov("不动产权证书", "ZZ-BDCQZS", _CERTIFICATES, ("证照标识", "持证主体")),
    "残疾人证": _gov("残疾人证", "ZZ-CJRZ", _CERTIFICATES, ("证照标识", "状态")),
    "驾驶证": _gov("机动车驾驶证", "ZZ-JDCJSZ"),
    "社保卡": _gov("社会保障卡", "ZZ-SHBZK"),
    "规划许可": _gov("建设工程规划许可证", "ZZ-JSGCGHXKZ"),
    "医疗许可": _gov("医疗机构执业许可证", "ZZ-YLJGZYXKZ"),
    "优待证": _gov("退役军人优待证", "ZZ-TYJRYDZ"),
    "户籍证明": _gov("户籍证明", "ZZ-HJZM", _POPULATION, ("姓名", "户籍地址")),
    "申请表": _own("申请表"),
    "申请书": _own("书面申请书"),
    "委托书": _own("授权委托书", "optional"),
    "照片": _own("近期免冠照片", copies=2),
    "场所证明": _own("经营场所使用证明", form="copy"),
    "平面图": _own("经营场所平面布局图"),
    "健康证明": _own("从业人员健康证明", "deferrable", form="copy"),
    "食品安全制度": _own("食品安全管理制度文本"),
    "章程": _own("公司章程"),
    "收入说明": _own("家庭收入及财产状况说明"),
    "病历": _own("诊断证明或病历资料", form="copy"),
    "设计图": _own("设计图纸"),
    "施工合同": _own("施工合同", form="copy"),
    "环评": _own("环境影响评价文件"),
    "安全评价": _own("安全评价报告"),
    "方案": _own("实施方案"),
    "承诺书": _own("告知承诺书"),
    "资格证明": _own("专业技术人员资格证明", form="copy"),
    "合同": _own("劳动合同或用工证明", "deferrable", form="copy"),
    "死亡证明": _own("居民死亡医学证明（推断）书"),
    "学籍": _own("学籍证明", form="copy"),
    "车辆": _own("机动车登记证书"),
    "林权": _own("林地权属证明", form="copy"),
    "证据": _own("相关证据材料", "optional", form="copy"),
}
# The parents' own papers in a matter about their newborn (出生医学证明签发, 出生登记): the applicant's, so the
# exchange is asked for the mother's records, not the child's (who has none of them).
MATERIALS.update(
    {
        "父母身份证": replace(
            MATERIALS["身份证"], name="父母（申请人）身份证明", belongs_to=Holder.APPLICANT
        ),
        "父母户口簿": replace(
            MATERIALS["户口簿"], name="父母（申请人）居民户口簿", belongs_to=Holder.APPLICANT
        ),
        "父母结婚证": replace(MATERIALS["结婚证"], name="父母结婚证", belongs_to=Holder.APPLICANT),
    }
)

_DEPTHS = {
    "full": (("1", "2", "3", "4", "5", "6", "7"), ("online", "mobile", "window")),
    "online": (("1", "2", "3", "4", "5", "6"), ("online", "window")),
    "window": (("1", "2"), ("window",)),
    "inform": (("1",), ("window",)),
}
_REASONS = {1: "须到窗口核验原件、现场签字确认", 2: "须现场勘验并到窗口领取结果"}


def matter(
    dept: str,
    suffix: str,
    name: str,
    matter_type: str,
    statutory: int,
    promised: int,
    *,
    depth: str = "online",
    visits: int | None = None,
    levels: tuple[str, ...] = ("district",),
    audiences: tuple[str, ...] = ("1",),
    materials: tuple[str, ...] = ("申请表", "身份证"),
    result: str = "",
    certificate: str | None = None,
    result_type: str = "approval",
    fee: str = "",
    keywords: tuple[str, ...] = (),
    special: tuple[str, ...] = (),
    unit: str = "working_day",
    cross_area: str = "district",
    basis: str = "",
    guide: str = "",
    acr: int = 2,
) -> MatterSpec:
    """One demo matter; ``depth`` picks online depths and channels ("full" = 全程网办, 0 visits)."""
    depths, channels = _DEPTHS[depth]
    count = 0 if depth in ("full", "inform") else (1 if visits is None else visits)
    abbr = dept.split("-")[0]
    return MatterSpec(
        code=f"500110-{dept}-{suffix}",
        name=name,
        matter_type=matter_type,
        department_code=f"500110-{abbr}",
        statutory_days=statutory,
        promised_days=promised,
        department_name=DEPARTMENTS[abbr],
        basic_code=None,
        levels=levels,
        audiences=audiences,
        legal_basis=basis or f"《{name}相关法律法规》",
        conditions=f"符合{name}法定条件的申请人",
        statutory_unit=unit,
        promised_unit=unit,
        visits=count,
        visit_reason=_REASONS.get(count, "须多次到现场核查") if count else "",
        fee=bool(fee),
        fee_basis=fee,
        online_depths=depths,
        full_online=depth == "full",
        channels=channels,
        result_type="certificate" if certificate else result_type,
        result_name=result,
        result_certificate_type=certificate,
        min_real_name_level=acr,
        cross_area=cross_area,
        special_procedures=special,
        consult_phone=f"023-4867{sum(map(ord, abbr)) % 10000:04d}",
        complaint_phone="12345",
        keywords=keywords,
        guide=guide or f"申请人可通过渝快办网上办理或到綦江区行政服务中心{DEPARTMENTS[abbr]}窗口办理{name}。",
        materials=tuple(MATERIALS[key] for key in materials),
    )
