"""Issue 21 (ES256 verification 139 µs, target 100): meshkit's verifier parses a token once and hands the
signature to OpenSSL, without PyJWT's per-character decoding — and refuses everything PyJWT refused."""

import base64
import json
import time
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from meshkit.auth import TokenVerifier, Unauthorized
from meshkit.jws import Es256Signer
from meshkit.testing.tokens import TokenFactory

pytestmark = pytest.mark.unit


def _b64(data: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def _signed(factory: TokenFactory, claims: dict[str, Any], **header: Any) -> str:
    return jwt.encode(
        claims, factory._key, algorithm="ES256", headers={"kid": factory.kid, "typ": "at+jwt", **header}
    )


def _claims(factory: TokenFactory, **changes: Any) -> dict[str, Any]:
    now = int(time.time())
    claims = {"iss": factory.issuer, "aud": factory.audience, "sub": "s", "iat": now, "exp": now + 300}
    claims.update(changes)
    return {k: v for k, v in claims.items() if v is not None}


async def test_issue21_es256_verification_skips_pyjwt_per_character_decoding(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 21, ES256 verification cost: PyJWT 2.15 walks every character of every segment in Python (more
    than the OpenSSL verify costs) and the verifier parsed the header twice; the verifier no longer goes there."""
    calls = 0
    original = jwt.api_jws.PyJWS._decode_base64url_segment

    def counted(segment: bytes, name: str) -> bytes:
        nonlocal calls
        calls += 1
        return original(segment, name)

    monkeypatch.setattr(jwt.api_jws.PyJWS, "_decode_base64url_segment", staticmethod(counted))
    factory = TokenFactory()
    verifier = factory.verifier()
    verifier._cache_size = 0
    tokens = [factory.token(sub=f"s{i}") for i in range(5)]  # minted before counting
    calls = 0
    for token in tokens:
        assert (await verifier.verify(token)).sub.startswith("s")
    assert calls == 0


@pytest.mark.parametrize(
    ("changes", "detail"),
    [
        ({"exp": None}, "exp"),
        ({"iss": None}, "iss"),
        ({"sub": None}, "sub"),
        ({"iat": None}, "iat"),
        ({"exp": "tomorrow"}, "number"),
        ({"exp": True}, "number"),
        ({"iat": int(time.time()) + 3600}, "not yet valid"),
        ({"nbf": int(time.time()) + 3600}, "not yet valid"),
        ({"aud": "other"}, "audience"),
        ({"aud": ["other", "more"]}, "audience"),
        ({"aud": None}, "audience"),
        ({"iss": "http://evil.test"}, "issuer"),
    ],
)
async def test_issue21_lean_verifier_checks_claims_like_pyjwt(changes: dict[str, Any], detail: str) -> None:
    """Issue 21: the claims PyJWT checked with the verifier's options are still checked, each a 401."""
    factory = TokenFactory()
    with pytest.raises(Unauthorized, match=detail):
        await factory.verifier().verify(_signed(factory, _claims(factory, **changes)))


async def test_issue21_lean_verifier_accepts_an_audience_list() -> None:
    factory = TokenFactory()
    token = _signed(factory, _claims(factory, aud=["other", factory.audience]))
    assert (await factory.verifier().verify(token)).sub == "s"


async def test_issue21_lean_verifier_refuses_non_canonical_shapes() -> None:
    """Issue 21: padding, junk characters, a wrong signature length, a non-object header or payload, a tampered
    payload and a key of another curve under the same kid are all refused (401, never a 500)."""
    factory = TokenFactory()
    verifier = factory.verifier()
    good = factory.token()
    header, payload, signature = good.split(".")
    other_payload = _b64(_claims(factory, sub="someone-else"))
    p384 = ec.generate_private_key(ec.SECP384R1())
    on_p384 = jwt.encode(
        _claims(factory), p384, algorithm="ES384", headers={"kid": factory.kid, "typ": "at+jwt"}
    ).split(".")
    bad = [
        f"{header}.{payload}.{signature}==",
        f"{header}=.{payload}.{signature}",
        f"{header}.{payload}!.{signature}",
        f"{header}.{payload}.{signature[:-4]}",
        f"{_b64([1])}.{payload}.{signature}",
        f"{header}.{other_payload}.{signature}",
        f"{header}.{base64.urlsafe_b64encode(b'[1]').rstrip(b'=').decode()}.{signature}",
        f"{header}.{on_p384[1]}.{on_p384[2]}",
        f"{header}.{payload}",
        "",
    ]
    for token in bad:
        with pytest.raises(Unauthorized):
            await verifier.verify(token)
    assert (await verifier.verify(good)).sub == "subject-1"


async def test_issue21_lean_verifier_without_an_audience_refuses_a_token_for_one() -> None:
    """Issue 21: as PyJWT did, a verifier that names no audience refuses a token that names one."""
    factory = TokenFactory()
    verifier = TokenVerifier(
        jwks_url="http://jwks.test/jwks",
        issuer=factory.issuer,
        audience=None,
        client=httpx.AsyncClient(transport=factory.transport()),
    )
    with pytest.raises(Unauthorized, match="audience"):
        await verifier.verify(factory.token())
    assert (await verifier.verify(_signed(factory, _claims(factory, aud=None)))).sub == "s"


async def test_issue21_lean_signer_writes_what_pyjwt_writes() -> None:
    """The token endpoint signs with meshkit's ES256 signer instead of ``jwt.encode``: the same header and claims
    segments byte for byte, a signature PyJWT and meshkit's verifier both accept."""
    factory = TokenFactory(issuer="http://issuer.test", audience="tongban")
    signer = Es256Signer(factory._key, kid=factory.kid, typ="at+jwt")
    claims = _claims(factory, scope="a b", roles=[], name="名字")
    ours = signer.sign(claims)
    theirs = _signed(factory, claims)
    assert ours.split(".")[:2] == theirs.split(".")[:2]
    assert jwt.decode(ours, factory._key.public_key(), algorithms=["ES256"], audience="tongban") == claims
    assert (await factory.verifier().verify(ours)).claims["sub"] == "s"
    with pytest.raises(ValueError, match="P-256"):
        Es256Signer(ec.generate_private_key(ec.SECP384R1()), kid="k")
