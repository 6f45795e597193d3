"""HTTP in: the catalog's routers."""

from catalog.api.bundles import router as bundles_router
from catalog.api.bundles import versions_router as bundle_versions_router
from catalog.api.matters import router as matters_router
from catalog.api.matters import versions_router as matter_versions_router
from catalog.api.reference import router as reference_router
from catalog.api.search import router as search_router
from catalog.api.transfer import router as transfer_router

__all__ = ["ROUTERS"]

ROUTERS = [
    search_router,
    matters_router,
    matter_versions_router,
    bundles_router,
    bundle_versions_router,
    reference_router,
    transfer_router,
]
