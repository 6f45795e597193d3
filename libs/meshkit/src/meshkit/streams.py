"""JetStream streams as operators configure them.

A worker makes sure its service's stream (and the dead letters') exists. What a new stream gets — replicas,
storage, how long it keeps messages, the duplicate window — comes from settings (:class:`StreamPolicy`, the
``TONGBAN_STREAM_*`` variables). An existing stream belongs to its operators: a worker only adds what is missing
(its subjects) and raises what is below the settings; it never lowers replicas or retention and never changes
the storage (which JetStream cannot change in place). Where the stream differs from the settings the other way,
it logs the difference and leaves it. (A worker that reset every stream to one replica on each start undid an
operator's R3 on a 3-node cluster: issue 20, failure 1.)
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from typing import Literal

from nats.js import JetStreamContext
from nats.js.api import DiscardPolicy, RetentionPolicy, StorageType, StreamConfig
from nats.js.errors import NotFoundError

__all__ = ["StreamPolicy", "ensure_stream", "reconciled"]

log = logging.getLogger("meshkit.streams")


@dataclass(frozen=True)
class StreamPolicy:
    replicas: int = 1
    storage: Literal["file", "memory"] = "file"
    max_age_days: float = 30.0  # 0: kept until the limits say otherwise (JetStream's "no limit")
    duplicate_window: float = 300.0


@dataclass(frozen=True)
class Reconciled:
    """What to send to the server (``None``: the stream is fine as it is) and how it differs from the settings
    in ways a worker leaves to the operators."""

    update: StreamConfig | None
    left: list[str] = field(default_factory=list)


def wanted_config(name: str, subjects: list[str], policy: StreamPolicy) -> StreamConfig:
    return StreamConfig(
        name=name,
        subjects=subjects,
        storage=StorageType.FILE if policy.storage == "file" else StorageType.MEMORY,
        retention=RetentionPolicy.LIMITS,
        discard=DiscardPolicy.OLD,
        duplicate_window=policy.duplicate_window,
        max_age=policy.max_age_days * 24 * 3600.0,
        num_replicas=policy.replicas,
    )


def _longer(a: float | None, b: float | None) -> float:
    """The longer of two ``max_age`` values, where 0 (or none) means unlimited."""
    if not a or not b:
        return 0.0
    return max(a, b)


def reconciled(existing: StreamConfig, wanted: StreamConfig) -> Reconciled:
    """The existing stream's config with what the settings add (subjects) or raise (replicas, retention, the
    duplicate window), never lowering anything; the rest is reported in ``left``."""
    left: list[str] = []
    subjects = list(existing.subjects or [])
    subjects += [s for s in wanted.subjects or [] if s not in subjects]
    replicas = max(existing.num_replicas or 1, wanted.num_replicas or 1)
    if (existing.num_replicas or 1) > (wanted.num_replicas or 1):
        left.append(f"replicas {existing.num_replicas} (settings: {wanted.num_replicas})")
    max_age = _longer(existing.max_age, wanted.max_age)
    if max_age != (wanted.max_age or 0.0):
        left.append(f"max_age {existing.max_age or 'unlimited'} s (settings: {wanted.max_age} s)")
    window = max(existing.duplicate_window or 0.0, wanted.duplicate_window or 0.0)
    if existing.storage != wanted.storage:
        left.append(f"storage {existing.storage} (settings: {wanted.storage}; not changed in place)")
    proposed = replace(
        existing, subjects=subjects, num_replicas=replicas, max_age=max_age, duplicate_window=window
    )
    same = (
        subjects == list(existing.subjects or [])
        and replicas == (existing.num_replicas or 1)
        and max_age == (existing.max_age or 0.0)
        and window == (existing.duplicate_window or 0.0)
    )
    return Reconciled(None if same else proposed, left)


async def ensure_stream(
    js: JetStreamContext, name: str, subjects: list[str], policy: StreamPolicy | None = None
) -> None:
    """Create the stream as the settings say, or bring an existing one up to them (see the module). Idempotent;
    several workers may race."""
    wanted = wanted_config(name, subjects, policy or StreamPolicy())
    try:
        info = await js.stream_info(name)
    except NotFoundError:
        try:
            await js.add_stream(wanted)
            return
        except Exception as exc:  # a concurrent creator won; reconcile with what it made
            log.debug("stream %s created concurrently: %s", name, exc)
            info = await js.stream_info(name)
    result = reconciled(info.config, wanted)
    if result.left:
        log.info(
            "stream differs from the settings; left as the operators set it",
            extra={"stream": name, "differences": result.left},
        )
    if result.update is not None:
        await js.update_stream(result.update)
