"""Issue 18, failure 12: `type` URIs led nowhere and no catalogue said what a problem code means. docs/problems.md
has an entry for every code the services' source can send (collected from its syntax tree by
:mod:`tongban.problems`); the gateway serves each entry where the problem's `type` points."""

from __future__ import annotations

from pathlib import Path

import pytest

from tongban.problems import documented, emitted, undocumented

pytestmark = pytest.mark.contract

ROOT = Path(__file__).resolve().parents[2]


def test_issue18_f12_every_problem_code_is_in_the_catalogue() -> None:
    missing = undocumented(ROOT)
    assert missing == [], "add an entry to docs/problems.md for: " + ", ".join(missing)


def test_the_collector_finds_codes_of_every_kind_of_source() -> None:
    """The collector is not vacuous: codes raised by keyword, by class attribute, by a domain refusal, by a tuple
    assignment and by meshkit's status defaults are all found, with their statuses."""
    codes = emitted(ROOT)
    assert codes["matter_not_found"].statuses == {404}  # keyword, in a NotFound(...) of the catalog
    assert codes["case_not_found"].statuses == {404}  # class attribute
    assert "transition_not_allowed" in codes  # TransitionRefused("transition_not_allowed", …)
    assert codes["upstream_timeout"].statuses == {504}  # status, code = 504, "…" in the gateway
    assert {"method_not_allowed", "http_error"} <= set(codes)  # meshkit's codes dict and its default
    assert len(codes) > 150


def test_catalogue_entries_are_unique_and_name_a_status() -> None:
    text = (ROOT / "docs" / "problems.md").read_text()
    codes = documented(text)
    assert len(codes) == len(set(codes))
    for block in text.split("\n### `")[1:]:
        assert "\nHTTP " in block, block[:60]
