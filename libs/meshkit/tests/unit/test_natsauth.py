"""NATS permissions built from grants: each user only its own stream, the streams it consumes, its own inbox."""

from pathlib import Path

import pytest

from meshkit.natsauth import (
    NatsGrant,
    authorization_block,
    generate_users,
    load_grants,
    permissions,
    read_users,
    write_users,
)

pytestmark = pytest.mark.unit


def test_a_producer_manages_only_its_own_stream_and_dead_letters() -> None:
    publish, subscribe = permissions(
        NatsGrant("cases-worker", produces="cases", consumes=("catalog",), dead_letters=True)
    )
    assert "cases.>" in publish
    assert "$JS.API.STREAM.CREATE.CASES" in publish
    assert "deadletter.cases.>" in publish
    assert "$JS.API.CONSUMER.MSG.NEXT.CATALOG.*" in publish
    assert "$JS.ACK.CATALOG.>" in publish
    assert not any(p.startswith("catalog.") for p in publish)  # consumes catalog, never publishes on it
    assert "$JS.API.STREAM.CREATE.CATALOG" not in publish
    assert not any(p in ("$JS.API.>", ">", "$JS.>") for p in publish)
    assert subscribe == ("_INBOX.cases-worker.>",)


def test_grants_are_checked() -> None:
    with pytest.raises(ValueError, match="produces"):
        NatsGrant("x", dead_letters=True)
    with pytest.raises(ValueError, match="letters"):
        NatsGrant("bad user")


def test_grants_file_and_kept_passwords(tmp_path: Path) -> None:
    source = tmp_path / "permissions.toml"
    source.write_text('[users.a]\nproduces = "a"\n[users.b]\nconsumes = ["a"]\nsubscribes = ["a.>"]\n')
    grants = load_grants(source)
    users = generate_users(grants)
    kept = tmp_path / "users.json"
    write_users(kept, users)
    assert kept.stat().st_mode & 0o077 == 0
    again = generate_users(grants, read_users(kept))
    assert [u.password for u in again] == [u.password for u in users]  # a restart keeps the credentials
    assert len({u.password for u in users}) == 2
    block = authorization_block(users)
    assert '"a.>"' in block
    assert "_INBOX.b.>" in block
    source.write_text('[users.a]\npublishes = ["everything"]\n')
    with pytest.raises(ValueError, match="unknown keys"):
        load_grants(source)
