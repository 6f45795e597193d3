"""materials: whose each is (belongs_to) and the exchange ways that gave a final answer

A newborn's case asks for the mother's own ID card: the material belongs to the applicant, not to the subject, and
is looked up for her. Existing materials belong to the case's subject (the applicant, when she files for herself).
``answered_ways``: a way that answered (not found, not granted) is not asked again on a retry — each read is a line
in the person's "who read my data".

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "case_materials", sa.Column("belongs_to", sa.String(20), nullable=False, server_default="subject")
    )
    op.add_column(
        "case_materials",
        sa.Column(
            "answered_ways",
            postgresql.JSONB(astext_type=sa.Text()),
            nullable=False,
            server_default=sa.text("'[]'::jsonb"),
        ),
    )


def downgrade() -> None:
    op.drop_column("case_materials", "answered_ways")
    op.drop_column("case_materials", "belongs_to")
