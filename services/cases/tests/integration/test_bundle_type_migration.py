"""Issue 19, last outside try, failure 1: migration 0020 gives a 一件事 parent filed before its members' 事项类型
when every member has the same one — and nothing when they differ or one is unknown (the neutral words)."""

import pytest

from cases.store import SERVICE_ROOT
from meshkit.embedded import EmbeddedPostgres
from meshkit.migrations import upgrade
from meshkit.roles import ServiceRoles

pytestmark = pytest.mark.integration

NAME = "cases_bundle_type_migration"
_CASE = (
    "INSERT INTO cases (id, number, parent_id, matter_code, matter_version, matter_name, matter_type, kind, "
    "applicant_kind, applicant_id, subject_kind, subject_id, submitted_by, channel, received_by_org, region, "
    "handling_org, status, national_code, form, received_at, limit_days, limit_unit, statutory_days) VALUES "
    "('{id}', 'N-{id}', {parent}, 'M', 1, '事项', {type}, '{kind}', 'person', 'person-7', 'person', 'person-7', "
    "'person-7', 'online', '500110-ZWFWZX', '500110000000', '500110-GAJ', 'approved', 3, '{{}}', now(), 5, "
    "'working_days', 20);"
)


def _row(case_id: str, kind: str, parent: str | None = None, matter_type: str | None = None) -> str:
    return _CASE.format(
        id=case_id,
        kind=kind,
        parent=f"'{parent}'" if parent else "NULL",
        type=f"'{matter_type}'" if matter_type else "NULL",
    )


def test_failure_1_old_parents_take_their_members_one_type(embedded_postgres: EmbeddedPostgres) -> None:
    """issue 19, last outside try: failure 1 — a parent of two 公共服务 members reads in their words (20); a parent
    of a 行政确认 and a 公共服务, or with a member of unknown type, stays null."""
    roles = ServiceRoles.of(SERVICE_ROOT.name)
    embedded_postgres.drop_database(NAME)
    embedded_postgres.create_service_database(NAME, roles)
    url = embedded_postgres.database_url(NAME, user=roles.owner)
    try:
        upgrade(SERVICE_ROOT, url, "0019")
        rows = [
            _row("same", "bundle"),
            _row("same-a", "member", "same", "20"),
            _row("same-b", "member", "same", "20"),
            _row("mixed", "bundle"),
            _row("mixed-a", "member", "mixed", "07"),
            _row("mixed-b", "member", "mixed", "20"),
            _row("unknown", "bundle"),
            _row("unknown-a", "member", "unknown", "20"),
            _row("unknown-b", "member", "unknown"),
        ]
        embedded_postgres.psql("".join(rows), database=NAME)
        upgrade(SERVICE_ROOT, url)
        types = embedded_postgres.psql(
            "SELECT string_agg(id || '=' || coalesce(matter_type, '?'), ',' ORDER BY id) FROM cases "
            "WHERE kind = 'bundle'",
            database=NAME,
        )
        assert types.strip() == "mixed=?,same=20,unknown=?"
    finally:
        embedded_postgres.drop_database(NAME)
