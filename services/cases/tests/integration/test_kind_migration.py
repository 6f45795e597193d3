"""Issue 19 outside try, failures 1 and 3: migration 0018 backfills what it can know and nothing else — a case's
matter type from the read model's copy of the very version it was filed under (another version: null, read in the
neutral wording), no legal basis; timeline rows of a person, an enterprise or a clerk's filing get the capacity
they certainly had, a clerk's paper row the window capacity the same clerk recorded elsewhere."""

import pytest

from cases.store import SERVICE_ROOT
from meshkit.embedded import EmbeddedPostgres
from meshkit.migrations import upgrade
from meshkit.roles import ServiceRoles

pytestmark = pytest.mark.integration

NAME = "cases_kind_migration"
_CASE = (
    "INSERT INTO cases (id, number, matter_code, matter_version, matter_name, kind, applicant_kind, applicant_id, "
    "subject_kind, subject_id, submitted_by, channel, received_by_org, region, handling_org, status, "
    "national_code, form, received_at, limit_days, limit_unit, statutory_days) VALUES "
    "('{id}', 'N-{id}', '{code}', {version}, '出生登记', 'single', 'person', 'person-7', 'person', 'person-7', "
    "'person-7', 'online', '500110-ZWFWZX', '500110000000', '500110-GAJ', 'received', 1, '{{}}', now(), 5, "
    "'working_days', 20);"
)
_MATTER = (
    "INSERT INTO open_matters (code, matter_id, version, name, matter_type, department_code, statutory_days, "
    "promised_days) VALUES ('CSDJ', 'm-1', 2, '出生登记', '07', '500110-GAJ', 20, 5);"
)
_ROW = (
    "INSERT INTO case_timeline (case_id, action, to_status, actor_id, actor_org, actor_role) VALUES "
    "('same', '{action}', 'received', '{who}', NULL, '{role}');"
)


def test_failures_1_and_3_old_rows_are_backfilled_honestly(embedded_postgres: EmbeddedPostgres) -> None:
    roles = ServiceRoles.of(SERVICE_ROOT.name)
    embedded_postgres.drop_database(NAME)
    embedded_postgres.create_service_database(NAME, roles)
    url = embedded_postgres.database_url(NAME, user=roles.owner)
    try:
        upgrade(SERVICE_ROOT, url, "0015")
        rows = [
            _MATTER,
            _CASE.format(id="same", code="CSDJ", version=2),
            _CASE.format(id="older", code="CSDJ", version=1),
            _ROW.format(action="submit", who="person-7", role="person"),
            _ROW.format(action="submit", who="clerk-1", role="staff"),
            _ROW.format(action="paper_material", who="clerk-1", role="staff"),
            _ROW.format(action="accept", who="clerk-1", role="window_clerk"),
            _ROW.format(action="paper_material", who="clerk-2", role="staff"),
        ]
        embedded_postgres.psql("".join(rows), database=NAME)
        upgrade(SERVICE_ROOT, url)
        types = embedded_postgres.psql(
            "SELECT string_agg(id || '=' || coalesce(matter_type, '?') || '/' || coalesce(matter_legal_basis, '?'),"
            " ',' ORDER BY id) FROM cases",
            database=NAME,
        )
        assert types.strip() == "older=?/?,same=07/?"
        capacities = embedded_postgres.psql(
            "SELECT string_agg(actor_id || ':' || action || '=' || actor_role, ',' ORDER BY id) FROM case_timeline",
            database=NAME,
        )
        assert capacities.strip() == ",".join(
            [
                "person-7:submit=applicant",
                "clerk-1:submit=window_clerk",
                "clerk-1:paper_material=window_clerk",
                "clerk-1:accept=window_clerk",
                "clerk-2:paper_material=staff",  # never acted otherwise: not guessed
            ]
        )
    finally:
        embedded_postgres.drop_database(NAME)
