"""Values for the official NATS Helm chart (nats-io/k8s, chart ``nats`` 1.x): a 3-server JetStream cluster.

Generated from deploy/nats/permissions.toml (the same users and permissions as ``tongban up`` and the tests),
so the cluster admits exactly the mesh's kinds of process. Passwords are never in the values: each comes from
the Secret ``nats-users`` (one key per user, the same Secret the mesh's pods read theirs from) through the
container's environment, and the server's config refers to it as ``$NATS_PASSWORD_<USER>`` (nats-server
expands environment variables; the chart writes ``<< … >>`` unquoted).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from meshkit.natsauth import load_grants, permissions

__all__ = ["nats_values", "password_variable"]

Obj = dict[str, Any]
CHART_VERSION = "1.3.16"  # the chart the values are written for (docs/deploy.md, "NATS")


def password_variable(user: str) -> str:
    return "NATS_PASSWORD_" + user.upper().replace("-", "_")


def nats_values(permissions_file: Path, *, replicas: int = 3, storage: str = "50Gi") -> Obj:
    users = []
    env: Obj = {}
    for grant in load_grants(permissions_file):
        publish, subscribe = permissions(grant)
        variable = password_variable(grant.user)
        users.append(
            {
                "user": grant.user,
                "password": f"<< ${variable} >>",
                "permissions": {"publish": {"allow": list(publish)}, "subscribe": {"allow": list(subscribe)}},
            }
        )
        env[variable] = {"valueFrom": {"secretKeyRef": {"name": "nats-users", "key": grant.user}}}
    return {
        "fullnameOverride": "nats",
        "config": {
            "cluster": {"enabled": replicas > 1, "replicas": replicas},
            "jetstream": {
                "enabled": True,
                "fileStore": {"enabled": True, "dir": "/data", "pvc": {"enabled": True, "size": storage}},
                "memoryStore": {"enabled": False},
                # fsync before every ack (docs/architecture.md, Events; deploy/nats/nats.conf says why)
                "merge": {"sync_interval": "always", "max_file_store": "<< 45GB >>"},
            },
            "monitor": {"enabled": True, "port": 8222},
            "merge": {
                "max_payload": "<< 4MB >>",
                "lame_duck_duration": "30s",
                "authorization": {"users": users},
            },
        },
        "container": {
            "env": env,
            "merge": {
                "resources": {
                    "requests": {"cpu": "500m", "memory": "1Gi"},
                    "limits": {"cpu": "2", "memory": "2Gi"},
                },
                "securityContext": {
                    "allowPrivilegeEscalation": False,
                    "readOnlyRootFilesystem": True,
                    "capabilities": {"drop": ["ALL"]},
                },
            },
        },
        "podTemplate": {
            "merge": {
                "spec": {
                    "securityContext": {
                        "runAsNonRoot": True,
                        "runAsUser": 1000,
                        "fsGroup": 1000,
                        "seccompProfile": {"type": "RuntimeDefault"},
                    }
                }
            },
            "topologySpreadConstraints": {
                "kubernetes.io/hostname": {"maxSkew": 1, "whenUnsatisfiable": "DoNotSchedule"}
            },
        },
        "podDisruptionBudget": {"enabled": True},
        "promExporter": {"enabled": True, "podMonitor": {"enabled": True}},
        "natsBox": {"enabled": False},
    }
