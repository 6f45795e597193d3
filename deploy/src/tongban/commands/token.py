"""``tongban token --as NAME``: an access token of a demo account for trying the API from a shell.

NAME is a demo person's name (陈晓梅) or resident ID, a staff username (clerk.zwfwzx) or a department system's
client id (catalog-editor). People log in the way a browser does (authorization code + PKCE through identity's
login page, :func:`tongban.login.browser_login`); systems use client credentials. Only outside prod: the demo
accounts and their published password do not exist there. The token alone goes to stdout, so
``TOKEN=$(tongban token --as 陈晓梅)`` works; what it is goes to stderr.
"""

from __future__ import annotations

import argparse
import asyncio
import sys

import httpx

from identity.demo import DEMO_CLIENT_SECRET, DEMO_CLIENTS, DEMO_PASSWORD, DEMO_PERSONS, DEMO_STAFF
from tongban.config import MeshConfig
from tongban.login import LoginFailed, browser_login
from tongban.registry import add_mesh_options, command, config_from_args
from tongban.runstate import read_record

__all__ = ["run_token"]


def _configure(parser: argparse.ArgumentParser) -> None:
    add_mesh_options(parser)
    parser.add_argument(
        "--as",
        dest="who",
        required=True,
        metavar="NAME",
        help="a demo person's name or ID number (陈晓梅), a staff username (clerk.zwfwzx) or a system client id "
        "(catalog-editor)",
    )
    parser.add_argument("--password", default=None, help="default: the demo password (dev and test only)")


def _gateway_url(config: MeshConfig) -> str:
    """The running mesh's gateway (its launcher's record), else the one this shell's settings name."""
    record = read_record(config.var_dir)
    if record is not None and record.launcher_alive and "gateway" in record.ports:
        return f"http://127.0.0.1:{record.ports['gateway']}"
    assert config.gateway is not None
    return config.url(config.gateway)


def _login_of(who: str) -> tuple[str, str] | None:
    """(kind, login) of a demo name: ``("system", client_id)`` or ``("person", ID number or username)``."""
    if who in DEMO_CLIENTS:
        return "system", who
    for name, resident_id, *_ in DEMO_PERSONS:
        if who in (name, resident_id):
            return "person", resident_id
    for username, *_ in DEMO_STAFF:
        if who == username:
            return "staff", username
    return None


async def _token(gateway: str, kind: str, login: str, password: str) -> str:
    if kind == "system":
        async with httpx.AsyncClient(base_url=gateway, timeout=20, trust_env=False) as client:
            answer = await client.post(
                "/identity/token",
                data={"grant_type": "client_credentials", "scope": " ".join(DEMO_CLIENTS[login][2])},
                auth=(login, password),
            )
        if answer.status_code != 200:
            raise LoginFailed(f"token endpoint answered {answer.status_code}: {answer.text[:200]}")
        return str(answer.json()["access_token"])
    return await browser_login(gateway, login, password)


@command("token", "print an access token of a demo account (dev and test only)", _configure)
def run_token(args: argparse.Namespace) -> int:
    config = config_from_args(args)
    if config.production:
        print(
            "tongban token: TONGBAN_ENV=prod has no demo accounts; log in through your own client",
            file=sys.stderr,
        )
        return 2
    found = _login_of(args.who.strip())
    if found is None:
        known = [p[0] for p in DEMO_PERSONS] + [s[0] for s in DEMO_STAFF] + list(DEMO_CLIENTS)
        print(f"tongban token: no demo account {args.who!r}; one of: {', '.join(known)}", file=sys.stderr)
        return 2
    kind, login = found
    password = args.password or (DEMO_CLIENT_SECRET if kind == "system" else DEMO_PASSWORD)
    gateway = _gateway_url(config)
    try:
        token = asyncio.run(_token(gateway, kind, login, password))
    except (LoginFailed, httpx.HTTPError) as exc:
        print(
            f"tongban token: no token from {gateway} ({exc}); is the mesh running (make run)?",
            file=sys.stderr,
        )
        return 1
    print(f"{kind} {args.who} via {gateway}; send it as 'Authorization: Bearer <token>'", file=sys.stderr)
    print(token)
    return 0
