from identity.main import create_app
from identity.settings import IdentitySettings
from identity.store import SERVICE_ROOT
from meshkit.testing.service import TEST_SECRET, service_fixtures


def _app(database_url: str, nats_url: str):  # type: ignore[no-untyped-def]
    return create_app(
        IdentitySettings(
            database_url=database_url,
            nats_url=nats_url,
            environment="test",
            secret_key=TEST_SECRET,
            issuer="http://issuer.test",
        )
    )


migrated_url, engine, database, tokens, client = service_fixtures(
    name="identity", service_root=SERVICE_ROOT, make_app=_app
)
