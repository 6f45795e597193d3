"""Before a start outside dev: ask every service's settings which values are still development or demo values.

Run as ``python -m tongban.preflight identity catalog …`` with the environment the services will get; prints one
message naming every offending setting of every service (names and reasons, never values) and exits 1, or exits 0.
A separate process, so the settings read exactly the variables the services will read.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence

from pydantic import ValidationError

from meshkit.settings import ServiceSettings, refusal_message

__all__ = ["EMBEDDED_POSTGRES", "SETTINGS", "main", "problems"]

EMBEDDED_POSTGRES = "TONGBAN_PREFLIGHT_EMBEDDED_POSTGRES"
"""Set by the launcher when it would start its embedded PostgreSQL (trust authentication on loopback)."""

# each standard service's settings class ("module:attribute")
SETTINGS = {
    "identity": "identity.settings:IdentitySettings",
    "catalog": "catalog.settings:CatalogSettings",
    "cases": "cases.settings:CasesSettings",
    "exchange": "exchange.settings:ExchangeSettings",
}


def _settings_class(service: str) -> type[ServiceSettings]:
    module, _, attribute = SETTINGS[service].partition(":")
    found = getattr(importlib.import_module(module), attribute)
    if not (isinstance(found, type) and issubclass(found, ServiceSettings)):
        raise TypeError(f"{SETTINGS[service]} is not a ServiceSettings class")
    return found


def problems(services: Sequence[str], environment: str) -> list[str]:
    """Every offending setting of ``services`` in ``environment`` (read from this process's environment)."""
    found: list[str] = []
    for service in services:
        cls = _settings_class(service)
        try:
            settings = cls(environment="dev")  # read every value; judge them below as ``environment`` would
        except ValidationError as exc:
            prefix = str(cls.model_config.get("env_prefix", ""))
            found += [f"{prefix}{'.'.join(map(str, e['loc'])).upper()} ({e['msg']})" for e in exc.errors()]
            continue
        found += settings.production_problems(environment)
    return list(dict.fromkeys(found))


def main(argv: Sequence[str] | None = None) -> int:
    services = list(sys.argv[1:] if argv is None else argv)
    environment = os.environ.get("TONGBAN_ENV", "dev")
    if environment == "dev":
        return 0
    found = problems(services, environment)
    if environment == "prod" and os.environ.get(EMBEDDED_POSTGRES) == "1":
        found.append(
            "<SERVICE>_DATABASE_URL (missing: the embedded PostgreSQL lets every local user in as any role without "
            "a password; in prod each service needs a server that authenticates its roles)"
        )
    if found:
        print(refusal_message(environment, found), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
