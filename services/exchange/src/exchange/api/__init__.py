"""HTTP in: the exchange routers."""

from exchange.api.access_log import router as access_log_router
from exchange.api.batch import router as batch_router
from exchange.api.calendar import router as calendar_router
from exchange.api.certificates import router as certificates_router
from exchange.api.certificates import types_router as certificate_types_router
from exchange.api.city import router as city_router
from exchange.api.duties import router as duties_router
from exchange.api.endpoint_hosts import router as endpoint_hosts_router
from exchange.api.grants import router as grants_router
from exchange.api.records import router as records_router
from exchange.api.resources import router as resources_router
from exchange.api.subscriptions import router as subscriptions_router
from exchange.api.systems import router as systems_router

__all__ = ["ROUTERS"]

ROUTERS = [
    resources_router,
    endpoint_hosts_router,
    systems_router,
    records_router,
    batch_router,
    grants_router,
    calendar_router,
    access_log_router,
    duties_router,
    subscriptions_router,
    certificates_router,
    certificate_types_router,
    city_router,
]
