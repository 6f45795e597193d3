"""Merging the services' OpenAPI documents into the gateway's: pure functions on JSON-shaped dicts.

Each service's paths get its prefix (``/catalog/matters``), its component names get ``<service>_``
(``catalog_MatterOut``) with every ``$ref`` and discriminator mapping rewritten to match, its tags and
operation ids get the service name (and the ``links`` naming them), and security schemes are merged by name
(renamed only when two services disagree). The problem schema and the shared error responses every service takes
from meshkit keep their names. Every routed operation also documents what the gateway itself answers: 401 (a
Bearer token sent that is no good, public operations included), 429 (rate limits), 502 and 504 (the upstream
unreachable or too slow).

``tongban contracts`` merges the services' generated documents with this same function into
contracts/openapi/tongban.json, so the committed document and the one the gateway serves agree.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from meshkit.openapi import SHARED, problem_components

__all__ = ["GATEWAY_RESPONSES", "merge_openapi"]

Doc = dict[str, Any]

_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})
_COMPONENTS = "#/components/"
GATEWAY_RESPONSES = (401, 429, 502, 504)
"""What the gateway answers for any routed operation, whatever the service says: 401 for a Bearer token that is
present but invalid, expired or revoked — on public operations too (a caller who sends a token learns that it
is no good, rather than being served as anonymous); 429, 502, 504."""


def _rewrite_refs(node: Any, renames: Mapping[tuple[str, str], str]) -> None:
    """Rewrite ``$ref`` and discriminator mappings in place, however deep."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            node["$ref"] = _renamed_ref(ref, renames)
        discriminator = node.get("discriminator")
        if isinstance(discriminator, dict) and isinstance(discriminator.get("mapping"), dict):
            mapping = discriminator["mapping"]
            for key, target in mapping.items():
                if isinstance(target, str):
                    mapping[key] = _renamed_ref(target, renames, bare_section="schemas")
        for value in node.values():
            if isinstance(value, dict | list):
                _rewrite_refs(value, renames)
    elif isinstance(node, list):
        for item in node:
            if isinstance(item, dict | list):
                _rewrite_refs(item, renames)


def _renamed_ref(ref: str, renames: Mapping[tuple[str, str], str], bare_section: str | None = None) -> str:
    if not ref.startswith(_COMPONENTS):
        if bare_section is not None and (bare_section, ref) in renames:
            return renames[(bare_section, ref)]  # discriminator mappings may name a schema without a $ref
        return ref
    section, _, rest = ref[len(_COMPONENTS) :].partition("/")
    name, slash, deeper = rest.partition("/")
    new = renames.get((section, name))
    return ref if new is None else f"{_COMPONENTS}{section}/{new}{slash}{deeper}"


def _merge_security(service: str, doc: Doc, merged: Doc) -> dict[str, str]:
    """Add the service's security schemes to ``merged``; returns the schemes renamed because of a clash."""
    schemes = doc.get("components", {}).pop("securitySchemes", {}) or {}
    target: Doc = merged.setdefault("components", {}).setdefault("securitySchemes", {})
    renamed: dict[str, str] = {}
    for name, scheme in schemes.items():
        if name in target and target[name] != scheme:
            renamed[name] = f"{service}_{name}"
            name = renamed[name]
        target[name] = scheme
    if not target:
        del merged["components"]["securitySchemes"]
    return renamed


def _operation(
    service: str, operation: Doc, default_security: Any, renamed: Mapping[str, str], seen: set[str]
) -> tuple[str, str] | None:
    """Renames the operation in place; returns (old id, new id)."""
    tags = operation.get("tags") or []
    operation["tags"] = [f"{service}: {tag}" for tag in tags] or [service]
    op_id = operation.get("operationId")
    renaming = None
    if isinstance(op_id, str):
        new = op_id if op_id.startswith(f"{service}_") else f"{service}_{op_id}"
        base, n = new, 2
        while new in seen:
            new, n = f"{base}_{n}", n + 1
        seen.add(new)
        operation["operationId"] = new
        renaming = (op_id, new)
    responses = operation.setdefault("responses", {})
    for status in GATEWAY_RESPONSES:
        responses.setdefault(str(status), {"$ref": f"{_COMPONENTS}responses/{SHARED[status][0]}"})
    operation["responses"] = dict(sorted(responses.items()))
    security = operation.get("security", default_security)
    if security is not None:
        operation["security"] = [
            {renamed.get(scheme, scheme): scopes for scheme, scopes in requirement.items()}
            for requirement in security
        ]
    return renaming


def _rename_links(item: Doc, operation_ids: Mapping[str, str]) -> None:
    for method, operation in item.items():
        if method not in _METHODS or not isinstance(operation, dict):
            continue
        for response in operation.get("responses", {}).values():
            for link in (response.get("links") or {}).values() if isinstance(response, dict) else ():
                if isinstance(link, dict) and link.get("operationId") in operation_ids:
                    link["operationId"] = operation_ids[link["operationId"]]


def _add_service(service: str, doc: Doc, merged: Doc, seen: set[str]) -> None:
    renamed_security = _merge_security(service, doc, merged)
    components: Doc = doc.get("components", {})
    shared = problem_components()
    renames = {
        (section, name): f"{service}_{name}"
        for section, items in components.items()
        if isinstance(items, dict)
        for name, value in items.items()
        if shared.get(section, {}).get(name) != value  # meshkit's problem components stay shared
    }
    renames.update({("securitySchemes", old): new for old, new in renamed_security.items()})
    _rewrite_refs(doc, renames)
    target_components: Doc = merged.setdefault("components", {})
    for section, items in components.items():
        if isinstance(items, dict):
            target = target_components.setdefault(section, {})
            target.update({renames.get((section, name), name): value for name, value in items.items()})
    default_security = doc.get("security")
    operation_ids: dict[str, str] = {}
    for item in doc.get("paths", {}).values():
        for method, operation in item.items():
            if method in _METHODS and isinstance(operation, dict):
                renaming = _operation(service, operation, default_security, renamed_security, seen)
                if renaming is not None:
                    operation_ids[renaming[0]] = renaming[1]
    for path, item in doc.get("paths", {}).items():
        _rename_links(item, operation_ids)
        merged.setdefault("paths", {})[f"/{service}{path}"] = item
    tags = merged.setdefault("tags", [])
    for tag in doc.get("tags", []):
        tags.append({**tag, "name": f"{service}: {tag['name']}"})


def _gateway_responses(merged: Doc) -> None:
    """The shared responses the gateway adds to every routed operation, declared once."""
    shared = problem_components()
    responses = merged.setdefault("components", {}).setdefault("responses", {})
    for status in GATEWAY_RESPONSES:
        name = SHARED[status][0]
        responses.setdefault(name, shared["responses"][name])
    schemas = merged["components"].setdefault("schemas", {})
    for name, schema in shared["schemas"].items():
        schemas.setdefault(name, schema)
    for section in ("schemas", "responses"):
        merged["components"][section] = dict(sorted(merged["components"][section].items()))


def merge_openapi(gateway: Doc, services: Mapping[str, Doc], unavailable: Mapping[str, str]) -> Doc:
    """The gateway's own document plus every service's (taken over, so callers pass fresh copies)."""
    merged = copy.deepcopy(gateway)
    seen = {
        operation["operationId"]
        for item in merged.get("paths", {}).values()
        for method, operation in item.items()
        if method in _METHODS and "operationId" in operation
    }
    for service in sorted(services):
        _add_service(service, services[service], merged, seen)
    if services:
        _gateway_responses(merged)
    if not merged.get("tags"):
        merged.pop("tags", None)
    if unavailable:
        merged["x-unavailable"] = [
            {"service": name, "reason": unavailable[name]} for name in sorted(unavailable)
        ]
        names = ", ".join(sorted(unavailable))
        note = (
            f"暂时无法获取以下服务的接口文档 (API docs of these services are unavailable right now): {names}"
        )
        info = merged.setdefault("info", {})
        info["description"] = f"{info.get('description', '')}\n\n{note}".strip()
    return merged
