"""revocations: deny-list entries for sessions, families, subjects and clients

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "revocations",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("value", sa.String(length=128), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("kind", "value", name=op.f("pk_revocations")),
    )
    op.create_index(op.f("ix_revocations_expires_at"), "revocations", ["expires_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_revocations_expires_at"), table_name="revocations")
    op.drop_table("revocations")
