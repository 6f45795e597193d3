"""Rich rendering of the mesh's progress events and of the URL table."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.status import Status
from rich.table import Table

from tongban.mesh import Exited
from tongban.steps import MeshError, StepEvent
from tongban.supervisor import Restarted, RestartFailed, Restarting
from tongban.urls import MeshUrls

__all__ = ["RichProgress", "print_exited", "print_failure", "url_rows", "urls_table"]


class RichProgress:
    """A progress callback: one spinner line naming the steps in flight, a ✓/–/✗ line per finished step."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self._in_flight: dict[str, str] = {}
        self._status: Status | None = None

    def __enter__(self) -> RichProgress:
        self._status = self.console.status("Starting…", spinner="dots")
        self._status.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._status is not None:
            self._status.stop()
            self._status = None
        self._in_flight.clear()

    def __call__(self, event: StepEvent) -> None:
        label = escape(event.label)
        detail = f" [dim]{escape(event.detail)}[/dim]" if event.detail else ""
        took = f" [dim]({event.elapsed:.1f}s)[/dim]" if event.elapsed >= 0.05 else ""
        if event.state == "start":
            self._in_flight[event.step] = event.label
        else:
            self._in_flight.pop(event.step, None)
            if event.state == "done":
                self.console.print(f"[green]✓[/green] {label}{detail}{took}")
            elif event.state == "skip":
                self.console.print(f"[dim]– {label} skipped:[/dim]{detail}")
            else:
                self.console.print(f"[red]✗ {label}[/red]{detail}{took}")
        if self._status is not None:
            waiting = ", ".join(self._in_flight.values())
            self._status.update(escape(waiting) + "…" if waiting else "…")


def url_rows(urls: MeshUrls) -> list[tuple[str, str]]:
    """What to show, in order: API docs first, then the gateway, each service, PostgreSQL, NATS, logs."""
    rows: list[tuple[str, str]] = []
    if urls.docs is not None:
        rows.append(("API docs", urls.docs))
    if urls.gateway is not None:
        rows.append(("Gateway", urls.gateway))
    rows += [(name, url) for name, url in urls.services.items()]
    rows += [("PostgreSQL", urls.postgres), ("NATS", urls.nats), ("Logs", str(urls.logs))]
    return rows


def urls_table(urls: MeshUrls) -> Table:
    table = Table(title="Tongban 通办 is running", title_justify="left", show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column(style="cyan")
    for name, url in url_rows(urls):
        table.add_row(name, url)
    return table


def print_failure(console: Console, error: MeshError) -> None:
    message = escape(str(error.args[0]) if error.args else type(error).__name__)
    if error.tail:
        console.print(Panel(escape(error.tail), title=f"last lines of {error.log_path}", border_style="red"))
    console.print(f"[red bold]Failed:[/red bold] {message}")


def print_supervised(console: Console, event: Restarting | Restarted | RestartFailed) -> None:
    """One line per crash and restart, so the operator sees what the supervisor did."""
    if isinstance(event, Restarted):
        console.print(f"[green]{escape(event.name)} restarted[/green]")
        return
    if isinstance(event, RestartFailed):
        console.print(f"[yellow]{escape(event.name)} did not start again:[/yellow] {escape(event.reason)}")
        return
    dead = event.exited
    console.print(
        f"[yellow bold]{escape(dead.name)} exited[/yellow bold] with code {dead.returncode} "
        f"(crash {event.crashes} within a minute); restarting in {event.delay:.0f} s — log: {dead.log_path}"
    )


def print_exited(console: Console, dead: list[Exited]) -> None:
    for proc in dead:
        console.print(Panel(escape(proc.tail()), title=f"last lines of {proc.log_path}", border_style="red"))
        console.print(f"[red bold]{escape(proc.name)} exited[/red bold] with code {proc.returncode}")
