"""``tongban contracts``: write contracts/ deterministically — OpenAPI per service and gateway, the combined
document integrators build on (``openapi/tongban.json``: what the gateway serves at /openapi.json, merged by the
gateway's own function from the same documents), a JSON Schema per event, and one AsyncAPI document of every subject. ``--check`` exits 1 when the committed files are stale."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import yaml
from fastapi import FastAPI

from cases.events import EVENTS as CASES_EVENTS
from cases.main import create_app as cases_app
from catalog.events import EVENTS as CATALOG_EVENTS
from catalog.main import create_app as catalog_app
from exchange.events import EVENTS as EXCHANGE_EVENTS
from exchange.main import create_app as exchange_app
from gateway.main import create_app as gateway_app
from gateway.openapi import merge_openapi
from identity.events import EVENTS as IDENTITY_EVENTS
from identity.main import create_app as identity_app
from meshkit.events import EventSpec
from tongban.asyncapi import asyncapi
from tongban.clients import ClientGenerationError, stale_clients, write_clients

__all__ = ["COMBINED", "generate", "main"]

KEPT = ("released/", "CHANGES.md")
"""Written by hand, not generated: the last release's documents (the breaking-change gate's baseline) and the
changelog that announces breaks."""
COMBINED = "tongban"
"""contracts/openapi/tongban.json: the gateway's combined document, the integrator's contract."""

APPS: dict[str, Any] = {
    "identity": identity_app,
    "catalog": catalog_app,
    "cases": cases_app,
    "exchange": exchange_app,
    "gateway": gateway_app,
}
# written by people, not generated: the previous release's snapshots and the changelog that announces breaks
KEPT_BY_HAND = ("released/", "CHANGES.md")
EVENTS: list[EventSpec[Any]] = [*IDENTITY_EVENTS, *CATALOG_EVENTS, *CASES_EVENTS, *EXCHANGE_EVENTS]


def _json(data: Any) -> str:
    return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def _openapi(factory: Any) -> dict[str, Any]:
    app: FastAPI = factory()
    schema: dict[str, Any] = app.openapi()
    return schema


def event_schema(spec: EventSpec[Any]) -> dict[str, Any]:
    schema: dict[str, Any] = spec.payload.model_json_schema()
    schema.update(
        {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": spec.dataschema,
            "title": spec.subject,
            "description": spec.description,
            "examples": [spec.example],
        }
    )
    return schema


def generate() -> dict[str, str]:
    """Every contract file, relative path → text."""
    documents = {name: _openapi(factory) for name, factory in APPS.items()}
    files = {f"openapi/{name}.json": _json(document) for name, document in documents.items()}
    services = {name: json.loads(json.dumps(doc)) for name, doc in documents.items() if name != "gateway"}
    combined = merge_openapi(json.loads(json.dumps(documents["gateway"])), services, {})
    files[f"openapi/{COMBINED}.json"] = _json(combined)
    for spec in EVENTS:
        files[f"events/{spec.subject}.schema.json"] = _json(event_schema(spec))
    files["asyncapi.yaml"] = yaml.safe_dump(asyncapi(EVENTS), sort_keys=True, allow_unicode=True, width=120)
    return files


def stale(root: Path) -> list[str]:
    expected = generate()
    present = {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()} if root.exists() else set()
    present = {path for path in present if not path.startswith(KEPT_BY_HAND)}
    problems = [
        f"missing or different: {path}"
        for path, text in expected.items()
        if not (root / path).exists() or (root / path).read_text() != text
    ]
    present = {path for path in present if not path.startswith(KEPT)}
    problems += [f"not generated any more: {path}" for path in sorted(present - expected.keys())]
    return problems


def write(root: Path) -> None:
    for path, text in generate().items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tongban contracts")
    parser.add_argument("--dir", type=Path, default=Path("contracts"))
    parser.add_argument(
        "--clients-dir", type=Path, default=Path("clients"), help="the generated clients' home"
    )
    parser.add_argument(
        "--check", action="store_true", help="exit 1 when contracts/ or the clients are stale"
    )
    args = parser.parse_args(argv)
    try:
        if args.check:
            problems = stale(args.dir) + stale_clients(generate(), args.clients_dir)
            for line in problems:
                print(line, file=sys.stderr)
            return 1 if problems else 0
        write(args.dir)
        write_clients(generate(), args.clients_dir)
    except ClientGenerationError as error:
        print(error, file=sys.stderr)
        return 2
    print(f"contracts written to {args.dir}/, clients to {args.clients_dir}/")
    return 0
