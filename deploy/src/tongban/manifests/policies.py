"""NetworkPolicies: nothing moves in the namespace unless a policy here allows it.

- only the gateway (and the services that call each other, as :data:`tongban.config.SERVICE_NEEDS` says) reach
  a service's API; every process reaches identity for its signing keys (JWKS);
- only each service's own processes (and the CloudNativePG operator and its replicas) reach its database;
- only the mesh's processes reach NATS;
- Prometheus (namespace ``monitoring``) scrapes; the ingress controller (namespace ``ingress-nginx``) reaches the
  gateway, nothing else. Both namespaces are named by their ``kubernetes.io/metadata.name`` label; an overlay
  patches them when a site differs.
"""

from __future__ import annotations

from typing import Any

from tongban.config import SERVICE_NEEDS, STANDARD_SERVICE_NAMES
from tongban.manifests.workloads import HTTP_PORT, WORKER_METRICS_PORT, labels

__all__ = ["MONITORING_NAMESPACE", "NATS_POD", "network_policies"]

Obj = dict[str, Any]
MONITORING_NAMESPACE = "monitoring"
INGRESS_NAMESPACE = "ingress-nginx"
OPERATOR_NAMESPACE = "cnpg-system"
NATS_POD = {"app.kubernetes.io/name": "nats", "app.kubernetes.io/instance": "nats"}
# services that reach outside systems: the exchange (providers, the city platform, the time-stamping authority)
# and identity (the SMS gateway), on HTTPS only
OUTBOUND = ("exchange", "identity")


def _namespace(name: str) -> Obj:
    return {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": name}}}


def _pods(selector: dict[str, str]) -> Obj:
    return {"podSelector": {"matchLabels": selector}}


def _ports(*ports: int) -> list[Obj]:
    return [{"protocol": "TCP", "port": port} for port in ports]


def _policy(name: str, selector: dict[str, str], ingress: list[Obj] | None, egress: list[Obj] | None) -> Obj:
    spec: Obj = {"podSelector": {"matchLabels": selector}, "policyTypes": []}
    if ingress is not None:
        spec["policyTypes"].append("Ingress")
        spec["ingress"] = ingress
    if egress is not None:
        spec["policyTypes"].append("Egress")
        spec["egress"] = egress
    return {
        "apiVersion": "networking.k8s.io/v1",
        "kind": "NetworkPolicy",
        "metadata": {"name": name, "labels": {"app.kubernetes.io/part-of": "tongban"}},
        "spec": spec,
    }


def _callers(service: str) -> list[str]:
    """Services whose processes call ``service``'s API (everyone calls identity: JWKS)."""
    if service == "identity":
        return [s for s in STANDARD_SERVICE_NAMES if s != "identity"]
    return [
        caller
        for caller, needs in SERVICE_NEEDS.items()
        if any(target.removesuffix("-bulk") == service for _, target in needs)
    ]


def _callees(service: str) -> list[str]:
    called = {target.removesuffix("-bulk") for _, target in SERVICE_NEEDS.get(service, ())}
    called.add("identity")
    called.discard(service)
    return sorted(called)


def _database(service: str) -> dict[str, str]:
    return {"cnpg.io/cluster": f"{service}-db"}


def _service_policies(service: str) -> list[Obj]:
    processes = [labels(service, "api"), labels(service, "worker")]
    api_from = [_pods(labels("gateway", "api"))]
    for caller in _callers(service):
        api_from += [_pods(labels(caller, "api")), _pods(labels(caller, "worker"))]
    egress = [
        {"to": [_pods(_database(service))], "ports": _ports(5432)},
        {"to": [_pods(NATS_POD)], "ports": _ports(4222)},
    ]
    for callee in _callees(service):
        egress.append({"to": [_pods(labels(callee, "api"))], "ports": _ports(HTTP_PORT)})
    if service in OUTBOUND:
        egress.append({"to": [{"ipBlock": {"cidr": "0.0.0.0/0"}}], "ports": _ports(443)})
    database_from = [_pods(selector) for selector in processes]
    database_from.append(_pods(labels(service, "migrate")))
    return [
        _policy(
            f"{service}-api",
            labels(service, "api"),
            [
                {"from": api_from, "ports": _ports(HTTP_PORT)},
                {"from": [_namespace(MONITORING_NAMESPACE)], "ports": _ports(HTTP_PORT)},
            ],
            egress,
        ),
        _policy(
            f"{service}-worker",
            labels(service, "worker"),
            [{"from": [_namespace(MONITORING_NAMESPACE)], "ports": _ports(WORKER_METRICS_PORT)}],
            egress,
        ),
        _policy(
            f"{service}-migrate",
            labels(service, "migrate"),
            [],
            [{"to": [_pods(_database(service))], "ports": _ports(5432)}],
        ),
        _policy(
            f"{service}-db",
            _database(service),
            [
                {"from": database_from, "ports": _ports(5432)},
                # the instances of the cluster among themselves (streaming replication, status)
                {"from": [_pods(_database(service))], "ports": _ports(5432, 8000)},
                {"from": [_namespace(OPERATOR_NAMESPACE)], "ports": _ports(5432, 8000)},
                {"from": [_namespace(MONITORING_NAMESPACE)], "ports": _ports(9187)},
            ],
            [
                {"to": [_pods(_database(service))], "ports": _ports(5432, 8000)},
                # the Kubernetes API (the instance manager) and the backup object store, by HTTPS
                {"to": [{"ipBlock": {"cidr": "0.0.0.0/0"}}], "ports": _ports(443, 6443)},
            ],
        ),
    ]


def network_policies() -> list[Obj]:
    mesh = [_pods(labels(s, c)) for s in STANDARD_SERVICE_NAMES for c in ("api", "worker")]
    mesh.append(_pods(labels("gateway", "api")))
    dns = {
        "to": [
            {
                **_namespace("kube-system"),
                "podSelector": {"matchLabels": {"k8s-app": "kube-dns"}},
            }
        ],
        "ports": [{"protocol": "UDP", "port": 53}, {"protocol": "TCP", "port": 53}],
    }
    policies = [
        _policy("default-deny", {}, [], []),
        _policy("dns", {}, None, [dns]),
        _policy(
            "gateway",
            labels("gateway", "api"),
            [
                {"from": [_namespace(INGRESS_NAMESPACE)], "ports": _ports(HTTP_PORT)},
                {"from": [_namespace(MONITORING_NAMESPACE)], "ports": _ports(HTTP_PORT)},
            ],
            [
                {"to": [_pods(labels(s, "api")) for s in STANDARD_SERVICE_NAMES], "ports": _ports(HTTP_PORT)},
                {"to": [_pods(NATS_POD)], "ports": _ports(4222)},
            ],
        ),
        _policy(
            "nats",
            NATS_POD,
            [
                {"from": mesh, "ports": _ports(4222)},
                {"from": [_pods(NATS_POD)], "ports": _ports(4222, 6222)},
                {"from": [_namespace(MONITORING_NAMESPACE)], "ports": _ports(7777, 8222)},
            ],
            [{"to": [_pods(NATS_POD)], "ports": _ports(6222)}],
        ),
    ]
    for service in STANDARD_SERVICE_NAMES:
        policies += _service_policies(service)
    return policies
