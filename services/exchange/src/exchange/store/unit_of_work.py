"""The exchange unit of work: repositories and the outbox on one session."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from exchange.store.access_log import AccessLogRepository
from exchange.store.calendar import CalendarRepository
from exchange.store.certificates import CertificateRepository, CertificateTypeRepository
from exchange.store.checkpoints import CheckpointRepository
from exchange.store.city import CityInboundRepository, CityOutboundRepository
from exchange.store.dependencies import MatterDependencyRepository
from exchange.store.duties import DutyRepository
from exchange.store.endpoint_hosts import EndpointHostRepository
from exchange.store.grants import ShareRequestRepository
from exchange.store.models import OUTBOX
from exchange.store.records import RecordRepository
from exchange.store.repositories import MemberRepository, ResourceRepository, SystemRepository
from exchange.store.subscriptions import DeliveryRepository, SubscriptionRepository
from meshkit.db import UnitOfWork

__all__ = ["ExchangeUnitOfWork", "JoinedUnitOfWork"]


class ExchangeUnitOfWork(UnitOfWork):
    outbox = OUTBOX
    resources: ResourceRepository
    members: MemberRepository
    systems: SystemRepository
    endpoint_hosts: EndpointHostRepository
    grants: ShareRequestRepository
    records: RecordRepository
    access_log: AccessLogRepository
    checkpoints: CheckpointRepository
    subscriptions: SubscriptionRepository
    deliveries: DeliveryRepository
    certificates: CertificateRepository
    certificate_types: CertificateTypeRepository
    dependencies: MatterDependencyRepository
    calendar: CalendarRepository
    city_outbound: CityOutboundRepository
    city_inbound: CityInboundRepository

    def attach(self, session: AsyncSession) -> None:
        self.resources = ResourceRepository(session)
        self.members = MemberRepository(session)
        self.systems = SystemRepository(session)
        self.endpoint_hosts = EndpointHostRepository(session)
        self.grants = ShareRequestRepository(session)
        self.records = RecordRepository(session)
        self.access_log = AccessLogRepository(session)
        self.checkpoints = CheckpointRepository(session)
        self.duties = DutyRepository(session)
        self.subscriptions = SubscriptionRepository(session)
        self.deliveries = DeliveryRepository(session)
        self.certificates = CertificateRepository(session)
        self.certificate_types = CertificateTypeRepository(session)
        self.dependencies = MatterDependencyRepository(session)
        self.calendar = CalendarRepository(session)
        self.city_outbound = CityOutboundRepository(session)
        self.city_inbound = CityInboundRepository(session)


class JoinedUnitOfWork(ExchangeUnitOfWork):
    """The repositories on a transaction someone else owns (a consumer's inbox transaction).

    ``commit()`` only flushes: the owner commits the effect together with the inbox row.
    """

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.attach(session)

    async def __aenter__(self) -> JoinedUnitOfWork:
        return self

    async def __aexit__(self, *_: object) -> None:
        return None

    async def commit(self) -> None:
        await self.session.flush()
