"""log integrity: the access log's tables guarded against TRUNCATE and a moved head, the chain appended by a
function of the owner (the service role may only INSERT entries and SELECT), and signed checkpoints

Revision ID: 0009
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

LOG_TABLES = ("access_log", "access_chain", "access_chain_head")

# The chain trigger's function runs as its owner (the role the migrations run as), so the service role needs no
# privilege on access_chain or access_chain_head beyond SELECT. The link is appended before the head moves, so
# the head's guard can check the move against it. A fixed search_path: the caller's cannot redirect the tables.
CHAIN_FUNCTION = """
CREATE OR REPLACE FUNCTION access_log_chain() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  head_seq bigint;
  head_hash text;
  new_hash text;
BEGIN
  SELECT seq, hash INTO head_seq, head_hash FROM access_chain_head WHERE id = 1 FOR UPDATE;
  new_hash := encode(sha256(convert_to(head_hash || NEW.canonical, 'UTF8')), 'hex');
  INSERT INTO access_chain (seq, entry_id, prev_hash, hash) VALUES (head_seq + 1, NEW.id, head_hash, new_hash);
  UPDATE access_chain_head SET seq = head_seq + 1, hash = new_hash WHERE id = 1;
  RETURN NULL;
END $$
"""
# 0002's function, for the downgrade.
PREVIOUS_CHAIN_FUNCTION = """
CREATE OR REPLACE FUNCTION access_log_chain() RETURNS trigger LANGUAGE plpgsql SECURITY INVOKER AS $$
DECLARE
  head_seq bigint;
  head_hash text;
  new_hash text;
BEGIN
  SELECT seq, hash INTO head_seq, head_hash FROM access_chain_head WHERE id = 1 FOR UPDATE;
  new_hash := encode(sha256(convert_to(head_hash || NEW.canonical, 'UTF8')), 'hex');
  UPDATE access_chain_head SET seq = head_seq + 1, hash = new_hash WHERE id = 1;
  INSERT INTO access_chain (seq, entry_id, prev_hash, hash) VALUES (head_seq + 1, NEW.id, head_hash, new_hash);
  RETURN NULL;
END $$
"""
# The head moves only forward, one link at a time, onto the link just appended after it; it is never inserted
# (0002 made the one row) or deleted. No SET search_path here (it costs on every append): the table is named
# with its schema, and whoever could shadow it could switch the guard off anyway.
HEAD_GUARD_FUNCTION = """
CREATE OR REPLACE FUNCTION access_chain_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.id = OLD.id AND NEW.seq = OLD.seq + 1 AND EXISTS (
      SELECT 1 FROM public.access_chain WHERE seq = NEW.seq AND prev_hash = OLD.hash AND hash = NEW.hash) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'access_chain_head moves only forward, onto the link appended after it (% refused)', TG_OP;
END $$
"""
# A checkpoint's signed fields never change; its receipt is set once; nothing is deleted.
CHECKPOINT_GUARD_FUNCTION = """
CREATE OR REPLACE FUNCTION access_checkpoints_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND (NEW.n, NEW.seq, NEW.hash, NEW.signed_at, NEW.key_id, NEW.signature)
         IS NOT DISTINCT FROM (OLD.n, OLD.seq, OLD.hash, OLD.signed_at, OLD.key_id, OLD.signature)
     AND (OLD.receipt IS NULL OR (NEW.receipt IS NOT DISTINCT FROM OLD.receipt
                                  AND NEW.witnessed_at IS NOT DISTINCT FROM OLD.witnessed_at)) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'access_checkpoints: a signed checkpoint and its receipt are never changed or removed (% refused)',
    TG_OP;
END $$
"""
# Every guard fires whatever session_replication_role says (ENABLE ALWAYS): only the owner or a superuser can
# switch one off, and only with DDL (ALTER TABLE … DISABLE TRIGGER).
GUARDS = [
    ("access_log", "access_log_append_only", None),
    ("access_chain", "access_chain_append_only", None),
    *[
        (
            table,
            f"{table}_no_truncate",
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only()",
        )
        for table in (*LOG_TABLES, "access_checkpoints")
    ],
    (
        "access_chain_head",
        "access_chain_head_guard",
        "CREATE TRIGGER access_chain_head_guard BEFORE INSERT OR UPDATE OR DELETE ON access_chain_head "
        "FOR EACH ROW EXECUTE FUNCTION access_chain_head_guard()",
    ),
    (
        "access_checkpoints",
        "access_checkpoints_guard",
        "CREATE TRIGGER access_checkpoints_guard BEFORE UPDATE OR DELETE ON access_checkpoints "
        "FOR EACH ROW EXECUTE FUNCTION access_checkpoints_guard()",
    ),
]

# The service role (every role but the owner that holds a privilege on these tables, e.g. through the default
# privileges, and PUBLIC) keeps: access_log SELECT and INSERT; access_chain and access_chain_head SELECT;
# access_checkpoints SELECT, INSERT, and UPDATE of the delivery columns only.
NARROW_PRIVILEGES = """
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT DISTINCT c.relname, CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END AS grantee
    FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.relnamespace = 'public'::regnamespace
      AND c.relname IN ('access_log', 'access_chain', 'access_chain_head', 'access_checkpoints')
      AND a.grantee <> c.relowner
  LOOP
    IF r.relname = 'access_log' THEN
      EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON %I FROM %s', r.relname, r.grantee);
    ELSIF r.relname = 'access_checkpoints' THEN
      EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON %I FROM %s', r.relname, r.grantee);
      EXECUTE format('GRANT UPDATE (attempts, next_attempt_at, last_error, receipt, witnessed_at) ON %I TO %s',
                     r.relname, r.grantee);
    ELSE
      EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON %I FROM %s',
                     r.relname, r.grantee);
    END IF;
  END LOOP;
END $$
"""
WIDEN_PRIVILEGES = """
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT DISTINCT a.grantee::regrole::text AS grantee FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.relnamespace = 'public'::regnamespace AND c.relname = 'access_log' AND a.grantee <> c.relowner
      AND a.grantee <> 0 AND a.privilege_type = 'INSERT'
  LOOP
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON access_log, access_chain, access_chain_head TO %s',
                   r.grantee);
  END LOOP;
END $$
"""


def upgrade() -> None:
    op.create_table(
        "access_checkpoints",
        sa.Column("n", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("signature", sa.String(length=100), nullable=False),
        sa.Column("receipt", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("witnessed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column(
            "next_attempt_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("n", name=op.f("pk_access_checkpoints")),
    )
    op.create_index(
        "ix_access_checkpoints_unwitnessed",
        "access_checkpoints",
        ["next_attempt_at"],
        unique=False,
        postgresql_where=sa.text("receipt IS NULL"),
    )
    for statement in (CHAIN_FUNCTION, HEAD_GUARD_FUNCTION, CHECKPOINT_GUARD_FUNCTION):
        op.execute(statement)
    for table, trigger, create in GUARDS:
        if create is not None:
            op.execute(create)
        op.execute(f"ALTER TABLE {table} ENABLE ALWAYS TRIGGER {trigger}")
    op.execute("REVOKE ALL ON FUNCTION access_log_chain() FROM PUBLIC")
    op.execute(NARROW_PRIVILEGES)


def downgrade() -> None:
    op.execute(WIDEN_PRIVILEGES)
    op.execute("GRANT EXECUTE ON FUNCTION access_log_chain() TO PUBLIC")
    for table, trigger, create in reversed(GUARDS):
        if create is not None:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
        else:
            op.execute(f"ALTER TABLE {table} ENABLE TRIGGER {trigger}")
    op.execute("DROP FUNCTION IF EXISTS access_checkpoints_guard()")
    op.execute("DROP FUNCTION IF EXISTS access_chain_head_guard()")
    op.execute(PREVIOUS_CHAIN_FUNCTION)
    op.drop_index(
        "ix_access_checkpoints_unwitnessed",
        table_name="access_checkpoints",
        postgresql_where=sa.text("receipt IS NULL"),
    )
    op.drop_table("access_checkpoints")
