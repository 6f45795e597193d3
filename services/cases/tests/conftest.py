from cases.main import create_app
from cases.settings import CasesSettings
from cases.store import SERVICE_ROOT
from meshkit.testing.service import TEST_SECRET, service_fixtures


def _app(database_url: str, nats_url: str):  # type: ignore[no-untyped-def]
    return create_app(
        CasesSettings(
            database_url=database_url,
            nats_url=nats_url,
            environment="test",
            secret_key=TEST_SECRET,
            issuer="http://issuer.test",
            client_secret="test-client-secret",
        )
    )


migrated_url, engine, database, tokens, client = service_fixtures(
    name="cases", service_root=SERVICE_ROOT, make_app=_app
)
