"""Issue 18 (gates): the event schemas against the previous release's (contracts/released/events/), failing on a
break — a removed event type or field, a changed type, a field that became required — not announced in
contracts/CHANGES.md."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tongban.event_gate import announced, breaks, main

pytestmark = pytest.mark.contract

ROOT = Path(__file__).resolve().parents[2]
CONTRACTS = ROOT / "contracts"


def test_issue18_event_schemas_keep_every_released_promise() -> None:
    """The gate itself, on the committed contracts: 0 unannounced breaks."""
    assert (CONTRACTS / "released" / "events").is_dir()
    assert main(["--contracts", str(CONTRACTS)]) == 0


@pytest.fixture
def contracts(tmp_path: Path) -> Path:
    """A copy of contracts/ to break on purpose."""
    copied = tmp_path / "contracts"
    shutil.copytree(CONTRACTS / "events", copied / "events")
    shutil.copytree(CONTRACTS / "released" / "events", copied / "released" / "events")
    (copied / "CHANGES.md").write_text(
        "# changes\n\n## Unreleased\n\n## 1.0.0\n\n- breaking: cases.case_submitted.v1\n"
    )
    return copied


def _edit(contracts: Path, event_type: str, change: Any) -> None:
    path = contracts / "events" / f"{event_type}.schema.json"
    schema = json.loads(path.read_text())
    change(schema)
    path.write_text(json.dumps(schema))


CASE = "cases.case_submitted.v1"


def _renamed(schema: dict[str, Any]) -> None:
    schema["properties"]["number"] = schema["properties"].pop("case_number")


def _not_nullable(schema: dict[str, Any]) -> None:
    schema["properties"]["due_date"] = {"type": "string", "format": "date"}


def _new_required(schema: dict[str, Any]) -> None:
    schema["properties"]["extra"] = {"type": "string"}
    schema["required"].append("extra")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda s: s["properties"].pop("case_number"), "case_number: field removed or renamed"),
        (_renamed, "case_number: field removed or renamed"),
        (lambda s: s["properties"]["matter_version"].update(type="string"), "matter_version: type changed"),
        (_not_nullable, "due_date: type changed"),
        (lambda s: s["required"].append("due_date"), "due_date: field became required"),
        (_new_required, "extra: field became required"),
    ],
    ids=["removed", "renamed", "type", "nullable-dropped", "now-required", "new-required"],
)
def test_issue18_a_break_fails_the_gate_unless_announced(contracts: Path, change: Any, expected: str) -> None:
    _edit(contracts, CASE, change)
    found = breaks(contracts / "released" / "events", contracts / "events")
    assert any(expected in problem for problem in found[CASE]), found
    assert main(["--contracts", str(contracts)]) == 1  # announced only under a past release: still refused
    changes = contracts / "CHANGES.md"
    changes.write_text(
        changes.read_text().replace("## Unreleased\n", f"## Unreleased\n\n- breaking: {CASE} x\n")
    )
    assert announced(changes) == {CASE}
    assert main(["--contracts", str(contracts)]) == 0


def test_issue18_a_removed_event_type_fails_the_gate(contracts: Path) -> None:
    (contracts / "events" / "identity.session_ended.v1.schema.json").unlink()
    assert breaks(contracts / "released" / "events", contracts / "events") == {
        "identity.session_ended.v1": ["identity.session_ended.v1: event type removed"]
    }
    assert main(["--contracts", str(contracts)]) == 1


def test_issue18_growing_is_not_a_break(contracts: Path) -> None:
    """A new optional field, a new event type, new descriptions: v1 may grow."""

    def grow(schema: dict[str, Any]) -> None:
        schema["properties"]["note"] = {"anyOf": [{"type": "string"}, {"type": "null"}], "default": None}
        schema["description"] = "changed words"

    _edit(contracts, CASE, grow)
    extra = copy.deepcopy(json.loads((contracts / "events" / f"{CASE}.schema.json").read_text()))
    (contracts / "events" / "cases.case_archived.v1.schema.json").write_text(json.dumps(extra))
    assert breaks(contracts / "released" / "events", contracts / "events") == {}
