"""Committed contracts are current, and every consumer's narrow view accepts its producer's examples."""

from pathlib import Path

import pytest

from cases.consumers.matter_published import MatterPublishedView
from catalog.events import MATTER_PUBLISHED
from tongban.contracts import generate, stale

pytestmark = pytest.mark.contract

ROOT = Path(__file__).resolve().parents[2]


def test_committed_contracts_are_current() -> None:
    problems = stale(ROOT / "contracts")
    assert problems == [], "contracts/ is stale: run `make contracts` and commit\n" + "\n".join(problems)


def test_generation_is_deterministic() -> None:
    assert generate() == generate()


@pytest.mark.parametrize(("view", "spec"), [(MatterPublishedView, MATTER_PUBLISHED)])
def test_consumer_views_accept_producer_examples(view, spec) -> None:  # type: ignore[no-untyped-def]
    parsed = view.model_validate(spec.example)
    assert parsed.model_dump().items() <= spec.example.items()
    spec.payload.model_validate(spec.example)
