"""Test support: embedded servers, per-test rollback, ``eventually``. Loaded as a pytest plugin."""

from meshkit.testing.support import eventually, filing, migrated_database, rolled_back

__all__ = ["eventually", "filing", "migrated_database", "rolled_back"]
