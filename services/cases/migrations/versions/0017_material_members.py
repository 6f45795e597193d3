"""case_materials: which 一件事 members ask for a material, and what it stands in for

A 一件事 parent holds its bundle's merged materials. Each now keeps the members that ask for it (``asked_by``,
from ``catalog.bundle_published.v1``), so a member is accepted or granted on its own materials, and the members'
materials it stands in for (``stands_in_for``: a newborn's 户口簿 for the ID card 医保参保 asks, issue 19).
Existing rows: asked by every member (an empty list), standing in for nothing.

Revision ID: 0017
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for column in ("asked_by", "stands_in_for"):
        op.add_column(
            "case_materials",
            sa.Column(column, JSONB(), nullable=False, server_default=sa.text("'[]'::jsonb")),
        )


def downgrade() -> None:
    for column in ("stands_in_for", "asked_by"):
        op.drop_column("case_materials", column)
