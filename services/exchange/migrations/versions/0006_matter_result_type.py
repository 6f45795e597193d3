"""the certificate type each known matter issues (from catalog.matter_published.v1), so the directory's gaps can
be listed

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
    op.add_column(
        "catalog_matters", sa.Column("result_certificate_type", sa.String(length=40), nullable=True)
    )


def downgrade() -> None:
    op.drop_column("catalog_matters", "result_certificate_type")
