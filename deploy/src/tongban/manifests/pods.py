"""The parts every pod of the mesh is made of: labels, hardened security contexts, secrets by reference, the
database URL built from a CloudNativePG role's Secret, probes, resources, a private /tmp."""

from __future__ import annotations

from typing import Any

from tongban.config import SERVICE_NEEDS

__all__ = [
    "HTTP_PORT",
    "IMAGE",
    "UID",
    "WORKER_METRICS_PORT",
    "container",
    "database_env",
    "http_probes",
    "labels",
    "meta",
    "nats_env",
    "needs_env",
    "pod_security",
    "resources",
    "secret_env",
    "spread",
    "tmp_volume",
]

Obj = dict[str, Any]
IMAGE = "tongban"  # kustomize `images:` sets the registry, name and tag per overlay
HTTP_PORT = 8000
WORKER_METRICS_PORT = 9100  # assumption: the workers' /metrics port from settings (issue 20, observability)
UID = 10001


def labels(service: str, component: str) -> dict[str, str]:
    return {
        "app.kubernetes.io/name": service,
        "app.kubernetes.io/component": component,
        "app.kubernetes.io/part-of": "tongban",
    }


def meta(name: str, service: str, component: str) -> Obj:
    return {"name": name, "labels": labels(service, component)}


def container_security() -> Obj:
    return {
        "allowPrivilegeEscalation": False,
        "readOnlyRootFilesystem": True,
        "runAsNonRoot": True,
        "runAsUser": UID,
        "runAsGroup": UID,
        "capabilities": {"drop": ["ALL"]},
        "seccompProfile": {"type": "RuntimeDefault"},
    }


def pod_security() -> Obj:
    return {
        "runAsNonRoot": True,
        "runAsUser": UID,
        "runAsGroup": UID,
        "fsGroup": UID,
        "seccompProfile": {"type": "RuntimeDefault"},
    }


def secret_env(variable: str, secret: str, key: str) -> Obj:
    return {"name": variable, "valueFrom": {"secretKeyRef": {"name": secret, "key": key}}}


def database_env(service: str, role: str, variable: str) -> list[Obj]:
    """``<SERVICE>_DATABASE_URL`` (or the migration URL) built from the role's CloudNativePG secret: the
    password is expanded by the kubelet (``$(VAR)``), never written into a manifest."""
    prefix = service.upper()
    password = f"{prefix}_DB_{role.upper()}_PASSWORD"
    url = f"postgresql+asyncpg://{service}_{role}:$({password})@{service}-db-rw:5432/{service}"
    return [secret_env(password, f"{service}-db-{role}", "password"), {"name": variable, "value": url}]


def nats_env(service: str, user: str) -> list[Obj]:
    prefix = service.upper()
    return [
        {"name": f"{prefix}_NATS_USER", "value": user},
        secret_env(f"{prefix}_NATS_PASSWORD", "nats-users", user),
    ]


def needs_env(service: str) -> list[Obj]:
    """The other services it calls, by their cluster Services (a background lane is not needed on Kubernetes:
    the pods' CPU requests already keep the cases worker's reads off the people's requests)."""
    env = []
    for variable, target in SERVICE_NEEDS.get(service, ()):
        name = target.removesuffix("-bulk")
        env.append({"name": variable, "value": f"http://{name}:{HTTP_PORT}"})
    return env


def tmp_volume() -> tuple[Obj, Obj]:
    volume = {"name": "tmp", "emptyDir": {"medium": "Memory", "sizeLimit": "64Mi"}}
    return volume, {"name": "tmp", "mountPath": "/tmp"}  # noqa: S108 -- a private emptyDir, not a shared /tmp


def spread(service: str, component: str) -> list[Obj]:
    return [
        {
            "maxSkew": 1,
            "topologyKey": key,
            "whenUnsatisfiable": "ScheduleAnyway",
            "labelSelector": {"matchLabels": labels(service, component)},
        }
        for key in ("topology.kubernetes.io/zone", "kubernetes.io/hostname")
    ]


def resources(cpu: str, memory: str, cpu_limit: str, memory_limit: str) -> Obj:
    return {"requests": {"cpu": cpu, "memory": memory}, "limits": {"cpu": cpu_limit, "memory": memory_limit}}


def container(name: str, args: list[str], env: list[Obj], envfrom: list[Obj], resources: Obj) -> Obj:
    _, mount = tmp_volume()
    return {
        "name": name,
        "image": IMAGE,
        "imagePullPolicy": "Always",
        "args": args,
        "env": env,
        "envFrom": envfrom,
        "resources": resources,
        "securityContext": container_security(),
        "volumeMounts": [mount],
    }


def http_probes() -> Obj:
    def probe(path: str, period: int, failures: int) -> Obj:
        return {
            "httpGet": {"path": path, "port": "http"},
            "periodSeconds": period,
            "timeoutSeconds": 3,
            "failureThreshold": failures,
        }

    return {
        "startupProbe": probe("/healthz", 2, 60),
        "readinessProbe": probe("/readyz", 5, 3),
        "livenessProbe": probe("/healthz", 10, 3),
    }
