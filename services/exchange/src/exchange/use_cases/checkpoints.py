"""Signed checkpoints of the access log's chain: the worker signs the head when one is due, publishes it
(``exchange.chain_checkpoint.v1``) and has the outside witness time-stamp it, retrying with backoff while the
witness is away. The checkpoint is stored before any delivery, so a witness that is down delays its receipt and
never loses it."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from exchange.domain.access import Caller, is_operator
from exchange.domain.checkpoints import CheckpointSigner, Receipt, SignedCheckpoint, checkpoint_due
from exchange.domain.city import next_attempt_at
from exchange.events import CHAIN_CHECKPOINT
from exchange.events import ChainCheckpoint as ChainCheckpointPayload
from exchange.store.models import ChainCheckpoint
from exchange.store.unit_of_work import ExchangeUnitOfWork
from exchange.use_cases.errors import Forbidden

__all__ = [
    "CheckpointPolicy",
    "CheckpointRecord",
    "Witness",
    "list_checkpoints",
    "record",
    "sign_if_due",
    "signed",
    "witness_due",
]

log = logging.getLogger("exchange.checkpoints")


class Witness(Protocol):
    """Time-stamps a checkpoint's digest; raises when it cannot (the delivery is retried)."""

    async def timestamp(self, digest: str) -> Receipt: ...


@dataclass(frozen=True)
class CheckpointPolicy:
    interval: timedelta  # sign at least this often while the chain grows
    every_entries: int  # … and whenever this many links were appended since the last checkpoint
    backoff_base: float  # witness retries: seconds, doubling, up to the cap
    backoff_cap: float
    batch: int = 20  # checkpoints sent to the witness per round


@dataclass(frozen=True)
class CheckpointRecord:
    """A stored checkpoint as read (detached from the session): what was signed, and the witness's receipt."""

    signed: SignedCheckpoint
    witnessed_at: datetime | None
    receipt: dict[str, Any] | None


def signed(row: ChainCheckpoint) -> SignedCheckpoint:
    return SignedCheckpoint(row.n, row.seq, row.hash, row.signed_at, row.key_id, row.signature)


def record(row: ChainCheckpoint) -> CheckpointRecord:
    return CheckpointRecord(signed(row), row.witnessed_at, None if row.receipt is None else dict(row.receipt))


async def sign_if_due(
    uow: ExchangeUnitOfWork, *, signer: CheckpointSigner, policy: CheckpointPolicy, now: datetime
) -> SignedCheckpoint | None:
    """Sign the chain's committed head when a checkpoint is due; store and publish it in one transaction."""
    if not await uow.checkpoints.lock_signing():
        return None  # another worker is signing
    last = await uow.checkpoints.last()
    head = await uow.access_log.head()
    due = checkpoint_due(
        head_seq=head.seq,
        last_seq=0 if last is None else last.seq,
        last_at=None if last is None else last.signed_at,
        now=now,
        interval=policy.interval,
        every_entries=policy.every_entries,
    )
    if not due:
        return None
    checkpoint = signer.sign(n=1 if last is None else last.n + 1, seq=head.seq, hash=head.hash, signed_at=now)
    uow.checkpoints.add(
        ChainCheckpoint(
            n=checkpoint.n,
            seq=checkpoint.seq,
            hash=checkpoint.hash,
            signed_at=checkpoint.signed_at,
            key_id=checkpoint.key_id,
            signature=checkpoint.signature,
            next_attempt_at=now,
        )
    )
    payload = ChainCheckpointPayload(
        n=checkpoint.n,
        seq=checkpoint.seq,
        hash=checkpoint.hash,
        signed_at=checkpoint.signed_at,
        key_id=checkpoint.key_id,
        signature=checkpoint.signature,
        digest=checkpoint.digest,
    )
    await uow.publish(CHAIN_CHECKPOINT, aggregate_id="access_log", sequence=checkpoint.n, payload=payload)
    await uow.commit()
    log.info("access log checkpoint signed", extra={"checkpoint": checkpoint.n, "seq": checkpoint.seq})
    return checkpoint


async def witness_due(
    uow: ExchangeUnitOfWork, *, witness: Witness, policy: CheckpointPolicy, now: datetime
) -> tuple[int, int]:
    """Have the witness time-stamp the checkpoints still without a receipt whose attempt is due (oldest first);
    keep each receipt, or note the failure and when to try again. Returns (witnessed, failed)."""
    due = await uow.checkpoints.claim_unwitnessed(now, policy.batch)
    if not due:
        return 0, 0
    answers = await asyncio.gather(
        *(witness.timestamp(signed(row).digest) for row in due), return_exceptions=True
    )
    failed = 0
    for row, answer in zip(due, answers, strict=True):
        row.attempts += 1
        if isinstance(answer, Receipt):
            row.receipt, row.witnessed_at, row.last_error = answer.as_json(), answer.gen_time, None
            continue
        if not isinstance(answer, Exception):
            raise answer  # cancelled or stopping: nothing of this round is kept
        failed += 1
        row.last_error = (str(answer) or type(answer).__name__)[:500]
        row.next_attempt_at = next_attempt_at(
            now, row.attempts, base=policy.backoff_base, cap=policy.backoff_cap
        )
    await uow.commit()
    if failed:
        log.warning(
            "witness did not time-stamp checkpoints; retrying later",
            extra={"failed": failed, "first": due[0].n},
        )
    return len(due) - failed, failed


async def list_checkpoints(
    uow: ExchangeUnitOfWork, *, caller: Caller, after: int, limit: int
) -> list[CheckpointRecord]:
    """The checkpoints with their receipts, oldest first, to keep or check elsewhere: the hub's operators only
    (role ``operator``, scope ``exchange:admin``). Auditors check the chain against them with ``verify_chain``,
    whose report carries the last checkpoint and its receipt."""
    if not is_operator(caller):
        raise Forbidden(
            "只有平台运维人员可以列出日志检查点；审计人员请用日志校验查看最近的检查点 (operators only)"
        )
    return [record(row) for row in await uow.checkpoints.page(after=after, limit=limit)]
