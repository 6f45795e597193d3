"""The signing-key schedule as pure functions.

A key is created ``publish_ahead`` before it starts signing, so every verifier's cached JWKS already holds it;
it signs from ``activates_at`` until its successor activates (then it is retired); a retired key stays in the JWKS
for ``verify_window`` (the longest token lifetime plus leeway), so tokens it signed still verify until they expire.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

__all__ = ["KeyTimes", "RotationPlan", "RotationPolicy", "published_keys", "rotation_plan", "signing_key"]


@dataclass(frozen=True)
class KeyTimes:
    kid: str
    activates_at: datetime
    retired_at: datetime | None = None


@dataclass(frozen=True)
class RotationPolicy:
    rotate_every: timedelta
    publish_ahead: timedelta
    verify_window: timedelta


@dataclass(frozen=True)
class RotationPlan:
    create_activating_at: datetime | None  # a new key to create, and when it starts signing
    retire: dict[str, datetime]  # kid → when it stopped signing


def _retired_at(key: KeyTimes, keys: Sequence[KeyTimes], now: datetime) -> datetime | None:
    """Explicitly retired, or superseded by a newer key that has activated."""
    successors = [k.activates_at for k in keys if key.activates_at < k.activates_at <= now]
    candidates = [t for t in (key.retired_at, min(successors, default=None)) if t is not None]
    return min(candidates, default=None)


def signing_key(keys: Sequence[KeyTimes], now: datetime) -> KeyTimes | None:
    """The key that signs at ``now``: the newest activated key that is not retired."""
    usable = [k for k in keys if k.activates_at <= now and (k.retired_at is None or k.retired_at > now)]
    return max(usable, key=lambda k: k.activates_at, default=None)


def published_keys(keys: Sequence[KeyTimes], now: datetime, policy: RotationPolicy) -> list[KeyTimes]:
    """Keys in the JWKS: upcoming, signing, and retired ones whose tokens may still be unexpired."""
    published = []
    for key in keys:
        retired = _retired_at(key, keys, now)
        if retired is None or retired + policy.verify_window > now:
            published.append(key)
    return sorted(published, key=lambda k: k.activates_at, reverse=True)


def rotation_plan(keys: Sequence[KeyTimes], now: datetime, policy: RotationPolicy) -> RotationPlan:
    """What the schedule does at ``now``: create the next key when the current one is due within
    ``publish_ahead`` (or none signs), and record the retirement of superseded keys."""
    current = signing_key(keys, now)
    upcoming = [k for k in keys if k.activates_at > now and k.retired_at is None]
    create = None
    if current is None and not upcoming:
        create = now  # nothing can sign: bootstrap (only ever on an empty key table)
    elif not upcoming and current is not None:
        due = current.activates_at + policy.rotate_every
        if due - policy.publish_ahead <= now:
            create = max(due, now + policy.publish_ahead)
    retire = {}
    for key in keys:
        if key.retired_at is None:
            retired = _retired_at(key, keys, now)
            if retired is not None:
                retire[key.kid] = retired
    return RotationPlan(create_activating_at=create, retire=retire)
