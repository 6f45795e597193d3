"""Streams as operators configure them (issue 20, failure 1): settings decide a new stream; an existing one is
raised to them, never lowered."""

from __future__ import annotations

from dataclasses import replace

from nats.js.api import StorageType

from meshkit.settings import ServiceSettings
from meshkit.streams import StreamPolicy, reconciled, wanted_config

SUBJECTS = ["cases.>"]


def test_failure1_an_operators_r3_stream_is_never_set_back_to_one_replica() -> None:
    """A worker start used to reset every stream to one replica: an operator's R3 went back to a single peer."""
    raised = replace(wanted_config("CASES", SUBJECTS, StreamPolicy()), num_replicas=3)
    result = reconciled(raised, wanted_config("CASES", SUBJECTS, StreamPolicy(replicas=1)))
    assert result.update is None  # nothing to send: the stream stays R3
    assert result.left == ["replicas 3 (settings: 1)"]


def test_replicas_and_retention_are_raised_to_the_settings() -> None:
    existing = wanted_config("CASES", SUBJECTS, StreamPolicy(replicas=1, max_age_days=30))
    result = reconciled(existing, wanted_config("CASES", SUBJECTS, StreamPolicy(replicas=3, max_age_days=90)))
    assert result.update is not None
    assert (result.update.num_replicas, result.update.max_age) == (3, 90 * 86400.0)


def test_a_longer_or_unlimited_retention_is_kept_and_storage_is_never_changed() -> None:
    unlimited = replace(wanted_config("CASES", SUBJECTS, StreamPolicy()), max_age=0.0)
    result = reconciled(unlimited, wanted_config("CASES", SUBJECTS, StreamPolicy(storage="memory")))
    assert result.update is None
    assert any(item.startswith("max_age unlimited") for item in result.left)
    assert any(item.startswith("storage") for item in result.left)


def test_missing_subjects_are_added_to_the_operators_own() -> None:
    existing = replace(wanted_config("CASES", ["cases.>"], StreamPolicy()), subjects=["cases.>", "extra.>"])
    result = reconciled(existing, wanted_config("CASES", ["cases.>", "more.>"], StreamPolicy()))
    assert result.update is not None
    assert result.update.subjects == ["cases.>", "extra.>", "more.>"]


def test_the_policy_comes_from_settings(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TONGBAN_STREAM_REPLICAS", "3")
    monkeypatch.setenv("TONGBAN_STREAM_MAX_AGE_DAYS", "90")
    policy = ServiceSettings().stream_policy()
    assert (policy.replicas, policy.max_age_days, policy.storage) == (3, 90.0, "file")
    assert wanted_config("X", ["x.>"], policy).storage == StorageType.FILE
