"""NATS users with least-privilege permissions, built from the mesh's conventions (ARCHITECTURE.md §6).

A producer ``p`` owns the stream ``P`` (subjects ``p.>``); a consumer reads a producer's stream through JetStream
consumers; dead letters go to ``deadletter.<p>.<consumer>`` in the ``DEADLETTER`` stream. A grant names which of
these one user does, and :func:`permissions` turns it into the subjects nats-server allows it (everything else is
denied):

- publishing its own events, and the JetStream API calls that manage its own stream (``$JS.API.STREAM.*.P``);
- for each stream it consumes: creating, inspecting and deleting consumers on that stream, pulling their messages
  (``$JS.API.CONSUMER.MSG.NEXT.S.*``) and acknowledging them (``$JS.ACK.S.>``) — never publishing on its subjects;
- replies only on its own inbox prefix (``_INBOX.<user>.>``, which :func:`inbox_prefix` gives the client), so no
  user reads another's JetStream answers.

The grants themselves are data (``deploy/nats/permissions.toml``) shared by the launcher and the pytest plugin, so
tests run under the permissions production has. Reference: docs.nats.io "Authorization" and the JetStream API
subject reference (``$JS.API.STREAM.*``, ``$JS.API.CONSUMER.*``, ``$JS.ACK``).
"""

from __future__ import annotations

import json
import secrets
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from meshkit.events import DEAD_LETTER_PREFIX, DEAD_LETTER_STREAM, stream_for

__all__ = [
    "NatsGrant",
    "NatsUser",
    "authorization_block",
    "generate_users",
    "inbox_prefix",
    "load_grants",
    "permissions",
    "read_users",
    "write_users",
]

_JS = "$JS.API"


@dataclass(frozen=True)
class NatsGrant:
    """What one NATS user (one kind of process) does on the bus."""

    user: str
    produces: str | None = None  # the producer whose stream it creates and publishes to
    consumes: tuple[str, ...] = ()  # producers whose streams it reads through JetStream consumers
    subscribes: tuple[str, ...] = ()  # plain (core NATS) subjects it subscribes to
    dead_letters: bool = False  # may park poison messages: deadletter.<produces>.> in the DEADLETTER stream
    key_values: tuple[
        str, ...
    ] = ()  # JetStream key-value buckets it creates, reads and writes (its own state)

    def __post_init__(self) -> None:
        if not self.user.replace("-", "").replace("_", "").isalnum():
            raise ValueError(f"NATS user names are letters, digits, '-' and '_': {self.user!r}")
        if self.dead_letters and self.produces is None:
            raise ValueError(f"{self.user}: dead letters are named after the producer; set produces")


@dataclass(frozen=True)
class NatsUser:
    """A user of the NATS server: name, password, and the subjects it may publish and subscribe to."""

    name: str
    password: str = field(repr=False)
    publish: tuple[str, ...]
    subscribe: tuple[str, ...]


def inbox_prefix(user: str) -> str:
    """The reply-subject prefix a client connecting as ``user`` must use (``_INBOX.<user>``)."""
    return f"_INBOX.{user}"


def _stream_management(stream: str) -> list[str]:
    return [f"{_JS}.STREAM.INFO.{stream}", f"{_JS}.STREAM.CREATE.{stream}", f"{_JS}.STREAM.UPDATE.{stream}"]


def _consuming(stream: str) -> list[str]:
    return [
        f"{_JS}.STREAM.INFO.{stream}",
        f"{_JS}.CONSUMER.CREATE.{stream}",  # ephemeral and ordered consumers
        f"{_JS}.CONSUMER.CREATE.{stream}.>",  # named consumers (with or without a filter token)
        f"{_JS}.CONSUMER.DURABLE.CREATE.{stream}.*",
        f"{_JS}.CONSUMER.INFO.{stream}.*",
        f"{_JS}.CONSUMER.DELETE.{stream}.*",
        f"{_JS}.CONSUMER.MSG.NEXT.{stream}.*",
        f"$JS.ACK.{stream}.>",
    ]


def _key_value(bucket: str) -> list[str]:
    stream = f"KV_{bucket}"
    return [
        f"$KV.{bucket}.>",  # put, create, update (compare-and-set by revision)
        *_stream_management(stream),
        f"{_JS}.DIRECT.GET.{stream}",
        f"{_JS}.DIRECT.GET.{stream}.>",  # get (the bucket allows direct gets)
        f"{_JS}.STREAM.MSG.GET.{stream}",  # get, without direct gets
    ]


def permissions(grant: NatsGrant) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The subjects ``grant``'s user may publish to and subscribe to."""
    publish = [f"{_JS}.INFO"]
    subscribe = [f"{inbox_prefix(grant.user)}.>"]
    if grant.produces is not None:
        publish.append(f"{grant.produces}.>")
        publish += _stream_management(stream_for(grant.produces))
    if grant.dead_letters:
        publish.append(f"{DEAD_LETTER_PREFIX}.{grant.produces}.>")
        publish += _stream_management(DEAD_LETTER_STREAM)
    if grant.consumes:
        publish.append(f"{_JS}.STREAM.NAMES")
    for producer in grant.consumes:
        publish += _consuming(stream_for(producer))
    for bucket in grant.key_values:
        publish += _key_value(bucket)
    subscribe += grant.subscribes
    return tuple(dict.fromkeys(publish)), tuple(dict.fromkeys(subscribe))


def load_grants(path: Path) -> tuple[NatsGrant, ...]:
    """Read ``[users.<name>]`` tables (``produces``, ``consumes``, ``subscribes``, ``dead_letters``,
    ``key_values``)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    users = data.get("users", {})
    if not isinstance(users, dict) or not users:
        raise ValueError(f"{path}: no [users.<name>] tables")
    grants = []
    for name, spec in users.items():
        unknown = set(spec) - {"produces", "consumes", "subscribes", "dead_letters", "key_values"}
        if unknown:
            raise ValueError(f"{path}: users.{name}: unknown keys {sorted(unknown)}")
        grants.append(
            NatsGrant(
                user=name,
                produces=spec.get("produces"),
                consumes=tuple(spec.get("consumes", ())),
                subscribes=tuple(spec.get("subscribes", ())),
                dead_letters=bool(spec.get("dead_letters", False)),
                key_values=tuple(spec.get("key_values", ())),
            )
        )
    return tuple(grants)


def generate_users(
    grants: Iterable[NatsGrant], passwords: Mapping[str, str] | None = None
) -> tuple[NatsUser, ...]:
    """One user per grant: the given password (kept across restarts), else a new random one."""
    passwords = passwords or {}
    users = []
    for grant in grants:
        publish, subscribe = permissions(grant)
        password = passwords.get(grant.user) or secrets.token_urlsafe(32)
        users.append(NatsUser(grant.user, password, publish, subscribe))
    return tuple(users)


def authorization_block(users: Sequence[NatsUser]) -> str:
    """nats-server's ``authorization { users: [...] }``; anything a user is not allowed is denied."""
    lines = ["authorization {", "  users: ["]
    for user in users:
        lines.append(
            "    {"
            f" user: {json.dumps(user.name)}, password: {json.dumps(user.password)},"
            f" permissions: {{ publish: {{ allow: {json.dumps(list(user.publish))} }},"
            f" subscribe: {{ allow: {json.dumps(list(user.subscribe))} }} }}"
            " }"
        )
    lines += ["  ]", "}"]
    return "\n".join(lines) + "\n"


def write_users(path: Path, users: Sequence[NatsUser]) -> None:
    """Keep the users' passwords (JSON, readable by the owner only) so restarts keep the same credentials."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600, exist_ok=True)
    path.chmod(0o600)
    path.write_text(json.dumps({user.name: user.password for user in users}, indent=2, sort_keys=True) + "\n")


def read_users(path: Path) -> dict[str, str]:
    """The passwords :func:`write_users` kept ({} when there is no file yet)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise ValueError(f"{path}: not a JSON object of user -> password")
    return {str(k): v for k, v in data.items()}
