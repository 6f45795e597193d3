"""Issue 17, failure 3: a token identity revoked — itself, its session, its refresh family, its account or its
client — is refused by this service within seconds: the deny list every process keeps from identity's
revocation events, here over the session's real NATS JetStream."""

import httpx
import pytest

from meshkit.embedded import EmbeddedNats
from meshkit.testing.revocations import RevocationCase, refused_once_announced, revocation_cases
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.api


@pytest.mark.parametrize("case", revocation_cases(), ids=lambda case: case.name)
async def test_revoked_token_is_refused_within_seconds(
    client: httpx.AsyncClient, tokens: TokenFactory, nats_server: EmbeddedNats, case: RevocationCase
) -> None:
    async def call(headers: dict[str, str]) -> httpx.Response:
        return await client.get("/access-log/mine", headers=headers)

    await refused_once_announced(call, tokens, nats_server.url_for("identity-worker"), case, kind="person")
