"""Reading a request body the way every route of the mesh does: the media type it accepts (else 415), bytes that
parse (else 400 ``malformed_body``, one code whether the bytes are not UTF-8 or not JSON), then the hostile-input
walk (:mod:`meshkit.hostile`, 422). Used by :class:`meshkit.guard.GuardedRoute` and by the fast lanes'
:func:`meshkit.lanes.parsed_body`, so both answer alike.

Why 400 and not 422 for an unparseable body: nothing in it could be validated (RFC 9110 §15.5.1 vs RFC 4918
§11.2 — 422 is for a well-formed body whose content is wrong); and one code, because "not UTF-8" and "not JSON"
are the same mistake to the integrator who made it.
"""

from __future__ import annotations

import json
import re
from typing import Any

from meshkit.errors import ProblemError

__all__ = [
    "BodyRefused",
    "EncodedBody",
    "MalformedBody",
    "UnsupportedMediaType",
    "is_form",
    "is_json",
    "media_type",
    "parse_json",
    "refuse_encoded",
]


class BodyRefused(ProblemError):
    """A body refused before its content could be looked at (415, 400)."""


class UnsupportedMediaType(BodyRefused):
    status = 415
    code = "unsupported_media_type"

    def __init__(self, given: str, accepted: str) -> None:
        shown = given or "（未声明）"
        super().__init__(
            f"不支持的请求体类型 {shown}：此接口只接受 {accepted}，请设置 Content-Type 后重试",
            headers={"Accept-Post": accepted} if accepted else None,
        )


class MalformedBody(BodyRefused):
    status = 400
    code = "malformed_body"


class EncodedBody(BodyRefused):
    """A body sent with a ``Content-Encoding`` (gzip, br …): no route takes compressed bodies, and reading one as
    if it were not compressed would judge bytes the client did not mean."""

    status = 415
    code = "unsupported_media_type"

    def __init__(self, encoding: str) -> None:
        super().__init__(
            f"不支持压缩的请求体（Content-Encoding: {encoding[:40]}），请发送未压缩的请求体",
            headers={"Accept-Encoding": "identity"},
        )


def refuse_encoded(content_encoding: str | None) -> None:
    """Raise :class:`EncodedBody` for a body with any content coding but ``identity``."""
    if content_encoding and content_encoding.strip().lower() != "identity":
        raise EncodedBody(content_encoding.strip())


JSON_TYPES = "application/json"
FORM_TYPES = "application/x-www-form-urlencoded, multipart/form-data"
URLENCODED = "application/x-www-form-urlencoded"


def media_type(content_type: str | None) -> str:
    return (content_type or "").partition(";")[0].strip().lower()


def is_json(media: str) -> bool:
    return media == "application/json" or (media.startswith("application/") and media.endswith("+json"))


def is_form(media: str) -> bool:
    return media in ("application/x-www-form-urlencoded", "multipart/form-data")


_POSITION = re.compile(r"line (\d+) column (\d+)")


def not_json(line: int | None = None, column: int | None = None) -> MalformedBody:
    where = f"（约在第 {line} 行第 {column} 列）" if line is not None else ""
    return MalformedBody(f"请求体不是有效的 JSON{where}，请检查格式后重试")


def not_json_from(message: str) -> MalformedBody:
    """From a pydantic ``json_invalid`` message, keeping only the position."""
    found = _POSITION.search(message)
    return not_json(int(found.group(1)), int(found.group(2))) if found else not_json()


_DIGITS_MAX = 40
_BEYOND: int = 10**_DIGITS_MAX


def _integer(text: str) -> int:
    """An integer literal; one longer than any column holds stands for "beyond range" (the hostile-input walk
    refuses it naming the field) instead of being converted: Python refuses to convert more than 4,300 digits
    (a ValueError, once a 500) and the conversion of long ones costs quadratic time."""
    if len(text) > _DIGITS_MAX:
        return -_BEYOND if text.startswith("-") else _BEYOND
    return int(text)


def parse_json(raw: bytes) -> Any:
    """The document in ``raw``: UTF-8 (RFC 8259 §8.1) and JSON, else :class:`MalformedBody`."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise MalformedBody(
            f"请求体不是有效的 UTF-8 编码（第 {exc.start + 1} 个字节），请以 UTF-8 发送"
        ) from None
    try:
        return json.loads(text, parse_int=_integer)
    except json.JSONDecodeError as exc:
        raise not_json(exc.lineno, exc.colno) from None
    except RecursionError:
        raise MalformedBody("请求体嵌套过深，无法解析") from None
