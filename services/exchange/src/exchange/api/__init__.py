"""HTTP in: the exchange routers."""

from exchange.api.access_log import router as access_log_router
from exchange.api.batch import router as batch_router
from exchange.api.batch import serve_batch
from exchange.api.calendar import router as calendar_router
from exchange.api.certificates import router as certificates_router
from exchange.api.certificates import serve_lookup
from exchange.api.city import router as city_router
from exchange.api.duties import router as duties_router
from exchange.api.endpoint_hosts import router as endpoint_hosts_router
from exchange.api.grants import router as grants_router
from exchange.api.records import router as records_router
from exchange.api.records import serve_read
from exchange.api.resources import router as resources_router
from exchange.api.subscriptions import router as subscriptions_router
from meshkit.lanes import Lane

__all__ = ["LANES", "ROUTERS"]

ROUTERS = [
    resources_router,
    endpoint_hosts_router,
    records_router,
    batch_router,
    grants_router,
    calendar_router,
    access_log_router,
    duties_router,
    subscriptions_router,
    certificates_router,
    city_router,
]

# The data path's hot routes, served without FastAPI's routing and dependency solving (declared in their routers):
# reads, certificate lookups, and both in batches (the cases worker asks for every new application's materials).
LANES = [
    Lane("POST", "/resources/{code}/read", serve_read, no_store=True),
    Lane("POST", "/certificates/lookup", serve_lookup, no_store=True),
    Lane("POST", "/reads", serve_batch, no_store=True),
]
