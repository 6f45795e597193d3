"""materials: whose material it is (belongs_to: subject 办理对象 | applicant 申请人), and its code list

In a case about a newborn the mother's own ID card is hers, not the child's: the cases service asks the exchange
for each material of its holder. Existing materials belong to the matter's subject (the applicant, when she files
for herself).

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


HOLDERS = [("subject", "办理对象"), ("applicant", "申请人")]


def upgrade() -> None:
    op.add_column(
        "materials", sa.Column("belongs_to", sa.String(20), nullable=False, server_default="subject")
    )
    entries = sa.table(
        "dictionary_entries",
        sa.column("dictionary", sa.String),
        sa.column("code", sa.String),
        sa.column("label", sa.String),
        sa.column("position", sa.Integer),
    )
    op.bulk_insert(
        entries,
        [
            {"dictionary": "material_holders", "code": code, "label": label, "position": position}
            for position, (code, label) in enumerate(HOLDERS)
        ],
    )


def downgrade() -> None:
    op.execute("DELETE FROM dictionary_entries WHERE dictionary = 'material_holders'")
    op.drop_column("materials", "belongs_to")
