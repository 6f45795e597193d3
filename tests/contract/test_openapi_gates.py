"""Issue 18, failure 12 and its gates: Redocly CLI lints every committed OpenAPI document with the committed
ruleset (redocly.yaml) at 0 errors, and no document breaks its released copy (contracts/released/) without an
announcement in contracts/CHANGES.md.

Needs Node.js ≥ 20.19 and npm: the pinned tools (tests/contract/tools/package-lock.json) are installed by
``npm ci`` into tests/contract/tools/node_modules on the first run and whenever the lock changes; only the npm
registry is contacted.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.contract

ROOT = Path(__file__).resolve().parents[2]
TOOLS = Path(__file__).parent / "tools"
DOCUMENTS = sorted((ROOT / "contracts" / "openapi").glob("*.json"))
RELEASED = ROOT / "contracts" / "released" / "openapi"
CHANGES = ROOT / "contracts" / "CHANGES.md"


def _run(*command: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        cwd=TOOLS,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={
            **os.environ,
            "npm_config_cache": str(TOOLS / ".npm-cache"),
            "npm_config_update_notifier": "false",
            "REDOCLY_TELEMETRY": "off",
            "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true",
        },
        check=False,
    )


@pytest.fixture(scope="module")
def tools() -> Path:
    """tests/contract/tools/node_modules as package-lock.json pins it (``npm ci``, once per lock change)."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.fail("the contract gates need Node.js ≥ 20.19 and npm on PATH (see README)")
    major, minor, *_ = (int(p) for p in _run("node", "--version").stdout.strip().lstrip("v").split("."))
    assert (major, minor) >= (20, 19), f"Node.js {major}.{minor} is older than 20.19 (Redocly CLI needs it)"
    installed = TOOLS / "node_modules" / ".package-lock.json"
    lock = TOOLS / "package-lock.json"
    if not installed.exists() or installed.stat().st_mtime < lock.stat().st_mtime:
        done = _run("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline")
        assert done.returncode == 0, f"npm ci failed:\n{done.stdout}\n{done.stderr}"
    return TOOLS


def _lint(paths: list[Path]) -> dict[str, Any]:
    done = _run(
        str(TOOLS / "node_modules" / ".bin" / "redocly"),
        "lint",
        *map(str, paths),
        "--config",
        str(ROOT / "redocly.yaml"),
        "--format=json",
    )
    decoder, at = json.JSONDecoder(), 0
    report: dict[str, Any] = {"totals": {"errors": 0}, "problems": [], "documents": 0}
    while (start := done.stdout.find("{", at)) >= 0:  # one report per document
        one, at = decoder.raw_decode(done.stdout, start)
        report["totals"]["errors"] += one["totals"]["errors"]
        report["problems"] += one["problems"]
        report["documents"] += 1
    assert report["documents"] == len(paths), f"redocly answered:\n{done.stdout}\n{done.stderr}"
    report["exit"] = done.returncode
    return report


def test_issue18_f12_redocly_lint_has_no_errors(tools: Path) -> None:
    """Failure 12: Redocly + Spectral found 51 errors. The committed ruleset (recommended-strict with reasons for
    each change) must find none in any committed document."""
    assert len(DOCUMENTS) >= 6, DOCUMENTS  # four services, the gateway, the combined document
    report = _lint(DOCUMENTS)
    errors = [p for p in report["problems"] if p["severity"] == "error"]
    summary = [f"{p['ruleId']}: {p['message']} at {p['location'][0]['pointer']}" for p in errors[:30]]
    assert report["totals"]["errors"] == 0, "\n".join(summary)
    assert report["exit"] == 0


def test_issue18_f12_redocly_gate_catches_a_broken_document(tools: Path, tmp_path: Path) -> None:
    """The lint gate can fail: two equivalent path templates and an error declared under application/json."""
    document = json.loads((ROOT / "contracts" / "openapi" / "catalog.json").read_text())
    document["paths"]["/matters/{matter_id}"] = document["paths"]["/matter-versions/{matter_id}"]
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(document))
    report = _lint([broken])
    assert "no-identical-paths" in {p["ruleId"] for p in report["problems"] if p["severity"] == "error"}
    assert report["exit"] != 0


def announced() -> list[str]:
    """The ``break:`` patterns of the Unreleased section of contracts/CHANGES.md."""
    text = CHANGES.read_text()
    unreleased = text.split("\n## Unreleased", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"break: `([^`]+)`", unreleased)


def breaking(tools: Path, released: Path, current: Path) -> list[str]:
    done = _run("node", "diff.mjs", str(released), str(current))
    assert done.returncode == 0, done.stderr
    name = current.stem
    return [f"{name}:{'/'.join(d['path'])}" for d in json.loads(done.stdout) if d["type"] == "breaking"]


def _unannounced(breaks: list[str], patterns: list[str]) -> list[str]:
    return [b for b in breaks if not any(fnmatch.fnmatchcase(b, p) for p in patterns)]


def test_issue18_f12_no_unannounced_breaking_change(tools: Path) -> None:
    """The breaking-change gate: every document against its released copy; each break is announced."""
    patterns = announced()
    assert patterns, "contracts/CHANGES.md has no Unreleased section with break: patterns"
    released = sorted(RELEASED.glob("*.json"))
    assert {p.name for p in released} <= {p.name for p in DOCUMENTS}, "a released document is gone"
    unannounced: list[str] = []
    for old in released:
        unannounced += _unannounced(breaking(tools, old, ROOT / "contracts" / "openapi" / old.name), patterns)
    assert not unannounced, "breaking changes not announced in contracts/CHANGES.md:\n" + "\n".join(
        unannounced[:40]
    )


def test_issue18_f12_breaking_change_gate_catches_a_removed_operation(tools: Path, tmp_path: Path) -> None:
    """The gate can fail: an operation removed from the current catalog document is a break nobody announced."""
    document = json.loads((ROOT / "contracts" / "openapi" / "catalog.json").read_text())
    del document["paths"]["/matters/{code}"]
    current = tmp_path / "catalog.json"
    current.write_text(json.dumps(document))
    breaks = breaking(tools, ROOT / "contracts" / "openapi" / "catalog.json", current)
    assert _unannounced(breaks, announced()) == ["catalog:paths//matters/{code}/get"]
