"""Stand-ins for systems outside the mesh, started by ``tongban up`` and the e2e tests (ARCHITECTURE §2:
``deploy/simulators``; they live in this package so they install with the launcher):

- :mod:`tongban.simulators.population` — the 区公安局 population system behind resource 500110-GAJ-RK-001.
- :mod:`tongban.simulators.city_platform` — the city-level approval platform's case-exchange API.
- :mod:`tongban.simulators.timestamping` — a time-stamping authority (RFC 3161 style) that witnesses the access
  log's signed checkpoints.
- :mod:`tongban.simulators.sms` — the SMS gateway identity sends one-time codes and notices through; it keeps
  what it sent (``GET /messages?to=``).

Each is a FastAPI app factory for uvicorn (``--factory``) with admin endpoints to inspect and steer it.
"""

from __future__ import annotations

import os

from meshkit.heap import freeze_startup_heap
from meshkit.priority import lower_priority

__all__ = ["NICE_VARIABLE", "outside_system_ready"]

NICE_VARIABLE = "TONGBAN_SIMULATOR_NICE"


def outside_system_ready() -> None:
    """The end of every stand-in's app factory.

    Its startup heap is frozen as the services' is: a full collection walked every startup object (the city
    platform's took 104 ms of a core in a benchmark's paced phase).

    Started by the launcher (``TONGBAN_SIMULATOR_NICE``, set by :mod:`tongban.mesh`), it also runs that much
    nicer than the mesh's APIs: the system it stands for runs on its own machines, not on the mesh's cores, so
    its CPU should not delay the requests people wait on (the population and city stand-ins took 0.25 ms of
    CPU per application at the APIs' priority in the benchmark's paced phase). Built in a test's own process,
    without the variable, it changes nothing about that process's priority."""
    nice = os.environ.get(NICE_VARIABLE)
    if nice:
        lower_priority(int(nice))
    freeze_startup_heap()
