"""cases: the W3C trace context of the filing request

The worker resolves a case's materials through the exchange later, in batches, outside any request: the trace
context kept with the case lets each of those reads continue the application's trace (issue 20: one trace id from
the gateway through the cases API and worker to the exchange and the population system).

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("cases", sa.Column("traceparent", sa.String(55), nullable=True))


def downgrade() -> None:
    op.drop_column("cases", "traceparent")
