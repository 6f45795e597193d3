"""newborns: a child registered by its guardian before it has a resident ID number

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "newborns",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("sex", sa.String(length=10), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("guardian_id", sa.String(length=36), nullable=False),
        sa.Column("registered_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["guardian_id"], ["persons.id"], name=op.f("fk_newborns_guardian_id_persons")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_newborns")),
        sa.UniqueConstraint(
            "guardian_id", "name", "birth_date", name=op.f("uq_newborns_guardian_id_name_birth_date")
        ),
    )
    op.create_index(op.f("ix_newborns_guardian_id"), "newborns", ["guardian_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_newborns_guardian_id"), table_name="newborns")
    op.drop_table("newborns")
