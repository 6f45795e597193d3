"""A 3-node NATS JetStream cluster on loopback, from meshkit's embedded nats-server: each node its own store,
its client port and its route port, the mesh's users and permissions (deploy/nats/permissions.toml) on every
node, plus one observer of the test's own that may only ask JetStream's API (to check the streams).

Given a :class:`~.netns.Namespace`, the first node (``n1``) runs inside it, listening on the namespace's end of
its veth pair, and the others on the host's end (so that ``n1`` reaches them and they reach it): the test can
then partition ``n1`` from the rest and heal it."""

from __future__ import annotations

import asyncio
import secrets
import signal
import time
from pathlib import Path

import nats
from nats.aio.client import Client as NATS

from meshkit.embedded import EmbeddedNats, free_port
from meshkit.natsauth import NatsUser, generate_users, load_grants

from .netns import Namespace

__all__ = ["OBSERVER", "NatsCluster"]

OBSERVER = "cluster-observer"


class NatsCluster:
    def __init__(
        self, root: Path, permissions: Path, size: int = 3, namespace: Namespace | None = None
    ) -> None:
        self.users = (
            *generate_users(load_grants(permissions)),
            # the test's own: JetStream's API (stream and consumer info, direct gets) and replies, nothing else
            NatsUser(OBSERVER, secrets.token_urlsafe(24), ("$JS.API.>",), ("_INBOX.>",)),
        )
        ports = [free_port() for _ in range(size)]
        routes = [free_port() for _ in range(size)]
        self.namespace = namespace
        hosts = ["127.0.0.1"] * size
        if namespace is not None:
            hosts = [namespace.node_ip, *[namespace.host_ip] * (size - 1)]
        self.nodes = [
            EmbeddedNats(
                root / f"n{i + 1}",
                ports[i],
                users=self.users,
                server_name=f"n{i + 1}",
                cluster_port=routes[i],
                routes=tuple(f"{hosts[j]}:{p}" for j, p in enumerate(routes) if j != i),
                host=hosts[i],
                launcher=namespace.launcher if namespace is not None and i == 0 else (),
            )
            for i in range(size)
        ]

    @property
    def url(self) -> str:
        """Every node, comma-separated, no credentials (each process connects as its own user)."""
        return ",".join(node.url for node in self.nodes)

    def password(self, user: str) -> str:
        return next(u.password for u in self.users if u.name == user)

    def credentials_env(self, services: list[str]) -> dict[str, str]:
        """What an operator gives the mesh's processes with an external NATS: each service's API user, its
        worker's user, the gateway's."""
        env = {"GATEWAY_NATS_USER": "gateway", "GATEWAY_NATS_PASSWORD": self.password("gateway")}
        for name in services:
            prefix = name.upper()
            env[f"{prefix}_NATS_USER"] = name
            env[f"{prefix}_NATS_PASSWORD"] = self.password(name)
            env[f"{prefix}_WORKER_NATS_USER"] = f"{name}-worker"
            env[f"{prefix}_WORKER_NATS_PASSWORD"] = self.password(f"{name}-worker")
        return env

    def start(self) -> None:
        for node in self.nodes:
            node.start(timeout=30.0)
        asyncio.run(self._wait_for_meta_leader(90.0))

    def stop(self) -> None:
        for node in self.nodes:
            if node.process is not None and node.process.poll() is not None:
                node.process.wait()
            node.stop()

    def kill(self, index: int) -> None:
        """SIGKILL one node (its store stays for the restart)."""
        process = self.nodes[index].process
        assert process is not None
        process.send_signal(signal.SIGKILL)
        process.wait()

    def restart(self, index: int) -> None:
        self.nodes[index].start(timeout=30.0)

    def pause(self, index: int, sig: signal.Signals) -> None:
        process = self.nodes[index].process
        assert process is not None
        process.send_signal(sig)

    def partition(self) -> None:
        """Cut ``n1`` off from the other nodes and from every client (its process keeps running)."""
        assert self.namespace is not None
        self.namespace.cut()

    def heal(self) -> None:
        assert self.namespace is not None
        self.namespace.heal()

    def pids(self) -> dict[str, int]:
        return {
            f"nats-{i + 1}": node.process.pid
            for i, node in enumerate(self.nodes)
            if node.process is not None and node.process.poll() is None
        }

    async def observer(self) -> NATS:
        return await nats.connect(
            [node.url for node in self.nodes],
            user=OBSERVER,
            password=self.password(OBSERVER),
            connect_timeout=2,
            max_reconnect_attempts=-1,
            reconnect_time_wait=0.5,
        )

    async def _wait_for_meta_leader(self, timeout: float) -> None:
        """JetStream answers only once the nodes elected a meta leader; the workers create R3 streams at start."""
        nc = await self.observer()
        try:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    await nc.jetstream(timeout=2.0).account_info()
                    return
                except Exception:
                    if time.monotonic() > deadline:
                        raise
                    await asyncio.sleep(0.5)
        finally:
            await nc.close()
