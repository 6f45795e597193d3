"""HTTP in: the exchange routers."""

from exchange.api.resources import router as resources_router

__all__ = ["ROUTERS"]

ROUTERS = [resources_router]
