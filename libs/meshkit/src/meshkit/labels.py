"""Codes shown with their Chinese label beside them (what people read is Chinese; codes stay for integrators).

Each service keeps its own tables of labels (``cases.domain.labels``, ``exchange.domain.labels``); this is the one
way to read them: a code without a label reads as itself, so a new code never breaks a response, and a code
that is ``None`` has no label either. Callers need no ``or code`` after it: the types say a code gives a ``str``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import overload

__all__ = ["label_of"]


@overload
def label_of(labels: Mapping[str, str], code: str) -> str: ...


@overload
def label_of(labels: Mapping[str, str], code: None) -> None: ...


@overload
def label_of(labels: Mapping[str, str], code: str | None) -> str | None: ...


def label_of(labels: Mapping[str, str], code: str | None) -> str | None:
    """The Chinese label of ``code`` in ``labels``: the code itself if it has none, ``None`` for ``None``."""
    if code is None:
        return None
    return labels.get(code, code)
