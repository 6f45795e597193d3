"""cases: a 一件事 parent carries its members' 事项类型 when they share one

A parent's status and outcome read 准予许可 / 不予许可 although its members were a 出生登记 (07 行政确认) and
公共服务 (20) matters (issue 19, last outside try, failure 1): labels now follow the case's matter_type, and a parent
takes its members' type when every member has the same one (else it stays null: the neutral words).

Revision ID: 0020
Revises: 0019
"""

from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "UPDATE cases AS parent SET matter_type = shared.matter_type FROM ("
        " SELECT parent_id, min(matter_type) AS matter_type FROM cases WHERE parent_id IS NOT NULL"
        " GROUP BY parent_id"
        " HAVING count(DISTINCT matter_type) = 1 AND count(matter_type) = count(*)"
        ") AS shared WHERE parent.id = shared.parent_id AND parent.kind = 'bundle'"
    )


def downgrade() -> None:
    op.execute("UPDATE cases SET matter_type = NULL WHERE kind = 'bundle'")
