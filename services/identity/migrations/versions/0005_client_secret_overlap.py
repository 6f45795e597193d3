"""client secret overlap: a rotation keeps the old secret until it is retired

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("clients", sa.Column("previous_secret_hash", sa.String(length=200), nullable=True))
    op.add_column("clients", sa.Column("previous_secret_used_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_column("clients", "previous_secret_used_at")
    op.drop_column("clients", "previous_secret_hash")
