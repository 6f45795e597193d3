"""calendar revision

Each entered holiday notice gets the next revision of its year; ``cases.calendar_published.v1`` carries it, so
the exchange keeps the newest notice even when copies of the event arrive late or twice. Years seeded from the
library are revision 0.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("calendar_years", sa.Column("revision", sa.Integer(), server_default="0", nullable=False))


def downgrade() -> None:
    op.drop_column("calendar_years", "revision")
