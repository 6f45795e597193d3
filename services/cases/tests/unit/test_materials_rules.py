"""Pure rules of materials: the exchange's ways, backoff, upload checks, who may supply materials."""

from datetime import UTC, datetime, timedelta

import pytest

from cases.domain.access import Caller, CaseFacts
from cases.domain.material_access import may_record_paper, may_upload, statistics_scope
from cases.domain.materials import (
    exchange_ways,
    missing_before,
    plan_materials,
    retry_delay,
    worth_retrying,
)
from cases.domain.uploads import UploadRefused, checked_upload
from cases.use_cases.exchange_work import RetryPolicy

CASE = CaseFacts(
    applicant_id="p-1",
    handling_org="500110-SCJGJ",
    received_by_org="500110001001-center",
    region="500110001001",
)
CENTER = "500110-ZWFWZX"


def staff(org: str, *roles: str, region: str = "500110000000") -> Caller:
    return Caller(sub="s", kind="staff", org=org, region=region, roles=frozenset(roles))


def test_certificate_first_then_shared_data() -> None:
    assert exchange_ways(certificate_type="ZZ-YYZZ", resource_code="R") == ("e_certificate", "data_sharing")
    assert exchange_ways(certificate_type=None, resource_code="R") == ("data_sharing",)
    assert exchange_ways(certificate_type=None, resource_code=None) == ()


def test_backoff_doubles_up_to_the_cap_and_stops_at_the_limit() -> None:
    assert [retry_delay(n, base_seconds=5, max_seconds=30).seconds for n in (1, 2, 3, 4, 5)] == [
        5,
        10,
        20,
        30,
        30,
    ]
    now = datetime(2026, 11, 25, tzinfo=UTC)
    policy = RetryPolicy(max_attempts=3, base_seconds=5, max_seconds=30)
    assert policy.next_attempt(2, now) == now + timedelta(seconds=10)
    assert policy.next_attempt(3, now) is None


def test_upload_checks() -> None:
    pdf = checked_upload(
        filename="C:\\docs\\申请书.pdf",
        content_type="application/pdf; charset=binary",
        content=b"%PDF-1.7",
        max_bytes=100,
    )
    assert (pdf.filename, pdf.content_type, pdf.size) == ("申请书.pdf", "application/pdf", 8)
    assert len(pdf.sha256) == 64
    assert (
        checked_upload(
            filename="x.ofd", content_type="application/ofd", content=b"PK\x03\x04..", max_bytes=100
        ).content_type
        == "application/ofd"
    )
    for kwargs, code in (
        ({"content": b"%PDF-" + b"0" * 100}, "upload_too_large"),
        ({"content": b""}, "upload_empty"),
        ({"content_type": "text/html"}, "upload_type_not_allowed"),
        ({"content_type": "image/jpeg"}, "upload_content_mismatch"),
        ({"filename": ""}, "upload_filename_invalid"),
        # issue 18 (outside try): a right-to-left override makes "\u202efdp.exe" show as "exe.pdf"
        ({"filename": "\u202efdp.exe"}, "upload_filename_invalid"),
        ({"filename": "a\u0085b.pdf"}, "upload_filename_invalid"),  # C1 (NEL), once stripped silently
        ({"filename": "a\x7fb.pdf"}, "upload_filename_invalid"),
        ({"filename": "a\tb.pdf"}, "upload_filename_invalid"),
        ({"filename": "\ufffd\ufffd.pdf"}, "upload_filename_invalid"),  # bytes that were not UTF-8
        ({"filename": " a.pdf"}, "upload_filename_invalid"),
    ):
        args = {
            "filename": "a.pdf",
            "content_type": "application/pdf",
            "content": b"%PDF-1",
            "max_bytes": 100,
        }
        with pytest.raises(UploadRefused) as refused:
            checked_upload(**{**args, **kwargs})  # type: ignore[arg-type]
        assert refused.value.code == code


def test_who_supplies_materials() -> None:
    applicant = Caller(sub="p-1", kind="person", org=None, region=None, roles=frozenset())
    other = Caller(sub="p-2", kind="person", org=None, region=None, roles=frozenset())
    village = staff("500110001001-center", "window_clerk", region="500110001001")
    assert may_upload(applicant, CASE, district_center=CENTER)
    assert not may_upload(other, CASE, district_center=CENTER)
    assert may_upload(village, CASE, district_center=CENTER)  # it received the case and carries the papers
    assert may_upload(staff(CENTER, "window_clerk"), CASE, district_center=CENTER)
    assert not may_upload(staff("500110-SCJGJ", "reviewer"), CASE, district_center=CENTER)
    assert not may_record_paper(applicant, CASE, district_center=CENTER)
    assert may_record_paper(staff("500110-SCJGJ", "window_clerk"), CASE, district_center=CENTER)
    assert statistics_scope(staff("500110-SCJGJ", "reviewer")) == (["500110-SCJGJ"], None)
    assert statistics_scope(staff("500110-ZFBGS", "supervisor")) == (None, "500110")
    assert statistics_scope(applicant) is None


def test_outside_try_1_what_stops_acceptance_and_the_grant() -> None:
    """issue 19 outside try: 1 — 受理 needs every required material, 准予许可 the 容缺 ones too; optional ones and
    materials a bundle member produces never stop either."""
    materials = [
        ("申请书", "required", "missing"),
        ("健康证明", "deferrable", "missing"),
        ("说明", "optional", "missing"),
        ("营业执照", "required", "awaiting_member"),
        ("身份证明", "required", "obtained"),
    ]
    assert missing_before("accept", materials) == ["申请书"]
    assert missing_before("approve", materials) == ["申请书", "健康证明"]
    assert missing_before("accept", [("申请书", "required", "obtained")]) == []


def test_outside_try_4_only_failures_that_may_pass_are_retried() -> None:
    """issue 19 outside try: 4 — a final answer is not asked again; the exchange down or busy is."""
    for status, code in ((None, "exchange_unavailable"), (503, "exchange_down"), (429, "rate_limited")):
        assert worth_retrying(status, code)
    assert worth_retrying(403, "case_unknown")  # the exchange has not heard of the case yet
    for status, code in ((404, "record_not_found"), (403, "not_granted"), (422, "unknown_certificate_type")):
        assert not worth_retrying(status, code)


def test_outside_try_3_a_material_belongs_to_the_subject_unless_it_says_applicant() -> None:
    """issue 19 outside try: 3 — anything but ``applicant`` (missing, or an unknown word) is the subject's."""
    plans = plan_materials(
        [{"name": "甲", "belongs_to": "applicant"}, {"name": "乙"}, {"name": "丙", "belongs_to": "mother"}]
    )
    assert [p.belongs_to for p in plans] == ["applicant", "subject", "subject"]


def test_outside_try_2_the_accepting_hall_takes_paper_another_hall_does_not() -> None:
    """issue 19 outside try: 2 — the hall that accepts (by the matter's levels) records paper; another may not."""
    accepted_at_town = CaseFacts(
        applicant_id="p-1",
        handling_org="500110-RSJ",
        received_by_org="500110001001-center",
        region="500110001001",
        accepting_org="500110001000-center",
    )
    town = staff("500110001000-center", "window_clerk", region="500110001000")
    assert may_record_paper(town, accepted_at_town, district_center=CENTER)
    assert may_upload(town, accepted_at_town, district_center=CENTER)
    other = staff("500110002000-center", "window_clerk", region="500110002000")
    assert not may_record_paper(other, accepted_at_town, district_center=CENTER)
