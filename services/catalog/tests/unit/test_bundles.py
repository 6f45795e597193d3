"""一件事: merged materials and the combined time limit (pure)."""

import pytest

from catalog.domain.bundles import bundle_violations, combined_limit, merge_materials
from catalog.domain.matters import MaterialSpec, MatterSpec

pytestmark = pytest.mark.unit

ID = MaterialSpec(
    "经营者身份证明",
    source="government",
    certificate_type="ZZ-JMSFZ",
    resource_code="500110-GAJ-RK-001",
    data_items=("姓名",),
)
REGISTRATION = MatterSpec(
    code="GTGSH",
    name="个体工商户设立登记",
    matter_type="01",
    department_code="500110-SCJGJ",
    statutory_days=15,
    promised_days=3,
    result_certificate_type="ZZ-YYZZ",
    materials=(ID, MaterialSpec("经营场所使用证明", requirement="optional", paper_copies=1)),
)
FOOD = MatterSpec(
    code="SPJY",
    name="食品经营许可",
    matter_type="01",
    department_code="500110-SCJGJ",
    statutory_days=20,
    promised_days=10,
    materials=(
        MaterialSpec("申请人身份证明", certificate_type="ZZ-JMSFZ", data_items=("公民身份号码",)),
        MaterialSpec("营业执照", source="government", certificate_type="ZZ-YYZZ"),
        MaterialSpec("经营场所 使用证明", paper_copies=2),
        MaterialSpec("经营场所平面布局图"),
    ),
)


def test_a_material_asked_by_two_members_is_asked_once() -> None:
    merged = {m.material.name: m for m in merge_materials([REGISTRATION, FOOD])}
    identity = merged["经营者身份证明"]
    assert identity.asked_by == ("GTGSH", "SPJY")
    assert identity.material.data_items == ("姓名", "公民身份号码")
    premises = merged["经营场所使用证明"]  # same name up to spaces
    assert premises.asked_by == ("GTGSH", "SPJY")
    assert premises.material.requirement == "required"  # the stronger requirement wins
    assert premises.material.paper_copies == 2
    assert len(merged) == 4


def test_a_material_another_member_produces_is_not_asked() -> None:
    merged = {m.material.name: m for m in merge_materials([REGISTRATION, FOOD])}
    licence = merged["营业执照"]
    assert licence.produced_by == "GTGSH"
    assert not licence.asked
    assert [m.material.name for m in merge_materials([FOOD]) if not m.asked] == []  # alone, it is asked


def test_combined_limit_is_the_longest_member() -> None:
    limit = combined_limit([REGISTRATION, FOOD])
    assert (limit.statutory_days, limit.promised_days, limit.promised_unit) == (20, 10, "working_day")


def test_mixed_units_combine_in_natural_days() -> None:
    natural = MatterSpec(
        code="X",
        name="X",
        matter_type="20",
        department_code="D",
        statutory_days=30,
        promised_days=12,
        statutory_unit="natural_day",
        promised_unit="natural_day",
    )
    limit = combined_limit([REGISTRATION, FOOD, natural])
    assert (limit.promised_days, limit.promised_unit) == (14, "natural_day")  # 10 working days ≈ 14 natural


def test_bundle_rules() -> None:
    ok = bundle_violations(
        member_codes=["GTGSH", "SPJY"], lead_department_code="500110-SCJGJ", members=[REGISTRATION, FOOD]
    )
    assert ok == []
    bad = bundle_violations(
        member_codes=["GTGSH", "GTGSH", "NONE"], lead_department_code="500110-GAJ", members=[REGISTRATION]
    )
    assert {v["rule"] for v in bad} == {"duplicate_member", "member_not_published", "lead_not_member"}
    assert {
        v["rule"]
        for v in bundle_violations(
            member_codes=["GTGSH"], lead_department_code="500110-SCJGJ", members=[REGISTRATION]
        )
    } == {"too_few_members"}
