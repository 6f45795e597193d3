"""Least-privilege database roles of one service: the owner its migrations run as, and the role it connects as.

- ``<service>_owner`` owns the database and every object the migrations create (DDL, triggers, grants).
- ``<service>_service`` is what the service's processes log in as: CONNECT on its database, USAGE on the schema,
  and through default privileges SELECT, INSERT, UPDATE, DELETE on the tables and USAGE, SELECT, UPDATE on the
  sequences the owner creates, now and in later migrations. Neither is a superuser, so
  ``session_replication_role``, ``ALTER TABLE … DISABLE TRIGGER`` (owner only) and ``TRUNCATE`` (never granted)
  are out of the service's reach. A migration may narrow the grants further (the exchange's log tables).

The statements are idempotent and run as a superuser (the embedded server's ``postgres``, or a DBA on an external
server): :meth:`ServiceRoles.cluster_sql` once per server, ``CREATE DATABASE … OWNER`` where missing, then
:meth:`ServiceRoles.database_sql` in the database. A database migrated before the roles existed (objects owned by
``postgres``) is adopted: its objects are given to the owner and the service role gets what default privileges
would have given it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ServiceRoles"]

_NAME = re.compile(r"^[a-z][a-z0-9_]{0,40}$")

# Objects in schema public owned by someone else than the owner (made before the roles existed): given to the
# owner, and the service role granted what default privileges give it. Sequences owned by a column follow their
# table. Runs in the service's database.
_ADOPT = """
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT c.oid::regclass AS name, c.relkind FROM pg_class c
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
      AND c.relowner <> '{owner}'::regrole
      AND (c.relkind <> 'S' OR NOT EXISTS (
        SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
        AND d.deptype IN ('a', 'i') AND d.refclassid = 'pg_class'::regclass))
  LOOP
    EXECUTE format('ALTER %s %s OWNER TO {owner}',
                   CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                  ELSE 'TABLE' END, r.name);
    IF r.relkind = 'S' THEN
      EXECUTE format('GRANT USAGE, SELECT, UPDATE ON SEQUENCE %s TO {service}', r.name);
    ELSE
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE %s TO {service}', r.name);
    END IF;
  END LOOP;
  FOR r IN
    SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_depend d ON d.objid = c.oid
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S' AND d.deptype IN ('a', 'i')
      AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
  LOOP
    EXECUTE format('GRANT USAGE, SELECT, UPDATE ON SEQUENCE %s TO {service}', r.name);
  END LOOP;
  FOR r IN
    SELECT p.oid::regprocedure AS name FROM pg_proc p
    WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> '{owner}'::regrole
  LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO {owner}', r.name);
  END LOOP;
END $$
"""

_CREATE_ROLE = """  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name}') THEN
    CREATE ROLE {name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
  END IF;"""


@dataclass(frozen=True)
class ServiceRoles:
    """The two roles of one service, named after it (``exchange`` → ``exchange_owner``, ``exchange_service``)."""

    owner: str
    service: str

    @classmethod
    def of(cls, service: str) -> ServiceRoles:
        base = service.lower().replace("-", "_")
        roles = cls(owner=f"{base}_owner", service=f"{base}_service")
        for name in (roles.owner, roles.service):
            if not _NAME.match(name):
                raise ValueError(f"role names are lower-case letters, digits and underscores: {name!r}")
        return roles

    def cluster_sql(self) -> str:
        """Create both login roles where missing; neither may create databases or roles, or bypass anything."""
        # The names are checked against _NAME in of(): lower-case letters, digits and underscores only.
        creates = "\n".join(_CREATE_ROLE.format(name=name) for name in (self.owner, self.service))
        return f"DO $$\nBEGIN\n{creates}\nEND $$"

    def create_database_sql(self, database: str) -> str:
        return f'CREATE DATABASE "{database}" OWNER {self.owner}'

    def database_sql(self, database: str) -> list[str]:
        """Run in ``database`` (as a superuser): ownership, who may connect, the service role's privileges."""
        return [
            f'ALTER DATABASE "{database}" OWNER TO {self.owner}',
            f'REVOKE ALL ON DATABASE "{database}" FROM PUBLIC',
            f'GRANT CONNECT ON DATABASE "{database}" TO {self.service}',
            f"GRANT USAGE ON SCHEMA public TO {self.service}",
            f"ALTER DEFAULT PRIVILEGES FOR ROLE {self.owner} IN SCHEMA public "
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {self.service}",
            f"ALTER DEFAULT PRIVILEGES FOR ROLE {self.owner} IN SCHEMA public "
            f"GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {self.service}",
            _ADOPT.format(owner=self.owner, service=self.service).strip(),
        ]
