"""outbound policy: the hosts each member's provider endpoints may point at (member_endpoint_hosts), kept by the
hub's operators

Revision ID: 0008
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "member_endpoint_hosts",
        sa.Column("member_code", sa.String(length=40), nullable=False),
        sa.Column("host", sa.String(length=300), nullable=False),
        sa.Column("added_by", sa.String(length=100), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_code"],
            ["members.code"],
            ondelete="CASCADE",
            name=op.f("fk_member_endpoint_hosts_member_code_members"),
        ),
        sa.PrimaryKeyConstraint("member_code", "host", name=op.f("pk_member_endpoint_hosts")),
    )


def downgrade() -> None:
    op.drop_table("member_endpoint_hosts")
