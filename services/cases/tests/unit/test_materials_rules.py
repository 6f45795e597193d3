"""Pure rules of materials: the exchange's ways, backoff, upload checks, who may supply materials."""

from datetime import UTC, datetime, timedelta

import pytest

from cases.domain.access import Caller, CaseFacts
from cases.domain.material_access import may_record_paper, may_upload, statistics_scope
from cases.domain.materials import exchange_ways, retry_delay
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
