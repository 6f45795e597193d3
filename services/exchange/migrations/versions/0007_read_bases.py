"""what the hub checks a read's basis against: its view of the cases (case_bases, case_orgs, case_parties), whose
identity record each subject ref is (subject_bindings), and the members' registered duties (duties)

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_bases",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("case_number", sa.String(length=50), nullable=False),
        sa.Column("parent_case_id", sa.String(length=36), nullable=True),
        sa.Column("handling_org", sa.String(length=40), nullable=False),
        sa.Column("matter_code", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=True),
        sa.Column("concluded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_case_bases")),
        sa.UniqueConstraint("case_number", name=op.f("uq_case_bases_case_number")),
    )
    for table, column, length in (("case_orgs", "org_code", 40), ("case_parties", None, None)):
        columns = [sa.Column("case_id", sa.String(length=36), nullable=False)]
        keys = ["case_id"]
        if column:
            columns.append(sa.Column(column, sa.String(length=length), nullable=False))
            keys.append(column)
        else:
            columns += [
                sa.Column("owner_kind", sa.String(length=20), nullable=False),
                sa.Column("owner_id", sa.String(length=100), nullable=False),
            ]
            keys += ["owner_kind", "owner_id"]
        op.create_table(
            table,
            *columns,
            sa.PrimaryKeyConstraint(*keys, name=op.f(f"pk_{table}")),
        )
    op.create_table(
        "subject_bindings",
        sa.Column("owner_kind", sa.String(length=20), nullable=False),
        sa.Column("owner_id", sa.String(length=100), nullable=False),
        sa.Column("subject_ref", sa.String(length=64), nullable=False),
        sa.Column("bound_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("owner_kind", "owner_id", name=op.f("pk_subject_bindings")),
    )
    op.create_index("ix_subject_bindings_ref", "subject_bindings", ["subject_ref"], unique=False)
    op.create_table(
        "duties",
        sa.Column("code", sa.String(length=50), nullable=False),
        sa.Column("member_code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("statute", sa.Text(), nullable=False),
        sa.Column("resources", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("allows_hiding", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("max_hidden_days", sa.Integer(), server_default="0", nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("active", sa.Boolean(), server_default="true", nullable=False),
        sa.Column("registered_by", sa.String(length=100), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_duties")),
    )
    op.create_index(op.f("ix_duties_member_code"), "duties", ["member_code"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_duties_member_code"), table_name="duties")
    op.drop_table("duties")
    op.drop_index("ix_subject_bindings_ref", table_name="subject_bindings")
    op.drop_table("subject_bindings")
    op.drop_table("case_parties")
    op.drop_table("case_orgs")
    op.drop_table("case_bases")
