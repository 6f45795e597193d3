"""Every code of a case a person reads has a Chinese label (issue 19 failure 8)."""

import ast
import re
from pathlib import Path
from typing import Literal, get_args, get_origin

import pytest

import cases
from cases.api.schemas import ActionIn
from cases.domain.clock import LimitUnit
from cases.domain.issuing import RETRY_ROLES
from cases.domain.labels import (
    ACTION_LABELS,
    ACTOR_LABELS,
    CHANNEL_LABELS,
    CLOCK_LABELS,
    DELIVERY_LABELS,
    FORWARD,
    KIND_LABELS,
    LIMIT_UNIT_LABELS,
    OUTCOME_LABELS,
)
from cases.domain.states import Action, Actor, CaseStatus
from cases.store.filing import FILE_CASE
from cases.use_cases.submission import _channel
from meshkit.labels import label_of

pytestmark = pytest.mark.unit

LATIN = re.compile(r"[A-Za-z]")


def test_every_action_actor_clock_event_and_outcome_is_labelled_in_chinese() -> None:
    codes = [
        (ACTION_LABELS, [a.value for a in Action] + ["submit", "upload_material", "paper_material"]),
        (ACTOR_LABELS, [a.value for a in Actor] + ["person", "enterprise", "staff"]),
        (CLOCK_LABELS, ["start", "pause", "resume", "extend", "stop"]),
        (OUTCOME_LABELS, ["approved", "denied", "partially_granted", "refused", "withdrawn", "terminated"]),
    ]
    for labels, known in codes:
        for code in known:
            assert code in labels, code
            assert not LATIN.search(labels[code]), labels[code]
    assert all(not LATIN.search(status.label) for status in CaseStatus)


def test_an_unknown_code_reads_as_itself() -> None:
    assert label_of(ACTION_LABELS, "future_action") == "future_action"
    assert label_of(OUTCOME_LABELS, None) is None


# --- issue 19 outside try: every code a case can carry is labelled, found by walking the code that writes it ---

PACKAGE = Path(cases.__file__).parent


def _constants_written(keyword: str, *, calls: frozenset[str]) -> set[str]:
    """Every string constant the cases package passes as ``keyword`` to one of ``calls`` (``TimelineEntry``…),
    as the default of a parameter named ``keyword``, or as the argument of such a parameter of a function of the
    same module called positionally (``_note(uow, case, caller, "paper_material", …)``)."""
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        positions: dict[str, int] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                positional = [a.arg for a in (*node.args.posonlyargs, *node.args.args)]
                if keyword in positional:
                    positions[node.name] = positional.index(keyword)
                defaults = zip(node.args.kwonlyargs, node.args.kw_defaults, strict=True)
                tail = zip(reversed(node.args.args), reversed(node.args.defaults), strict=False)
                for arg, default in (*defaults, *tail):
                    if arg.arg == keyword and isinstance(default, ast.Constant):
                        found.add(str(default.value))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name in calls or name in positions:
                for given in node.keywords:
                    if given.arg == keyword and isinstance(given.value, ast.Constant):
                        found.add(str(given.value.value))
            if name in positions and len(node.args) > positions[name]:
                value = node.args[positions[name]]
                if isinstance(value, ast.Constant):
                    found.add(str(value.value))
    return found


def _literals(annotation: object) -> set[str]:
    """The values of the ``Literal`` inside ``annotation`` (e.g. ``Literal["window", "mail"] | None``)."""
    if get_origin(annotation) is Literal:
        return {str(v) for v in get_args(annotation)}
    return {v for arg in get_args(annotation) for v in _literals(arg)}


def test_every_code_the_state_machine_and_events_can_write_has_a_chinese_label() -> None:
    """issue 19 outside try: the timeline showed "members_changed" untranslated. This walks the code that writes
    timeline rows (actions, actor roles), the clock ledger (events) and the filing statement, so a new code
    written anywhere without a label fails here."""
    actions = _constants_written("action", calls=frozenset({"TimelineEntry", "sync_bundle"}))
    actions |= set(re.findall(r"SELECT id, '(\w+)', NULL", FILE_CASE))  # the one-statement filing's row
    actions |= {a.value for a in Action} | {FORWARD}  # step.action.value; the forwarding entry
    assert {"submit", "members_changed", "paper_material", "upload_material", "retry_certificate"} <= actions
    events = _constants_written("event", calls=frozenset({"ClockEntry"}))
    assert {"start", "pause", "resume", "extend", "stop"} <= events
    roles = _constants_written("actor_role", calls=frozenset({"TimelineEntry"}))
    roles |= {a.value for a in Actor} | set(RETRY_ROLES) | {"person", "enterprise", "staff", "system"}
    for labels, codes in (
        (ACTION_LABELS, actions),
        (CLOCK_LABELS, events),
        (ACTOR_LABELS, roles),
        (OUTCOME_LABELS, {s.value for s in CaseStatus if s.concluded and s is not CaseStatus.DELIVERED}),
        (KIND_LABELS, {"single", "bundle", "member"}),
        (
            CHANNEL_LABELS,
            {"online", *(_channel(r) for r in ("500110000000", "500110001000", "500110001001"))},
        ),
        (LIMIT_UNIT_LABELS, {u.value for u in LimitUnit}),
        (DELIVERY_LABELS, _literals(ActionIn.model_fields["delivery_channel"].annotation)),
    ):
        for code in codes:
            assert code in labels, code
            assert not LATIN.search(labels[code]), labels[code]
