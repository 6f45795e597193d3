"""the hall that accepts a case

Which hall's window accepts (受理) a case follows the matter's levels (行使层级): a town center accepts the matters
accepted at town level; a case received at a village for a district matter is forwarded to the district center
and shows in its queue. Cases filed before keep null (the district center accepts them, as before).

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("cases", sa.Column("accepting_org", sa.String(length=40), nullable=True))
    op.create_index(
        "ix_cases_open_accepting",
        "cases",
        ["accepting_org", "due_date", "id"],
        unique=False,
        postgresql_include=["handling_org", "received_by_org", "status"],
        postgresql_where=sa.text("concluded_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index(
        "ix_cases_open_accepting", table_name="cases", postgresql_where=sa.text("concluded_at IS NULL")
    )
    op.drop_column("cases", "accepting_org")
