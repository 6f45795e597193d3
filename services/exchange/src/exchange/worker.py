"""The exchange worker: outbox relay; consumers of case events (city link), of the district's working-day
calendar and of its own record changes (subscriptions); timers that deliver to subscribers and to the city
platform, and that sign the access log's checkpoints and have them witnessed."""

from __future__ import annotations

from exchange.consumers.calendar_published import CALENDAR_PUBLISHED_CONSUMER
from exchange.consumers.case_events import CASE_EVENTS_CONSUMER
from exchange.consumers.matter_published import MATTER_PUBLISHED_CONSUMER
from exchange.consumers.matter_retired import MATTER_RETIRED_CONSUMER
from exchange.consumers.record_changed import RECORD_CHANGED_CONSUMER
from exchange.settings import ExchangeSettings
from exchange.store.models import INBOX, OUTBOX
from exchange.timers import checkpoint_timer, city_link_gauges, city_link_timer, subscriptions_timer
from meshkit.worker import WorkerPlan, serve_worker

__all__ = ["CONSUMERS", "plan"]

CONSUMERS = [
    CASE_EVENTS_CONSUMER,
    RECORD_CHANGED_CONSUMER,
    MATTER_PUBLISHED_CONSUMER,
    MATTER_RETIRED_CONSUMER,
    CALENDAR_PUBLISHED_CONSUMER,
]


def plan(settings: ExchangeSettings) -> WorkerPlan:
    return WorkerPlan(
        service="exchange",
        outbox=OUTBOX,
        inbox=INBOX,
        consumers=CONSUMERS,
        timers=[
            city_link_timer(settings),
            city_link_gauges,
            subscriptions_timer(settings),
            checkpoint_timer(settings),
        ],
    )


if __name__ == "__main__":
    settings = ExchangeSettings()
    serve_worker(settings, plan(settings))
