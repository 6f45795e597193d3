"""Issue 20 (migrations before traffic), against a real PostgreSQL: the image's ``migrate`` role serialises
concurrent runs with an advisory lock, and ``wait-schema`` (the init container of every API and worker pod)
holds a pod back until the database is at the image's head, reading as the service's own role."""

from __future__ import annotations

import asyncio

import pytest

from meshkit.embedded import EmbeddedPostgres
from meshkit.roles import ServiceRoles
from tongban.commands.container import current_revision, head_revision, migrate_database, wait_schema
from tongban.config import repo_root

pytestmark = pytest.mark.integration

SERVICE = "catalog"
DATABASE = "k8s_catalog_schema"


@pytest.fixture
def environ(embedded_postgres: EmbeddedPostgres) -> dict[str, str]:
    roles = ServiceRoles.of(SERVICE)
    embedded_postgres.drop_database(DATABASE)
    embedded_postgres.create_service_database(DATABASE, roles)
    return {
        "TONGBAN_ROOT": str(repo_root()),
        "CATALOG_MIGRATION_DATABASE_URL": embedded_postgres.database_url(DATABASE, user=roles.owner),
        "CATALOG_DATABASE_URL": embedded_postgres.database_url(DATABASE, user=roles.service),
    }


async def test_wait_schema_holds_a_pod_until_the_migration_job_ran(environ: dict[str, str]) -> None:
    """Before the migration: the init container keeps waiting (and gives up at its timeout, so the pod
    restarts it); after: it lets the pod start, having read the revision as the service role."""
    with pytest.raises(TimeoutError, match="needs"):
        await wait_schema(SERVICE, environ, timeout=0.3, interval=0.1)
    await migrate_database(SERVICE, environ)
    head = head_revision(repo_root() / "services" / SERVICE)
    assert await wait_schema(SERVICE, environ, timeout=5, interval=0.1) == head


async def test_two_migration_runs_at_once_do_not_collide(environ: dict[str, str]) -> None:
    """A Job retried while its first pod still runs, or an operator's run beside it: the advisory lock makes
    the second wait and then find the schema at head, instead of both creating the same tables."""
    await asyncio.gather(migrate_database(SERVICE, environ), migrate_database(SERVICE, environ))
    assert await current_revision(environ["CATALOG_DATABASE_URL"]) == head_revision(
        repo_root() / "services" / SERVICE
    )
