"""Committed contracts are current, and every consumer's narrow view accepts its producer's examples."""

from pathlib import Path
from typing import Any

import pytest

from cases.consumers.bundle_published import BundlePublishedView
from cases.consumers.bundle_retired import BundleRetiredView
from cases.consumers.matter_published import MatterPublishedView
from cases.consumers.matter_retired import MatterRetiredView
from catalog.events import BUNDLE_PUBLISHED, BUNDLE_RETIRED, MATTER_PUBLISHED, MATTER_RETIRED
from exchange.consumers.matter_published import MatterPublishedView as ExchangeMatterPublishedView
from exchange.consumers.matter_retired import MatterRetiredView as ExchangeMatterRetiredView
from tongban.contracts import generate, stale

pytestmark = pytest.mark.contract

ROOT = Path(__file__).resolve().parents[2]


def test_committed_contracts_are_current() -> None:
    problems = stale(ROOT / "contracts")
    assert problems == [], "contracts/ is stale: run `make contracts` and commit\n" + "\n".join(problems)


def test_generation_is_deterministic() -> None:
    assert generate() == generate()


def _within(read: Any, sent: Any) -> bool:
    """Everything a consumer read equals what the producer sent (nested views may read fewer fields)."""
    if isinstance(read, dict) and isinstance(sent, dict):
        return all(key in sent and _within(value, sent[key]) for key, value in read.items())
    if isinstance(read, list) and isinstance(sent, list):
        return len(read) == len(sent) and all(_within(r, s) for r, s in zip(read, sent, strict=True))
    return bool(read == sent)


@pytest.mark.parametrize(
    ("view", "spec"),
    [
        (MatterPublishedView, MATTER_PUBLISHED),
        (MatterRetiredView, MATTER_RETIRED),
        (BundlePublishedView, BUNDLE_PUBLISHED),
        (BundleRetiredView, BUNDLE_RETIRED),
        (ExchangeMatterPublishedView, MATTER_PUBLISHED),
        (ExchangeMatterRetiredView, MATTER_RETIRED),
    ],
)
def test_consumer_views_accept_producer_examples(view, spec) -> None:  # type: ignore[no-untyped-def]
    parsed = view.model_validate(spec.example)
    assert _within(parsed.model_dump(mode="json"), spec.example)
    spec.payload.model_validate(spec.example)


def test_matter_published_v1_only_grew_optional_fields() -> None:
    """v1 was committed with eight required fields; fields added since must be optional (v1 rules)."""
    required = set(MATTER_PUBLISHED.payload.model_json_schema()["required"])
    assert required == {
        "matter_id",
        "code",
        "version",
        "name",
        "matter_type",
        "department_code",
        "statutory_days",
        "promised_days",
    }
    MatterPublishedView.model_validate({key: MATTER_PUBLISHED.example[key] for key in required})
