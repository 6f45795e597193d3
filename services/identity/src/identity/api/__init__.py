"""HTTP in: identity's routers."""

from identity.api.clients import router as clients_router
from identity.api.enterprise_agents import router as enterprise_agents_router
from identity.api.enterprises import router as enterprises_router
from identity.api.login import router as login_router
from identity.api.login_code import router as login_code_router
from identity.api.me import router as me_router
from identity.api.newborns import me_router as my_newborns_router
from identity.api.newborns import relations_router
from identity.api.newborns import router as newborns_router
from identity.api.oauth import router as oauth_router
from identity.api.oauth_introspection import router as introspection_router
from identity.api.oauth_token import router as token_router
from identity.api.oauth_userinfo import router as userinfo_router
from identity.api.organizations import router as organizations_router
from identity.api.persons import router as persons_router
from identity.api.phone_codes import router as phone_codes_router
from identity.api.staff import router as staff_router

__all__ = ["ROUTERS"]

ROUTERS = [
    oauth_router,
    token_router,
    login_router,
    login_code_router,
    introspection_router,
    userinfo_router,
    organizations_router,
    phone_codes_router,
    relations_router,
    persons_router,
    newborns_router,
    enterprises_router,
    enterprise_agents_router,
    staff_router,
    clients_router,
    my_newborns_router,
    me_router,
]
