"""refusals: what the city platform or a subscriber refused is counted apart from outages, which are waited out

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

TABLES = ("city_outbound", "deliveries")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("refusals", sa.Integer(), server_default="0", nullable=False))
    # a record an outage made dead is not the platform's refusal: back in line (its case follows it)
    op.execute(
        "UPDATE city_outbound SET status = 'pending', next_attempt_at = now() WHERE status = 'dead' "
        "AND last_error NOT LIKE 'platform refused the record%'"
    )
    op.execute(
        "UPDATE city_outbound SET refusals = attempts WHERE last_error LIKE 'platform refused the record%'"
    )
    op.execute(
        "UPDATE deliveries SET status = 'pending', next_attempt_at = now() WHERE status = 'dead' "
        "AND (last_error LIKE '无法连接%' OR last_error LIKE '对方应答 5xx%')"
    )


def downgrade() -> None:
    for table in TABLES:
        op.drop_column(table, "refusals")
