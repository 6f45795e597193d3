import pytest

from meshkit.auth import Unauthorized
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.unit


async def test_valid_token_gives_principal() -> None:
    factory = TokenFactory()
    principal = await factory.verifier().verify(
        factory.token(sub="dept-1", scope="a b", roles=["reviewer"], org="500110-SCJGJ", acr="2")
    )
    assert principal.sub == "dept-1"
    assert principal.scopes == {"a", "b"}
    assert principal.has_role("reviewer")
    assert principal.org == "500110-SCJGJ"
    assert principal.acr == 2


async def test_expired_token_refused() -> None:
    factory = TokenFactory()
    with pytest.raises(Unauthorized, match="过期"):
        await factory.verifier().verify(factory.token(ttl=-60))


async def test_wrong_issuer_refused() -> None:
    factory = TokenFactory()
    other = TokenFactory(issuer="http://evil.test", kid=factory.kid)
    other._key = factory._key
    with pytest.raises(Unauthorized, match="invalid token"):
        await factory.verifier().verify(other.token())


async def test_wrongly_signed_token_refused() -> None:
    factory = TokenFactory()
    forger = TokenFactory(kid=factory.kid)  # same kid, different key
    with pytest.raises(Unauthorized):
        await factory.verifier().verify(forger.token())


async def test_unknown_kid_refetches_once() -> None:
    factory = TokenFactory()
    verifier = factory.verifier()
    await verifier.verify(factory.token())
    assert factory.jwks_requests == 1
    stranger = TokenFactory(kid="unknown")
    for _ in range(3):
        with pytest.raises(Unauthorized, match="unknown kid"):
            await verifier.verify(stranger.token())
    assert factory.jwks_requests == 2  # one refetch, then rate-limited


async def test_garbage_refused() -> None:
    with pytest.raises(Unauthorized, match="malformed"):
        await TokenFactory().verifier().verify("not-a-jwt")


async def test_verified_tokens_are_cached_until_expiry() -> None:
    factory = TokenFactory()
    verifier = factory.verifier()
    token = factory.token(ttl=300)
    first = await verifier.verify(token)
    assert await verifier.verify(token) is first  # served from the cache
    expired = factory.token(ttl=-60)
    with pytest.raises(Unauthorized):
        await verifier.verify(expired)
