"""Key rotation against the real key table and identity's real JWKS: the next key is published a day before it
signs, a verifier that meets the new ``kid`` refetches exactly once, retired keys stay until their tokens expire,
and the worker's timer runs the schedule."""

import asyncio
import logging
import time
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import func, select, update

from identity.main import create_app
from identity.settings import IdentitySettings
from identity.store.models import AuthorizationCode, LoginSession, RefreshToken, RevokedToken, SigningKey
from identity.store.unit_of_work import IdentityUnitOfWork
from identity.use_cases.oauth_housekeeping import purge_expired
from identity.use_cases.oauth_keys import run_key_schedule
from identity.use_cases.tokens import register_client
from identity.worker import key_rotation_timer
from meshkit.auth import TokenVerifier, Unauthorized
from meshkit.db import Database
from meshkit.embedded import EmbeddedNats
from meshkit.testing import eventually
from meshkit.testing.service import TEST_SECRET, app_client

pytestmark = pytest.mark.integration

ISSUER = "http://issuer.test"


def settings(
    url: str = "postgresql+asyncpg://unused/identity", nats: str = "nats://127.0.0.1:1"
) -> IdentitySettings:
    return IdentitySettings(
        database_url=url,
        nats_url=nats,
        environment="test",
        secret_key=TEST_SECRET,
        issuer=ISSUER,
        key_cache_seconds=0,
        key_check_interval=0.05,
    )


@pytest.fixture
async def identity(
    migrated_url: str, nats_server: EmbeddedNats, database: Database
) -> AsyncIterator[httpx.AsyncClient]:
    """identity with no key cache, so a changed key table shows at the next request."""
    async with app_client(
        create_app(settings(migrated_url, nats_server.url_for("identity"))), database=database
    ) as client:
        async with IdentityUnitOfWork(database) as uow:
            await register_client(
                uow,
                client_id="dept-system",
                name="部门系统",
                secret="s3cret-value",
                scopes=["catalog:write"],
                organization_code=None,
                pepper=TEST_SECRET,
            )
        yield client


async def shift_keys(database: Database, by: timedelta) -> None:
    """Time travel: move every key's schedule into the past, as if ``by`` had gone by."""
    async with database.sessions() as session, session.begin():
        await session.execute(
            update(SigningKey).values(
                activates_at=SigningKey.activates_at - by, retired_at=SigningKey.retired_at - by
            )
        )


async def schedule(database: Database) -> None:
    async with IdentityUnitOfWork(database) as uow:
        await run_key_schedule(
            uow, secret=TEST_SECRET, policy=settings().rotation_policy(), now=datetime.now(UTC)
        )


async def token(client: httpx.AsyncClient) -> str:
    response = await client.post(
        "/token", data={"grant_type": "client_credentials"}, auth=("dept-system", "s3cret-value")
    )
    assert response.status_code == 200, response.text
    access_token: str = response.json()["access_token"]
    return access_token


async def published(client: httpx.AsyncClient) -> list[str]:
    return [key["kid"] for key in (await client.get("/.well-known/jwks.json")).json()["keys"]]


async def test_rotation_publishes_ahead_and_verifiers_refetch_once(
    identity: httpx.AsyncClient, database: Database
) -> None:
    verifier = TokenVerifier(
        jwks_url="http://test/.well-known/jwks.json", issuer=ISSUER, audience="tongban", client=identity
    )
    old_token = await token(identity)
    old_kid = jwt.get_unverified_header(old_token)["kid"]
    await verifier.verify(old_token)
    assert verifier.fetch_count == 1

    await shift_keys(database, timedelta(days=29, hours=12))  # the current key is due within a day
    await schedule(database)
    kids = await published(identity)
    assert len(kids) == 2
    assert kids[1] == old_kid
    new_kid = kids[0]
    assert jwt.get_unverified_header(await token(identity))["kid"] == old_kid  # but does not sign yet

    await shift_keys(database, timedelta(days=1, seconds=1))  # a day later the next key signs
    new_token = await token(identity)
    assert jwt.get_unverified_header(new_token)["kid"] == new_kid
    assert (await verifier.verify(new_token)).sub == "dept-system"
    assert verifier.fetch_count == 2  # the unknown kid cost exactly one refetch
    await verifier.verify(await token(identity))
    assert verifier.fetch_count == 2

    stranger = ec.generate_private_key(ec.SECP256R1())
    now = int(time.time())
    forged = jwt.encode(
        {"iss": ISSUER, "aud": "tongban", "sub": "x", "iat": now, "exp": now + 60},
        stranger,
        algorithm="ES256",
        headers={"kid": "never-published", "typ": "at+jwt"},
    )
    with pytest.raises(Unauthorized):
        await verifier.verify(forged)
    assert verifier.fetch_count == 2  # refetches are rate-limited, not one per unknown kid

    await schedule(database)
    assert old_kid in await published(identity)  # retired, but its tokens are still unexpired
    await verifier.verify(old_token)
    await shift_keys(
        database, timedelta(seconds=settings().rotation_policy().verify_window.total_seconds() + 1)
    )
    assert await published(identity) == [new_kid]
    async with IdentityUnitOfWork(database) as uow:
        retired = await uow.session.get(SigningKey, old_kid)
        assert retired is not None
        assert retired.retired_at is not None


async def test_worker_timer_rotates_until_stopped(
    database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    await schedule(database)
    await shift_keys(database, timedelta(days=29, hours=12))
    caplog.set_level(logging.INFO, logger="identity.keys")
    stop = asyncio.Event()
    task = asyncio.create_task(key_rotation_timer(settings())(database, stop))

    async def created() -> None:
        assert any(r.getMessage() == "signing key created" for r in caplog.records)

    await eventually(created, timeout=10)
    stop.set()
    await asyncio.wait_for(task, 5)
    async with database.sessions() as session:
        upcoming = await session.scalar(
            select(func.count()).select_from(SigningKey).where(SigningKey.activates_at > datetime.now(UTC))
        )
    assert upcoming == 1  # once: the next round found the next key already there


async def test_housekeeping_deletes_only_what_nothing_can_use(database: Database) -> None:
    now = datetime.now(UTC)
    long_ago = now - timedelta(days=3)
    async with IdentityUnitOfWork(database) as uow:
        await register_client(
            uow,
            client_id="web",
            name="网站",
            secret="x" * 32,
            scopes=["openid"],
            organization_code=None,
            pepper=TEST_SECRET,
        )
        for sid, expires in (("old-session", long_ago), ("live-session", now + timedelta(hours=1))):
            uow.sessions.add(
                LoginSession(
                    id=sid,
                    subject_kind="person",
                    subject_id=str(uuid.uuid4()),
                    acr=1,
                    auth_time=long_ago,
                    expires_at=expires,
                )
            )
        await uow.flush()
        uow.codes.add(
            AuthorizationCode(
                code_hash="old-code",
                client_id="web",
                session_id="live-session",
                redirect_uri="https://x/cb",
                scope="openid",
                code_challenge="c",
                expires_at=long_ago,
            )
        )
        uow.refresh_tokens.add(
            RefreshToken(
                token_hash="old-refresh",
                family_id="f",
                client_id="web",
                session_id="live-session",
                scope="openid",
                issued_at=long_ago,
                expires_at=long_ago,
            )
        )
        uow.refresh_tokens.add(
            RefreshToken(
                token_hash="live-refresh",
                family_id="g",
                client_id="web",
                session_id="live-session",
                scope="openid",
                issued_at=now,
                expires_at=now + timedelta(days=1),
            )
        )
        await uow.revoked.revoke(["old-jti"], expires_at=long_ago, now=long_ago)
        await uow.revoked.revoke(["live-jti"], expires_at=now + timedelta(minutes=10), now=now)
        await uow.revocations.add([("sid", "old-sid")], at=long_ago, until=long_ago)
        await uow.revocations.add([("sid", "live-sid")], at=now, until=now + timedelta(minutes=10))
        await uow.commit()
    async with IdentityUnitOfWork(database) as uow:
        counts = await purge_expired(uow, now=now)
    assert counts == {
        "codes": 1,
        "refresh_tokens": 1,
        "revoked_tokens": 1,
        "revocations": 1,
        "sessions": 1,
        "login_failures": 0,
    }
    async with IdentityUnitOfWork(database) as uow:
        assert await uow.sessions.get("live-session") is not None
        assert await uow.refresh_tokens.get("live-refresh") is not None
        assert await uow.session.get(RevokedToken, "live-jti") is not None
