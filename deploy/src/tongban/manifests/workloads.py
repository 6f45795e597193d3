"""The mesh's workloads as Kubernetes objects: per service an API and a worker Deployment, their Services,
disruption budgets and autoscaler, the migration Job, ServiceMonitors; the gateway and its Ingress.

Plain dicts (``yaml.safe_dump``-able); the wiring between services comes from the launcher's own table
(:data:`tongban.config.SERVICE_NEEDS`, through :mod:`tongban.manifests.pods`), so the cluster and ``tongban up``
cannot disagree about who calls whom.
"""

from __future__ import annotations

from typing import Any

from tongban.config import STANDARD_SERVICE_NAMES
from tongban.manifests.pods import (
    HTTP_PORT,
    WORKER_METRICS_PORT,
    container,
    database_env,
    http_probes,
    labels,
    meta,
    nats_env,
    needs_env,
    pod_security,
    resources,
    secret_env,
    spread,
    tmp_volume,
)

__all__ = ["HTTP_PORT", "WORKER_METRICS_PORT", "gateway_objects", "labels", "service_objects"]

Obj = dict[str, Any]


def _deployment(name: str, service: str, component: str, pod: Obj, replicas: int | None = None) -> Obj:
    """``replicas`` None: its HorizontalPodAutoscaler (``minReplicas`` 2) owns the count, so an apply never
    resets a scaled-up Deployment to the committed number (Kubernetes' advice for autoscaled Deployments)."""
    volume, _ = tmp_volume()
    spec = {
        "serviceAccountName": service,
        "automountServiceAccountToken": False,
        "securityContext": pod_security(),
        "terminationGracePeriodSeconds": 30,
        "topologySpreadConstraints": spread(service, component),
        "volumes": [volume],
        **pod,
    }
    return {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": meta(name, service, component),
        "spec": {
            **({} if replicas is None else {"replicas": replicas}),
            "revisionHistoryLimit": 5,
            "selector": {"matchLabels": labels(service, component)},
            "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 0, "maxSurge": 1}},
            "template": {"metadata": {"labels": labels(service, component)}, "spec": spec},
        },
    }


def _service(name: str, service: str, component: str, port_name: str, port: int, headless: bool) -> Obj:
    spec: Obj = {
        "selector": labels(service, component),
        "ports": [{"name": port_name, "port": port, "targetPort": port_name, "protocol": "TCP"}],
    }
    if headless:
        spec["clusterIP"] = "None"
    return {"apiVersion": "v1", "kind": "Service", "metadata": meta(name, service, component), "spec": spec}


def _budget(name: str, service: str, component: str) -> Obj:
    return {
        "apiVersion": "policy/v1",
        "kind": "PodDisruptionBudget",
        "metadata": meta(name, service, component),
        "spec": {"minAvailable": 1, "selector": {"matchLabels": labels(service, component)}},
    }


def _autoscaler(name: str, service: str, component: str) -> Obj:
    return {
        "apiVersion": "autoscaling/v2",
        "kind": "HorizontalPodAutoscaler",
        "metadata": meta(name, service, component),
        "spec": {
            "scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": name},
            "minReplicas": 2,
            "maxReplicas": 8,
            "metrics": [
                {
                    "type": "Resource",
                    "resource": {"name": "cpu", "target": {"type": "Utilization", "averageUtilization": 70}},
                }
            ],
            "behavior": {"scaleDown": {"stabilizationWindowSeconds": 300}},
        },
    }


def _monitor(name: str, service: str, component: str, port: str) -> Obj:
    return {
        "apiVersion": "monitoring.coreos.com/v1",
        "kind": "ServiceMonitor",
        "metadata": meta(name, service, component),
        "spec": {
            "selector": {"matchLabels": labels(service, component)},
            "endpoints": [{"port": port, "path": "/metrics", "interval": "30s", "scheme": "http"}],
        },
    }


def _wait_schema(service: str) -> Obj:
    """The init container: the pod starts (and so takes traffic) only once the database is at this image's
    head revision, i.e. after the migration Job of the same release has run."""
    init = container(
        "wait-schema",
        ["wait-schema", service, "--timeout", "900"],
        database_env(service, "service", f"{service.upper()}_DATABASE_URL"),
        [],
        resources("50m", "96Mi", "500m", "192Mi"),
    )
    return init


def service_objects(service: str) -> list[Obj]:
    """Everything one service runs as: API, worker, migration Job and their companions."""
    if service not in STANDARD_SERVICE_NAMES:
        raise ValueError(f"not a service of the mesh: {service}")
    prefix = service.upper()
    common_from = [{"configMapRef": {"name": "tongban-config"}}, {"secretRef": {"name": f"{service}-app"}}]
    api_env = [
        *database_env(service, "service", f"{prefix}_DATABASE_URL"),
        *nats_env(service, service),
        *needs_env(service),
    ]
    api = container("api", ["api", service], api_env, common_from, resources("250m", "256Mi", "1", "512Mi"))
    api["ports"] = [{"name": "http", "containerPort": HTTP_PORT, "protocol": "TCP"}]
    api.update(http_probes())
    api["lifecycle"] = {"preStop": {"sleep": {"seconds": 5}}}  # let the endpoints drop it before it stops
    worker_env = [
        *database_env(service, "service", f"{prefix}_DATABASE_URL"),
        *nats_env(service, f"{service}-worker"),
        *needs_env(service),
        {"name": f"{prefix}_WORKER_NICE", "value": "0"},  # a pod of its own: no priority to give away
    ]
    worker = container(
        "worker", ["worker", service], worker_env, common_from, resources("100m", "192Mi", "1", "512Mi")
    )
    worker["ports"] = [{"name": "metrics", "containerPort": WORKER_METRICS_PORT, "protocol": "TCP"}]
    migrate = container(
        "migrate",
        ["migrate", service],
        database_env(service, "owner", f"{prefix}_MIGRATION_DATABASE_URL"),
        [],
        resources("100m", "192Mi", "1", "384Mi"),
    )
    volume, _ = tmp_volume()
    job = {
        "apiVersion": "batch/v1",
        "kind": "Job",
        "metadata": meta(f"{service}-migrate", service, "migrate"),
        "spec": {
            "backoffLimit": 6,
            "activeDeadlineSeconds": 1800,
            "ttlSecondsAfterFinished": 3600,
            "template": {
                "metadata": {"labels": labels(service, "migrate")},
                "spec": {
                    "restartPolicy": "OnFailure",
                    "serviceAccountName": service,
                    "automountServiceAccountToken": False,
                    "securityContext": pod_security(),
                    "containers": [migrate],
                    "volumes": [volume],
                },
            },
        },
    }
    return [
        {
            "apiVersion": "v1",
            "kind": "ServiceAccount",
            "metadata": meta(service, service, "serviceaccount"),
            "automountServiceAccountToken": False,
        },
        _deployment(
            f"{service}-api", service, "api", {"initContainers": [_wait_schema(service)], "containers": [api]}
        ),
        _service(service, service, "api", "http", HTTP_PORT, headless=False),
        _budget(f"{service}-api", service, "api"),
        _autoscaler(f"{service}-api", service, "api"),
        _monitor(f"{service}-api", service, "api", "http"),
        _deployment(
            f"{service}-worker",
            service,
            "worker",
            {"initContainers": [_wait_schema(service)], "containers": [worker]},
            replicas=2,  # not autoscaled: two are enough for availability (the outbox and inbox make it safe)
        ),
        _service(
            f"{service}-worker-metrics", service, "worker", "metrics", WORKER_METRICS_PORT, headless=True
        ),
        _budget(f"{service}-worker", service, "worker"),
        _monitor(f"{service}-worker", service, "worker", "metrics"),
        job,
    ]


def gateway_objects() -> list[Obj]:
    """The gateway: the only workload reached from outside, through the Ingress (TLS at the ingress)."""
    env = [
        *[
            {"name": f"GATEWAY_{s.upper()}_URL", "value": f"http://{s}:{HTTP_PORT}"}
            for s in STANDARD_SERVICE_NAMES
        ],
        {"name": "GATEWAY_NATS_USER", "value": "gateway"},
        secret_env("GATEWAY_NATS_PASSWORD", "nats-users", "gateway"),
    ]
    envfrom = [{"configMapRef": {"name": "tongban-config"}}, {"secretRef": {"name": "gateway-app"}}]
    gateway = container("gateway", ["gateway"], env, envfrom, resources("250m", "192Mi", "1", "384Mi"))
    gateway["ports"] = [{"name": "http", "containerPort": HTTP_PORT, "protocol": "TCP"}]
    gateway.update(http_probes())
    gateway["lifecycle"] = {"preStop": {"sleep": {"seconds": 5}}}
    ingress = {
        "apiVersion": "networking.k8s.io/v1",
        "kind": "Ingress",
        "metadata": {
            **meta("tongban", "gateway", "ingress"),
            "annotations": {"nginx.ingress.kubernetes.io/proxy-body-size": "11m"},
        },
        "spec": {
            "ingressClassName": "nginx",
            "tls": [{"hosts": ["tongban.example.gov.cn"], "secretName": "tongban-tls"}],
            "rules": [
                {
                    "host": "tongban.example.gov.cn",
                    "http": {
                        "paths": [
                            {
                                "path": "/",
                                "pathType": "Prefix",
                                "backend": {"service": {"name": "gateway", "port": {"name": "http"}}},
                            }
                        ]
                    },
                }
            ],
        },
    }
    return [
        {
            "apiVersion": "v1",
            "kind": "ServiceAccount",
            "metadata": meta("gateway", "gateway", "serviceaccount"),
            "automountServiceAccountToken": False,
        },
        _deployment("gateway", "gateway", "api", {"containers": [gateway]}),
        _service("gateway", "gateway", "api", "http", HTTP_PORT, headless=False),
        _budget("gateway", "gateway", "api"),
        _autoscaler("gateway", "gateway", "api"),
        _monitor("gateway", "gateway", "api", "http"),
        ingress,
    ]
