"""a case's subject beside its applicant

The person or enterprise a matter is about is not always the one who applies (a newborn, a represented person, an
enterprise). Certificates are issued to the subject, materials are looked up for it and reads are logged for it.
An existing case is about its applicant.

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("cases", sa.Column("subject_kind", sa.String(20), nullable=True))
    op.add_column("cases", sa.Column("subject_id", sa.String(64), nullable=True))
    op.execute("UPDATE cases SET subject_kind = applicant_kind, subject_id = applicant_id")
    op.alter_column("cases", "subject_kind", nullable=False)
    op.alter_column("cases", "subject_id", nullable=False)


def downgrade() -> None:
    op.drop_column("cases", "subject_id")
    op.drop_column("cases", "subject_kind")
