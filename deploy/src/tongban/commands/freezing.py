"""What ``tongban status`` says about a server stopped by a signal, and how an operator freezes and resumes one.

PostgreSQL is a postmaster and one process per connection (plus its background writers). Each of those calls
``setsid()``, so neither its process group nor ``kill -STOP <postmaster>`` reaches them: stopping the postmaster
alone refuses new connections while every connected session keeps being served — not a hung database (issue 19,
outside try: the runbook's drill did exactly that and status called the server frozen). The whole server is the
postmaster and its children; frozen is judged by whether the server answers, and by which of them are stopped.
"""

from __future__ import annotations

from dataclasses import dataclass

import psutil

__all__ = ["Stopped", "freeze_commands", "resume_commands", "stopped", "verdict"]


@dataclass(frozen=True)
class Stopped:
    """Of a server's processes (the recorded one and its children): which are stopped by a signal."""

    main: bool
    children: int
    children_stopped: int

    @property
    def whole(self) -> bool:
        return self.main and self.children_stopped == self.children

    @property
    def any(self) -> bool:
        return self.main or self.children_stopped > 0


def stopped(pid: int | None) -> Stopped | None:
    """None when there is no such process (or it is not ours to look at)."""
    if pid is None:
        return None
    try:
        process = psutil.Process(pid)
        main = process.status() == psutil.STATUS_STOPPED
        children = process.children(recursive=True)
    except psutil.Error:
        return None
    halted = 0
    for child in children:
        try:
            halted += child.status() == psutil.STATUS_STOPPED
        except psutil.Error:
            continue  # a backend that ended meanwhile
    return Stopped(main=main, children=len(children), children_stopped=halted)


def freeze_commands(name: str, pid: int) -> str:
    """The shell line that freezes the whole server: the postmaster first (it forks no new backend once stopped),
    then every process it started."""
    if name == "postgres":
        return f"kill -STOP {pid} && pkill -STOP -P {pid}"
    return f"kill -STOP {pid}"


def resume_commands(name: str, pid: int) -> str:
    if name == "postgres":
        return f"pkill -CONT -P {pid}; kill -CONT {pid}"
    return f"kill -CONT {pid}"


def verdict(name: str, pid: int | None, answers: bool, answer: str) -> tuple[bool, str]:
    """(ready, what to show) for a server, from whether it answered its protocol's greeting (``answer`` says
    how) and which of its processes are stopped."""
    state = stopped(pid)
    if state is None or pid is None or not state.any:
        return answers, answer
    if name != "postgres":  # one process: stopped is frozen (it cannot answer)
        if not state.main:
            return answers, answer
        return False, f"frozen: stopped by a signal; resume: `{resume_commands(name, pid)}`"
    if not answers and state.whole:
        return False, (
            f"frozen: the postmaster and its {state.children} processes stopped by a signal, no answer; "
            f"resume: `{resume_commands(name, pid)}`"
        )
    if state.main:
        running = state.children - state.children_stopped
        part = (
            f"only the postmaster is stopped — its {running} other processes still serve the sessions already "
            "connected, new connections hang: not a frozen database"
        )
    else:
        part = f"{state.children_stopped} of its {state.children} processes stopped, the postmaster runs"
    shown = f"{answer}; {part}" if answers else f"does not answer new connections; {part}"
    return (
        answers,
        f"{shown}. Freeze it whole: `{freeze_commands(name, pid)}`; resume: `{resume_commands(name, pid)}`",
    )
