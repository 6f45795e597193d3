"""matter dependencies: which shared resources and e-certificate types the catalog's matters rely on

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "catalog_matters",
        sa.Column("code", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), server_default="", nullable=False),
        sa.Column("department_code", sa.String(length=40), server_default="", nullable=False),
        sa.Column("open", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_catalog_matters")),
    )
    op.create_table(
        "matter_dependencies",
        sa.Column("matter_code", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("matter_version", sa.Integer(), nullable=False),
        sa.Column("material_name", sa.String(length=200), nullable=False),
        sa.Column("resource_code", sa.String(length=50), nullable=True),
        sa.Column("certificate_type", sa.String(length=40), nullable=True),
        sa.Column(
            "data_items",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'[]'::jsonb"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("matter_code", "position", name=op.f("pk_matter_dependencies")),
    )
    op.create_index(op.f("ix_matter_dependencies_resource_code"), "matter_dependencies", ["resource_code"])
    op.create_index(
        op.f("ix_matter_dependencies_certificate_type"), "matter_dependencies", ["certificate_type"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_matter_dependencies_certificate_type"), table_name="matter_dependencies")
    op.drop_index(op.f("ix_matter_dependencies_resource_code"), table_name="matter_dependencies")
    op.drop_table("matter_dependencies")
    op.drop_table("catalog_matters")
