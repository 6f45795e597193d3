"""the rater's rating of a rectification

The applicant who gave a bad rating sees the rectification of it and its feedback, and may rate the
rectification once it is closed (好差评: 差评 must be answered to the rater).

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("rectification_tasks", sa.Column("rater_score", sa.Integer(), nullable=True))
    op.add_column("rectification_tasks", sa.Column("rater_comment", sa.Text(), nullable=True))
    op.add_column("rectification_tasks", sa.Column("rated_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_column("rectification_tasks", "rated_at")
    op.drop_column("rectification_tasks", "rater_comment")
    op.drop_column("rectification_tasks", "rater_score")
