"""Issue 17, failure 8 (CORS): the browser origin of a registered redirect URI, and the revocation rules."""

import jwt
import pytest

from identity.domain.clients import browser_origin
from identity.domain.oauth import jwt_type

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("redirect_uri", "origin"),
    [
        ("http://127.0.0.1:3000/callback", "http://127.0.0.1:3000"),
        ("https://web.example/callback?from=tongban", "https://web.example"),
        ("HTTPS://Web.Example:443/cb", "https://web.example"),
        ("http://localhost:80/cb", "http://localhost"),
        ("https://web.example:8443/cb", "https://web.example:8443"),
        ("http://[::1]:3000/cb", "http://[::1]:3000"),
        ("com.example.app:/callback", None),  # a native app's scheme has no web origin
        ("https:///no-host", None),
        ("https://web.example:99999/cb", None),
    ],
)
def test_issue17_f8_browser_origin_of_a_redirect_uri(redirect_uri: str, origin: str | None) -> None:
    assert browser_origin(redirect_uri) == origin


def test_issue17_f8_token_kinds_for_revocation() -> None:
    id_token = jwt.encode({"sub": "x"}, "k" * 32, algorithm="HS256", headers={"typ": "JWT"})
    access_token = jwt.encode({"sub": "x"}, "k" * 32, algorithm="HS256", headers={"typ": "at+jwt"})
    assert jwt_type(id_token) == "JWT"
    assert jwt_type(access_token) == "at+jwt"
    assert jwt_type("a.b.c") is None
