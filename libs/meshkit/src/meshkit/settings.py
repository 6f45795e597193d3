"""Settings every service shares. Each service subclasses :class:`ServiceSettings` with its own env prefix.

Nothing is instantiated at import time: ``create_app(settings=None)`` builds the settings when it runs.
Mesh-wide values (environment, NATS, issuer, JWKS) use fixed variable names so one export serves every service;
per-service values use the service prefix, e.g. ``CATALOG_DATABASE_URL``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AliasChoices, BeforeValidator, Field, SecretStr, ValidationError, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict, SettingsError

from meshkit.natsurls import nats_login
from meshkit.streams import StreamPolicy

__all__ = [
    "DEV_FORWARDING_KEY",
    "DEV_SECRET",
    "LOG_LEVELS",
    "Environment",
    "LogLevel",
    "SecretSafeSettings",
    "ServiceSettings",
    "SettingsRefused",
    "normal_log_level",
    "refusal_message",
]

Environment = Literal["dev", "test", "prod"]

DEV_SECRET = "dev-only-secret-do-not-use-in-production"  # noqa: S105 - the value refused outside dev
DEV_FORWARDING_KEY = "dev-only-forwarding-key-do-not-use-in-production"


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
_LOG_LEVEL_SPELLINGS = {"WARN": "WARNING", "FATAL": "CRITICAL"}


def normal_log_level(value: object) -> str:
    """``TONGBAN_LOG_LEVEL`` in any case, ``WARN``/``FATAL`` as logging spells them; anything else refused in one
    line that lists the levels (the value is the operator's own word, not a secret)."""
    level = str(value).strip().upper()
    level = _LOG_LEVEL_SPELLINGS.get(level, level) or "INFO"
    if level not in LOG_LEVELS:
        raise ValueError(
            f"日志级别只能是 {' / '.join(LOG_LEVELS)} 之一 (log level must be one of these), 不是 {str(value)[:20]!r}"
        )
    return level


LogLevel = Annotated[str, BeforeValidator(normal_log_level)]


def _shared(name: str) -> AliasChoices:
    return AliasChoices(name.lower(), name)


class SettingsRefused(ValueError):
    """Settings a process cannot start with. The message names every offending variable and what is wrong with
    it, never its value: pydantic's own message quotes the input (for a model-level check, the tail of every
    variable read, secrets and database URLs with passwords included), and it ends up in the log."""


def _variable(settings: type[BaseSettings], location: tuple[int | str, ...]) -> str:
    """The environment variable behind an error's location (``CATALOG_SECRET_KEY``, ``TONGBAN_ENV``)."""
    if not location:
        return settings.__name__
    name = str(location[0])
    field = settings.model_fields.get(name)
    alias = field.validation_alias if field is not None else None
    if isinstance(alias, AliasChoices):
        spelled = [choice for choice in alias.choices if isinstance(choice, str) and choice.isupper()]
        if spelled:
            name = spelled[0]
    prefix = str(settings.model_config.get("env_prefix", ""))
    variable = name if name.isupper() else f"{prefix}{name}".upper()
    return ".".join([variable, *(str(part) for part in location[1:])])


def _refusal(settings: type[BaseSettings], error: ValidationError | SettingsError) -> str:
    if isinstance(error, SettingsError):  # a value pydantic-settings could not parse (JSON lists, say)
        return f"{settings.__name__}: 配置无效，无法启动 (settings refused): {error.args[0] if error.args else ''}"
    lines = [f"{settings.__name__}: 配置无效，无法启动 (settings refused; values are not shown):"]
    for item in error.errors(include_url=False, include_input=False, include_context=False):
        message = item["msg"].removeprefix("Value error, ")
        lines.append(f"  - {_variable(settings, tuple(item['loc']))}: {message}")
    return "\n".join(lines)


class SecretSafeSettings(BaseSettings):
    """Base of every settings class of the mesh: a refusal is :class:`SettingsRefused`, raised with no link to
    pydantic's error (neither its message nor, through ``__context__``, the error itself, whose ``errors()``
    carry the input), so no value reaches a message, a log line or a traceback."""

    def __init__(self, **values: Any) -> None:
        try:
            super().__init__(**values)
            return
        except (ValidationError, SettingsError) as error:
            refusal = _refusal(type(self), error)
        raise SettingsRefused(refusal)


class ServiceSettings(SecretSafeSettings):
    model_config = SettingsConfigDict(env_prefix="", extra="ignore", populate_by_name=True, frozen=True)

    service_name: str = "service"
    environment: Environment = Field(default="dev", validation_alias=_shared("TONGBAN_ENV"))
    database_url: str = Field(
        default="postgresql+asyncpg://postgres@127.0.0.1:8832/postgres",
        description="what the service connects as: a role that may only read and write its own tables "
        "(``<service>_service`` on the embedded server)",
    )
    migration_database_url: str | None = Field(
        default=None,
        description="what migrations run as: the database's owner (``<service>_owner`` on the embedded "
        "server), which creates the tables, triggers and grants; unset, migrations use ``database_url``",
    )
    database_pool_size: int = Field(default=10, ge=1, le=200)
    nats_url: str = Field(default="nats://127.0.0.1:8842", validation_alias=_shared("NATS_URL"))
    forwarding_key: SecretStr = Field(
        default=SecretStr(DEV_FORWARDING_KEY),
        validation_alias=_shared("TONGBAN_FORWARDING_KEY"),
        description="the key the gateway proves the client address it forwards with (meshkit.peers); the same in "
        "the gateway and every service; the launcher generates one per var/",
    )
    nats_user: str | None = Field(
        default=None,
        description="this process's NATS user (``<PREFIX>NATS_USER``): the launcher generates one per service "
        "and per worker; required in prod. Its permissions allow only the service's own subjects",
    )
    nats_password: SecretStr | None = Field(
        default=None, description="that user's password; required in prod"
    )
    issuer: str = Field(default="http://127.0.0.1:8800/identity", validation_alias=_shared("TONGBAN_ISSUER"))
    jwks_url: str = Field(
        default="http://127.0.0.1:8801/.well-known/jwks.json", validation_alias=_shared("TONGBAN_JWKS_URL")
    )
    audience: str = Field(default="tongban", validation_alias=_shared("TONGBAN_AUDIENCE"))
    public_url: str = Field(
        default="http://127.0.0.1:8800",
        validation_alias=_shared("TONGBAN_PUBLIC_URL"),
        description="the gateway's public base URL: problem `type` URIs are `<it>/problems/<code>`",
    )
    secret_key: SecretStr = Field(default=SecretStr(DEV_SECRET))
    log_level: LogLevel = Field(default="INFO", validation_alias=_shared("TONGBAN_LOG_LEVEL"))
    stream_replicas: int = Field(
        default=1,
        ge=1,
        le=5,
        validation_alias=_shared("TONGBAN_STREAM_REPLICAS"),
        description="replicas of a JetStream stream a worker creates (3 on a 3-node cluster); an existing "
        "stream's are raised to it, never lowered",
    )
    stream_storage: Literal["file", "memory"] = Field(
        default="file", validation_alias=_shared("TONGBAN_STREAM_STORAGE")
    )
    stream_max_age_days: float = Field(
        default=30.0,
        ge=0,
        validation_alias=_shared("TONGBAN_STREAM_MAX_AGE_DAYS"),
        description="how long streams keep messages (0: no age limit); an existing stream's is never shortened",
    )
    stream_duplicate_window: float = Field(
        default=300.0, gt=0, le=86_400, validation_alias=_shared("TONGBAN_STREAM_DUPLICATE_WINDOW")
    )
    outbox_poll_interval: float = Field(
        default=1.0,
        gt=0,
        le=10,
        description="seconds between outbox scans when no insert notification came (a safety net: the "
        "relay LISTENs and is woken by every committed insert)",
    )
    outbox_linger: float = Field(
        default=0.02,
        ge=0,
        le=1,
        description="seconds the relay waits after a notification before it claims, so that rows committed "
        "meanwhile go in the same batch (0: claim at once); never after a full batch or a poll",
    )
    outbox_batch_size: int = Field(default=500, ge=1, le=10_000)
    worker_nice: int = Field(
        default=5,
        ge=0,
        le=19,
        description="the worker process runs this much nicer than the APIs (0 keeps the priority): under a "
        "burst the CPU answers people first, and background work (relay, consumers, timers) catches up after",
    )
    background_lane: bool = Field(
        default=False,
        description="this API process is the service's background lane: it serves only the mesh's own workers "
        "(e.g. the cases worker's batch reads) at ``background_lane_nice``, so that under a burst the CPU "
        "answers the requests people wait on, served by the service's other processes, first",
    )
    background_lane_nice: int = Field(
        default=19,
        ge=0,
        le=19,
        description="how much nicer a background lane runs (0 keeps the priority). Lower than the workers': "
        "at 5 the lane still took its share during a burst and applications/s did not move; at 19 it "
        "waits for idle CPU and catches up after",
    )
    revocation_replay: float = Field(
        default=1800.0,
        ge=60,
        le=7 * 86_400,
        validation_alias=_shared("TONGBAN_REVOCATION_REPLAY"),
        description="seconds of identity's revocation events each process replays at start (and after a gap it "
        "cannot bridge): at least the access-token lifetime, so a process learns what was revoked while it was "
        "down",
    )
    revocation_start_wait: float = Field(
        default=5.0,
        ge=0,
        le=120,
        validation_alias=_shared("TONGBAN_REVOCATION_START_WAIT"),
        description="seconds an API process waits at start for that replay before it serves anyway (fail open: "
        "readiness reports ``revocations`` down until it has caught up)",
    )
    consumer_max_deliver: int = Field(default=5, ge=1, le=100)
    worker_metrics_port: int | None = Field(
        default=None,
        ge=0,
        le=65_535,
        description="port of the worker process's own Prometheus ``/metrics`` (``<PREFIX>WORKER_METRICS_PORT``; "
        "unset: none). The launcher gives each worker one; in Kubernetes the pod's metrics port",
    )
    worker_metrics_host: str = Field(
        default="127.0.0.1",
        description="address that endpoint listens on (``0.0.0.0`` in a pod, for the ServiceMonitor)",
    )
    max_body_bytes: int = Field(default=1_048_576, ge=1024)

    def migration_url(self) -> str:
        """The URL migrations run with: ``migration_database_url``, else ``database_url``."""
        return self.migration_database_url or self.database_url

    def env_name(self, field: str) -> str:
        """The variable a field is read from (``CASES_CLIENT_SECRET``), for messages that name a setting."""
        return f"{self.model_config.get('env_prefix', '')}{field}".upper()

    @property
    def nats_authenticated(self) -> bool:
        """A NATS user and password are set (or the URL carries them)."""
        if self.nats_user and self.nats_password and self.nats_password.get_secret_value():
            return True
        return nats_login(self.nats_url) is not None

    def production_problems(self, environment: str | None = None) -> list[str]:
        """Every setting that must not be used in ``environment`` (default: this one) outside dev, as
        ``NAME (why)`` — never its value.

        Subclasses add theirs (demo client secrets, development keys) to this list; the validator refuses them all
        in one message, so an operator fixes every one before the next start (the launcher's preflight asks
        every service before it starts anything)."""
        environment = environment or self.environment
        problems = []
        secret = self.secret_key.get_secret_value()
        if secret == DEV_SECRET:
            problems.append(f"{self.env_name('secret_key')} (still has the development default)")
        elif len(secret) < 32:
            problems.append(f"{self.env_name('secret_key')} (must be at least 32 characters outside dev)")
        if environment == "prod" and self.forwarding_key.get_secret_value() == DEV_FORWARDING_KEY:
            problems.append("TONGBAN_FORWARDING_KEY (still has the development default)")
        if environment == "prod" and not self.nats_authenticated:
            problems.append(
                f"{self.env_name('nats_user')}/{self.env_name('nats_password')} (missing: NATS requires a user "
                "per service in prod)"
            )
        return problems

    def stream_policy(self) -> StreamPolicy:
        return StreamPolicy(
            replicas=self.stream_replicas,
            storage=self.stream_storage,
            max_age_days=self.stream_max_age_days,
            duplicate_window=self.stream_duplicate_window,
        )

    @model_validator(mode="after")
    def _refuse_development_values(self) -> ServiceSettings:
        if self.environment != "dev":
            problems = self.production_problems()
            if problems:
                raise ValueError(refusal_message(self.environment, problems))
        return self


def refusal_message(environment: str, problems: list[str]) -> str:
    """One message naming every offending setting (names and reasons only; values are never echoed)."""
    listed = "; ".join(problems)
    return (
        f"TONGBAN_ENV={environment} 拒绝启动：以下设置仍是开发/演示取值或缺失，请从密钥库设置真实取值 "
        f"(refused outside dev, set each from the secret store): {listed}"
    )
