"""Issue 19, last outside try, failure 2: the decision PDF broke its lines with "，" at a line start and "（〔" at a
line end. Lines now break as Chinese print breaks them (:mod:`cases.api.line_breaks`)."""

from __future__ import annotations

import itertools
from typing import Any as Flow  # the `flow` fixture of conftest.py

import pytest

from cases.api.line_breaks import CANNOT_END, CANNOT_START, break_lines

from .test_decision_documents import _decided, pdf_texts

pytestmark = pytest.mark.api

# One reason line per offset: wherever a line fills up, some line has its ，（〔 or ）。 right at the edge.
REASON = "\n".join("审" * k + "，（〔依据〕）。" + "查" * 12 + "“核实”。" for k in range(26, 40))


async def test_decision_pdf_breaks_no_line_at_forbidden_punctuation(flow: Flow) -> None:
    """issue 19, last outside try: failure 2 — a long reason wrapped with "，" starting a line and "（〔" ending
    one; no printed line starts with closing punctuation nor ends with an opening bracket or quote, and no text
    is lost."""
    await flow.open_matter()
    case_id = await _decided(flow, "deny", REASON)
    response = await flow.client.get(f"/cases/{case_id}/decision.pdf", headers=flow.citizen())
    assert response.status_code == 200, response.text
    lines = pdf_texts(response.content)
    reason_at = next(i for i, line in enumerate(lines) if line.startswith("理由："))
    printed = lines[reason_at : reason_at + 40]
    wrapped = "".join(printed).removeprefix("理由：")
    assert wrapped.startswith(REASON.replace("\n", "")), "every character of the reason is printed, in order"
    assert len(printed) > REASON.count("\n") + 1, "the reason's lines wrap (else the test proves nothing)"
    assert [line for line in lines if line[0] in CANNOT_START] == []
    assert [line for line in lines if line[-1] in CANNOT_END] == []


def test_chinese_line_breaking_keeps_punctuation_off_the_edges() -> None:
    """issue 19, last outside try: failure 2 — the rule itself, at every width: closing punctuation never starts a
    line, an opening bracket never ends one, a number is not cut when it fits, and nothing is lost."""
    text = "经审查，你（单位）申请的“出生登记”不符合规定条件，（〔2026〕第12345号）。"
    for width in range(8, 40):
        lines = break_lines(text, lambda glyph: 1.0, width, width)
        assert "".join(lines) == text
        assert all(len(line) <= width for line in lines)
        assert not any(line[0] in CANNOT_START for line in lines[1:])
        assert not any(line[-1] in CANNOT_END for line in lines)
        assert not any(line[-1].isdigit() and nxt[0].isdigit() for line, nxt in itertools.pairwise(lines))
