"""The breaking-change gate of the event schemas (issue 18): contracts/events/ against the previous release's
snapshot in contracts/released/events/, refusing a break that contracts/CHANGES.md does not announce.

A break is what makes a consumer written against the released schema wrong: an event type removed, a field
removed or renamed (the old name is gone), a field's type changed (the set of JSON types it may take, followed
through ``$ref``, ``anyOf`` and array items), an enum or const value no longer or newly possible, or a field that
became required. New optional fields and new event types are not breaks (v1 may grow; ``extra`` is allowed).
Why a checker of our own: docs/architecture.md, "Event schema gate".

A break is announced by a line of CHANGES.md's ``## Unreleased`` section that starts ``- breaking:`` and names the
event type (e.g. ``- breaking: cases.case_submitted.v1 drops form_summary``); a new major version (``.v2``) is the
usual way instead.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

__all__ = ["announced", "breaks", "compare", "main"]

Schema = dict[str, Any]


def _resolve(node: Any, root: Schema) -> Any:
    while (
        isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/$defs/")
    ):
        node = root.get("$defs", {}).get(node["$ref"].removeprefix("#/$defs/"), {})
    return node


def _alternatives(node: Any, root: Schema) -> list[Any]:
    node = _resolve(node, root)
    if not isinstance(node, dict):
        return []
    for key in ("anyOf", "oneOf"):
        if key in node:
            return [alt for option in node[key] for alt in _alternatives(option, root)]
    return [node]


def _types(node: Any, root: Schema) -> set[str]:
    found: set[str] = set()
    for alt in _alternatives(node, root):
        if "const" in alt:
            found.add(f"const:{json.dumps(alt['const'], sort_keys=True)}")
        elif "enum" in alt:
            found |= {f"const:{json.dumps(value, sort_keys=True)}" for value in alt["enum"]}
        elif isinstance(alt.get("type"), list):
            found |= set(alt["type"])
        elif "type" in alt:
            found.add(str(alt["type"]))
        elif "properties" in alt:
            found.add("object")
        else:
            found.add("any")
    return found


def _fields(node: Any, root: Schema, kind: str) -> Any:
    """The ``properties``/``required``/``items`` of the object or array alternative of a node, if any."""
    for alt in _alternatives(node, root):
        if kind in alt:
            return alt[kind]
    return None


def compare(old: Any, new: Any, old_root: Schema, new_root: Schema, where: str) -> list[str]:
    found: list[str] = []
    old_types, new_types = _types(old, old_root), _types(new, new_root)
    if old_types != new_types and "any" not in old_types:
        found.append(f"{where}: type changed from {sorted(old_types)} to {sorted(new_types)}")
    old_props = _fields(old, old_root, "properties") or {}
    new_props = _fields(new, new_root, "properties") or {}
    for name in sorted(set(old_props) - set(new_props)):
        found.append(f"{where}.{name}: field removed or renamed")
    newly_required = set(_fields(new, new_root, "required") or []) - set(
        _fields(old, old_root, "required") or []
    )
    for name in sorted(newly_required):
        found.append(f"{where}.{name}: field became required")
    for name in sorted(set(old_props) & set(new_props)):
        found += compare(old_props[name], new_props[name], old_root, new_root, f"{where}.{name}")
    old_items, new_items = _fields(old, old_root, "items"), _fields(new, new_root, "items")
    if old_items is not None and new_items is not None:
        found += compare(old_items, new_items, old_root, new_root, f"{where}[]")
    return found


def _schemas(directory: Path) -> dict[str, Schema]:
    return {
        path.name.removesuffix(".schema.json"): json.loads(path.read_text())
        for path in sorted(directory.glob("*.schema.json"))
    }


def breaks(released: Path, current: Path) -> dict[str, list[str]]:
    """Event type → its breaks, for every released type that the current schemas break."""
    old, new = _schemas(released), _schemas(current)
    found: dict[str, list[str]] = {}
    for event_type, schema in old.items():
        if event_type not in new:
            found[event_type] = [f"{event_type}: event type removed"]
            continue
        problems = compare(schema, new[event_type], schema, new[event_type], event_type)
        if problems:
            found[event_type] = problems
    return found


def announced(changelog: Path) -> set[str]:
    """Event types named on a ``- breaking:`` line of the ``## Unreleased`` section."""
    if not changelog.exists():
        return set()
    section = re.split(r"^## ", changelog.read_text(), flags=re.MULTILINE)
    unreleased = next((part for part in section if part.lower().startswith("unreleased")), "")
    lines = [line for line in unreleased.splitlines() if line.strip().lower().startswith("- breaking:")]
    return {token for line in lines for token in re.findall(r"[a-z_]+\.[a-z0-9_]+\.v\d+", line)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tongban.event_gate")
    parser.add_argument("--contracts", type=Path, default=Path("contracts"))
    args = parser.parse_args(argv)
    root: Path = args.contracts
    found = breaks(root / "released" / "events", root / "events")
    unannounced = {t: p for t, p in found.items() if t not in announced(root / "CHANGES.md")}
    for problems in unannounced.values():
        for problem in problems:
            print(f"breaking, not announced in CHANGES.md: {problem}", file=sys.stderr)
    return 1 if unannounced else 0


if __name__ == "__main__":
    sys.exit(main())
