"""A decision document as a PDF a window prints (A4, Chinese). reportlab's built-in CID font STSong-Light (Adobe's
Asian font pack, named not embedded: every PDF reader that shows Chinese carries it) needs no font file in the
wheel; paragraphs wrap Chinese text at any character."""

from __future__ import annotations

import io
from functools import cache

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from cases.store.case_models import Decision
from meshkit.legaldate import local_date

__all__ = ["decision_pdf"]

FONT = "STSong-Light"


@cache
def _styles() -> dict[str, ParagraphStyle]:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    body = ParagraphStyle("body", fontName=FONT, fontSize=12, leading=20, wordWrap="CJK", firstLineIndent=24)
    return {
        "title": ParagraphStyle(
            "title", parent=body, fontSize=20, leading=30, alignment=TA_CENTER, firstLineIndent=0
        ),
        "number": ParagraphStyle("number", parent=body, alignment=TA_CENTER, firstLineIndent=0),
        "to": ParagraphStyle("to", parent=body, firstLineIndent=0),
        "body": body,
        "sign": ParagraphStyle("sign", parent=body, alignment=TA_RIGHT, firstLineIndent=0),
    }


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def decision_pdf(decision: Decision, *, applicant: str, department: str) -> bytes:
    """The decision as PDF bytes: title, number, the matter and the decision with its reasons and legal basis,
    for a refusal the 行政复议 / 行政诉讼 notice, then the department and the date."""
    styles = _styles()
    verdict = {
        "grant": f"经审查，你（单位）申请的“{decision.matter_name}”符合法定条件、标准，决定准予行政许可。",
        "deny": f"经审查，你（单位）申请的“{decision.matter_name}”不符合法定条件、标准，决定不予行政许可。",
        "refuse": f"你（单位）申请的“{decision.matter_name}”，决定不予受理。",
    }[decision.kind]
    story = [
        Paragraph(_escaped(decision.title), styles["title"]),
        Paragraph(_escaped(decision.number), styles["number"]),
        Spacer(1, 8 * mm),
        Paragraph(_escaped(f"{applicant}："), styles["to"]),
        Paragraph(_escaped(verdict), styles["body"]),
    ]
    if decision.reasons:
        story.append(Paragraph(_escaped(f"理由：{decision.reasons}"), styles["body"]))
    story.append(Paragraph(_escaped(f"依据：{decision.legal_basis}。"), styles["body"]))
    if decision.remedies:
        story.append(Paragraph(_escaped(decision.remedies), styles["body"]))
    story += [
        Spacer(1, 16 * mm),
        Paragraph(_escaped(department), styles["sign"]),
        Paragraph(_escaped(f"{local_date(decision.issued_at):%Y年%m月%d日}"), styles["sign"]),
    ]
    out = io.BytesIO()
    SimpleDocTemplate(
        out, pagesize=A4, title=decision.title, leftMargin=25 * mm, rightMargin=25 * mm, topMargin=30 * mm
    ).build(story)
    return out.getvalue()
