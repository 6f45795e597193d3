"""decision documents

准予许可, 不予许可 and 不予受理 each leave a written decision with the case: number, reasons, legal basis and, for a
refusal, the applicant's right to 行政复议 or 行政诉讼 (行政许可法 §32, §38).

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "decisions",
        sa.Column("case_id", sa.String(length=36), sa.ForeignKey("cases.id"), primary_key=True),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("number", sa.String(length=80), nullable=False, unique=True),
        sa.Column("title", sa.String(length=40), nullable=False),
        sa.Column("matter_name", sa.String(length=200), nullable=False),
        sa.Column("handling_org", sa.String(length=40), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=True),
        sa.Column("legal_basis", sa.Text(), nullable=False),
        sa.Column("remedies", sa.Text(), nullable=True),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("decisions")
