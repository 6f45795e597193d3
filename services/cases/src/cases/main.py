"""Composition root of the cases service (办件)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI

from cases import metrics
from cases.api import ROUTERS, UPLOAD_PATH
from cases.clients.applicants import ApplicantDirectory
from cases.clients.identity import IdentityClient
from cases.clients.organizations import OrganizationNames, StaffNames
from cases.clients.subject_names import PlatformNames, SubjectNames
from cases.settings import CasesSettings
from cases.store.unit_of_work import CasesUnitOfWork
from cases.use_cases.calendar import seed_calendar
from meshkit.app import build_app, mesh_resources
from meshkit.http import service_client
from meshkit.observability import configure_logging

__all__ = ["create_app"]

UPLOAD_HEADROOM = 64 * 1024  # a file just over the limit gets the upload route's own 413 (upload_too_large)


def create_app(
    settings: CasesSettings | None = None, *, identity_transport: httpx.AsyncBaseTransport | None = None
) -> FastAPI:
    """The cases API. ``identity_transport``: how calls to identity travel (tests put identity's edge there)."""
    settings = settings or CasesSettings()
    configure_logging("cases", settings.log_level)
    metrics.install()  # what this process files and decides, counted (cases.metrics)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with (
            mesh_resources(app, settings),
            service_client(
                settings.identity_url, timeout=settings.exchange_timeout, transport=identity_transport
            ) as identity_http,
        ):
            app.state.applicants = ApplicantDirectory(identity_http)  # 代办: does the applicant exist?
            # parties' names, as identity shows them to a token: the caller's (lists, the applicant's own case)
            app.state.subject_names = SubjectNames(app.state.applicants)
            # or the platform's own (decision documents, certificates; nothing unmasked)
            app.state.names = PlatformNames(
                app.state.subject_names,
                IdentityClient(
                    identity_http, client_id=settings.client_id, client_secret=settings.client_secret
                ),
            )
            app.state.organization_names = OrganizationNames(identity_http)  # names beside org codes
            app.state.staff_names = StaffNames(identity_http)  # staff names beside staff ids, for staff
            async with CasesUnitOfWork(app.state.database) as uow:
                await seed_calendar(uow)  # idempotent: adds newly published years, keeps edits
            yield

    return build_app(
        service="cases",
        title="Tongban cases (办件)",
        description="Applications from submission to certificate, on the legal clock.",
        settings=settings,
        lifespan=lifespan,
        routers=ROUTERS,
        direct_url="http://127.0.0.1:8803",
        # only material uploads take files; every other route keeps max_body_bytes (1 MiB), gateway or not
        body_limits=[(UPLOAD_PATH, settings.upload_max_bytes + UPLOAD_HEADROOM)],
    )
