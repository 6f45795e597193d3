"""cases: the matter's type and legal basis (事项类型, 设定依据) as the version a case was filed under has them

A decision is the document its matter's kind calls for (issue 19 outside try, failure 1): the case keeps the type
and 设定依据 of its matter version; the read model of open matters keeps the basis the catalog now sends.

Backfill, honest for old rows: a case's type is taken from the read model only where it holds the very version the
case was filed under; any other case keeps null (its decision reads in the neutral 办理结果 wording). No case gets
a basis: the read model never held one before this revision. Decisions already issued stay as they were issued.

One capacity per row of the timeline (issue 19 outside try, failure 3): rows used to record the caller's kind
(person, enterprise, staff) where a transition records its actor, so one clerk read 工作人员 on 收取纸质材料 and
窗口工作人员 on 受理. Old rows are rewritten where the capacity is certain: a person's or enterprise's row is the
applicant's; a clerk's filing is a window clerk's (only window clerks file); any other staff row takes the capacity
the same staff member recorded on a transition (a window capacity for materials). A row whose author never acted
otherwise keeps ``staff`` (工作人员).

Revision ID: 0018
Revises: 0017
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("open_matters", sa.Column("legal_basis", sa.Text(), server_default="", nullable=False))
    op.add_column("cases", sa.Column("matter_type", sa.String(2), nullable=True))
    op.add_column("cases", sa.Column("matter_legal_basis", sa.Text(), nullable=True))
    op.add_column("decisions", sa.Column("matter_type", sa.String(2), nullable=True))
    op.add_column("decisions", sa.Column("verdict", sa.Text(), nullable=True))
    op.execute(
        "UPDATE cases SET matter_type = m.matter_type FROM open_matters m "
        "WHERE m.code = cases.matter_code AND m.version = cases.matter_version AND cases.kind <> 'bundle'"
    )
    op.execute(
        "UPDATE case_timeline SET actor_role = 'applicant' WHERE actor_role IN ('person', 'enterprise')"
    )
    op.execute(
        "UPDATE case_timeline SET actor_role = 'window_clerk' WHERE actor_role = 'staff' AND action = 'submit'"
    )
    op.execute(
        "UPDATE case_timeline t SET actor_role = known.actor_role FROM ("
        "  SELECT DISTINCT ON (actor_id) actor_id, actor_role FROM case_timeline"
        "  WHERE actor_role IN ('window_clerk', 'department_head') ORDER BY actor_id, id DESC"
        ") known WHERE t.actor_role = 'staff' AND t.action IN ('paper_material', 'upload_material')"
        " AND known.actor_id = t.actor_id"
    )
    op.execute(
        "UPDATE case_timeline t SET actor_role = known.actor_role FROM ("
        "  SELECT DISTINCT ON (actor_id) actor_id, actor_role FROM case_timeline"
        "  WHERE actor_role IN ('window_clerk', 'reviewer', 'department_head') ORDER BY actor_id, id DESC"
        ") known WHERE t.actor_role = 'staff' AND t.action = 'members_changed' AND known.actor_id = t.actor_id"
    )


def downgrade() -> None:
    op.drop_column("decisions", "verdict")
    op.drop_column("decisions", "matter_type")
    op.drop_column("cases", "matter_legal_basis")
    op.drop_column("cases", "matter_type")
    op.drop_column("open_matters", "legal_basis")
