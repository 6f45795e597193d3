"""A failed call to another service, named by a short code that never carries the data sent."""

from __future__ import annotations

import httpx

__all__ = ["CallFailed", "failure_of"]


class CallFailed(Exception):
    """``code``: the other service's problem code (``record_not_found``, ``not_granted``…) or a transport failure
    (``exchange_unavailable``, ``identity_timeout``…); ``status``: its HTTP status when it answered."""

    def __init__(self, code: str, status: int | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.status = status


def failure_of(service: str, response: httpx.Response) -> CallFailed:
    code = f"{service}_http_{response.status_code}"
    if response.headers.get("content-type", "").startswith("application/problem+json"):
        try:
            problem = response.json()
        except ValueError:
            problem = {}
        if isinstance(problem, dict) and isinstance(problem.get("code"), str):
            code = problem["code"][:60]
    return CallFailed(code, response.status_code)


def transport_failure(service: str, exc: httpx.HTTPError) -> CallFailed:
    kind = "timeout" if isinstance(exc, httpx.TimeoutException) else "unavailable"
    return CallFailed(f"{service}_{kind}")
