"""The demo data's published credentials (README, docs): accepted on a developer's mesh, refused in production.

A production identity refuses to start while a client still holds the demo secret, and never lets the demo
password log in (a database first filled by a dev run, or copied from one, would otherwise let them in).
"""

from __future__ import annotations

__all__ = ["DEMO_CLIENT_SECRET", "DEMO_PASSWORD", "is_demo_password"]

DEMO_CLIENT_SECRET = "demo-client-secret-for-local-runs"  # noqa: S105 - published demo data, refused in prod
DEMO_PASSWORD = "Tongban2024"  # noqa: S105 - the documented demo password, refused in prod


def is_demo_password(password: str, *, environment: str) -> bool:
    """True when ``password`` is the published demo password and this is production."""
    return environment == "prod" and password == DEMO_PASSWORD
