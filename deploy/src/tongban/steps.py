"""Progress of the mesh: it emits :class:`StepEvent` values; the caller decides how to show them."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

__all__ = [
    "MeshCancelled",
    "MeshError",
    "ProgressCallback",
    "Reporter",
    "StepEvent",
    "StepState",
    "no_progress",
]

StepState = Literal["start", "done", "skip", "fail"]


@dataclass(frozen=True)
class StepEvent:
    """``step`` is a stable key: ``postgres``, ``migrate:cases``, ``process:cases-worker``, ``ready:x``."""

    step: str
    label: str
    state: StepState
    detail: str = ""
    elapsed: float = 0.0


ProgressCallback = Callable[[StepEvent], None]


def no_progress(event: StepEvent) -> None:
    """The default callback: report nothing."""


class MeshError(RuntimeError):
    """Starting or running the mesh failed; names the process and carries the tail of its log when known."""

    def __init__(
        self, message: str, *, process: str | None = None, log_path: Path | None = None, tail: str = ""
    ):
        super().__init__(message)
        self.process = process
        self.log_path = log_path
        self.tail = tail

    def __str__(self) -> str:
        text = super().__str__()
        if self.tail:
            text += f"\n--- last lines of {self.log_path} ---\n{self.tail}"
        return text


class MeshCancelled(MeshError):
    """The caller's cancel event was set while the mesh was starting."""


@dataclass
class _Outcome:
    detail: str = ""
    skipped: bool = False


@dataclass
class Reporter:
    callback: ProgressCallback = field(default=no_progress)

    def emit(self, step: str, label: str, state: StepState, detail: str = "", elapsed: float = 0.0) -> None:
        self.callback(StepEvent(step, label, state, detail, elapsed))

    @contextmanager
    def step(self, step: str, label: str) -> Iterator[_Outcome]:
        """Emit ``start``, then ``done``/``skip`` (set on the yielded outcome) or ``fail`` with the error."""
        began = time.monotonic()
        self.emit(step, label, "start")
        outcome = _Outcome()
        try:
            yield outcome
        except BaseException as exc:
            first_line = (str(exc).splitlines() or [type(exc).__name__])[0]
            self.emit(step, label, "fail", first_line, time.monotonic() - began)
            raise
        self.emit(
            step, label, "skip" if outcome.skipped else "done", outcome.detail, time.monotonic() - began
        )
