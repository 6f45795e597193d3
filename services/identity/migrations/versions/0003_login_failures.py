"""failed logins per account and source address

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_failures",
        sa.Column("subject_id", sa.String(length=36), nullable=False),
        sa.Column("source", sa.String(length=64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("subject_id", "source", name=op.f("pk_login_failures")),
    )
    op.create_index(op.f("ix_login_failures_updated_at"), "login_failures", ["updated_at"], unique=False)
    # the old per-account lock was a lockout anyone could cause: what is left of it ends now
    op.execute("UPDATE persons SET locked_until = NULL, failed_logins = 0")
    op.execute("UPDATE staff SET locked_until = NULL, failed_logins = 0")


def downgrade() -> None:
    op.drop_index(op.f("ix_login_failures_updated_at"), table_name="login_failures")
    op.drop_table("login_failures")
