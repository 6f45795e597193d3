"""The decision PDF prints anywhere (issue 19, "Decisions are documents"): its Chinese text is set in a font that is
embedded in the file, not one named for the reader to supply."""

from __future__ import annotations

import io
import re
from typing import Any as Flow  # the `flow` fixture of conftest.py (test modules cannot import it)

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject

from cases.api.decision_pdf import FONT

pytestmark = pytest.mark.api

REASON = "经营场所面积不足三十平方米，消防验收意见书未加盖公章"


def _fonts(reader: PdfReader) -> list[DictionaryObject]:
    """Every font a page's text is drawn in: the fonts its content stream selects (Tf), not merely those listed in
    its resources (a Type0 font's descendant carries the descriptor)."""
    found: list[DictionaryObject] = []
    for page in reader.pages:
        listed = page["/Resources"].get_object()["/Font"].get_object()
        content = ContentStream(page.get_contents(), reader)
        for key in {operands[0] for operands, operator in content.operations if operator == b"Tf"}:
            font = listed[key].get_object()
            found += [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]
    return found


async def test_issue_19_the_decision_pdf_embeds_its_chinese_font(flow: Flow) -> None:
    """issue 19 (Decisions are documents): the PDF named STSong-Light without embedding it, so a printer or viewer
    without Adobe's Asian font pack printed boxes; now every font it draws in is embedded (a FontFile2 stream), is
    the one registered, and the Chinese written comes back out of the file."""
    await flow.open_matter()
    case_id = (await flow.apply(flow.citizen())).json()["id"]
    await flow.act(case_id, flow.staff("window_clerk"), "accept")
    await flow.act(case_id, flow.staff("reviewer"), "start_review")
    await flow.act(case_id, flow.staff("reviewer"), "deny", reason=REASON)
    decision = (await flow.client.get(f"/cases/{case_id}/decision", headers=flow.citizen())).json()

    response = await flow.client.get(f"/cases/{case_id}/decision.pdf", headers=flow.citizen())
    assert response.status_code == 200, response.text
    reader = PdfReader(io.BytesIO(response.content))

    fonts = _fonts(reader)
    assert fonts, "the PDF draws its text in no font"
    for font in fonts:
        name = str(font["/BaseFont"])
        assert re.fullmatch(rf"/[A-Z]{{6}}\+{FONT}-\d+", name), (
            name
        )  # reportlab's subset n: AAAAAA+<font>-<n>
        descriptor = font["/FontDescriptor"].get_object()
        embedded = descriptor.get("/FontFile2") or descriptor.get("/FontFile3")
        assert embedded is not None, f"{name} is named, not embedded"
        assert len(embedded.get_object().get_data()) > 1000  # a real font program, not an empty stream

    text = "".join(page.extract_text() for page in reader.pages).replace("\n", "").replace(" ", "")
    for words in (
        decision["title"],
        decision["number"],
        REASON,
        "行政复议",
        "行政诉讼",
        "重庆市綦江区人民法院",
    ):
        assert words in text, words
