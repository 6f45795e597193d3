"""PostgreSQL with failover: one CloudNativePG ``Cluster`` per service, its roles, and a daily backup.

One cluster per service, not one cluster with four databases (docs/deploy.md, "PostgreSQL"): a NetworkPolicy can
then say that only a service's processes reach *its* database, a failover or a restore touches one service, and
each is sized to its own load (the exchange's append-only access log outgrows the others by far).
"""

from __future__ import annotations

from typing import Any

from tongban.manifests.workloads import labels

__all__ = ["POSTGRES_IMAGE", "database_objects"]

Obj = dict[str, Any]
POSTGRES_IMAGE = "ghcr.io/cloudnative-pg/postgresql:16.10"


def _grants(service: str) -> list[str]:
    """What a superuser does once per database (docs/runbook.md, "Start and stop"): the service role may read
    and write the owner's tables and sequences, now and after later migrations, and nothing else."""
    owner, role = f"{service}_owner", f"{service}_service"
    return [
        f"CREATE ROLE {role} LOGIN",
        f"REVOKE ALL ON DATABASE {service} FROM PUBLIC",
        f"GRANT CONNECT ON DATABASE {service} TO {role}",
        f"GRANT USAGE ON SCHEMA public TO {role}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public "
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {role}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {role}",
    ]


def database_objects(service: str) -> list[Obj]:
    name = f"{service}-db"
    meta = {"name": name, "labels": labels(service, "database")}
    cluster = {
        "apiVersion": "postgresql.cnpg.io/v1",
        "kind": "Cluster",
        "metadata": meta,
        "spec": {
            "instances": 3,
            "imageName": POSTGRES_IMAGE,
            "primaryUpdateStrategy": "unsupervised",
            "enableSuperuserAccess": False,
            # an acknowledged commit is on a second instance before the service hears "committed"
            "postgresql": {
                "synchronous": {"method": "any", "number": 1, "dataDurability": "required"},
                "parameters": {
                    # no DETAIL lines quoting key and row values, no parameters on error (docs/runbook.md)
                    "log_error_verbosity": "terse",
                    "log_parameter_max_length_on_error": "0",
                    "log_statement": "ddl",
                    "max_connections": "200",
                },
            },
            "bootstrap": {
                "initdb": {
                    "database": service,
                    "owner": f"{service}_owner",
                    "secret": {"name": f"{service}-db-owner"},
                    "postInitApplicationSQL": _grants(service),
                }
            },
            "managed": {
                "roles": [
                    {
                        "name": f"{service}_service",
                        "ensure": "present",
                        "login": True,
                        "superuser": False,
                        "createdb": False,
                        "createrole": False,
                        "inherit": True,
                        "passwordSecret": {"name": f"{service}-db-service"},
                    }
                ]
            },
            "storage": {"size": "20Gi"},
            "walStorage": {"size": "10Gi"},
            "resources": {
                "requests": {"cpu": "500m", "memory": "1Gi"},
                "limits": {"cpu": "2", "memory": "2Gi"},
            },
            "affinity": {"topologyKey": "kubernetes.io/hostname", "enablePodAntiAffinity": True},
            "monitoring": {"enablePodMonitor": True},
            "backup": {
                "retentionPolicy": "30d",
                "barmanObjectStore": {
                    "destinationPath": f"s3://tongban-backups/{service}",
                    "endpointURL": "https://object-store.example.gov.cn",
                    "s3Credentials": {
                        "accessKeyId": {"name": "backup-object-store", "key": "ACCESS_KEY_ID"},
                        "secretAccessKey": {"name": "backup-object-store", "key": "ACCESS_SECRET_KEY"},
                    },
                    "wal": {"compression": "gzip", "encryption": "AES256"},
                    "data": {"compression": "gzip", "encryption": "AES256"},
                },
            },
        },
    }
    scheduled = {
        "apiVersion": "postgresql.cnpg.io/v1",
        "kind": "ScheduledBackup",
        "metadata": {"name": f"{name}-daily", "labels": labels(service, "database")},
        "spec": {
            "schedule": "0 30 1 * * *",  # seconds first: 01:30 every night, after the day's work
            "backupOwnerReference": "self",
            "immediate": True,
            "method": "barmanObjectStore",
            "cluster": {"name": name},
        },
    }
    return [cluster, scheduled]
