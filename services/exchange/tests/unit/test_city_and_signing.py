"""National records from case events, the delivery backoff, signatures (SM2 and HMAC), sealing, token buckets."""

from datetime import timedelta

import pytest

from exchange.domain.city import CaseFacts, Operation, RecordKind, backoff_delay, records_for
from exchange.domain.limits import RateLimiter, TokenBucket
from exchange.sealing import Sealer, Unsealable
from exchange.settings import DEV_SM2_PRIVATE_KEY
from exchange.signing import Signer, Verifier, sm2_public_key

pytestmark = pytest.mark.unit


def facts(event: str, status: str = "accepted", **extra: object) -> CaseFacts:
    return CaseFacts(event=event, case_id="c1", case_number="50011020260615000001",  # type: ignore[arg-type]
                     matter_code="500110-SCJGJ-SPJY-XK", status=status, national_code=2, **extra)  # fmt: skip


def kinds(records: list) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(r.kind.value, r.operation.value) for r in records]


def test_records_of_each_case_event() -> None:
    assert kinds(records_for(facts("case_submitted", "received", materials=[{"code": "M1", "obtained": "shared"}]))) == [
        ("process", "I"), ("material", "I")]  # fmt: skip
    assert kinds(records_for(facts("case_accepted"))) == [("acceptance", "I"), ("process", "I")]
    refused = records_for(facts("case_refused", "refused", opinion_code="R01"))
    assert kinds(refused) == [("acceptance", "I"), ("process", "I"), ("result", "I")]
    assert refused[0].content["decision"] == "不予受理"
    assert kinds(records_for(facts("clock_paused", "supplement_requested"))) == [
        ("process", "I")
    ]  # 补正: no 特别程序
    assert kinds(records_for(facts("clock_paused", "special_procedure", procedure="听证"))) == [
        ("special_procedure", "I"), ("process", "I")]  # fmt: skip
    assert kinds(records_for(facts("clock_resumed", "in_review"), special_open=True)) == [
        ("special_procedure", "U"), ("process", "I")]  # fmt: skip
    issued = records_for(facts("certificate_issued", "approved", certificate_id="1.2.156.3005.2.X"))
    assert issued[-1].kind == RecordKind.RESULT
    assert issued[-1].operation == Operation.UPDATE
    assert issued[-1].content["certificate_id"] == "1.2.156.3005.2.X"
    assert records_for(facts("case_evaluated", "approved", rating=5))[-1].content["satisfaction"] == 5


def test_backoff_doubles_up_to_the_cap() -> None:
    delays = [backoff_delay(n, base=0.5, cap=10) for n in range(1, 8)]
    assert delays[:5] == [timedelta(seconds=s) for s in (0.5, 1, 2, 4, 8)]
    assert delays[5:] == [timedelta(seconds=10)] * 2


def test_sm2_and_hmac_signatures() -> None:
    signer = Signer.sm2(DEV_SM2_PRIVATE_KEY)
    signature = signer.sign(b"message")
    verifier = Verifier(sm2_public_key=sm2_public_key(DEV_SM2_PRIVATE_KEY), hmac_key=b"k")
    assert verifier.verify("SM2-SM3", b"message", signature)
    assert not verifier.verify("SM2-SM3", b"massage", signature)
    assert signer.sign(b"message") != signature  # a fresh random k each time
    mac = Signer.hmac(b"k").sign(b"message")
    assert verifier.verify("HMAC-SHA256", b"message", mac)
    assert not verifier.verify("HMAC-SHA256", b"message", "0" * 64)
    assert not verifier.verify("RSA", b"message", mac)


def test_sealing_hashes_and_encrypts() -> None:
    sealer = Sealer("a-secret-long-enough-for-the-checks-0123456789")
    ref = sealer.subject_ref("person", "500222199803070028")
    assert ref == sealer.subject_ref("person", "500222199803070028")
    assert ref != Sealer("another-secret-long-enough-for-the-checks-01").subject_ref(
        "person", "500222199803070028"
    )
    assert "500222199803070028" not in ref
    token = sealer.seal({"name": "陈晓梅"})
    assert "陈晓梅".encode() not in token
    assert sealer.open(token) == {"name": "陈晓梅"}
    with pytest.raises(Unsealable):
        Sealer("another-secret-long-enough-for-the-checks-01").open(token)


def test_token_buckets() -> None:
    bucket = TokenBucket(rate=2, burst=2, now=0.0)
    assert [bucket.take(0.0), bucket.take(0.0)] == [0.0, 0.0]
    assert bucket.take(0.0) == pytest.approx(0.5)
    assert bucket.take(0.5) == 0.0
    limiter = RateLimiter(rate=1, burst=1, overrides={"fast": 100})
    assert limiter.check("a", 0.0) == 0
    assert limiter.check("a", 0.1) == 1
    assert all(limiter.check("fast", 0.0) == 0 for _ in range(50))
