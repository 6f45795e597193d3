"""Announce a revocation the way identity's outbox relay does, for tests of the deny list in any process."""

from __future__ import annotations

import json
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from meshkit.revocation import REVOCATION_STREAM
from meshkit.streams import ensure_stream
from meshkit.testing.support import eventually
from meshkit.testing.tokens import TokenFactory
from meshkit.worker import connect_nats

__all__ = ["RevocationCase", "announce_revocation", "refused_once_announced", "revocation_cases"]


async def announce_revocation(
    nats_url: str, subject: str = "identity.access_token_revoked.v1", **data: Any
) -> None:
    """Publish one revocation event (a CloudEvent on identity's stream); ``at``/``until`` default to now and
    fifteen minutes later, e.g. ``announce_revocation(url, jtis=["…"])``."""
    now = datetime.now(UTC)
    body = {"at": now.isoformat(), "until": (now + timedelta(minutes=15)).isoformat(), **data}
    envelope = {
        "specversion": "1.0",
        "id": str(uuid.uuid4()),
        "source": "/tongban/identity",
        "type": subject,
        "subject": "test",
        "time": now.isoformat(),
        "sequence": 1,
        "data": body,
    }
    nc = await connect_nats(nats_url, name="test-revocations")  # as the URL's user, on its own inbox prefix
    try:
        js = nc.jetstream()
        await ensure_stream(js, REVOCATION_STREAM, ["identity.>"])
        await js.publish(subject, json.dumps(envelope).encode())
    finally:
        await nc.close()


@dataclass(frozen=True)
class RevocationCase:
    """One kind of revocation: the event that announces it and the claims of a token it must stop."""

    name: str
    subject: str
    data: dict[str, Any]
    claims: dict[str, Any]


def revocation_cases() -> list[RevocationCase]:
    """A revoked token, an ended session, a revoked family, a deactivated account and a deactivated client,
    each with fresh values (the session's NATS is shared by every test)."""
    v = uuid.uuid4().hex
    return [
        RevocationCase("token", "identity.access_token_revoked.v1", {"jtis": [v]}, {"jti": v}),
        RevocationCase("session", "identity.session_ended.v1", {"sid": v, "reason": "logout"}, {"sid": v}),
        RevocationCase(
            "family", "identity.token_family_revoked.v1", {"family": v, "reason": "x"}, {"tb_fam": v}
        ),
        RevocationCase(
            "subject",
            "identity.subject_deactivated.v1",
            {"subject_kind": "person", "subject_id": v, "token_subjects": [v]},
            {"sub": v},
        ),
        RevocationCase(
            "client", "identity.client_tokens_revoked.v1", {"client_id": v, "reason": "x"}, {"client_id": v}
        ),
    ]


Call = Callable[[dict[str, str]], Awaitable[httpx.Response]]


async def refused_once_announced(
    call: Call, tokens: TokenFactory, nats_url: str, case: RevocationCase, *, kind: str
) -> None:
    """A service's side of a revocation: a token ``call`` accepts is refused (401 ``invalid_token``) within 5 s of
    identity announcing ``case``, and another caller's token is still accepted."""
    headers = tokens.headers(**{"sub": "p-revoked", "kind": kind, "acr": "2", **case.claims})
    assert (await call(headers)).status_code != 401  # accepted before
    await announce_revocation(nats_url, case.subject, **case.data)

    async def refused() -> None:
        response = await call(headers)
        assert response.status_code == 401, response.text
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["code"] == "invalid_token"

    await eventually(refused, timeout=5)
    other = tokens.headers(sub="p-other", kind=kind, acr="2")
    assert (await call(other)).status_code != 401  # nobody else's token
