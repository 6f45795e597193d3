"""Clients generated from the contracts (part of ``tongban contracts``): a typed Python package by
openapi-python-client (pinned in uv.lock) and the TypeScript types of openapi-typescript (pinned in
clients/typescript/package-lock.json), both from the gateway's combined document — the one an integrator calls.

Generated files are committed: ``clients/python/src/tongban_client/`` and ``clients/typescript/src/schema.d.ts``;
what wraps them (pyproject.toml, index.ts, the smoke script) is written by hand. ``--check`` compares a fresh
generation with the committed files, so a contract change without regenerated clients fails CI.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

import yaml

from tongban.client_contract import client_view

__all__ = [
    "PYTHON_PACKAGE",
    "TS_SCHEMA",
    "ClientGenerationError",
    "generate_clients",
    "npm_ci",
    "stale_clients",
    "write_clients",
]

PYTHON_PACKAGE = "python/src/tongban_client"
TS_SCHEMA = "typescript/src/schema.d.ts"
_GENERATOR_CONFIG = {
    "package_name_override": "tongban_client",
    "project_name_override": "tongban-client",
    "post_hooks": [],  # no formatter run: the output depends on the generator's version alone
}
# openapi-python-client has no model for raw file bodies (PDF/OFD/images): such an operation or response is left
# out of the Python client (and kept in the TypeScript one); every other warning is a contract mistake.
_TOLERATED = re.compile(r"Unsupported content[ _]type")


class ClientGenerationError(RuntimeError):
    """A generator failed, or warned about something other than a raw file body."""


def npm_ci(directory: Path, timeout: float = 600) -> None:
    """node_modules as package-lock.json pins it (``npm ci``), when missing or older than the lock."""
    installed = directory / "node_modules" / ".package-lock.json"
    lock = directory / "package-lock.json"
    if installed.exists() and installed.stat().st_mtime >= lock.stat().st_mtime:
        return
    env = {
        **os.environ,
        "npm_config_cache": str(directory / ".npm-cache"),
        "npm_config_update_notifier": "false",
    }
    done = subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund", "--prefer-offline"],
        cwd=directory,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise ClientGenerationError(f"npm ci in {directory} failed:\n{done.stdout}\n{done.stderr}")


def _warnings(output: str) -> list[str]:
    blocks = re.split(r"\n(?=WARNING |Unable to )", output)
    return [
        block.strip()
        for block in blocks
        if block.startswith(("WARNING ", "Unable to ")) and not _TOLERATED.search(block)
    ]


def _python(spec: Path, work: Path) -> dict[str, str]:
    config = work / "openapi-python-client.yaml"
    config.write_text(yaml.safe_dump(_GENERATOR_CONFIG))
    out = work / "tongban_client"
    generator = Path(sys.executable).parent / "openapi-python-client"
    arguments = ["--path", str(spec), "--output-path", str(out), "--meta", "none", "--config", str(config)]
    done = subprocess.run(
        [str(generator), "generate", *arguments, "--overwrite"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    problems = _warnings(done.stdout + done.stderr)
    if done.returncode != 0 or problems:
        raise ClientGenerationError(
            "openapi-python-client could not read the combined contract:\n\n"
            + "\n\n".join(problems or [done.stderr])
        )
    return {
        f"{PYTHON_PACKAGE}/{path.relative_to(out).as_posix()}": path.read_text()
        for path in sorted(out.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def _typescript(spec: Path, work: Path, project: Path) -> dict[str, str]:
    npm_ci(project)
    out = work / "schema.d.ts"
    done = subprocess.run(
        [str(project / "node_modules" / ".bin" / "openapi-typescript"), str(spec), "--output", str(out)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode != 0:
        raise ClientGenerationError(f"openapi-typescript failed:\n{done.stdout}\n{done.stderr}")
    return {TS_SCHEMA: out.read_text()}


def generate_clients(contract_files: Mapping[str, str], clients: Path) -> dict[str, str]:
    """Every generated client file, relative to ``clients`` → text, from the contract files of
    ``tongban.contracts.generate`` (relative to contracts/)."""
    view = client_view(json.loads(contract_files["openapi/tongban.json"]))
    with tempfile.TemporaryDirectory(prefix="tongban-clients-") as tmp:
        work = Path(tmp)
        spec = work / "tongban.openapi.json"
        spec.write_text(json.dumps(view, sort_keys=True, indent=2, ensure_ascii=False))
        files = _python(spec, work)
        files.update(_typescript(spec, work, clients.resolve() / "typescript"))
    return files


def _present(clients: Path) -> set[str]:
    found = {TS_SCHEMA} if (clients / TS_SCHEMA).exists() else set()
    package = clients / PYTHON_PACKAGE
    if package.exists():
        found |= {
            path.relative_to(clients).as_posix()
            for path in package.rglob("*")
            if path.is_file() and "__pycache__" not in path.parts
        }
    return found


def stale_clients(contract_files: Mapping[str, str], clients: Path) -> list[str]:
    """What differs between the committed generated clients and a fresh generation."""
    expected = generate_clients(contract_files, clients)
    problems = [
        f"missing or different: clients/{path}"
        for path, text in expected.items()
        if not (clients / path).exists() or (clients / path).read_text() != text
    ]
    problems += [
        f"not generated any more: clients/{path}" for path in sorted(_present(clients) - expected.keys())
    ]
    return problems


def write_clients(contract_files: Mapping[str, str], clients: Path) -> None:
    expected = generate_clients(contract_files, clients)
    for path in _present(clients) - expected.keys():
        (clients / path).unlink()
    for path, text in expected.items():
        target = clients / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
