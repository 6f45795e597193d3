"""A decision document as a PDF a window prints (A4, Chinese). The text is set in 文泉驿微米黑 (WenQuanYi Micro Hei,
Apache-2.0, TrueType outlines) shipped by the pinned package paperang-p2-fonts-cjk, and reportlab embeds the subset of
glyphs the document uses: the PDF prints the same on a printer or viewer without Adobe's Asian font pack (issue 19,
"Decisions are documents"; docs/cases.md says why this font). Paragraphs wrap Chinese text at any character; a reason
of several lines is printed as its lines, each wrapped on its own (issue 19 outside try, failure 3). Lines break as
Chinese print breaks them (:mod:`cases.api.line_breaks`: no ，。）〕” at a line start, no （〔“ at a line end —
issue 19, last outside try, failure 2): each paragraph is broken here, to the frame's width, and set line by line."""

from __future__ import annotations

import io
from datetime import date
from functools import cache
from importlib.resources import as_file, files

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer

from cases.api.line_breaks import break_lines
from cases.domain.decision_wording import issued_verdict
from cases.domain.decisions import party_line, reason_lines
from cases.domain.labels import outcome_label
from cases.use_cases.decisions import BundleNotice, DecisionDocument
from meshkit.legaldate import local_date

__all__ = ["FONT", "decision_pdf"]

FONT = "WenQuanYiMicroHei"  # the name the embedded font carries in the PDF (a subset prefix goes before it)
_FONT_PACKAGE, _FONT_FILE = "paperang_p2_fonts_cjk", "fonts/wqy-microhei.ttc"


def _register_font() -> None:
    """Reads the font file from its installed package (a missing package fails here, at the first PDF, loudly)."""
    with as_file(files(_FONT_PACKAGE).joinpath(_FONT_FILE)) as path:
        pdfmetrics.registerFont(TTFont(FONT, str(path), subfontIndex=0))


@cache
def _styles() -> dict[str, ParagraphStyle]:
    _register_font()
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


_MARGIN = 25 * mm
# The text's width: the page less its margins and the frame's padding (6 pt each side, reportlab's default), less
# a hair so reportlab's own wrapping never finds a line of ours too wide.
_WIDTH = A4[0] - 2 * _MARGIN - 2 * 6 - 0.5


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    """``text`` broken into lines as Chinese print breaks them, each line set as it is."""

    def width(glyph: str) -> float:
        return float(pdfmetrics.stringWidth(glyph, style.fontName, style.fontSize))

    lines = break_lines(text, width, _WIDTH - style.firstLineIndent, _WIDTH)
    return Paragraph("<br/>".join(_escaped(line) for line in lines), style)


def _document(document: DecisionDocument, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    """One decision: title, number, the addressee by name, the verdict, its reasons line by line, its legal
    basis, for a refusal the 行政复议 / 行政诉讼 notice, then the department's full name and the date."""
    decision, parties = document.decision, document.parties
    subject = parties.subject
    verdict = issued_verdict(decision.kind, decision.verdict, decision.matter_name)
    to = party_line(
        parties.applicant.name, subject.name if subject else None, subject.kind if subject else None
    )
    story: list[Flowable] = [
        _para(decision.title, styles["title"]),
        _para(decision.number, styles["number"]),
        Spacer(1, 8 * mm),
        _para(to, styles["to"]),
        _para(verdict, styles["body"]),
    ]
    lines = reason_lines(decision.reasons)
    if lines:  # each line the clerk wrote is its own paragraph, wrapped on its own
        story.append(_para(f"理由：{lines[0]}", styles["body"]))
        story += [_para(line, styles["body"]) for line in lines[1:]]
    story.append(_para(f"依据：{decision.legal_basis}。", styles["body"]))
    if decision.remedies:
        story.append(_para(decision.remedies, styles["body"]))
    return [*story, *_signature(document.department, local_date(decision.issued_at), styles)]


def _signature(department: str, day: date, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    return [
        Spacer(1, 16 * mm),
        _para(department, styles["sign"]),
        _para(f"{day:%Y年%m月%d日}", styles["sign"]),
    ]


def _notice(notice: BundleNotice, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    """A 一件事 parent's cover: each member matter with its department and decision, then each decision."""
    subject = notice.parties.subject
    to = party_line(
        notice.parties.applicant.name, subject.name if subject else None, subject.kind if subject else None
    )
    story: list[Flowable] = [
        _para("一件事办理结果告知书", styles["title"]),
        _para(f"办件编号：{notice.case.number}", styles["number"]),
        Spacer(1, 8 * mm),
        _para(to, styles["to"]),
        _para(f"你（单位）申请的“{notice.case.matter_name}”各事项办理结果如下：", styles["body"]),
    ]
    for member in notice.members:
        line = f"{member.case.matter_name}：{member.department}作出{member.decision.title}（{member.decision.number}）"
        story.append(_para(line, styles["body"]))
    story += [_para(f"{name}：尚未作出决定", styles["body"]) for name in notice.pending]
    if notice.case.outcome:  # the whole's result in its members' words: 予以确认, 部分准予, 不予办理 …
        outcome = outcome_label(notice.case.outcome, notice.case.matter_type)
        story.append(_para(f"办理结果：{outcome}。", styles["body"]))
    if notice.remedies:  # part or all refused: where and by when the applicant may turn
        story.append(_para(notice.remedies, styles["body"]))
    issued = max(local_date(member.decision.issued_at) for member in notice.members)
    story += _signature(notice.department, issued, styles)
    for member in notice.members:
        story += [PageBreak(), *_document(member, styles)]
    return story


def decision_pdf(document: DecisionDocument | BundleNotice) -> bytes:
    """The decision (or a 一件事 parent's notice with its members' decisions) as A4 PDF bytes."""
    styles = _styles()
    if isinstance(document, BundleNotice):
        story, title = _notice(document, styles), "一件事办理结果告知书"
    else:
        story, title = _document(document, styles), document.decision.title
    out = io.BytesIO()
    SimpleDocTemplate(  # the canvas starts in the embedded font too: no page names a font it does not carry
        out,
        pagesize=A4,
        title=title,
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=30 * mm,
        initialFontName=FONT,
    ).build(story)
    return out.getvalue()
