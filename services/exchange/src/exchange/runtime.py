"""The exchange's runtime: everything a request uses, built once per process in the lifespan (``main``)."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request

from exchange.clients.outbound import Outbound
from exchange.domain.limits import PayloadLimits, RateLimiter
from exchange.settings import ExchangeSettings
from exchange.signing import Verifier
from exchange.use_cases.access_log import CheckpointTrust
from exchange.use_cases.reads import ReadPath
from meshkit.db import Database

__all__ = ["ExchangeRuntime", "runtime_of"]


@dataclass(frozen=True)
class ExchangeRuntime:
    """One typed object instead of a bag of ``app.state`` attributes: the read path (statements, caches, group
    commit, bases, providers), the outbound policy's client, the limits, and the keys the hub verifies with."""

    settings: ExchangeSettings
    read_path: ReadPath
    outbound: Outbound
    rate_limiter: RateLimiter
    payload_limits: PayloadLimits
    checkpoint_trust: CheckpointTrust
    city_verifier: Verifier

    @property
    def database(self) -> Database:
        return self.read_path.database


def runtime_of(request: Request) -> ExchangeRuntime:
    runtime: ExchangeRuntime = request.app.state.runtime
    return runtime
