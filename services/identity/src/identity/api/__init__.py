"""HTTP in: identity's routers."""

from identity.api.oauth import router as oauth_router
from identity.api.organizations import router as organizations_router

__all__ = ["ROUTERS"]

ROUTERS = [oauth_router, organizations_router]
