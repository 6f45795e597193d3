"""The mesh's workloads as Kubernetes objects: per service an API and a worker Deployment, their Services,
disruption budgets and autoscaler, the migration Job, ServiceMonitors; the gateway and its Ingress.

Plain dicts (``yaml.safe_dump``-able); the wiring between services comes from the launcher's own table
(:data:`tongban.config.SERVICE_NEEDS`), so the cluster and ``tongban up`` cannot disagree about who calls whom.
"""

from __future__ import annotations

from typing import Any

from tongban.config import SERVICE_NEEDS, STANDARD_SERVICE_NAMES

__all__ = [
    "HTTP_PORT",
    "IMAGE",
    "WORKER_METRICS_PORT",
    "gateway_objects",
    "labels",
    "service_objects",
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


def _meta(name: str, service: str, component: str) -> Obj:
    return {"name": name, "labels": labels(service, component)}


def _container_security() -> Obj:
    return {
        "allowPrivilegeEscalation": False,
        "readOnlyRootFilesystem": True,
        "runAsNonRoot": True,
        "runAsUser": UID,
        "runAsGroup": UID,
        "capabilities": {"drop": ["ALL"]},
        "seccompProfile": {"type": "RuntimeDefault"},
    }


def _pod_security() -> Obj:
    return {
        "runAsNonRoot": True,
        "runAsUser": UID,
        "runAsGroup": UID,
        "fsGroup": UID,
        "seccompProfile": {"type": "RuntimeDefault"},
    }


def _secret_env(variable: str, secret: str, key: str) -> Obj:
    return {"name": variable, "valueFrom": {"secretKeyRef": {"name": secret, "key": key}}}


def _database_env(service: str, role: str, variable: str) -> list[Obj]:
    """``<SERVICE>_DATABASE_URL`` (or the migration URL) built from the role's CloudNativePG secret: the
    password is expanded by the kubelet (``$(VAR)``), never written into a manifest."""
    prefix = service.upper()
    password = f"{prefix}_DB_{role.upper()}_PASSWORD"
    url = f"postgresql+asyncpg://{service}_{role}:$({password})@{service}-db-rw:5432/{service}"
    return [_secret_env(password, f"{service}-db-{role}", "password"), {"name": variable, "value": url}]


def _nats_env(service: str, user: str) -> list[Obj]:
    prefix = service.upper()
    return [
        {"name": f"{prefix}_NATS_USER", "value": user},
        _secret_env(f"{prefix}_NATS_PASSWORD", "nats-users", user),
    ]


def _needs_env(service: str) -> list[Obj]:
    """The other services it calls, by their cluster Services (a background lane is not needed on Kubernetes:
    the pods' CPU requests already keep the cases worker's reads off the people's requests)."""
    env = []
    for variable, target in SERVICE_NEEDS.get(service, ()):
        name = target.removesuffix("-bulk")
        env.append({"name": variable, "value": f"http://{name}:{HTTP_PORT}"})
    return env


def _tmp_volume() -> tuple[Obj, Obj]:
    volume = {"name": "tmp", "emptyDir": {"medium": "Memory", "sizeLimit": "64Mi"}}
    return volume, {"name": "tmp", "mountPath": "/tmp"}  # noqa: S108 -- a private emptyDir, not a shared /tmp


def _spread(service: str, component: str) -> list[Obj]:
    return [
        {
            "maxSkew": 1,
            "topologyKey": key,
            "whenUnsatisfiable": "ScheduleAnyway",
            "labelSelector": {"matchLabels": labels(service, component)},
        }
        for key in ("topology.kubernetes.io/zone", "kubernetes.io/hostname")
    ]


def _resources(cpu: str, memory: str, cpu_limit: str, memory_limit: str) -> Obj:
    return {"requests": {"cpu": cpu, "memory": memory}, "limits": {"cpu": cpu_limit, "memory": memory_limit}}


def _container(name: str, args: list[str], env: list[Obj], envfrom: list[Obj], resources: Obj) -> Obj:
    _, mount = _tmp_volume()
    return {
        "name": name,
        "image": IMAGE,
        "imagePullPolicy": "Always",
        "args": args,
        "env": env,
        "envFrom": envfrom,
        "resources": resources,
        "securityContext": _container_security(),
        "volumeMounts": [mount],
    }


def _http_probes() -> Obj:
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


def _deployment(name: str, service: str, component: str, pod: Obj, replicas: int = 2) -> Obj:
    volume, _ = _tmp_volume()
    spec = {
        "serviceAccountName": service,
        "automountServiceAccountToken": False,
        "securityContext": _pod_security(),
        "terminationGracePeriodSeconds": 30,
        "topologySpreadConstraints": _spread(service, component),
        "volumes": [volume],
        **pod,
    }
    return {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": _meta(name, service, component),
        "spec": {
            "replicas": replicas,
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
    return {"apiVersion": "v1", "kind": "Service", "metadata": _meta(name, service, component), "spec": spec}


def _budget(name: str, service: str, component: str) -> Obj:
    return {
        "apiVersion": "policy/v1",
        "kind": "PodDisruptionBudget",
        "metadata": _meta(name, service, component),
        "spec": {"minAvailable": 1, "selector": {"matchLabels": labels(service, component)}},
    }


def _autoscaler(name: str, service: str, component: str) -> Obj:
    return {
        "apiVersion": "autoscaling/v2",
        "kind": "HorizontalPodAutoscaler",
        "metadata": _meta(name, service, component),
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
        "metadata": _meta(name, service, component),
        "spec": {
            "selector": {"matchLabels": labels(service, component)},
            "endpoints": [{"port": port, "path": "/metrics", "interval": "30s", "scheme": "http"}],
        },
    }


def _wait_schema(service: str) -> Obj:
    """The init container: the pod starts (and so takes traffic) only once the database is at this image's
    head revision, i.e. after the migration Job of the same release has run."""
    container = _container(
        "wait-schema",
        ["wait-schema", service, "--timeout", "900"],
        _database_env(service, "service", f"{service.upper()}_DATABASE_URL"),
        [],
        _resources("50m", "96Mi", "500m", "192Mi"),
    )
    return container


def service_objects(service: str) -> list[Obj]:
    """Everything one service runs as: API, worker, migration Job and their companions."""
    if service not in STANDARD_SERVICE_NAMES:
        raise ValueError(f"not a service of the mesh: {service}")
    prefix = service.upper()
    common_from = [{"configMapRef": {"name": "tongban-config"}}, {"secretRef": {"name": f"{service}-app"}}]
    api_env = [
        *_database_env(service, "service", f"{prefix}_DATABASE_URL"),
        *_nats_env(service, service),
        *_needs_env(service),
    ]
    api = _container("api", ["api", service], api_env, common_from, _resources("250m", "256Mi", "1", "512Mi"))
    api["ports"] = [{"name": "http", "containerPort": HTTP_PORT, "protocol": "TCP"}]
    api.update(_http_probes())
    api["lifecycle"] = {"preStop": {"sleep": {"seconds": 5}}}  # let the endpoints drop it before it stops
    worker_env = [
        *_database_env(service, "service", f"{prefix}_DATABASE_URL"),
        *_nats_env(service, f"{service}-worker"),
        *_needs_env(service),
        {"name": f"{prefix}_WORKER_NICE", "value": "0"},  # a pod of its own: no priority to give away
    ]
    worker = _container(
        "worker", ["worker", service], worker_env, common_from, _resources("100m", "192Mi", "1", "512Mi")
    )
    worker["ports"] = [{"name": "metrics", "containerPort": WORKER_METRICS_PORT, "protocol": "TCP"}]
    migrate = _container(
        "migrate",
        ["migrate", service],
        _database_env(service, "owner", f"{prefix}_MIGRATION_DATABASE_URL"),
        [],
        _resources("100m", "192Mi", "1", "384Mi"),
    )
    volume, _ = _tmp_volume()
    job = {
        "apiVersion": "batch/v1",
        "kind": "Job",
        "metadata": _meta(f"{service}-migrate", service, "migrate"),
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
                    "securityContext": _pod_security(),
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
            "metadata": _meta(service, service, "identity"),
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
        _secret_env("GATEWAY_NATS_PASSWORD", "nats-users", "gateway"),
    ]
    envfrom = [{"configMapRef": {"name": "tongban-config"}}, {"secretRef": {"name": "gateway-app"}}]
    container = _container("gateway", ["gateway"], env, envfrom, _resources("250m", "192Mi", "1", "384Mi"))
    container["ports"] = [{"name": "http", "containerPort": HTTP_PORT, "protocol": "TCP"}]
    container.update(_http_probes())
    container["lifecycle"] = {"preStop": {"sleep": {"seconds": 5}}}
    ingress = {
        "apiVersion": "networking.k8s.io/v1",
        "kind": "Ingress",
        "metadata": {
            **_meta("tongban", "gateway", "ingress"),
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
            "metadata": _meta("gateway", "gateway", "identity"),
            "automountServiceAccountToken": False,
        },
        _deployment("gateway", "gateway", "api", {"containers": [container]}),
        _service("gateway", "gateway", "api", "http", HTTP_PORT, headless=False),
        _budget("gateway", "gateway", "api"),
        _autoscaler("gateway", "gateway", "api"),
        _monitor("gateway", "gateway", "api", "http"),
        ingress,
    ]
