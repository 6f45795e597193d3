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
