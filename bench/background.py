"""A fixed background load for the paced phases (issue 21): the targets must hold when the machine is not idle.

One process the bench starts keeps one core ``duty`` busy: it spins for ``duty × period`` and sleeps for the rest
of each ``period`` (10 ms periods, so the busy slices are short like a neighbour's requests, not long stalls). It
runs at the default nice level in a session of its own, as a neighbour's program would: with Linux's autogroup
scheduling (on by default) the CPU is shared between sessions first, so a spinner left in the bench's session would
take its share from the load generator instead of from the mesh (every mesh process leads its own session, see
``meshkit.priority``). The process reports how busy it actually kept its core, so a run can tell the load it got
from the load it asked for.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

__all__ = ["Background", "background_load"]

_SPINNER = """
import signal, sys, time

def stop(signum, frame):
    raise KeyboardInterrupt

# SIGTERM, handled here: a SIGINT a bench started in the background sends is ignored (a shell's background
# jobs inherit SIGINT ignored, and Python then installs no handler for it), and the share was lost
signal.signal(signal.SIGTERM, stop)
duty, period = float(sys.argv[1]), float(sys.argv[2])
busy = duty * period
started = time.perf_counter()
cpu0 = time.process_time()
try:
    while True:
        t = time.perf_counter()
        while time.perf_counter() - t < busy:
            pass
        time.sleep(max(0.0, period - (time.perf_counter() - t)))
except KeyboardInterrupt:
    pass
print(round((time.process_time() - cpu0) / (time.perf_counter() - started), 3), flush=True)
"""


@dataclass
class Background:
    duty: float
    achieved: float | None = None  # the share of one core the spinner got, from its own CPU time


@asynccontextmanager
async def background_load(duty: float = 0.3, period: float = 0.01) -> AsyncIterator[Background]:
    """Keep one core ``duty`` busy while the block runs (a child process, ended when the block ends)."""
    load = Background(duty=duty)
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        _SPINNER,
        str(duty),
        str(period),
        stdout=asyncio.subprocess.PIPE,
        start_new_session=True,
    )
    try:
        await asyncio.sleep(0.5)  # running before the phase starts
        yield load
    finally:
        process.terminate()  # SIGTERM: the spinner prints the share it got
        try:
            out, _ = await asyncio.wait_for(process.communicate(), timeout=15.0)  # a loaded machine is slow
            load.achieved = float(out.decode().strip() or "nan")
        except (TimeoutError, ValueError):
            process.kill()
            await process.wait()
