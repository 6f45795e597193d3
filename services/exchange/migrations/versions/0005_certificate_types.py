"""e-certificate type directory as data: types and their aliases (until now a list in the code), seeded with the
two types that list held

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_SEEDED = [
    ("11100000000013338W011", "营业执照", "ZZ-YYZZ"),
    ("11100000000013338W025", "食品经营许可证", "ZZ-SPJYXKZ"),
]


def upgrade() -> None:
    types = op.create_table(
        "certificate_types",
        sa.Column("code", sa.String(length=21), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_certificate_types")),
    )
    aliases = op.create_table(
        "certificate_type_aliases",
        sa.Column("alias", sa.String(length=40), nullable=False),
        sa.Column("type_code", sa.String(length=21), nullable=False),
        sa.ForeignKeyConstraint(
            ["type_code"],
            ["certificate_types.code"],
            ondelete="CASCADE",
            name=op.f("fk_certificate_type_aliases_type_code_certificate_types"),
        ),
        sa.PrimaryKeyConstraint("alias", name=op.f("pk_certificate_type_aliases")),
    )
    op.create_index(op.f("ix_certificate_type_aliases_type_code"), "certificate_type_aliases", ["type_code"])
    op.bulk_insert(
        types, [{"code": code, "name": name, "updated_by": "migration 0005"} for code, name, _ in _SEEDED]
    )
    op.bulk_insert(aliases, [{"alias": alias, "type_code": code} for code, _, alias in _SEEDED])


def downgrade() -> None:
    op.drop_index(op.f("ix_certificate_type_aliases_type_code"), table_name="certificate_type_aliases")
    op.drop_table("certificate_type_aliases")
    op.drop_table("certificate_types")
