"""The mesh's NATS users: generated under var/ for the embedded server, passed to each process as its own.

Each kind of process connects as its own user (``deploy/nats/permissions.toml``, :mod:`meshkit.natsauth`): a
service's API and background lane as ``<service>``, its worker as ``<service>-worker``, the gateway as ``gateway``.
The passwords are random, kept in ``var/nats/users.json`` (owner-only, never committed) so a restart keeps them;
deleting that file and restarting the mesh rotates them all. With an external NATS the operator gives each
service ``<SERVICE>_NATS_USER``/``<SERVICE>_NATS_PASSWORD`` and, for its worker, ``<SERVICE>_WORKER_NATS_USER``/
``<SERVICE>_WORKER_NATS_PASSWORD``.
"""

from __future__ import annotations

from collections.abc import Mapping

from meshkit.natsauth import NatsUser, generate_users, load_grants, read_users, write_users
from tongban.config import MeshConfig, worker_process

__all__ = ["mesh_nats_users", "process_nats_env"]


def mesh_nats_users(config: MeshConfig) -> tuple[NatsUser, ...]:
    """The users of the embedded NATS, with the passwords kept under var/ (new ones for new users)."""
    grants = load_grants(config.root / config.nats_permissions)
    users = generate_users(grants, read_users(config.nats_users_path))
    write_users(config.nats_users_path, users)
    return users


def process_nats_env(
    config: MeshConfig, process: str, passwords: Mapping[str, str] | None, environ: Mapping[str, str]
) -> dict[str, str]:
    """The NATS credentials variables of one process (none for processes that do not use NATS).

    ``passwords``: the embedded server's users; None with an external server, where a worker takes
    ``<SERVICE>_WORKER_NATS_USER``/``…_PASSWORD`` when the operator set them (else the service's own)."""
    found = config.nats_user_of(process)
    if found is None:
        return {}
    user, prefix = found
    if passwords is not None:
        return {f"{prefix}_NATS_USER": user, f"{prefix}_NATS_PASSWORD": passwords[user]}
    if worker_process(process):
        worker_user = environ.get(f"{prefix}_WORKER_NATS_USER", "")
        worker_password = environ.get(f"{prefix}_WORKER_NATS_PASSWORD", "")
        if worker_user and worker_password:
            return {f"{prefix}_NATS_USER": worker_user, f"{prefix}_NATS_PASSWORD": worker_password}
    return {}
