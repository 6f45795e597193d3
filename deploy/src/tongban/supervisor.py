"""The running mesh's supervisor: a process that crashes is restarted with backoff and reported, instead of the
whole mesh stopping (issue 20, failure 7: any crashed process used to stop everything).

Each tick looks at what has exited. A service, worker, lane, simulator or the gateway is restarted after a
backoff that grows with its recent crashes (1 s, 2 s, 4 s … 30 s). A process that crashed ``limit`` times within
``window`` seconds is in a crash loop: restarting it again would only hide that, so the supervisor gives up and
says why, and the launcher stops the mesh.

The embedded PostgreSQL and NATS are restarted the same way (issue 19, outside try: either one exiting used to
stop the whole local mesh). Their data stays where it was — PostgreSQL recovers from its WAL, NATS from its
store — and the services wait the outage out (issue 20). A server that will not start again (its port still
held, shared memory of a killed postmaster not yet released) counts as another crash: it is tried again after
the next backoff, and the mesh stops only in a crash loop.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from tongban.mesh import Exited
from tongban.steps import MeshError

__all__ = ["GaveUp", "RestartFailed", "Restarted", "Restarting", "Supervisor"]

BACKOFF = (1.0, 2.0, 4.0, 8.0, 16.0, 30.0)


class Supervised(Protocol):
    def exited(self) -> list[Exited]: ...

    def restart(self, name: str, *, wait: bool = True) -> None: ...


@dataclass(frozen=True)
class Restarting:
    exited: Exited
    delay: float
    crashes: int  # within the window, this one included


@dataclass(frozen=True)
class Restarted:
    name: str


@dataclass(frozen=True)
class RestartFailed:
    name: str
    reason: str


@dataclass(frozen=True)
class GaveUp:
    exited: Exited
    reason: str


Report = Callable[[Restarting | Restarted | RestartFailed], None]


@dataclass
class Supervisor:
    mesh: Supervised
    report: Report
    limit: int = 5
    window: float = 60.0
    clock: Callable[[], float] = time.monotonic
    _crashes: dict[str, deque[float]] = field(default_factory=dict)
    _due: dict[str, float] = field(default_factory=dict)

    def tick(self) -> GaveUp | None:
        """Restart what is due; None, or why the mesh must stop."""
        now = self.clock()
        for dead in self.mesh.exited():
            if dead.name in self._due:
                continue  # already waiting for its restart
            crashes = self._crashes.setdefault(dead.name, deque())
            crashes.append(now)
            while crashes and crashes[0] < now - self.window:
                crashes.popleft()
            if len(crashes) >= self.limit:
                return GaveUp(
                    dead,
                    f"{dead.name} crashed {len(crashes)} times within {self.window:.0f} s (code "
                    f"{dead.returncode}); not restarting a crash loop — see its log",
                )
            delay = BACKOFF[min(len(crashes) - 1, len(BACKOFF) - 1)]
            self._due[dead.name] = now + delay
            self.report(Restarting(dead, delay, len(crashes)))
        for name, due in list(self._due.items()):
            if now >= due:
                del self._due[name]
                try:
                    self.mesh.restart(name, wait=False)
                except MeshError as exc:  # still down: the next tick sees it exited and counts a crash
                    self.report(RestartFailed(name, str(exc.args[0]) if exc.args else type(exc).__name__))
                    continue
                self.report(Restarted(name))
        return None
