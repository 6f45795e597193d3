"""Issue 20: what the NetworkPolicies let through, evaluated the way Kubernetes does (a pod selected by a policy
of a direction only takes what one of those policies allows; a connection needs the source's egress and the
destination's ingress), over every pair that matters: only the gateway (and the callers the launcher's table
names) reach an API, only a service's own processes reach its database, only the mesh reaches NATS.

``ipBlock`` peers are taken to match any pod (the worst case: some network plugins apply CIDRs to pod addresses
too), so no guarantee here leans on an ipBlock."""

from __future__ import annotations

from typing import Any

import pytest

from tongban.config import STANDARD_SERVICE_NAMES
from tongban.manifests.policies import NATS_POD, network_policies
from tongban.manifests.workloads import labels

pytestmark = pytest.mark.unit

NAMESPACE = "tongban"
Pod = tuple[str, dict[str, str]]  # (namespace, labels)
POLICIES = network_policies()


def _selects(selector: dict[str, Any], pod_labels: dict[str, str]) -> bool:
    return all(pod_labels.get(k) == v for k, v in selector.get("matchLabels", {}).items())


def _peer_matches(peer: dict[str, Any], pod: Pod) -> bool:
    if "ipBlock" in peer:
        return True
    namespace, pod_labels = pod
    if "namespaceSelector" in peer:
        if not _selects(peer["namespaceSelector"], {"kubernetes.io/metadata.name": namespace}):
            return False
    elif namespace != NAMESPACE:
        return False
    return _selects(peer.get("podSelector", {}), pod_labels)


def _allowed(direction: str, subject: Pod, peer: Pod, port: int) -> bool:
    if subject[0] != NAMESPACE:
        return True  # other namespaces' policies are not ours to judge
    key, peers_key = ("ingress", "from") if direction == "Ingress" else ("egress", "to")
    chosen = [
        p
        for p in POLICIES
        if direction in p["spec"]["policyTypes"] and _selects(p["spec"]["podSelector"], subject[1])
    ]
    if not chosen:
        return True
    for policy in chosen:
        for rule in policy["spec"].get(key, []):
            ports = rule.get("ports")
            if ports and not any(p["port"] == port for p in ports):
                continue
            if any(_peer_matches(p, peer) for p in rule.get(peers_key, [])):
                return True
    return False


def reaches(source: Pod, destination: Pod, port: int) -> bool:
    return _allowed("Egress", source, destination, port) and _allowed("Ingress", destination, source, port)


def pod(service: str, component: str) -> Pod:
    return (NAMESPACE, labels(service, component))


def database(service: str) -> Pod:
    return (NAMESPACE, {"cnpg.io/cluster": f"{service}-db", "cnpg.io/instanceRole": "primary"})


GATEWAY = pod("gateway", "api")
NATS = (NAMESPACE, dict(NATS_POD))
STRANGER = (NAMESPACE, {"app": "debug-shell"})
INGRESS = ("ingress-nginx", {"app.kubernetes.io/name": "ingress-nginx"})
PROMETHEUS = ("monitoring", {"app.kubernetes.io/name": "prometheus"})
MESH = [pod(s, c) for s in STANDARD_SERVICE_NAMES for c in ("api", "worker")] + [GATEWAY]


def test_only_the_gateway_and_named_callers_reach_an_api() -> None:
    for service in STANDARD_SERVICE_NAMES:
        api = pod(service, "api")
        assert reaches(GATEWAY, api, 8000), service
        assert not reaches(STRANGER, api, 8000), service
        assert not reaches(INGRESS, api, 8000), f"the ingress must go through the gateway, not to {service}"
        assert not reaches(GATEWAY, api, 5432), service
    assert reaches(INGRESS, GATEWAY, 8000)
    assert reaches(pod("cases", "worker"), pod("exchange", "api"), 8000)  # materials (SERVICE_NEEDS)
    assert reaches(pod("catalog", "api"), pod("identity", "api"), 8000)  # everyone: identity's JWKS
    assert not reaches(pod("catalog", "api"), pod("cases", "api"), 8000)  # catalog calls no one else
    assert not reaches(pod("catalog", "worker"), pod("exchange", "api"), 8000)


def test_only_each_service_reaches_its_database() -> None:
    for owner in STANDARD_SERVICE_NAMES:
        db = database(owner)
        for component in ("api", "worker", "migrate"):
            assert reaches(pod(owner, component), db, 5432), (owner, component)
        for other in STANDARD_SERVICE_NAMES:
            if other != owner:
                for component in ("api", "worker", "migrate"):
                    assert not reaches(pod(other, component), db, 5432), (other, component, owner)
        assert not reaches(GATEWAY, db, 5432)
        assert not reaches(STRANGER, db, 5432)
        assert not reaches(NATS, db, 5432)


def test_only_the_mesh_reaches_nats() -> None:
    for member in MESH:
        assert reaches(member, NATS, 4222), member
    assert not reaches(STRANGER, NATS, 4222)
    assert not reaches(pod("cases", "migrate"), NATS, 4222)
    assert not reaches(database("cases"), NATS, 4222)
    assert not reaches(INGRESS, NATS, 4222)
    assert reaches(NATS, NATS, 6222)  # the cluster's routes


def test_prometheus_scrapes_and_nothing_else_from_outside() -> None:
    for service in STANDARD_SERVICE_NAMES:
        assert reaches(PROMETHEUS, pod(service, "api"), 8000)
        assert reaches(PROMETHEUS, pod(service, "worker"), 9100)
        assert not reaches(PROMETHEUS, database(service), 5432)
    assert not reaches(PROMETHEUS, NATS, 4222)
