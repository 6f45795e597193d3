"""Every quality rule checked on publish (DOMAIN.md §4), one test each, plus all violations at once."""

from dataclasses import replace

import pytest

from catalog.domain.matters import MaterialSpec, MatterSpec
from catalog.domain.quality import quality_violations

pytestmark = pytest.mark.unit

DICTIONARIES = {
    "matter_types": {"01": "行政许可", "20": "公共服务"},
    "power_sources": {"1": "法定本级行使"},
    "levels": {"district": "区级", "town": "街镇级"},
    "audiences": {"1": "自然人"},
    "time_units": {"working_day": "工作日", "natural_day": "自然日"},
    "case_kinds": {"1": "即办件", "2": "承诺件"},
    "online_depths": {str(n): str(n) for n in range(1, 8)},
    "channels": {"window": "窗口办理", "online": "网上办理"},
    "result_types": {"certificate": "证照", "other": "其他"},
    "real_name_levels": {"1": "自行申报", "2": "人口库比对"},
    "cross_areas": {"none": "不通办"},
    "special_procedures": {"hearing": "听证"},
    "material_requirements": {"required": "必要", "optional": "非必要", "deferrable": "容缺后补"},
    "material_forms": {"original": "原件", "copy": "复印件"},
    "material_sources": {"applicant": "申请人自备", "government": "政府部门核发"},
    "certificate_types": {"ZZ-YYZZ": "营业执照"},
}
GOOD = MatterSpec(
    code="500110-SCJGJ-SPJY-XK",
    name="食品经营许可",
    matter_type="01",
    department_code="500110-SCJGJ",
    statutory_days=20,
    promised_days=10,
    audiences=("1",),
    visits=1,
    visit_reason="须现场核查",
    consult_phone="023-48661234",
    complaint_phone="12345",
    materials=(MaterialSpec("营业执照", source="government", certificate_type="ZZ-YYZZ"),),
)


def rules(spec: MatterSpec) -> set[str]:
    return {v["rule"] for v in quality_violations(spec, DICTIONARIES)}


def test_a_good_matter_passes() -> None:
    assert quality_violations(GOOD, DICTIONARIES) == []


def test_promised_limit_may_not_exceed_statutory() -> None:
    assert rules(replace(GOOD, promised_days=21)) == {"promised_exceeds_statutory"}


def test_limits_in_different_units_are_compared_in_natural_days() -> None:
    # 10 natural days fit in 10 working days (14 natural), 15 do not
    assert rules(replace(GOOD, statutory_days=10, promised_days=10, promised_unit="natural_day")) == set()
    bad = replace(GOOD, statutory_days=10, promised_days=15, promised_unit="natural_day")
    assert rules(bad) == {"promised_exceeds_statutory"}


def test_immediate_case_needs_zero_promise_and_back() -> None:
    assert rules(replace(GOOD, case_kind="1")) == {"immediate_needs_zero_promise"}
    assert rules(replace(GOOD, case_kind="2", promised_days=0)) == {"immediate_needs_zero_promise"}
    assert rules(replace(GOOD, case_kind=None, promised_days=0)) == set()  # derived: 即办件


def test_hall_visits_need_a_reason() -> None:
    assert rules(replace(GOOD, visits=2, visit_reason=" ")) == {"visits_need_reason"}


def test_a_fee_needs_its_basis() -> None:
    assert rules(replace(GOOD, fee=True)) == {"fee_needs_basis"}
    assert rules(replace(GOOD, fee=True, fee_basis="《收费标准》")) == set()


def test_full_online_handling_means_zero_visits() -> None:
    assert rules(replace(GOOD, full_online=True)) == {"full_online_needs_zero_visits"}
    assert rules(replace(GOOD, full_online=True, visits=0, visit_reason="")) == set()


def test_consult_and_complaint_phones_differ() -> None:
    assert rules(replace(GOOD, complaint_phone="023-48661234")) == {"phones_must_differ"}


def test_codes_must_be_in_the_dictionaries() -> None:
    bad = replace(GOOD, matter_type="99", levels=("county",), result_certificate_type="ZZ-NONE")
    assert [v["field"] for v in quality_violations(bad, DICTIONARIES)] == [
        "matter_type",
        "levels",
        "result_certificate_type",
    ]


def test_materials_are_checked_too() -> None:
    bad = replace(
        GOOD,
        materials=(
            MaterialSpec("户口簿", requirement="maybe", data_items=("姓名",)),
            MaterialSpec("户口簿"),
        ),
    )
    found = {(v["field"], v["rule"]) for v in quality_violations(bad, DICTIONARIES)}
    assert found == {
        ("materials[0].requirement", "unknown_code"),
        ("materials[0].data_items", "data_items_need_resource"),
        ("materials[1].name", "duplicate_material"),
    }


def test_credit_code_is_validated() -> None:
    assert rules(replace(GOOD, department_credit_code="115002227398230135")) == set()
    assert rules(replace(GOOD, department_credit_code="115002227398230136")) == {"invalid_credit_code"}


def test_every_violation_is_listed_together() -> None:
    bad = replace(
        GOOD,
        promised_days=30,
        case_kind="1",
        visits=1,
        visit_reason="",
        fee=True,
        full_online=True,
        complaint_phone=GOOD.consult_phone,
    )
    assert rules(bad) == {
        "promised_exceeds_statutory",
        "immediate_needs_zero_promise",
        "visits_need_reason",
        "fee_needs_basis",
        "full_online_needs_zero_visits",
        "phones_must_differ",
    }


def test_a_matter_code_is_letters_digits_and_hyphens() -> None:
    """Outside try of issue 18: matters coded `X<script>` and `示例` were published."""
    from dataclasses import replace

    for code in ("X<script>", "示例", "a b", "-x"):
        found = {(v["field"], v["rule"]) for v in quality_violations(replace(GOOD, code=code), DICTIONARIES)}
        assert ("code", "invalid_matter_code") in found, code
    assert not [v for v in quality_violations(GOOD, DICTIONARIES) if v["field"] == "code"]
