"""Rules for OAuth clients registered by administrators: grant types, redirect URIs, confidentiality."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from urllib.parse import urlsplit

__all__ = ["GrantType", "browser_origin", "client_problems", "redirect_uri_problem"]

_LOOPBACK = {"localhost", "127.0.0.1", "::1"}
_DEFAULT_PORTS = {"http": 80, "https": 443}


class GrantType(StrEnum):
    CLIENT_CREDENTIALS = "client_credentials"  # department systems, the city platform
    AUTHORIZATION_CODE = "authorization_code"  # web and mobile apps (PKCE)
    REFRESH_TOKEN = "refresh_token"  # noqa: S105 - a grant type, not a secret


def redirect_uri_problem(uri: str) -> str | None:
    """Redirect URIs are matched exactly: absolute https (http only on loopback), no fragment, no wildcards."""
    parts = urlsplit(uri)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        return f"回调地址须为绝对 https 地址: {uri}"
    if parts.scheme == "http" and parts.hostname not in _LOOPBACK:
        return f"回调地址须使用 https（仅本机回环地址可用 http）: {uri}"
    if parts.fragment or "#" in uri:
        return f"回调地址不得包含片段 (#): {uri}"
    if "*" in uri:
        return f"回调地址须精确匹配，不支持通配符: {uri}"
    return None


def client_problems(
    *, confidential: bool, grant_types: Sequence[GrantType], redirect_uris: Sequence[str]
) -> list[dict[str, str]]:
    """Every rule a client's settings break."""
    problems = []
    if not grant_types:
        problems.append({"field": "grant_types", "message": "至少需要一种授权类型"})
    if GrantType.CLIENT_CREDENTIALS in grant_types and not confidential:
        problems.append({"field": "grant_types", "message": "公开客户端不能使用 client_credentials"})
    if GrantType.AUTHORIZATION_CODE in grant_types and not redirect_uris:
        problems.append({"field": "redirect_uris", "message": "授权码模式至少需要一个回调地址"})
    if GrantType.REFRESH_TOKEN in grant_types and GrantType.AUTHORIZATION_CODE not in grant_types:
        problems.append(
            {"field": "grant_types", "message": "refresh_token 只能与 authorization_code 一起使用"}
        )
    for uri in redirect_uris:
        problem = redirect_uri_problem(uri)
        if problem:
            problems.append({"field": "redirect_uris", "message": problem})
    return problems


def browser_origin(redirect_uri: str) -> str | None:
    """The web origin (RFC 6454: scheme, host, port; default ports left out, lower case) a redirect URI
    belongs to: the page that receives the code and may then call the token endpoint from the browser.
    None for anything that is not http(s)."""
    parts = urlsplit(redirect_uri)
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    try:
        port = parts.port
    except ValueError:
        return None
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    suffix = f":{port}" if port is not None and port != _DEFAULT_PORTS[scheme] else ""
    return f"{scheme}://{host}{suffix}"
