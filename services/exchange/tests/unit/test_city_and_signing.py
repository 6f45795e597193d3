"""National records from case events, the delivery backoff, signatures (SM2 and HMAC), sealing, token buckets."""

import json
from datetime import UTC, datetime, timedelta

import pytest

from exchange.clients.city_platform import batch_body
from exchange.domain.city import (
    CaseFacts,
    Operation,
    Outbound,
    RecordKind,
    backoff_delay,
    pack_batches,
    records_for,
    run_of_case,
)
from exchange.domain.limits import OverBurst, RateLimiter, TokenBucket
from exchange.sealing import Sealer, Unsealable
from exchange.settings import DEV_SM2_PRIVATE_KEY
from exchange.signing import Signer, Verifier, sm2_public_key

pytestmark = pytest.mark.unit


def facts(event: str, status: str = "accepted", **extra: object) -> CaseFacts:
    return CaseFacts(
        event=event,
        case_id="c1",
        case_number="50011020260615000001",  # type: ignore[arg-type]
        matter_code="500110-SCJGJ-SPJY-XK",
        status=status,
        national_code=2,
        **extra,
    )


def kinds(records: list) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(r.kind.value, r.operation.value) for r in records]


def test_records_of_each_case_event() -> None:
    assert kinds(
        records_for(facts("case_submitted", "received", materials=[{"code": "M1", "obtained": "shared"}]))
    ) == [("process", "I"), ("material", "I")]
    assert kinds(records_for(facts("case_accepted"))) == [("acceptance", "I"), ("process", "I")]
    refused = records_for(facts("case_refused", "refused", opinion_code="R01"))
    assert kinds(refused) == [("acceptance", "I"), ("process", "I"), ("result", "I")]
    assert refused[0].content["decision"] == "不予受理"
    assert kinds(records_for(facts("clock_paused", "supplement_requested"))) == [
        ("process", "I")
    ]  # 补正: no 特别程序
    assert kinds(records_for(facts("clock_paused", "special_procedure", procedure="听证"))) == [
        ("special_procedure", "I"),
        ("process", "I"),
    ]
    assert kinds(records_for(facts("clock_resumed", "in_review"), special_open=True)) == [
        ("special_procedure", "U"),
        ("process", "I"),
    ]
    issued = records_for(facts("certificate_issued", "approved", certificate_id="1.2.156.3005.2.X"))
    assert issued[-1].kind == RecordKind.RESULT
    assert issued[-1].operation == Operation.UPDATE
    assert issued[-1].content["certificate_id"] == "1.2.156.3005.2.X"
    assert records_for(facts("case_evaluated", "approved", rating=5))[-1].content["satisfaction"] == 5


def test_backoff_doubles_up_to_the_cap() -> None:
    delays = [backoff_delay(n, base=0.5, cap=10) for n in range(1, 8)]
    assert delays[:5] == [timedelta(seconds=s) for s in (0.5, 1, 2, 4, 8)]
    assert delays[5:] == [timedelta(seconds=10)] * 2


NOW = datetime(2026, 6, 15, 2, 0, tzinfo=UTC)


def row(
    id_: int, case: str = "c1", status: str = "pending", due: datetime = NOW, content: str = "{}"
) -> Outbound:
    return Outbound(
        id=id_,
        record_id=f"r{id_}",
        case_id=case,
        case_number=f"N-{case}",
        event_sequence=id_,
        kind="process",
        operation="I",
        batch=f"N-{case}-{id_}",
        status=status,
        attempts=0,
        refusals=0,
        next_attempt_at=due,
        content=content,
    )


def test_a_run_is_the_claimed_head_and_the_due_pending_records_after_it() -> None:
    rows = [row(1), row(2), row(3), row(4, status="dead"), row(5)]
    assert [r.id for r in run_of_case(rows, 1, NOW, 10)] == [1, 2, 3]
    assert [r.id for r in run_of_case(rows, 1, NOW, 2)] == [1, 2]
    assert run_of_case(rows, 2, NOW, 10) == []  # the head moved: not this round
    later = [row(1), row(2, due=NOW + timedelta(seconds=5)), row(3)]
    assert [r.id for r in run_of_case(later, 1, NOW, 10)] == [1]


def test_batches_keep_a_case_together_and_respect_the_limits() -> None:
    runs = [[row(1, "a"), row(2, "a"), row(3, "a")], [row(4, "b")], [row(5, "c"), row(6, "c")]]
    batches = pack_batches(runs, max_records=4, max_bytes=10**6)
    assert [[r.id for r in b] for b in batches] == [[1, 2, 3, 4], [5, 6]]
    assert [[r.id for r in b] for b in pack_batches(runs, max_records=2, max_bytes=10**6)] == [
        [1, 2],
        [4],
        [5, 6],
    ]
    big = [[row(1, "a", content="x" * 600), row(2, "a", content="x" * 600)], [row(3, "b", content="x" * 600)]]
    assert [[r.id for r in b] for b in pack_batches(big, max_records=10, max_bytes=1000)] == [[1], [3]]


def test_a_batch_body_carries_each_record_with_its_sync_metadata() -> None:
    body = json.loads(
        batch_body(
            "b-1",
            [row(1, content='{"step": "申报", "n": [1, 2]}'), row(2)],
            source="500110",
            sync_time="2026-06-15T10:00:00+08:00",
        )
    )
    assert body["batch_id"] == "b-1"
    assert body["records"][0] == {
        "record_id": "r1",
        "kind": "process",
        "case_number": "N-c1",
        "sequence": 1,
        "batch": "N-c1-1",
        "operation": "I",
        "sync_time": "2026-06-15T10:00:00+08:00",
        "source": "500110",
        "content": {"step": "申报", "n": [1, 2]},
    }
    assert [r["record_id"] for r in body["records"]] == ["r1", "r2"]


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


def test_sm2_signatures_agree_with_gmssl_and_the_simulator() -> None:
    """The digests come from OpenSSL's SM3, the point arithmetic from gmssl: the same SM2-with-SM3 as gmssl's own."""
    from gmssl import sm2  # type: ignore[import-untyped]

    from tongban.simulators.signatures import CitySimSettings, sign, verify

    public = sm2_public_key(DEV_SM2_PRIVATE_KEY)
    message = "申报 ".encode() * 5000
    ours = Signer.sm2(DEV_SM2_PRIVATE_KEY).sign(message)
    gmssl = sm2.CryptSM2(private_key=DEV_SM2_PRIVATE_KEY, public_key=public)
    assert gmssl.verify_with_sm3(ours, message)
    assert not gmssl.verify_with_sm3(ours, message + b".")
    assert Verifier(sm2_public_key=public).verify("SM2-SM3", message, gmssl.sign_with_sm3(message, "1" * 64))
    headers = {
        "x-tongban-signature-alg": "SM2-SM3",
        "x-tongban-timestamp": "1",
        "x-tongban-nonce": "n",
        "x-tongban-signature": Signer.sm2(DEV_SM2_PRIVATE_KEY).sign(b"1\nn\n" + message),
    }
    assert verify(CitySimSettings(exchange_public_key=public), headers, message)
    simulator = CitySimSettings()
    pushed = sign(simulator, "1", "n", message)
    simulator_public = sm2_public_key(simulator.private_key)
    assert sm2.CryptSM2(private_key="", public_key=simulator_public).verify_with_sm3(
        pushed["X-Tongban-Signature"], b"1\nn\n" + message
    )


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


def test_a_batch_takes_a_token_per_read() -> None:
    bucket = TokenBucket(rate=2, burst=4, now=0.0)
    assert bucket.take(0.0, 3) == 0.0
    assert bucket.take(0.0, 3) == pytest.approx(1.0)  # one left: two more come in a second
    assert bucket.take(1.0, 3) == 0.0
    with pytest.raises(OverBurst) as over:
        bucket.take(1.0, 5)  # never fits
    assert over.value.burst == 4
    limiter = RateLimiter(rate=10, burst=10, share=2)  # two processes: each holds half
    assert limiter.check("a", 0.0, 5) == 0
    with pytest.raises(OverBurst):
        limiter.check("a", 0.0, 6)
