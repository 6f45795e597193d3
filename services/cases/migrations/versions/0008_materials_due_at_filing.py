"""materials due at filing

Materials the exchange may hold are now due from the moment their case is filed (set in the filing
transaction) instead of by a consumer of ``cases.case_submitted.v1``. Cases filed before this revision whose
event had not been consumed yet get their materials scheduled here, so none is left waiting.

Revision ID: 0008
Revises: 0007
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "UPDATE case_materials AS m SET next_attempt_at = c.received_at FROM cases AS c "
        "WHERE c.id = m.case_id AND c.concluded_at IS NULL AND m.status = 'missing' AND m.attempts = 0 "
        "AND m.next_attempt_at IS NULL AND (m.certificate_type IS NOT NULL OR m.resource_code IS NOT NULL)"
    )


def downgrade() -> None:
    pass  # the schedule is data the worker consumes either way
