"""catalog read model: the national fields cases need, materials with their paper-free ways, 一件事 bundles

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

EMPTY = sa.text("'[]'::jsonb")


def upgrade() -> None:
    jsonb = postgresql.JSONB(astext_type=sa.Text())
    for column in [
        sa.Column("department_name", sa.String(length=100), server_default="", nullable=False),
        sa.Column("levels", jsonb, server_default=EMPTY, nullable=False),
        sa.Column("audiences", jsonb, server_default=EMPTY, nullable=False),
        sa.Column("statutory_unit", sa.String(length=20), server_default="working_day", nullable=False),
        sa.Column("promised_unit", sa.String(length=20), server_default="working_day", nullable=False),
        sa.Column("case_kind", sa.String(length=2), nullable=True),
        sa.Column("visits", sa.Integer(), nullable=True),
        sa.Column("online_depths", jsonb, server_default=EMPTY, nullable=False),
        sa.Column("full_online", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("min_real_name_level", sa.Integer(), server_default="1", nullable=False),
        sa.Column("result_certificate_type", sa.String(length=40), nullable=True),
        sa.Column("special_procedures", jsonb, server_default=EMPTY, nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("materials", jsonb, server_default=EMPTY, nullable=False),
    ]:
        op.add_column("open_matters", column)
    op.create_table(
        "open_bundles",
        sa.Column("code", sa.String(length=36), nullable=False),
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("lead_department_code", sa.String(length=40), nullable=False),
        sa.Column("lead_department_name", sa.String(length=100), server_default="", nullable=False),
        sa.Column("members", jsonb, server_default=EMPTY, nullable=False),
        sa.Column("materials", jsonb, server_default=EMPTY, nullable=False),
        sa.Column("statutory_days", sa.Integer(), nullable=False),
        sa.Column("statutory_unit", sa.String(length=20), nullable=False),
        sa.Column("promised_days", sa.Integer(), nullable=False),
        sa.Column("promised_unit", sa.String(length=20), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_open_bundles")),
    )
    op.create_index(op.f("ix_open_bundles_lead_department_code"), "open_bundles", ["lead_department_code"])


def downgrade() -> None:
    op.drop_index(op.f("ix_open_bundles_lead_department_code"), table_name="open_bundles")
    op.drop_table("open_bundles")
    for name in (
        "materials",
        "valid_to",
        "valid_from",
        "special_procedures",
        "result_certificate_type",
        "min_real_name_level",
        "full_online",
        "online_depths",
        "visits",
        "case_kind",
        "promised_unit",
        "statutory_unit",
        "audiences",
        "levels",
        "department_name",
    ):
        op.drop_column("open_matters", name)
