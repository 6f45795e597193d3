import pytest
from pydantic import ValidationError
from pydantic_settings import SettingsConfigDict

from meshkit.settings import ServiceSettings

pytestmark = pytest.mark.unit


def test_dev_accepts_default_secret() -> None:
    assert ServiceSettings(environment="dev").environment == "dev"


@pytest.mark.parametrize("environment", ["test", "prod"])
def test_default_secret_refused_outside_dev(environment: str) -> None:
    with pytest.raises(ValidationError, match=r"SECRET_KEY \(still has the development default\)"):
        ServiceSettings(environment=environment)


def test_short_secret_refused_in_prod() -> None:
    with pytest.raises(ValidationError, match="at least 32"):
        ServiceSettings(environment="prod", secret_key="short")


def test_shared_names_read_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NATS_URL", "nats://10.0.0.1:4222")
    monkeypatch.setenv("TONGBAN_ENV", "prod")
    monkeypatch.setenv("SECRET_KEY", "x" * 40)
    monkeypatch.setenv("NATS_USER", "scratch")
    monkeypatch.setenv("NATS_PASSWORD", "p" * 32)
    settings = ServiceSettings()
    assert settings.nats_url == "nats://10.0.0.1:4222"
    assert settings.environment == "prod"


class ScratchSettings(ServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="SCRATCH_", extra="ignore", populate_by_name=True, frozen=True
    )


def test_outbox_linger_comes_with_the_service_prefix_and_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    assert ScratchSettings().outbox_linger == 0.02
    monkeypatch.setenv("SCRATCH_OUTBOX_LINGER", "0")
    assert ScratchSettings().outbox_linger == 0.0  # no linger: claim as soon as a notification comes
    monkeypatch.setenv("SCRATCH_OUTBOX_LINGER", "1.5")
    with pytest.raises(ValidationError, match="outbox_linger"):
        ScratchSettings()
