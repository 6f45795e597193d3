"""The callers the schemathesis gate (test_schemathesis.py) speaks as, and the client addresses it sends from.

Every kind of caller the gateway serves: nobody (no token), a citizen (陈晓梅, logged in like a browser), a window
clerk, a department system (client credentials) and an operator (admin, who also holds the operator role). The
operator comes last: its writes are the likeliest to change what the others can do.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import httpx

from identity.demo import DEMO_CLIENT_SECRET
from tongban.login import browser_login

__all__ = ["CALLERS", "LANES", "addresses", "caller_headers"]

CITIZEN = "500222199803070028"  # 陈晓梅, the main story's resident
CLERK = "clerk.zwfwzx"  # 区政务服务中心 window clerk (张敏)
SYSTEM = (
    "scjgj-registry"  # 区市场监管局's registry: records, resources and share requests (client credentials)
)
OPERATOR = "admin"  # 郑伟: admin and operator

CALLERS = ("anonymous", "citizen", "clerk", "system", "operator")
LANES = (*CALLERS, "coverage", "setup")


def addresses(lane: str) -> Iterator[str]:
    """A fresh client address for every request, from the benchmarking range 198.19.0.0/16 (the e2e tests' own
    addresses are in 198.18.0.0/16): the gateway's per-address limits then count each request as one person's
    first, so they never answer 429 while staying on for the suite. Each lane (a caller, the coverage phase,
    logging in) has its own block of 8192, used round."""
    block = LANES.index(lane) * 8192
    for n in itertools.count():
        host = block + n % 8192
        yield f"198.19.{host // 256}.{host % 256 or 1}"


async def caller_headers(gateway_url: str, caller: str, address: str) -> dict[str, str]:
    """The Authorization header of ``caller`` (none for anonymous), obtained the way that caller would."""
    if caller == "anonymous":
        return {}
    if caller == "system":
        async with httpx.AsyncClient(base_url=gateway_url, timeout=30) as http:
            response = await http.post(
                "/identity/token",
                data={"grant_type": "client_credentials"},
                auth=(SYSTEM, DEMO_CLIENT_SECRET),
                headers={"X-Forwarded-For": address},
            )
        response.raise_for_status()
        return {"Authorization": f"Bearer {response.json()['access_token']}"}
    login = {"citizen": CITIZEN, "clerk": CLERK, "operator": OPERATOR}[caller]
    token = await browser_login(gateway_url, login, headers={"X-Forwarded-For": address})
    return {"Authorization": f"Bearer {token}"}
