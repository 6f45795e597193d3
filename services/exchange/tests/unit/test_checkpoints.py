"""Signed checkpoints and witness receipts (no I/O): signing and verifying, what a change does to them, when one
is due, and the chain walk checked against them."""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from exchange.domain.chain import GENESIS_HASH, Anchor, ChainWalk, canonical_json, link_hash
from exchange.domain.checkpoints import (
    CheckpointSigner,
    ReceiptError,
    TrustedKeys,
    checkpoint_due,
    checkpoint_message,
    parse_receipt,
)

pytestmark = pytest.mark.unit

SIGNER = CheckpointSigner("2" * 64)
AT = datetime(2026, 6, 15, 2, 1, tzinfo=UTC)


def test_a_signed_checkpoint_verifies_with_the_public_key_only() -> None:
    checkpoint = SIGNER.sign(n=7, seq=1200, hash="ab" * 32, signed_at=AT)
    trusted = TrustedKeys([SIGNER.public_key.hex()])
    assert trusted.verify_checkpoint(checkpoint)
    assert checkpoint.key_id == SIGNER.key_id
    message = json.loads(checkpoint.message)
    assert message == {
        "log": "tongban.exchange.access_log",
        "n": 7,
        "seq": 1200,
        "hash": "ab" * 32,
        "signed_at": "2026-06-15T02:01:00.000000Z",
        "key_id": SIGNER.key_id,
    }


@pytest.mark.parametrize(
    "change", [{"n": 8}, {"seq": 1199}, {"hash": "cd" * 32}, {"signed_at": AT + timedelta(seconds=1)}]
)
def test_any_change_to_a_checkpoint_breaks_its_signature(change: dict[str, Any]) -> None:
    checkpoint = SIGNER.sign(n=7, seq=1200, hash="ab" * 32, signed_at=AT)
    assert not TrustedKeys([SIGNER.public_key.hex()]).verify_checkpoint(replace(checkpoint, **change))


def test_a_checkpoint_of_an_unknown_key_is_not_trusted() -> None:
    other = CheckpointSigner("4" * 64)
    checkpoint = other.sign(n=1, seq=1, hash="ab" * 32, signed_at=AT)
    assert not TrustedKeys([SIGNER.public_key.hex()]).verify_checkpoint(checkpoint)
    # an earlier key kept in the trusted list still checks its old checkpoints after a rotation
    assert TrustedKeys([SIGNER.public_key.hex(), other.public_key.hex()]).verify_checkpoint(checkpoint)
    assert not TrustedKeys([]).verify_checkpoint(checkpoint)


def test_the_digest_covers_message_and_signature() -> None:
    checkpoint = SIGNER.sign(n=1, seq=5, hash="ab" * 32, signed_at=AT)
    assert len(checkpoint.digest) == 64
    assert checkpoint.digest != replace(checkpoint, signature=base64.b64encode(b"x" * 64).decode()).digest
    assert checkpoint.message == checkpoint_message(
        n=1, seq=5, hash="ab" * 32, signed_at=AT, key=SIGNER.key_id
    )


def test_a_bad_signing_key_is_refused() -> None:
    with pytest.raises(ValueError, match="32-byte Ed25519 seed"):
        CheckpointSigner("not hex")


def _stamp(digest: str, nonce: int = 5) -> dict[str, Any]:
    """A time-stamping authority's token, made here (the round trip with the simulator is in deploy/tests)."""
    key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex("3" * 64))
    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    info = {
        "version": 1,
        "policy": "test",
        "serial_number": 1,
        "gen_time": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "message_imprint": {"hash_algorithm": "sha256", "hashed_message": digest},
        "nonce": nonce,
        "tsa": "test",
    }
    tst_info = json.dumps(info, sort_keys=True, separators=(",", ":")).encode()
    token = {
        "tst_info": base64.b64encode(tst_info).decode(),
        "signature": base64.b64encode(key.sign(tst_info)).decode(),
        "algorithm": "Ed25519",
        "key_id": hashlib.sha256(public).hexdigest()[:16],
    }
    return {"token": token, "key": public.hex()}


def test_a_receipt_checks_against_the_witness_key_and_the_digest() -> None:
    digest = SIGNER.sign(n=1, seq=5, hash="ab" * 32, signed_at=AT).digest
    stamped = _stamp(digest)
    witness = TrustedKeys([stamped["key"]])
    receipt = parse_receipt(stamped["token"], witness=witness, digest=digest, nonce=5)
    assert receipt.serial_number == 1
    assert abs(receipt.gen_time - datetime.now(UTC)) < timedelta(minutes=1)
    with pytest.raises(ReceiptError, match="another digest"):
        parse_receipt(stamped["token"], witness=witness, digest="0" * 64)
    with pytest.raises(ReceiptError, match="nonce"):
        parse_receipt(stamped["token"], witness=witness, digest=digest, nonce=6)
    with pytest.raises(ReceiptError, match="signature invalid"):
        parse_receipt(stamped["token"], witness=TrustedKeys([SIGNER.public_key.hex()]), digest=digest)
    forged = json.loads(base64.b64decode(stamped["token"]["tst_info"]))
    forged["gen_time"] = "2020-01-01T00:00:00.000000Z"
    tampered = {**stamped["token"], "tst_info": base64.b64encode(json.dumps(forged).encode()).decode()}
    with pytest.raises(ReceiptError, match="signature invalid"):
        parse_receipt(tampered, witness=witness, digest=digest)


def test_a_checkpoint_is_due_after_the_interval_or_the_count_while_the_log_grows() -> None:
    minute = timedelta(seconds=60)
    due = lambda **kw: checkpoint_due(interval=minute, every_entries=10_000, now=AT, **kw)  # noqa: E731
    assert due(head_seq=1, last_seq=0, last_at=None)
    assert not due(head_seq=0, last_seq=0, last_at=None)
    assert not due(head_seq=50, last_seq=50, last_at=AT - timedelta(hours=5))  # idle: nothing to protect
    assert not due(head_seq=60, last_seq=50, last_at=AT - timedelta(seconds=59))
    assert due(head_seq=60, last_seq=50, last_at=AT - minute)
    assert due(head_seq=10_050, last_seq=50, last_at=AT)


def _chain(count: int) -> list[dict[str, Any]]:
    links, previous = [], GENESIS_HASH
    for seq in range(1, count + 1):
        entry = {"id": f"e{seq}", "at": AT, "purpose": f"p{seq}", "roles": [], "items": []}
        hash_ = link_hash(previous, canonical_json(entry))
        links.append({**entry, "seq": seq, "entry_id": f"e{seq}", "prev_hash": previous, "hash": hash_})
        previous = hash_
    return links


def test_the_walk_holds_at_matching_anchors() -> None:
    links = _chain(6)
    walk = ChainWalk(anchors=[Anchor(1, 3, links[2]["hash"]), Anchor(2, 6, links[5]["hash"])])
    assert walk.feed(links)
    assert walk.finish(6, links[5]["hash"]) is None
    assert walk.held == Anchor(2, 6, links[5]["hash"])


def test_the_walk_names_the_checkpoints_around_a_rewrite() -> None:
    honest = _chain(6)
    rewritten = _chain(6)  # same shape: a different chain that is consistent link by link
    for link in rewritten:
        link["purpose"] = "x"
    rehashed, previous = [], GENESIS_HASH
    for link in rewritten:
        hash_ = link_hash(previous, canonical_json(link))
        rehashed.append({**link, "prev_hash": previous, "hash": hash_})
        previous = hash_
    walk = ChainWalk(anchors=[Anchor(1, 2, honest[1]["hash"]), Anchor(2, 5, honest[4]["hash"])])
    walk.feed(
        [*honest[:3], *rehashed[3:]]
    )  # links 4.. replaced: consistent among themselves, not with link 3
    assert walk.broken is not None
    assert walk.broken.problem == "link_broken"  # the seam shows where only the tail was re-hashed
    walk = ChainWalk(anchors=[Anchor(1, 2, honest[1]["hash"]), Anchor(2, 5, honest[4]["hash"])])
    assert not walk.feed(rehashed)
    assert walk.broken is not None
    assert (walk.broken.problem, walk.broken.seq, walk.broken.checkpoint, walk.broken.since_checkpoint) == (
        "checkpoint_mismatch",
        2,
        1,
        None,
    )


def test_a_head_behind_the_last_anchor_is_reported() -> None:
    links = _chain(6)
    walk = ChainWalk(anchors=[Anchor(1, 2, links[1]["hash"]), Anchor(2, 6, links[5]["hash"])])
    walk.feed(links[:4])
    broken = walk.finish(4, links[3]["hash"])
    assert broken is not None
    assert (broken.problem, broken.checkpoint, broken.since_checkpoint) == ("head_behind_checkpoint", 2, 1)
