"""The integrator's contract: the gateway's combined OpenAPI document (``contracts/openapi/tongban.json``, written
by ``tongban contracts`` with the gateway's own merge), and the view of it the client generators read.

Pure functions on JSON-shaped dicts; the schemathesis gate (tests/e2e/test_schemathesis.py) and the generated
clients (tongban.clients) both start here, so they test and use exactly what contracts/ says.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

__all__ = ["SERVICES", "client_view", "committed_combined_openapi"]

SERVICES = ("identity", "catalog", "cases", "exchange")
_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})


def committed_combined_openapi(contracts: Path) -> dict[str, Any]:
    """The integrator's contract as committed: ``contracts/openapi/tongban.json`` (what the gateway serves)."""
    document: dict[str, Any] = json.loads((contracts / "openapi" / "tongban.json").read_text())
    return document


def _ascii_tag(tag: str) -> str:
    """``cases: 可申请事项 open-matters`` → ``cases_open_matters``: generated modules get English names."""
    service, _, rest = tag.rpartition(": ")
    words = re.findall(r"[A-Za-z0-9]+", rest)
    return "_".join([service or "gateway", *words]).lower()


def client_view(document: dict[str, Any]) -> dict[str, Any]:
    """What the generators read: each component schema titled by its (service-prefixed, unique) component name —
    generators name classes by ``title``, and two services' ``Problem`` would otherwise collide — and tags in
    English only. Paths, operations and schemas are otherwise untouched."""
    view = copy.deepcopy(document)
    for name, schema in view.get("components", {}).get("schemas", {}).items():
        if isinstance(schema, dict):
            schema["title"] = name
    for item in view.get("paths", {}).values():
        for method, operation in item.items():
            if method in _METHODS and isinstance(operation, dict):
                operation["tags"] = [_ascii_tag(tag) for tag in operation.get("tags", [])] or ["gateway"]
    view.pop("tags", None)
    return view
