"""cases: covering indexes of the open cases not yet accepted, for the staff queue's order

The queue orders a case without a due date (not yet accepted) by the date it would be due were it accepted today —
an expression of today, so no index can hold that order. The queue now reads dated cases in index order and sorts
only the undated ones, from these small partial indexes that carry every column the sort and the filters need
(an index-only scan), instead of a sort over all of an organization's open cases (issue 19).

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

UNDATED = sa.text("concluded_at IS NULL AND due_date IS NULL")
INCLUDE = [
    "id",
    "handling_org",
    "received_by_org",
    "accepting_org",
    "status",
    "accepted_at",
    "limit_unit",
    "limit_days",
    "due_date",
]
INDEXES = {
    "ix_cases_undated_handling": "handling_org",
    "ix_cases_undated_received": "received_by_org",
    "ix_cases_undated_accepting": "accepting_org",
}


def upgrade() -> None:
    for name, column in INDEXES.items():
        op.create_index(name, "cases", [column], postgresql_include=INCLUDE, postgresql_where=UNDATED)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="cases", postgresql_where=UNDATED)
