"""HTTP in: the catalog's routers."""

from catalog.api.matters import router as matters_router

__all__ = ["ROUTERS"]

ROUTERS = [matters_router]
