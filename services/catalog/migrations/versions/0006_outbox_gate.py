"""catalog: the outbox trigger notifies only while no relay holds its gate

A notifying transaction takes PostgreSQL's one notification lock at commit and holds it through its WAL flush:
every notifying commit of the server (each application's filing among them) went one after another, one fsync
each. While events keep coming the relay now holds a gate (an advisory lock) and scans by itself, and the insert
trigger does not notify then (meshkit.outbox, issue 21).

Revision ID: 0006
Revises: 0005
"""

from alembic import op

from meshkit.outbox import gated_notify_sql

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for statement in gated_notify_sql()[0]:
        op.execute(statement)


def downgrade() -> None:
    for statement in gated_notify_sql()[1]:
        op.execute(statement)
