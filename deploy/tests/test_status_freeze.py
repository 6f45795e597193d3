"""``tongban status`` and the runbook's freeze drill (issue 19, outside try): PostgreSQL is frozen only when its
whole server is stopped, status says how to do that and judges by whether the server answers; status is quick."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import asyncpg
import pytest

from tongban import cli
from tongban.commands.freezing import stopped
from tongban.commands.status import GREET_TIMEOUT, HTTP_TIMEOUT
from tongban.config import load_config
from tongban.mesh import Mesh
from tongban.ports import free_base_port


def _status(config: Any, capsys: pytest.CaptureFixture[str]) -> str:
    cli.main(["status", "--var", str(config.var_dir)])
    return " ".join(capsys.readouterr().out.split())  # the table may wrap a long answer


def _line(name: str, out: str) -> str:
    """The table row of ``name`` up to the next process's row (the answer may be folded over several lines)."""
    match = re.search(
        rf"\b{name} \d+ \d+ (yes|no) (.*?)(?= [a-z-]+ \d+ \d+ (yes|no) |PostgreSQL freeze drill|$)", out
    )
    assert match is not None, out
    return match.group(0)


async def _shell(line: str) -> int:
    """Run an operator's shell line (``a && b``, ``a; b``) as they would type it."""
    process = await asyncio.create_subprocess_exec("bash", "-c", line)
    return await process.wait()


@pytest.mark.integration
async def test_issue19_outside_try_status_shows_the_whole_postgres_freeze_and_judges_by_the_answer(
    fake_config: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 19 outside try: the drill's `kill -STOP <postgres pid>` stopped only the postmaster — every backend
    kept serving its session — while `tongban status` called PostgreSQL frozen. Status now prints how to freeze and
    resume the whole server (the postmaster and every process it started), says that a lone stopped postmaster is
    not a frozen database, and calls the server frozen only when it is stopped whole and does not answer."""
    config = fake_config(demo=False)
    with Mesh(config) as mesh:
        assert mesh.postgres is not None
        assert mesh.postgres.process is not None
        pid = mesh.postgres.process.pid
        session = await asyncpg.connect(mesh.postgres.url)
        try:
            healthy = _status(config, capsys)
            assert "answers" in _line("postgres", healthy)
            freeze = re.search(r"freeze `([^`]+)`", healthy)
            resume = re.search(r"resume `([^`]+)`", healthy)
            assert freeze is not None, healthy
            assert resume is not None, healthy
            assert str(pid) in freeze.group(1)
            assert str(pid) in resume.group(1)

            os.kill(pid, signal.SIGSTOP)  # the old drill: the postmaster alone
            try:
                assert await asyncio.wait_for(session.fetchval("SELECT 1"), 10) == 1  # its backend serves
                half = _line("postgres", _status(config, capsys))
                assert "not a frozen database" in half
                assert "frozen:" not in half
                assert "pkill -STOP -P" in half  # how to freeze it whole
            finally:
                os.kill(pid, signal.SIGCONT)

            assert await _shell(freeze.group(1)) == 0  # the drill as status prints it
            try:
                with pytest.raises(
                    TimeoutError
                ):  # a hung database: the connected session gets no answer either
                    await asyncio.wait_for(session.fetchval("SELECT 1"), 1.0)
                # SIGSTOP takes effect when each process next leaves the kernel: one in the middle of a write (a
                # busy machine's checkpointer) shows stopped only after it (a CI run saw "1 other process still")
                for _ in range(150):  # up to 15 s
                    state = stopped(pid)
                    if state is not None and state.whole:
                        break
                    await asyncio.sleep(0.1)
                whole = _line("postgres", _status(config, capsys))
                assert " no frozen:" in whole
                assert resume.group(1) in whole
            finally:
                await _shell(resume.group(1))
            assert await asyncio.wait_for(session.fetchval("SELECT 1"), 10) == 1
            assert "answers" in _line("postgres", _status(config, capsys))
        finally:
            await _shell(f"pkill -CONT -P {pid}")
            os.kill(pid, signal.SIGCONT)
            session.terminate()


def test_issue19_outside_try_status_probes_every_process_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 19 outside try: `tongban status` took ~29 s on a loaded machine — it asked each process in turn, 3 s
    each. Every port of a mesh here accepts connections and never answers (what hung processes look like): the
    probes run concurrently, so status takes about one timeout, not one per process."""
    base = free_base_port()
    args = ["status", "--var", str(tmp_path / "var"), "--base-port", str(base)]
    ports = load_config(base_port=base, var_dir=tmp_path / "var").ports()
    assert cli.main(args) == 1  # nothing listens: the imports are done, and quickly
    capsys.readouterr()
    with ExitStack() as stack:
        for port in ports.values():
            silent = stack.enter_context(socket.socket())
            silent.bind(("127.0.0.1", port))
            silent.listen()
        started = time.monotonic()
        assert cli.main(args) == 1
        spent = time.monotonic() - started
    out = capsys.readouterr().out
    assert len(ports) >= 10
    assert out.count("ReadTimeout") >= len(ports) - 2  # each one asked and silent (the servers not listed)
    one = max(GREET_TIMEOUT, HTTP_TIMEOUT.read or 0.0) + (HTTP_TIMEOUT.connect or 0.0)
    assert spent < 2 * one, spent  # one after another: a timeout per process
