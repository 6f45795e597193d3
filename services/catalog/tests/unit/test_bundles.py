"""一件事: merged materials and the combined time limit (pure)."""

import re

import pytest

from catalog.demo import MATTERS
from catalog.demo.bundles import BUNDLES
from catalog.domain.bundles import (
    Substitute,
    bundle_violations,
    combined_limit,
    merge_materials,
    substitute_violations,
)
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


# --- stand-ins (issue 19, failure 1 remaining): a newborn has no ID card --------------------------------------


def _newborn() -> tuple[list[MatterSpec], tuple[Substitute, ...]]:
    bundle = next(b for b in BUNDLES if b.name == "新生儿出生一件事")
    return [next(m for m in MATTERS if m.code == code) for code in bundle.member_codes], bundle.substitutes


INSURANCE, CARD, REGISTRATION_CODE = "500110-YBJ-CXJM-CB", "500110-RSJ-SBK-SL", "500110-GAJ-HJ-CS"


def test_issue19_newborn_members_ask_no_id_card_of_the_child() -> None:
    """issue 19: failure 1 (remaining) — in 新生儿出生一件事 医保参保 and 社保卡申领 asked the child's 申请人身份证明
    (an ID card a newborn does not have). The bundle declares that the 户口簿 出生登记 issues stands in for it: the
    ID card is not asked of anyone, both members wait for the 户口簿, and it says what it stands in for."""
    members, substitutes = _newborn()
    before = merge_materials(members)
    assert any(x.material.certificate_type == "ZZ-JMSFZ" and x.asked for x in before)  # the old answer
    merged = merge_materials(members, substitutes)
    assert not [
        x for x in merged if x.material.certificate_type == "ZZ-JMSFZ" and x.material.belongs_to == "subject"
    ]
    [book] = [
        x for x in merged if x.material.certificate_type == "ZZ-JMHKB" and x.material.belongs_to == "subject"
    ]
    assert (book.produced_by, book.asked) == (REGISTRATION_CODE, False)
    assert set(book.asked_by) == {INSURANCE, CARD}
    assert {(s.member_code, s.name) for s in book.stands_in_for} == {
        (INSURANCE, "申请人身份证明"),
        (CARD, "申请人身份证明"),
    }
    # what the applicant still brings is the parents' papers and the photo — nothing of the child's
    asked = {(x.material.name, x.material.belongs_to) for x in merged if x.asked}
    assert all(holder == "applicant" or name == "近期免冠照片" for name, holder in asked), asked
    assert substitute_violations(members, substitutes) == []


def test_issue19_a_stand_in_covers_only_the_member_it_names() -> None:
    """issue 19: failure 1 (remaining) — the rule is the bundle's data, not the matter's name: a stand-in for one
    member leaves the same material of another member asked (the gate still wants it there)."""
    members, substitutes = _newborn()
    only_insurance = tuple(s for s in substitutes if s.member_code == INSURANCE)
    merged = merge_materials(members, only_insurance)
    [id_card] = [
        x for x in merged if x.material.certificate_type == "ZZ-JMSFZ" and x.material.belongs_to == "subject"
    ]
    assert (id_card.asked_by, id_card.asked) == ((CARD,), True)
    [book] = [
        x for x in merged if x.material.certificate_type == "ZZ-JMHKB" and x.material.belongs_to == "subject"
    ]
    assert [s.member_code for s in book.stands_in_for] == [INSURANCE]


def test_issue19_a_stand_in_may_be_a_certificate_no_member_asks() -> None:
    """issue 19: failure 1 (remaining) — a certificate another member issues stands in even when no member asks
    for it as a material: it joins the bundle's materials as that member's result, never asked."""
    members, _ = _newborn()
    by_birth = (Substitute(CARD, "申请人身份证明", "ZZ-CSYXZM", "以出生医学证明代替"),)
    card_only = [m for m in members if m.code in ("500110-WSJKW-CSYXZM", CARD)]
    merged = merge_materials(card_only, by_birth)
    [proof] = [x for x in merged if x.material.certificate_type == "ZZ-CSYXZM"]
    assert (proof.material.name, proof.produced_by, proof.asked_by) == (
        "出生医学证明",
        "500110-WSJKW-CSYXZM",
        (CARD,),
    )
    assert not any(
        x.material.certificate_type == "ZZ-JMSFZ" and x.material.belongs_to == "subject" for x in merged
    )


def test_issue19_stand_ins_that_name_nothing_are_refused_and_leave_the_material_asked() -> None:
    """issue 19: failure 1 (remaining) — a stand-in for a member outside the bundle, for a material the member does
    not ask, by something nothing in the bundle provides, or by the member's own result is refused on publish (in
    Chinese, with its position); until then the material stays asked."""
    members, _ = _newborn()
    wrong = (
        Substitute("500110-XX-NONE", "申请人身份证明", "ZZ-JMHKB"),
        Substitute(INSURANCE, "结婚证", "ZZ-JMHKB"),
        Substitute(INSURANCE, "申请人身份证明", "ZZ-JDCJSZ"),
        Substitute(REGISTRATION_CODE, "出生医学证明", "ZZ-JMHKB"),
    )
    violations = substitute_violations(members, wrong)
    assert [(v["field"], v["rule"]) for v in violations] == [
        ("substitutes[0]", "substitute_member_unknown"),
        ("substitutes[1]", "substitute_material_unknown"),
        ("substitutes[2]", "substitute_not_in_bundle"),
        ("substitutes[3]", "substitute_not_in_bundle"),
    ]
    assert all(re.search(r"[\u4e00-\u9fff]", v["message"]) for v in violations)
    merged = merge_materials(members, wrong)
    [id_card] = [
        x for x in merged if x.material.certificate_type == "ZZ-JMSFZ" and x.material.belongs_to == "subject"
    ]
    assert set(id_card.asked_by) == {INSURANCE, CARD}
    [proof] = [x for x in merged if x.material.certificate_type == "ZZ-CSYXZM"]
    assert (
        proof.produced_by == "500110-WSJKW-CSYXZM"
    )  # 出生登记's own result never stands in for what it asks
