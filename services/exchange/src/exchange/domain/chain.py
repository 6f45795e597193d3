"""The access log's hash chain: each entry's hash is SHA-256 over the previous hash and the entry's canonical JSON.

Canonical JSON: the entry's fields (not its position or hashes) as one JSON object with keys sorted, no
whitespace, UTF-8 without escaping non-ASCII, timestamps in UTC as ``YYYY-MM-DDTHH:MM:SS.ffffffZ``. The database
trigger that appends an entry at commit hashes exactly this text, so anyone holding an export can re-verify it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

__all__ = [
    "CHAINED_FIELDS",
    "GENESIS_HASH",
    "Anchor",
    "Break",
    "ChainWalk",
    "canonical_json",
    "canonical_text",
    "link_hash",
]

GENESIS_HASH = "0" * 64

CHAINED_FIELDS = (
    "id",
    "at",
    "request_id",
    "client_id",
    "caller",
    "caller_kind",
    "org_code",
    "roles",
    "resource_code",
    "items",
    "purpose",
    "case_ref",
    "legal_basis",
    "subject_ref",
    "owner_id",
    "outcome",
    "reason",
    "hidden_until",
)


def _value(value: Any) -> Any:
    if value is None or isinstance(value, str):  # most fields: tested first
        return value
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("access log timestamps must be timezone-aware")
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, (list, tuple)):
        return [_value(v) for v in value]
    return value if isinstance(value, (int, bool)) else str(value)


_SORTED_FIELDS = tuple(sorted(CHAINED_FIELDS))
# One encoder for every entry, the keys handed over already sorted: ``json.dumps`` with options builds a new
# encoder per call, and with sorting 18 keys that was about a quarter of the text's cost, twice per read (issue 21).
_ENCODER = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)


def canonical_json(entry: Mapping[Any, Any]) -> str:
    return canonical_text({name: entry.get(name) for name in _SORTED_FIELDS})


def canonical_text(fields: Mapping[str, Any]) -> str:
    """The canonical text of an entry given as its chained fields (every one of :data:`CHAINED_FIELDS`)."""
    return _ENCODER.encode({name: _value(fields[name]) for name in _SORTED_FIELDS})


def link_hash(previous: str, canonical: str) -> str:
    return hashlib.sha256((previous + canonical).encode()).hexdigest()


@dataclass(frozen=True)
class Break:
    """The first broken link: where, and what was found there. A break found against the signed checkpoints names
    the checkpoint (``checkpoint``) and the last one that still held (``since_checkpoint``, None: the start)."""

    seq: int
    entry_id: str | None
    problem: str  # content_changed | link_broken | missing_entries | not_chained | head_mismatch
    # | checkpoint_mismatch | head_behind_checkpoint | checkpoint_signature_invalid | receipt_invalid
    detail: str
    checkpoint: int | None = None
    since_checkpoint: int | None = None


@dataclass(frozen=True)
class Anchor:
    """A checkpoint whose signature checked: the chain had ``seq`` links ending in ``hash`` when it was signed."""

    n: int
    seq: int
    hash: str


def _between(since: Anchor | None, anchor: Anchor) -> str:
    start = (
        "日志开头 (the start)"
        if since is None
        else f"第 {since.n} 号检查点 (checkpoint #{since.n}, seq {since.seq})"
    )
    return f"{start} — 第 {anchor.n} 号检查点 (checkpoint #{anchor.n}, seq {anchor.seq})"


class ChainWalk:
    """Feed chain links with their entries' fields, in ``seq`` order (in chunks, for big logs); stops at the first
    broken link. A link whose entry is gone has ``id`` None.

    ``anchors`` (checkpoints whose signatures checked) pin the chain: at each anchor's ``seq`` the walk's hash must
    be the anchor's. A chain re-hashed forward after an edit is consistent link by link but misses the next
    anchor (``checkpoint_mismatch``); a head moved back behind an anchor is ``head_behind_checkpoint``."""

    def __init__(
        self, start_seq: int = 0, start_hash: str = GENESIS_HASH, anchors: Iterable[Anchor] = ()
    ) -> None:
        self.seq = start_seq
        self.hash = start_hash
        self.checked = 0
        self.broken: Break | None = None
        self._anchors = sorted((a for a in anchors if a.seq > start_seq), key=lambda a: (a.seq, a.n))
        self._next = 0  # the first anchor not reached yet
        self.held: Anchor | None = None  # the last anchor the walk matched

    def feed(self, entries: Iterable[Mapping[Any, Any]]) -> bool:
        """False once a break was found."""
        for entry in entries:
            if self.broken is not None:
                return False
            self._check(entry)
        return self.broken is None

    def _check(self, entry: Mapping[Any, Any]) -> None:
        seq, entry_id = entry.get("seq"), str(entry.get("entry_id") or entry.get("id"))
        if seq is None:
            self.broken = Break(
                self.seq + 1, entry_id, "not_chained", "条目未进入哈希链 (entry has no position)"
            )
            return
        if seq != self.seq + 1:
            self.broken = Break(
                self.seq + 1,
                entry_id,
                "missing_entries",
                f"第 {self.seq + 1} 条起缺失，下一条为第 {seq} 条 (entries {self.seq + 1}..{seq - 1} missing)",
            )
            return
        if entry.get("id") is None:
            self.broken = Break(
                seq, entry_id, "missing_entries", f"第 {seq} 条的日志内容已被删除 (entry deleted)"
            )
            return
        if entry.get("prev_hash") != self.hash:
            self.broken = Break(
                seq,
                entry_id,
                "link_broken",
                "前一条目的哈希与本条记录的不符：条目被删除、插入或调换了顺序 (previous hash does not match)",
            )
            return
        expected = link_hash(self.hash, canonical_json(entry))
        if entry.get("hash") != expected:
            self.broken = Break(
                seq, entry_id, "content_changed", "条目内容与其哈希不符：内容被改动 (content changed)"
            )
            return
        self.seq, self.hash = seq, expected
        self.checked += 1
        while self._next < len(self._anchors) and self._anchors[self._next].seq == seq:
            anchor = self._anchors[self._next]
            if anchor.hash != expected:
                self.broken = Break(
                    seq,
                    entry_id,
                    "checkpoint_mismatch",
                    f"第 {seq} 条的哈希与已签名的检查点不符：{_between(self.held, anchor)} 之间的日志被改写"
                    " (the chain was rewritten between these checkpoints)",
                    checkpoint=anchor.n,
                    since_checkpoint=None if self.held is None else self.held.n,
                )
                return
            self.held = anchor
            self._next += 1

    def finish(self, head_seq: int, head_hash: str) -> Break | None:
        """Compare the end of the walk with the chain head (catches entries deleted from the end), and the head
        with the last checkpoint (catches a tail cut off with the head moved back, or the whole log emptied)."""
        if self.broken is None and (self.seq, self.hash) != (head_seq, head_hash):
            self.broken = Break(
                self.seq + 1,
                None,
                "head_mismatch",
                f"链头记录为第 {head_seq} 条，但日志只到第 {self.seq} 条 (chain head does not match the last entry)",
            )
        if self.broken is None and self._next < len(self._anchors):
            anchor = self._anchors[-1]
            self.broken = Break(
                head_seq + 1,
                None,
                "head_behind_checkpoint",
                f"链头为第 {head_seq} 条，但第 {anchor.n} 号检查点已签到第 {anchor.seq} 条：链尾被截去或日志被清空，"
                f"链头被回退 (the head is behind checkpoint #{anchor.n}: the tail was cut and the head moved back)",
                checkpoint=anchor.n,
                since_checkpoint=None if self.held is None else self.held.n,
            )
        return self.broken
