"""Issue 19 failure 1: existing cases are migrated — the subject of a case filed before subjects existed is its
applicant (migration 0013), so its certificates, materials and reads keep following the same person."""

import pytest

from cases.store import SERVICE_ROOT
from meshkit.embedded import EmbeddedPostgres
from meshkit.migrations import upgrade
from meshkit.roles import ServiceRoles

pytestmark = pytest.mark.integration

NAME = "cases_subject_migration"
_OLD_CASE = (
    "INSERT INTO cases (id, number, matter_code, matter_version, matter_name, kind, applicant_kind, applicant_id, "
    "submitted_by, channel, received_by_org, region, handling_org, status, national_code, form, received_at, "
    "limit_days, limit_unit, statutory_days) VALUES "
    "('old-1', 'N-1', 'M', 1, '事项', 'single', 'enterprise', 'enterprise-7', 'person-7', 'online', "
    "'500110-ZWFWZX', '500110000000', '500110-SCJGJ', 'received', 1, '{}', now(), 5, 'working_days', 20)"
)


def test_failure1_an_old_case_is_about_its_applicant(embedded_postgres: EmbeddedPostgres) -> None:
    roles = ServiceRoles.of(SERVICE_ROOT.name)
    embedded_postgres.drop_database(NAME)
    embedded_postgres.create_service_database(NAME, roles)
    url = embedded_postgres.database_url(NAME, user=roles.owner)
    try:
        upgrade(SERVICE_ROOT, url, "0012")
        embedded_postgres.psql(_OLD_CASE, database=NAME)
        upgrade(SERVICE_ROOT, url)
        row = embedded_postgres.psql("SELECT subject_kind || '/' || subject_id FROM cases", database=NAME)
        assert row.strip() == "enterprise/enterprise-7"
        nullable = embedded_postgres.psql(
            "SELECT string_agg(is_nullable, ',') FROM information_schema.columns "
            "WHERE table_name = 'cases' AND column_name IN ('subject_kind', 'subject_id')",
            database=NAME,
        )
        assert nullable.strip() == "NO,NO"
    finally:
        embedded_postgres.drop_database(NAME)
