"""search: GIN index on the headline (ranked candidates), department index (filter and facet labels), GIN indexes
without a pending list

Revision ID: 0003
Revises: 0002
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER INDEX ix_search_entries_document SET (fastupdate = off)")
    op.execute("SELECT gin_clean_pending_list('ix_search_entries_document')")
    op.create_index(
        "ix_search_entries_headline",
        "search_entries",
        ["headline"],
        unique=False,
        postgresql_using="gin",
        postgresql_with={"fastupdate": "off"},
    )
    op.create_index(
        "ix_search_entries_department", "search_entries", ["department_code", "department_name"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_search_entries_department", table_name="search_entries")
    op.drop_index("ix_search_entries_headline", table_name="search_entries")
    op.execute("ALTER INDEX ix_search_entries_document RESET (fastupdate)")
