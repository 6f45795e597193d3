"""Demo data for the exchange (DOMAIN.md §6), loaded idempotently by ``python -m exchange.demo``: member
organizations, the base resources (population via the 公安 simulator, legal entities, e-certificates) with the
simulator's host listed as 500110-GAJ's endpoint host, the demo catalog's certificate types, a conditional and a
not-shared resource, and a few hosted records."""

from __future__ import annotations

import asyncio
import logging

from exchange import demo_data, use_cases
from exchange.domain.limits import PayloadLimits
from exchange.sealing import Sealer
from exchange.settings import ExchangeSettings
from exchange.store.models import Member, Resource
from exchange.store.unit_of_work import ExchangeUnitOfWork
from exchange.use_cases import certificates, directory, duties, endpoints, records, systems
from meshkit.db import Database
from meshkit.observability import configure_logging

__all__ = ["load"]

log = logging.getLogger(__name__)


class _Operator:
    """The demo loader acts as the hub's operators when it registers the demo's duties (履职依据)."""

    org: str | None = "500110-ZWFWZX"  # the centre that runs the hub
    sub = "demo-operator"
    client_id = "exchange-demo"
    kind = "system"
    roles: frozenset[str] = frozenset()
    scopes: frozenset[str] = frozenset({"exchange:admin"})


class _Provider:
    """The demo loader acts as each provider's system when it pushes that provider's records."""

    def __init__(self, org: str) -> None:
        self.org = org
        self.sub = f"demo-{org}"
        self.client_id = "exchange-demo"
        self.kind = "system"
        self.roles: frozenset[str] = frozenset()
        self.scopes: frozenset[str] = frozenset({"exchange:records:write"})


async def load(database: Database, settings: ExchangeSettings | None = None) -> int:
    """Upsert everything; returns how many hosted records changed (0 on a second run)."""
    settings = settings or ExchangeSettings()
    for code, (name, credit_code) in demo_data.MEMBERS.items():
        async with ExchangeUnitOfWork(database) as uow:
            await directory.register_member(
                uow, caller=None, member=Member(code=code, name=name, credit_code=credit_code, active=True)
            )
    for client_id, (member_code, name) in demo_data.SYSTEMS.items():
        async with ExchangeUnitOfWork(database) as uow:
            await systems.put_system(
                uow, caller=None, member_code=member_code, client_id=client_id, name=name
            )
    # The 公安 population simulator is 500110-GAJ's provider system: its host and port are listed for the member
    # (as operators would), so that the population resource's endpoint passes at registration and at every read.
    async with ExchangeUnitOfWork(database) as uow:
        await endpoints.allow_endpoint_host(uow, member_code="500110-GAJ", url=settings.demo_population_url)
    for spec in demo_data.RESOURCES:
        fields = {
            "sharing_condition": None,
            "legal_basis": None,
            "endpoint_url": None,
            "timeout_ms": 3000,
            **spec,
        }
        if spec["code"] == "500110-GAJ-RK-001":
            fields["endpoint_url"] = settings.demo_population_url
        async with ExchangeUnitOfWork(database) as uow:
            await use_cases.register_resource(
                uow, resource=Resource(published_on=demo_data.PUBLISHED_ON, **fields)
            )
    for duty in demo_data.DUTIES:
        async with ExchangeUnitOfWork(database) as uow:
            draft = duties.DutyDraft(
                allows_hiding=False,
                max_hidden_days=0,
                valid_from=demo_data.PUBLISHED_ON,
                valid_to=None,
                active=True,
                **duty,
            )
            await duties.put_duty(uow, caller=_Operator(), draft=draft)
    for certificate_type in demo_data.CERTIFICATE_TYPES:
        async with ExchangeUnitOfWork(database) as uow:
            await certificates.register_type(uow, caller=None, certificate_type=certificate_type)
    sealer = Sealer(settings.secret_key.get_secret_value())
    changed = 0
    for code in sorted({row[0] for row in demo_data.HOSTED}):
        pushed = [
            records.PushedRecord(identifier, version, data)
            for c, identifier, version, data in demo_data.HOSTED
            if c == code
        ]
        provider = next(r["provider_code"] for r in demo_data.RESOURCES if r["code"] == code)
        async with ExchangeUnitOfWork(database) as uow:
            summary = await records.push_records(
                uow,
                caller=_Provider(provider),
                resource_code=code,
                records=pushed,
                sealer=sealer,
                limits=PayloadLimits(),
            )
        changed += summary.applied
    return changed


async def _main() -> None:
    configure_logging("exchange-demo")
    settings = ExchangeSettings()
    if settings.environment == "prod":
        raise SystemExit("TONGBAN_ENV=prod 不加载演示数据 (the demo loader refuses to run in prod)")
    database = Database.from_url(settings.database_url, pool_size=2)
    try:
        changed = await load(database, settings)
        log.info(
            f"exchange demo data: {len(demo_data.MEMBERS)} members, {len(demo_data.RESOURCES)} resources, "
            f"{len(demo_data.CERTIFICATE_TYPES)} certificate types, "
            f"{changed} hosted records changed"
        )
    finally:
        await database.dispose()


if __name__ == "__main__":
    asyncio.run(_main())
