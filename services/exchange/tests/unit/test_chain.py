"""The hash chain's canonical JSON and the walk that finds the first broken link (pure)."""

import hashlib
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from exchange.domain.chain import GENESIS_HASH, ChainWalk, canonical_json, link_hash

pytestmark = pytest.mark.unit


def entries(count: int) -> list[dict[str, Any]]:
    chain, previous = [], GENESIS_HASH
    for n in range(1, count + 1):
        entry: dict[str, Any] = {
            "id": f"e{n}",
            "at": datetime(2026, 6, 15, 2, n, tzinfo=UTC),
            "client_id": "c",
            "purpose": f"用途{n}",
            "roles": [],
            "items": ["name"],
            "hidden_until": None,
        }
        entry.update(seq=n, prev_hash=previous, hash=link_hash(previous, canonical_json(entry)))
        previous = entry["hash"]
        chain.append(entry)
    return chain


def test_canonical_json_is_sorted_compact_utf8_and_utc() -> None:
    at = datetime(2026, 6, 15, 10, 0, 0, 123, tzinfo=timezone(timedelta(hours=8)))
    text = canonical_json({"purpose": "核验「甲」", "at": at, "items": ["b", "a"], "id": "x"})
    assert text.startswith('{"at":"2026-06-15T02:00:00.000123Z","caller":null,')
    assert '"purpose":"核验「甲」"' in text
    assert '"items":["b","a"]' in text
    assert link_hash("0" * 64, text) == hashlib.sha256(("0" * 64 + text).encode()).hexdigest()


def test_an_intact_chain() -> None:
    chain = entries(5)
    walk = ChainWalk()
    assert walk.feed(chain[:2])
    assert walk.feed(chain[2:])
    assert walk.finish(5, chain[-1]["hash"]) is None
    assert walk.checked == 5


def test_tampered_deleted_reordered_and_cut() -> None:
    chain = entries(5)
    tampered = [dict(e) for e in chain]
    tampered[2]["purpose"] = "别的用途"
    walk = ChainWalk()
    walk.feed(tampered)
    assert walk.broken is not None
    assert (walk.broken.seq, walk.broken.problem) == (3, "content_changed")

    walk = ChainWalk()
    walk.feed(chain[:1] + chain[2:])
    assert walk.broken is not None
    assert (walk.broken.seq, walk.broken.problem) == (2, "missing_entries")

    swapped = [dict(e) for e in chain]
    swapped[1], swapped[2] = {**chain[2], "seq": 2}, {**chain[1], "seq": 3}
    walk = ChainWalk()
    walk.feed(swapped)
    assert walk.broken is not None
    assert (walk.broken.seq, walk.broken.problem) == (2, "link_broken")

    walk = ChainWalk()
    walk.feed(chain[:4])
    broken = walk.finish(5, chain[-1]["hash"])
    assert broken is not None
    assert broken.problem == "head_mismatch"


def test_naive_timestamps_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone"):
        canonical_json({"at": datetime(2026, 1, 1)})
