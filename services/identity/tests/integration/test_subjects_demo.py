"""Demo accounts for the main story load idempotently, with the documented password and levels."""

import pytest
from argon2 import PasswordHasher

from identity.demo import DEMO_PASSWORD, DEMO_PERSONS, DEMO_STAFF, load, load_accounts
from identity.pii import PiiCipher
from identity.settings import IdentitySettings
from identity.store.unit_of_work import IdentityUnitOfWork
from meshkit.db import Database
from meshkit.testing.service import TEST_SECRET

pytestmark = pytest.mark.integration

SETTINGS = IdentitySettings(environment="test", secret_key=TEST_SECRET)


async def test_demo_accounts(database: Database) -> None:
    await load(database, SETTINGS)
    assert await load_accounts(database, SETTINGS) == len(DEMO_PERSONS) + len(DEMO_STAFF)
    assert await load_accounts(database, SETTINGS) == 0
    cipher = PiiCipher(TEST_SECRET)
    async with IdentityUnitOfWork(database) as uow:
        levels = {}
        for name, number, _phone, _method, _by in DEMO_PERSONS:
            person = await uow.persons.by_id_number(cipher.lookup("id_number", number))
            assert person is not None
            levels[name] = (person.acr, person.password_hash is not None)
        admin = await uow.staff.by_username("admin")
        assert admin is not None
        assert (admin.roles, admin.scope_division) == (["admin", "operator"], "500110000000")
        assert PasswordHasher().verify(admin.password_hash, DEMO_PASSWORD)
        reviewers = [await uow.staff.by_username(u) for u in ("reviewer.djzc", "reviewer.spjy")]
        assert all(r is not None and r.organization_code == "500110-SCJGJ" for r in reviewers)
    assert levels == {"陈晓梅": (2, True), "周德明": (3, False), "李华": (1, True)}
