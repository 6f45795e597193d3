"""Every code of a case a person reads has a Chinese label (issue 19 failure 8)."""

import re

import pytest

from cases.domain.labels import ACTION_LABELS, ACTOR_LABELS, CLOCK_LABELS, OUTCOME_LABELS
from cases.domain.states import Action, Actor, CaseStatus
from meshkit.labels import label_of

pytestmark = pytest.mark.unit

LATIN = re.compile(r"[A-Za-z]")


def test_every_action_actor_clock_event_and_outcome_is_labelled_in_chinese() -> None:
    codes = [
        (ACTION_LABELS, [a.value for a in Action] + ["submit", "upload_material", "paper_material"]),
        (ACTOR_LABELS, [a.value for a in Actor] + ["person", "enterprise", "staff"]),
        (CLOCK_LABELS, ["start", "pause", "resume", "extend", "stop"]),
        (OUTCOME_LABELS, ["approved", "denied", "refused", "withdrawn", "terminated"]),
    ]
    for labels, known in codes:
        for code in known:
            assert code in labels, code
            assert not LATIN.search(labels[code]), labels[code]
    assert all(not LATIN.search(status.label) for status in CaseStatus)


def test_an_unknown_code_reads_as_itself() -> None:
    assert label_of(ACTION_LABELS, "future_action") == "future_action"
    assert label_of(OUTCOME_LABELS, None) is None
