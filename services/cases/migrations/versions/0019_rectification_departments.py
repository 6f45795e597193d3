"""cases: the departments a rectification concerns and the departments that see it

A 差评 of a 一件事 went to the bundle's lead department alone, although the complaint was about a member
department's refusal (issue 19 outside try). A task now records the departments it concerns (they record its
steps with the coordinating department) and every department involved (they see it: the lead and every member
department). Existing tasks concerned their one handling department.

Revision ID: 0019
Revises: 0018
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for column in ("concerned_departments", "involved_departments"):
        op.add_column(
            "rectification_tasks",
            sa.Column(column, JSONB, nullable=False, server_default=sa.text("'[]'::jsonb")),
        )
    op.execute(
        "UPDATE rectification_tasks SET concerned_departments = jsonb_build_array(department), "
        "involved_departments = jsonb_build_array(department)"
    )
    op.create_index(
        "ix_rectification_tasks_involved",
        "rectification_tasks",
        ["involved_departments"],
        postgresql_using="gin",
    )


def downgrade() -> None:
    op.drop_index("ix_rectification_tasks_involved", table_name="rectification_tasks")
    op.drop_column("rectification_tasks", "involved_departments")
    op.drop_column("rectification_tasks", "concerned_departments")
