"""Issue 20: the generated base holds what production needs — two of every API and worker with probes,
resources, budgets and autoscalers, hardened pods, secrets only by reference — and the NATS chart's values make
a 3-server JetStream cluster that fsyncs before acknowledging and admits exactly the users of permissions.toml."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from meshkit.natsauth import load_grants
from tongban.config import STANDARD_SERVICE_NAMES, repo_root
from tongban.manifests import base_files
from tongban.manifests.nats import nats_values, password_variable

pytestmark = pytest.mark.unit

PERMISSIONS = repo_root() / "deploy" / "nats" / "permissions.toml"


@pytest.fixture(scope="module")
def objects() -> list[dict[str, Any]]:
    return [doc for text in base_files().values() for doc in yaml.safe_load_all(text) if doc]


def _named(objects: list[dict[str, Any]], kind: str) -> dict[str, dict[str, Any]]:
    return {obj["metadata"]["name"]: obj for obj in objects if obj["kind"] == kind}


def test_every_api_has_at_least_two_replicas_probes_a_budget_and_an_autoscaler(
    objects: list[dict[str, Any]],
) -> None:
    deployments = _named(objects, "Deployment")
    budgets, scalers = _named(objects, "PodDisruptionBudget"), _named(objects, "HorizontalPodAutoscaler")
    for name in [f"{s}-api" for s in STANDARD_SERVICE_NAMES] + ["gateway"]:
        spec = deployments[name]["spec"]
        container = spec["template"]["spec"]["containers"][0]
        assert "replicas" not in spec, f"{name}: its autoscaler owns the count (an apply would reset it)"
        assert container["readinessProbe"]["httpGet"]["path"] == "/readyz", name
        assert container["livenessProbe"]["httpGet"]["path"] == "/healthz", name
        assert {"cpu", "memory"} <= container["resources"]["requests"].keys(), name
        assert budgets[name]["spec"]["minAvailable"] == 1, name
        assert scalers[name]["spec"]["scaleTargetRef"]["name"] == name, name
        assert scalers[name]["spec"]["minReplicas"] >= 2, name
    for service in STANDARD_SERVICE_NAMES:
        assert deployments[f"{service}-worker"]["spec"]["replicas"] >= 2, service


def test_every_pod_is_hardened_and_waits_for_its_schema(objects: list[dict[str, Any]]) -> None:
    templates = [obj["spec"]["template"] for obj in objects if obj["kind"] in ("Deployment", "Job")]
    assert templates
    for template in templates:
        pod = template["spec"]
        assert pod["automountServiceAccountToken"] is False
        assert pod["securityContext"]["runAsNonRoot"] is True
        for container in pod.get("initContainers", []) + pod["containers"]:
            context = container["securityContext"]
            assert context["readOnlyRootFilesystem"] is True
            assert context["allowPrivilegeEscalation"] is False
            assert context["capabilities"]["drop"] == ["ALL"]
            assert context["seccompProfile"]["type"] == "RuntimeDefault"
    for obj in objects:
        if obj["kind"] == "Deployment" and obj["metadata"]["name"] != "gateway":
            init = obj["spec"]["template"]["spec"]["initContainers"][0]
            assert init["args"][0] == "wait-schema", obj["metadata"]["name"]


def test_no_secret_is_committed(objects: list[dict[str, Any]]) -> None:
    """No Secret object, and every secret-looking variable comes from a Secret (or is built from one)."""
    assert not [obj for obj in objects if obj["kind"] == "Secret"]
    for obj in objects:
        if obj["kind"] not in ("Deployment", "Job"):
            continue
        pod = obj["spec"]["template"]["spec"]
        for container in pod.get("initContainers", []) + pod["containers"]:
            for variable in container["env"]:
                name, value = variable["name"], variable.get("value")
                if any(word in name for word in ("PASSWORD", "SECRET", "KEY")):
                    assert value is None, name
                    assert "secretKeyRef" in variable["valueFrom"], name
                if name.endswith("DATABASE_URL"):
                    assert value is not None, name
                    assert ":$(" in value, name


def test_nats_values_make_a_durable_cluster_of_the_mesh_users() -> None:
    values = nats_values(PERMISSIONS)
    config = values["config"]
    assert config["cluster"] == {"enabled": True, "replicas": 3}
    assert config["jetstream"]["fileStore"]["enabled"] is True
    assert config["jetstream"]["merge"]["sync_interval"] == "always"
    users = config["merge"]["authorization"]["users"]
    assert [u["user"] for u in users] == [g.user for g in load_grants(PERMISSIONS)]
    env = values["container"]["env"]
    for user in users:
        variable = password_variable(user["user"])
        assert user["password"] == f"<< ${variable} >>"
        assert env[variable]["valueFrom"]["secretKeyRef"] == {"name": "nats-users", "key": user["user"]}
    assert "gateway" in [u["user"] for u in users]
