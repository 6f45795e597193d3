"""bundles: stand-ins (substitutes) — a member's material satisfied by another member's certificate

A newborn has no ID card: in 新生儿出生一件事 the 户口簿 that 出生登记 issues stands in for the 申请人身份证明 that
医保参保 and 社保卡申领 ask for. Each bundle version keeps its stand-ins as a JSON list of
``{member_code, material, satisfied_by, reason}``; existing versions have none.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "bundles",
        sa.Column("substitutes", JSONB(), nullable=False, server_default=sa.text("'[]'::jsonb")),
    )


def downgrade() -> None:
    op.drop_column("bundles", "substitutes")
