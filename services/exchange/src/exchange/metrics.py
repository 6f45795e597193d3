"""Business metrics of the exchange (Prometheus): reads per resource and outcome, the city link's backlog and dead
records. Labels are catalogue codes and outcomes only — never a subject, a caller or a record."""

from __future__ import annotations

from prometheus_client import Counter, Gauge

__all__ = ["CITY_LINK_BACKLOG", "CITY_LINK_DEAD", "READS"]

READS = Counter(
    "tongban_reads",
    "Shared-data reads (共享数据查询), by resource code and outcome: granted, not_found, refused, failed",
    ["resource", "outcome"],
)
CITY_LINK_BACKLOG = Gauge(
    "tongban_city_link_backlog",
    "Case records waiting to be sent to the city platform (市级平台)",
    multiprocess_mode="mostrecent",
)
CITY_LINK_DEAD = Gauge(
    "tongban_city_link_dead",
    "Case records the city platform refused for good (dead), waiting for an operator",
    multiprocess_mode="mostrecent",
)
