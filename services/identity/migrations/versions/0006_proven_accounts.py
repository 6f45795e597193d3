"""proven accounts: one-time phone codes, enterprise agents, registry check of enterprises

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
    op.add_column("enterprises", sa.Column("registry_checked_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "enterprise_agents",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("enterprise_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("granted_by", sa.String(length=36), nullable=False),
        sa.Column("granted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["enterprise_id"], ["enterprises.id"], name=op.f("fk_enterprise_agents_enterprise_id_enterprises")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_enterprise_agents_person_id_persons")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enterprise_agents")),
    )
    op.create_index(
        op.f("ix_enterprise_agents_enterprise_id"), "enterprise_agents", ["enterprise_id"], unique=False
    )
    op.create_index(op.f("ix_enterprise_agents_person_id"), "enterprise_agents", ["person_id"], unique=False)
    op.create_table(
        "phone_codes",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("purpose", sa.String(length=20), nullable=False),
        sa.Column("phone_lookup", sa.String(length=64), nullable=False),
        sa.Column("source_key", sa.String(length=64), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("failed_attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_phone_codes")),
    )
    op.create_index(op.f("ix_phone_codes_phone_lookup"), "phone_codes", ["phone_lookup"], unique=False)
    op.create_index(op.f("ix_phone_codes_source_key"), "phone_codes", ["source_key"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_phone_codes_source_key"), table_name="phone_codes")
    op.drop_index(op.f("ix_phone_codes_phone_lookup"), table_name="phone_codes")
    op.drop_table("phone_codes")
    op.drop_index(op.f("ix_enterprise_agents_person_id"), table_name="enterprise_agents")
    op.drop_index(op.f("ix_enterprise_agents_enterprise_id"), table_name="enterprise_agents")
    op.drop_table("enterprise_agents")
    op.drop_column("enterprises", "registry_checked_at")
