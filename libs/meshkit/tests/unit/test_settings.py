import pytest
from pydantic import ValidationError

from meshkit.settings import ServiceSettings

pytestmark = pytest.mark.unit


def test_dev_accepts_default_secret() -> None:
    assert ServiceSettings(environment="dev").environment == "dev"


@pytest.mark.parametrize("environment", ["test", "prod"])
def test_default_secret_refused_outside_dev(environment: str) -> None:
    with pytest.raises(ValidationError, match="SECRET_KEY still has the development default"):
        ServiceSettings(environment=environment)


def test_short_secret_refused_in_prod() -> None:
    with pytest.raises(ValidationError, match="at least 32"):
        ServiceSettings(environment="prod", secret_key="short")


def test_shared_names_read_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NATS_URL", "nats://10.0.0.1:4222")
    monkeypatch.setenv("TONGBAN_ENV", "prod")
    monkeypatch.setenv("SECRET_KEY", "x" * 40)
    settings = ServiceSettings()
    assert settings.nats_url == "nats://10.0.0.1:4222"
    assert settings.environment == "prod"
