"""cases: the filing's key check reads the key's unique index; two indexes a filing no longer updates

Each application's filing statement checks the applicant's ``Idempotency-Key`` (``taken``). The planner could
serve that from ``ix_cases_applicant`` (applicant, received at) as well as from the key's unique index, and on
statistics of a small table it chose the former and filtered the key on every case of the applicant: a generic
plan whose cost grew with the applicant's cases (an agency filing thousands, or the benchmark's one citizen). The
applicant index now holds only what it serves, the applicant's own list (top-level cases, ``parent_id IS NULL``),
so the key check has one index to use. ``ix_case_materials_case_id`` duplicated the leading column of the unique
``(case_id, material_code)`` index (one more index entry per material, ten per application); the parent index
holds only member cases (a single case's NULL was an entry on every filing). Issue 21.

Revision ID: 0022
Revises: 0021
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

TOP_LEVEL = sa.text("parent_id IS NULL")
MEMBERS = sa.text("parent_id IS NOT NULL")


def upgrade() -> None:
    op.drop_index("ix_cases_applicant", table_name="cases")
    op.create_index(
        "ix_cases_applicant", "cases", ["applicant_id", "received_at"], postgresql_where=TOP_LEVEL
    )
    op.drop_index("ix_cases_parent_id", table_name="cases")
    op.create_index("ix_cases_parent_id", "cases", ["parent_id"], postgresql_where=MEMBERS)
    op.drop_index("ix_case_materials_case_id", table_name="case_materials")


def downgrade() -> None:
    op.create_index("ix_case_materials_case_id", "case_materials", ["case_id"])
    op.drop_index("ix_cases_parent_id", table_name="cases")
    op.create_index("ix_cases_parent_id", "cases", ["parent_id"])
    op.drop_index("ix_cases_applicant", table_name="cases")
    op.create_index("ix_cases_applicant", "cases", ["applicant_id", "received_at"])
