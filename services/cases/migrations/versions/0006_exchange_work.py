"""exchange work: retries of materials and certificates

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.add_column("case_materials", sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index(
        "ix_case_materials_due",
        "case_materials",
        ["next_attempt_at"],
        unique=False,
        postgresql_where=sa.text("next_attempt_at IS NOT NULL"),
    )
    op.add_column(
        "cases", sa.Column("certificate_attempts", sa.Integer(), server_default=sa.text("0"), nullable=False)
    )
    op.add_column(
        "cases", sa.Column("certificate_next_attempt_at", sa.DateTime(timezone=True), nullable=True)
    )
    op.add_column("cases", sa.Column("certificate_last_error", sa.Text(), nullable=True))
    op.create_index(
        "ix_cases_certificate_due",
        "cases",
        ["certificate_next_attempt_at"],
        unique=False,
        postgresql_where=sa.text("certificate_next_attempt_at IS NOT NULL"),
    )


def downgrade() -> None:

    op.drop_index(
        "ix_cases_certificate_due",
        table_name="cases",
        postgresql_where=sa.text("certificate_next_attempt_at IS NOT NULL"),
    )
    op.drop_column("cases", "certificate_last_error")
    op.drop_column("cases", "certificate_next_attempt_at")
    op.drop_column("cases", "certificate_attempts")
    op.drop_index(
        "ix_case_materials_due",
        table_name="case_materials",
        postgresql_where=sa.text("next_attempt_at IS NOT NULL"),
    )
    op.drop_column("case_materials", "next_attempt_at")
