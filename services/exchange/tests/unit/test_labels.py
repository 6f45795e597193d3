"""Every outcome and reason of "who read my data" has a Chinese label (issue 19 failure 8)."""

import re

import pytest

from exchange.domain.bases import BasisRefusal
from exchange.domain.labels import OUTCOME_LABELS, REASON_LABELS
from exchange.domain.sharing import Outcome, Refusal
from meshkit.labels import label_of

pytestmark = pytest.mark.unit


def test_every_outcome_and_reason_is_labelled_in_chinese() -> None:
    codes = [o.value for o in Outcome]
    reasons = [r.value for r in Refusal] + [r.value for r in BasisRefusal]
    reasons += ["basis_unavailable", "record_unreadable", "provider_timeout", "endpoint_refused"]
    for labels, known in ((OUTCOME_LABELS, codes), (REASON_LABELS, reasons)):
        for code in known:
            assert code in labels, code
            assert not re.search(r"[A-Za-z]", labels[code]), labels[code]
    assert label_of(REASON_LABELS, None) is None
