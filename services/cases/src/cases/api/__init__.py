"""HTTP in: the cases routers."""

from cases.api.bases import router as bases_router
from cases.api.calendar import router as calendar_router
from cases.api.cases import router as cases_router
from cases.api.certificates import router as certificates_router
from cases.api.decisions import router as decisions_router
from cases.api.evaluation import router as evaluation_router
from cases.api.materials import UPLOAD_PATH
from cases.api.materials import router as materials_router
from cases.api.open_matters import router as open_matters_router

__all__ = ["ROUTERS", "UPLOAD_PATH"]

ROUTERS = [
    open_matters_router,
    cases_router,
    decisions_router,
    certificates_router,
    evaluation_router,
    materials_router,
    calendar_router,
    bases_router,
]
