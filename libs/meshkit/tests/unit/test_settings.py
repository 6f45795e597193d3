import io
import logging
import traceback

import pytest
from pydantic import ValidationError
from pydantic_settings import SettingsConfigDict

from meshkit.observability import JsonFormatter
from meshkit.settings import ServiceSettings, SettingsRefused

pytestmark = pytest.mark.unit


def test_dev_accepts_default_secret() -> None:
    assert ServiceSettings(environment="dev").environment == "dev"


@pytest.mark.parametrize("environment", ["test", "prod"])
def test_default_secret_refused_outside_dev(environment: str) -> None:
    with pytest.raises(SettingsRefused, match=r"SECRET_KEY \(still has the development default\)"):
        ServiceSettings(environment=environment)


def test_short_secret_refused_in_prod() -> None:
    with pytest.raises(SettingsRefused, match="at least 32"):
        ServiceSettings(environment="prod", secret_key="short")


def test_shared_names_read_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NATS_URL", "nats://10.0.0.1:4222")
    monkeypatch.setenv("TONGBAN_ENV", "prod")
    monkeypatch.setenv("SECRET_KEY", "x" * 40)
    monkeypatch.setenv("NATS_USER", "scratch")
    monkeypatch.setenv("NATS_PASSWORD", "p" * 32)
    monkeypatch.setenv("TONGBAN_FORWARDING_KEY", "f" * 40)
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
    with pytest.raises(SettingsRefused, match="SCRATCH_OUTBOX_LINGER"):
        ScratchSettings()


SHORT_SECRET = "tail-of-a-short-SECRET-9f3k2"  # the value that must never be echoed
DB_PASSWORD = "Pa55-word-of-the-DB-7q"


DATABASE_URL = f"postgresql+asyncpg://scratch_service:{DB_PASSWORD}@db/scratch"


@pytest.mark.parametrize(
    ("env", "says"),
    [
        # the model-level check: pydantic quotes every input read (truncated: the secret's tail)
        ({"TONGBAN_ENV": "prod", "SCRATCH_SECRET_KEY": SHORT_SECRET}, "at least 32"),
        (
            {"TONGBAN_ENV": "prod", "SCRATCH_SECRET_KEY": SHORT_SECRET, "SCRATCH_DATABASE_URL": DATABASE_URL},
            "at least 32",
        ),
        # a field error beside the secrets: pydantic quotes that field's input
        (
            {
                "SCRATCH_SECRET_KEY": SHORT_SECRET,
                "SCRATCH_DATABASE_URL": DATABASE_URL,
                "SCRATCH_DATABASE_POOL_SIZE": SHORT_SECRET,
            },
            "SCRATCH_DATABASE_POOL_SIZE",
        ),
    ],
    ids=["short-secret", "short-secret-and-database-url", "field-error"],
)
def test_issue17_failure5_settings_refusal_never_echoes_a_secret(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], says: str
) -> None:
    """Issue 17, failure 5: the refusal of a short secret echoed its last ~22 characters into the log (pydantic
    quotes the input of a failed check). A refusal names the variable and the rule, never a value: not in the
    message, not in the traceback, not in a log line, not reachable through the exception's context."""
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(SettingsRefused) as caught:
        ScratchSettings()
    error = caught.value
    assert says in str(error)  # what an operator has to fix
    assert error.__context__ is None
    assert error.__cause__ is None
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter("scratch"))
    log = logging.getLogger("scratch.settings")
    log.addHandler(handler)
    try:
        log.error("cannot start: %s", error, exc_info=error)
    finally:
        log.removeHandler(handler)
    seen = "\n".join([str(error), repr(error), "".join(traceback.format_exception(error)), stream.getvalue()])
    for secret in (SHORT_SECRET, DB_PASSWORD):
        for piece in (secret, secret[-12:], secret[:12]):
            assert piece not in seen, f"{piece!r} echoed"


def test_refusal_is_not_a_pydantic_error() -> None:
    """Callers catch :class:`SettingsRefused` (a ``ValueError``); pydantic's error, which carries the input in
    ``errors()``, does not leave the constructor."""
    with pytest.raises(SettingsRefused) as caught:
        ServiceSettings(environment="prod", secret_key="short")
    assert not isinstance(caught.value, ValidationError)


@pytest.mark.parametrize(
    ("given", "level"), [("warn", "WARNING"), (" Debug ", "DEBUG"), ("FATAL", "CRITICAL")]
)
def test_log_levels_are_read_in_any_spelling(monkeypatch: pytest.MonkeyPatch, given: str, level: str) -> None:
    monkeypatch.setenv("TONGBAN_LOG_LEVEL", given)
    assert ServiceSettings().log_level == level


def test_a_bad_log_level_is_refused_in_one_message(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 19 failure 16: TONGBAN_LOG_LEVEL=verbose crashed every service with a traceback from logging."""
    monkeypatch.setenv("TONGBAN_LOG_LEVEL", "verbose")
    with pytest.raises(SettingsRefused, match=r"TONGBAN_LOG_LEVEL: 日志级别只能是 DEBUG / INFO"):
        ServiceSettings()
