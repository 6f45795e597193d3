"""The exchange's narrow views of the cases events accept every example the cases service publishes."""

from typing import Any

import pytest

from cases.events import EVENTS as CASES_EVENTS
from exchange.consumers.case_events import CaseEventView, event_name
from exchange.domain.city import CASE_EVENTS
from meshkit.events import EventSpec

pytestmark = pytest.mark.contract


LINKED = [spec for spec in CASES_EVENTS if spec.name in CASE_EVENTS]


@pytest.mark.parametrize("spec", LINKED, ids=lambda spec: spec.subject)
def test_case_event_examples_parse(spec: EventSpec[Any]) -> None:
    assert event_name(spec.subject) == spec.name
    view = CaseEventView.model_validate(spec.example)
    assert view.case_number == spec.example["case_number"]
    if spec.name == "case_evaluated":
        assert view.rating == spec.example["score"]
    else:
        assert view.national_code in (1, 2, 3)
        assert view.matter_code == spec.example["matter_code"]
