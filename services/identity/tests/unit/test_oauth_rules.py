"""OpenID Provider rules without I/O: PKCE (RFC 7636 Appendix B), the authorization request, the signed pending
request, pairwise subjects, lockout back-off, token claims and the key schedule."""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest

from identity.domain.oauth import (
    locked_until,
    pairwise_subject,
    pkce_challenge,
    pkce_matches,
    valid_code_challenge,
    valid_code_verifier,
)
from identity.domain.oauth_keys import KeyTimes, RotationPolicy, published_keys, rotation_plan, signing_key
from identity.domain.oauth_request import (
    AuthorizationError,
    AuthorizationRequest,
    check_authorization_request,
    open_pending,
    redirect_to,
    seal_pending,
    unique_params,
)
from identity.domain.tokens import SubjectClaims, TokenPolicy, access_token_claims, at_hash, narrowed_scopes

pytestmark = pytest.mark.unit

RFC7636_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
RFC7636_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
NOW = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
SECRET = "unit-test-secret-that-is-long-enough"


def test_rfc7636_appendix_b_vector() -> None:
    assert pkce_challenge(RFC7636_VERIFIER) == RFC7636_CHALLENGE
    assert pkce_matches(RFC7636_VERIFIER, RFC7636_CHALLENGE)
    assert not pkce_matches(RFC7636_VERIFIER[:-1] + "j", RFC7636_CHALLENGE)
    assert valid_code_challenge(RFC7636_CHALLENGE)


@pytest.mark.parametrize(
    ("verifier", "valid"),
    [
        ("a" * 42, False),
        ("a" * 43, True),
        ("a" * 128, True),
        ("a" * 129, False),
        ("a" * 42 + "+", False),
        ("A-._~z0" * 7, True),
        ("a" * 42 + "=", False),
        ("a" * 42 + "é", False),
    ],
)
def test_verifier_is_43_to_128_unreserved_characters(verifier: str, valid: bool) -> None:
    assert valid_code_verifier(verifier) is valid
    assert pkce_matches(verifier, pkce_challenge(verifier) if valid else "x" * 43) is valid


@pytest.mark.parametrize(
    ("failures", "lock"),
    [
        (1, None),
        (4, None),
        (5, timedelta(minutes=1)),
        (6, timedelta(minutes=2)),
        (8, timedelta(minutes=8)),
        (10, timedelta(minutes=32)),
        (11, timedelta(hours=1)),
        (40, timedelta(hours=1)),
    ],
)
def test_lockout_backs_off_to_an_hour(failures: int, lock: timedelta | None) -> None:
    until = locked_until(failures, NOW)
    assert (until - NOW if until else None) == lock


def test_pairwise_subjects_are_stable_and_unlinkable() -> None:
    one = pairwise_subject(SECRET, sector="public-security", person_id="p-1")
    assert one == pairwise_subject(SECRET, sector="public-security", person_id="p-1")
    assert one != pairwise_subject(SECRET, sector="market-regulation", person_id="p-1")
    assert one != pairwise_subject(SECRET, sector="public-security", person_id="p-2")
    assert one != pairwise_subject(
        "another-secret-that-is-long-enough", sector="public-security", person_id="p-1"
    )
    assert len(one) == 43
    assert "p-1" not in one


@dataclass
class FakeClient:
    client_id: str = "web"
    name: str = "网站"
    active: bool = True
    scopes: str = "openid profile"
    grant_types: list[str] = field(default_factory=lambda: ["authorization_code"])
    redirect_uris: list[str] = field(default_factory=lambda: ["https://web.example/cb"])


def params(**changes: str) -> dict[str, str]:
    base = {
        "client_id": "web",
        "redirect_uri": "https://web.example/cb",
        "response_type": "code",
        "code_challenge": RFC7636_CHALLENGE,
        "code_challenge_method": "S256",
        "state": "s1",
        "nonce": "n1",
    }
    return {key: value for key, value in {**base, **changes}.items() if value != "<drop>"}


def test_a_good_request() -> None:
    request = check_authorization_request(params(scope="openid", max_age="300", prompt="login"), FakeClient())
    assert request.scopes == ("openid",)
    assert request.state == "s1"
    assert request.nonce == "n1"
    assert request.max_age == 300
    assert request.forces_login
    assert request.client_name == "网站"
    default = check_authorization_request(params(), FakeClient())
    assert default.scopes == ("openid", "profile")
    assert default.accepts_session(auth_time=NOW, now=NOW + timedelta(hours=1))
    aged = check_authorization_request(params(max_age="60"), FakeClient())
    assert not aged.accepts_session(auth_time=NOW, now=NOW + timedelta(seconds=61))


@pytest.mark.parametrize(
    ("changes", "client", "error", "redirected"),
    [
        ({}, None, "invalid_client", False),
        ({}, FakeClient(active=False), "invalid_client", False),
        ({"redirect_uri": "https://web.example/cb/"}, FakeClient(), "invalid_request", False),
        ({"redirect_uri": "<drop>", "request": "x"}, FakeClient(), "invalid_request", False),
        ({"request": "x"}, FakeClient(), "request_not_supported", True),
        ({"request_uri": "urn:x"}, FakeClient(), "request_uri_not_supported", True),
        ({"response_type": "code id_token"}, FakeClient(), "unsupported_response_type", True),
        ({"response_mode": "fragment"}, FakeClient(), "invalid_request", True),
        ({}, FakeClient(grant_types=["client_credentials"]), "unauthorized_client", True),
        ({"code_challenge": "<drop>"}, FakeClient(), "invalid_request", True),
        ({"code_challenge_method": "plain"}, FakeClient(), "invalid_request", True),
        ({"code_challenge_method": "<drop>"}, FakeClient(), "invalid_request", True),
        ({"code_challenge": "short"}, FakeClient(), "invalid_request", True),
        ({"scope": "openid admin"}, FakeClient(), "invalid_scope", True),
        ({"prompt": "none consent"}, FakeClient(), "invalid_request", True),
        ({"prompt": "bogus"}, FakeClient(), "invalid_request", True),
        ({"max_age": "-1"}, FakeClient(), "invalid_request", True),
        ({"nonce": "n" * 256}, FakeClient(), "invalid_request", True),
    ],
)
def test_refusals_and_where_they_go(
    changes: dict[str, str], client: FakeClient | None, error: str, redirected: bool
) -> None:
    with pytest.raises(AuthorizationError) as caught:
        check_authorization_request(params(**changes), client)
    assert caught.value.error == error
    assert (caught.value.redirect_uri is not None) is redirected
    assert caught.value.description.isascii()
    assert caught.value.message
    if redirected:
        assert caught.value.state == "s1"


def test_redirect_keeps_the_registered_query() -> None:
    target = redirect_to("https://web.example/cb?from=x", {"code": "c 1", "state": None, "iss": "http://i"})
    assert target == "https://web.example/cb?from=x&code=c+1&iss=http%3A%2F%2Fi"


def test_repeated_parameters() -> None:
    assert unique_params([("a", "1"), ("b", "2")]) == {"a": "1", "b": "2"}
    assert unique_params([("a", "1"), ("a", "2")]) is None


def test_pending_request_is_signed_expiring_and_bound_to_the_browser() -> None:
    request = AuthorizationRequest(
        client_id="web",
        redirect_uri="https://web.example/cb",
        scopes=("openid",),
        code_challenge=RFC7636_CHALLENGE,
        client_name="网站",
        prompt=("login",),
    )
    sealed = seal_pending(request, secret=SECRET, binding="cookie-1", expires_at=NOW + timedelta(minutes=10))
    assert open_pending(sealed, secret=SECRET, binding="cookie-1", now=NOW) == request
    assert open_pending(sealed, secret=SECRET, binding="cookie-2", now=NOW) is None
    assert open_pending(sealed, secret=SECRET, binding="", now=NOW) is None
    assert open_pending(sealed, secret=SECRET, binding="cookie-1", now=NOW + timedelta(minutes=11)) is None
    assert open_pending(sealed, secret="another-secret-long-enough-too", binding="cookie-1", now=NOW) is None
    payload, _, signature = sealed.partition(".")
    assert (
        open_pending(payload[:-4] + "AAAA." + signature, secret=SECRET, binding="cookie-1", now=NOW) is None
    )


POLICY = TokenPolicy(
    issuer="http://i",
    audience="tongban",
    access_ttl=900,
    id_token_ttl=600,
    refresh_ttl=86400,
    code_ttl=60,
    session_ttl=3600,
)


def test_access_token_claims() -> None:
    subject = SubjectClaims(
        kind="staff",
        sub="s-1",
        acr=3,
        auth_time=100,
        org="500110-SCJGJ",
        region="500110000000",
        roles=("reviewer",),
    )
    claims = access_token_claims(
        policy=POLICY,
        subject=subject,
        client_id="web",
        scopes=["openid"],
        issued_at=1000,
        token_id="j",
        audiences=["tongban", "city-platform"],
    )
    assert claims["exp"] - claims["iat"] == 900
    assert claims["acr"] == "3"
    assert claims["roles"] == ["reviewer"]
    assert claims["auth_time"] == 100
    assert claims["aud"] == ["tongban", "city-platform"]
    # OIDC Core Appendix A.4's example pair
    assert at_hash("jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y") == "77QmUPtjPfzWtF2AnpK9RQ"


def test_refresh_scope_may_narrow_never_widen() -> None:
    assert narrowed_scopes(None, "openid profile") == ["openid", "profile"]
    assert narrowed_scopes("profile", "openid profile") == ["profile"]
    assert narrowed_scopes("openid phone", "openid profile") is None


ROTATION = RotationPolicy(
    rotate_every=timedelta(days=30), publish_ahead=timedelta(days=1), verify_window=timedelta(minutes=20)
)


def test_key_schedule() -> None:
    assert rotation_plan([], NOW, ROTATION).create_activating_at == NOW  # bootstrap
    first = KeyTimes("k1", activates_at=NOW)
    assert rotation_plan([first], NOW + timedelta(days=28), ROTATION).create_activating_at is None
    plan = rotation_plan([first], NOW + timedelta(days=29), ROTATION)
    assert plan.create_activating_at == NOW + timedelta(days=30)
    nearer = rotation_plan(
        [first], NOW + timedelta(days=29, hours=1), ROTATION
    )  # never less than a day ahead
    assert nearer.create_activating_at == NOW + timedelta(days=30, hours=1)
    late = rotation_plan(
        [first], NOW + timedelta(days=40), ROTATION
    )  # the worker was down: still a day ahead
    assert late.create_activating_at == NOW + timedelta(days=41)

    second = KeyTimes("k2", activates_at=NOW + timedelta(days=30))
    keys = [first, second]
    before = NOW + timedelta(days=29, hours=12)
    assert signing_key(keys, before) == first
    assert [k.kid for k in published_keys(keys, before, ROTATION)] == ["k2", "k1"]
    assert rotation_plan(keys, before, ROTATION) == type(plan)(create_activating_at=None, retire={})
    after = NOW + timedelta(days=30, minutes=5)
    assert signing_key(keys, after) == second
    assert rotation_plan(keys, after, ROTATION).retire == {"k1": second.activates_at}
    assert [k.kid for k in published_keys(keys, after, ROTATION)] == ["k2", "k1"]
    assert [k.kid for k in published_keys(keys, NOW + timedelta(days=30, minutes=21), ROTATION)] == ["k2"]
    # k2 retired by hand (say, compromised) after k1's retirement was recorded: a new key signs at once
    retired = [
        KeyTimes("k1", NOW, retired_at=second.activates_at),
        KeyTimes("k2", second.activates_at, after),
    ]
    later = after + timedelta(seconds=1)
    assert signing_key(retired, later) is None
    assert rotation_plan(retired, later, ROTATION).create_activating_at == later
