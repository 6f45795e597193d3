"""member systems: each member's OAuth clients by name (member_systems), so "who read my data" names the reading
system (issue 19, failure 8)

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
    op.create_table(
        "member_systems",
        sa.Column("client_id", sa.String(length=64), nullable=False),
        sa.Column("member_code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_code"],
            ["members.code"],
            ondelete="CASCADE",
            name=op.f("fk_member_systems_member_code_members"),
        ),
        sa.PrimaryKeyConstraint("client_id", name=op.f("pk_member_systems")),
    )
    op.create_index(op.f("ix_member_systems_member_code"), "member_systems", ["member_code"])


def downgrade() -> None:
    op.drop_index(op.f("ix_member_systems_member_code"), table_name="member_systems")
    op.drop_table("member_systems")
