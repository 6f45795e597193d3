"""Issue 17, failure 3: a token identity revoked — itself, its session, its refresh family, its account or its
client — is refused by this service within seconds: the deny list every process keeps from identity's
revocation events, here over the session's real NATS JetStream."""

from typing import Any

import httpx
import pytest

from meshkit.embedded import EmbeddedNats
from meshkit.testing import eventually
from meshkit.testing.revocations import RevocationCase, announce_revocation, revocation_cases
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.api


async def call(client: httpx.AsyncClient, headers: dict[str, str]) -> httpx.Response:
    return await client.get("/access-log/mine", headers=headers)


@pytest.mark.parametrize("case", revocation_cases(), ids=lambda case: case.name)
async def test_revoked_token_is_refused_within_seconds(
    client: httpx.AsyncClient, tokens: TokenFactory, nats_server: EmbeddedNats, case: RevocationCase
) -> None:
    claims: dict[str, Any] = {"sub": "p-revoked", "kind": "person", "acr": "2", **case.claims}
    headers = tokens.headers(**claims)
    assert (await call(client, headers)).status_code != 401  # accepted before

    await announce_revocation(nats_server.url_for("identity-worker"), case.subject, **case.data)

    async def refused() -> None:
        response = await call(client, headers)
        assert response.status_code == 401, response.text
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["code"] == "invalid_token"

    await eventually(refused, timeout=5)
    other = tokens.headers(sub="p-other", kind="person", acr="2")
    assert (await call(client, other)).status_code != 401  # nobody else's token
