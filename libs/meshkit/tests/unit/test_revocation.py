"""The deny list's matching rules (issue 17, failure 3: revocation must stop tokens at every service)."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from meshkit.auth import Principal, Unauthorized, refuse_revoked
from meshkit.revocation import DenyList, RevocationView, entries_of


def claims(**extra: Any) -> dict[str, Any]:
    return {
        "sub": "s-1",
        "client_id": "web",
        "jti": "j-1",
        "iat": int(time.time()) - 60,
        "tb_kind": "person",
        **extra,
    }


def deny(key: str, value: str, *, at: float | None = None, until: float | None = None) -> DenyList:
    now = time.time()
    entries = DenyList()
    entries.add(key, value, at=now if at is None else at, until=now + 900 if until is None else until)
    return entries


def test_empty_list_refuses_nothing() -> None:
    assert DenyList().refusal(claims()) is None


@pytest.mark.parametrize(("key", "claim"), [("jti", "jti"), ("sid", "sid"), ("family", "tb_fam")])
def test_token_session_and_family_entries_refuse_every_token_carrying_them(key: str, claim: str) -> None:
    now = time.time()
    entries = deny(key, "v-1", at=now - 3600)  # whenever the token was issued
    assert entries.refusal(claims(**{claim: "v-1", "iat": int(now)})) is not None
    assert entries.refusal(claims(**{claim: "v-2"})) is None
    assert entries.refusal(claims()) is None


@pytest.mark.parametrize("key", ["sub", "client_id"])
def test_subject_and_client_entries_refuse_tokens_issued_before_not_after(key: str) -> None:
    """A deactivated account or re-keyed client: older tokens refused, tokens after a reactivation work."""
    now = time.time()
    entries = deny(key, "x", at=now - 10.5)
    before = claims(**{key: "x", "iat": int(now) - 20})
    same_second = claims(**{key: "x", "iat": int(now - 10.5)})
    after = claims(**{key: "x", "iat": int(now) - 5})
    assert entries.refusal(before) is not None
    assert entries.refusal(same_second) is not None  # the conservative side of whole-second iat
    assert entries.refusal(after) is None


def test_enterprise_entry_matches_enterprise_tokens_by_org_only() -> None:
    entries = deny("enterprise", "ent-1")
    assert entries.refusal(claims(tb_kind="enterprise", org="ent-1")) is not None
    assert entries.refusal(claims(tb_kind="staff", org="ent-1")) is None


def test_expired_entries_are_ignored_and_pruned() -> None:
    now = time.time()
    entries = DenyList(leeway=5)
    entries.add("jti", "old", at=now - 2000, until=now - 1000)
    assert len(entries) == 0  # nothing it could match is still valid
    entries.add("jti", "soon", at=now, until=now + 60)
    assert len(entries) == 1
    assert entries.prune(now=now) == 0
    assert entries.prune(now=now + 70) == 1
    assert entries.refusal(claims(jti="soon")) is None


def test_a_later_entry_moves_the_time_forward() -> None:
    now = time.time()
    entries = deny("sub", "x", at=now - 100)
    entries.add("sub", "x", at=now - 10, until=now + 900)
    assert entries.refusal(claims(sub="x", iat=int(now) - 50)) is not None


def test_event_view_names_the_entries() -> None:
    at = datetime.now(UTC)
    view = RevocationView.model_validate(
        {
            "at": at.isoformat(),
            "until": (at + timedelta(minutes=15)).isoformat(),
            "subject_kind": "enterprise",
            "subject_id": "ent-1",
            "token_subjects": [],
            "reason": "ignored",
        }
    )
    assert entries_of(view) == [("enterprise", "ent-1")]


def test_refuse_revoked_answers_401_invalid_token() -> None:
    principal = Principal.from_claims(claims(jti="j-9"))
    with pytest.raises(Unauthorized) as refused:
        refuse_revoked(deny("jti", "j-9"), principal)
    assert refused.value.status == 401
    assert refused.value.code == "invalid_token"
    assert "撤销" in refused.value.detail
    refuse_revoked(None, principal)  # no list: nothing to refuse
