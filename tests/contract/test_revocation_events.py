"""meshkit's deny list reads every revocation event identity announces (issue 17, failure 3): the subjects it
follows are exactly identity's revocation events, and each example names the entries it should."""

from typing import Any

import pytest

from identity.events import REVOCATION_EVENTS
from meshkit.events import EventSpec
from meshkit.revocation import REVOCATION_STREAM, REVOCATION_SUBJECTS, RevocationView, entries_of

pytestmark = pytest.mark.contract

EXPECTED = {
    "access_token_revoked": [("jti", "p3V7o8rJm2kXyQ0aN4tB1w")],
    "session_ended": [("sid", "Xq2dM0bQ9nH4sV7wL1pK8eRt5yZ3uC6a")],
    "token_family_revoked": [("family", "kB4nW9sQ2xR7vT1mZ5cY8g")],
    "subject_deactivated": [("sub", "0f4c2f7e-8d4b-4e0a-b2c6-4f1b8f7c9d10")],
    "client_tokens_revoked": [("client_id", "catalog-editor")],
}


def test_the_feed_follows_every_revocation_subject_of_identity() -> None:
    assert sorted(spec.subject for spec in REVOCATION_EVENTS) == sorted(REVOCATION_SUBJECTS)
    assert {spec.stream for spec in REVOCATION_EVENTS} == {REVOCATION_STREAM}


@pytest.mark.parametrize("spec", REVOCATION_EVENTS, ids=lambda spec: spec.subject)
def test_revocation_example_names_its_entries(spec: EventSpec[Any]) -> None:
    view = RevocationView.model_validate(spec.example)
    assert entries_of(view) == EXPECTED[spec.name]
    assert view.until > view.at
