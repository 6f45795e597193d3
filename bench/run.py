"""``make bench``: start a durable local mesh, measure, print a table and write bench/results/*.json.

Everything is measured in one run and compared as ratios or differences, because the machines are shared
and noisy. Benchmarks are never part of ``make test``.
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import signal
import sys
import tempfile
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# Run as a script, bench/ comes first on the path, where catalog.py and identity.py would shadow the services.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from bench.cases import case_submission  # noqa: E402
from bench.catalog import catalog_search  # noqa: E402
from bench.catalog_import import catalog_import  # noqa: E402
from bench.events import event_latency, relay_throughput  # noqa: E402
from bench.exchange import shared_reads  # noqa: E402
from bench.gateway import Beside, gateway_overhead, proxy_tools  # noqa: E402
from bench.identity import (  # noqa: E402
    token_endpoint_throughput,
    token_peer,
    tokens_beside_peer,
    verification_cost,
)
from bench.settle import settle  # noqa: E402
from bench.staff_queue import staff_queue  # noqa: E402
from identity.demo import DEMO_CLIENT_SECRET  # noqa: E402
from meshkit.embedded import EmbeddedNats, free_port  # noqa: E402
from tongban.config import MeshConfig, repo_root, standard_services  # noqa: E402
from tongban.mesh import Mesh  # noqa: E402
from tongban.ports import free_base_port  # noqa: E402

# Worker processes per HTTP process: two exchange processes, one per core of the 2-core target; one gateway process,
# since a second competes for the two cores with the services behind it (docs/architecture.md, "The proxied
# request's CPU": /healthz 0.66-0.83 of nginx with two, 0.88-0.95 with one, side by side).
WORKERS = {"exchange": 2, "gateway": 1}
# The department system the read benchmark uses gets a limit above what it can reach, so that the benchmark
# measures the hub and not the default per-client limit (2,000 reads/s, which a fast host reaches).
# The benchmarks drive each path from one address and a few accounts, far past what one caller may do: the limits
# stay on (their cost is measured), with allowances no benchmark reaches.
BENCH_ENV = {
    "EXCHANGE_RATE_LIMIT_OVERRIDES": '{"swj-collection": 100000, "scjgj-registry": 100000}',
    "GATEWAY_RATE_LIMITS": json.dumps(
        {name: {"limit": 100_000_000} for name in ("login", "token", "registration", "code", "search", "api")}
    ),
}

QUEUE_PROCESSES = ("cases", "identity", "gateway")  # whose CPU per queue request is reported
# whose CPU per application is reported (issue 21): every process an application passes or sets to work
SUBMISSION_PROCESSES = (
    "gateway",
    "cases",
    "cases-worker",
    "exchange",
    "exchange-bulk",
    "exchange-worker",
    "identity",
    "catalog",
)

TARGETS = {
    "gateway.added_p50_ms": ("≤", 1.0),
    "gateway.throughput_ratio": ("≥", 0.5),
    "gateway.rps_vs_nginx": ("≥", 0.95),  # issue 21: beside nginx in the same run (bench.gateway)
    "gateway.p99_vs_nginx": ("≤", 2.0),
    "gateway_light.rps_vs_nginx": ("≥", 0.8),
    "gateway_light.p99_vs_nginx": ("≤", 2.0),
    "event_latency.p99_ms": ("≤", 100.0),
    "relay.events_per_s": ("≥", 2000.0),
    "catalog_search.p99_ms": ("≤", 20.0),
    "catalog_import.publish_s": ("≤", 60.0),
    "exchange_reads.reads_per_s": ("≥", 1000.0),
    "exchange_reads.paced_p99_ms": ("≤", 30.0),
    "exchange_reads.loaded_p99_ms": ("≤", 30.0),  # issue 21: beside a background load
    "token_peer.ratio": ("≥", 1.0),  # issue 21: ours / oidc-provider, client credentials, ES256
    "token_verify.verify_us": ("≤", 100.0),
    "case_submission.cases_per_s": ("≥", 400.0),
    "case_submission.paced_p99_ms": ("≤", 50.0),
    "case_submission.loaded_p99_ms": ("≤", 50.0),
    "staff_queue.p99_ms": ("≤", 50.0),
}


async def measure(mesh: Mesh) -> dict[str, Any]:
    config = mesh.config
    catalog = next(spec for spec in config.services if spec.name == "catalog")
    assert config.gateway is not None
    assert mesh.postgres is not None
    assert mesh.nats is not None
    path = "/matters/500110-SCJGJ-SPJY-XK"
    results: dict[str, Any] = {}
    waited: dict[str, float] = {"gateway": await settle()}  # demo data loading and first consumers finish
    # BENCH_ONLY=token: the token rows alone (verification, the endpoint through the gateway, beside the peer)
    if os.environ.get("BENCH_ONLY") == "token":
        return results | await token_phases(mesh)
    if os.environ.get("BENCH_ONLY") == "reads":  # the exchange_reads phase alone (issue 21)
        results["exchange_reads"] = await reads_phase(mesh)
        results["settle_s"] = waited
        return results
    # BENCH_ONLY=cases: the case_submission rows alone (a quick look while working on the submission path)
    if os.environ.get("BENCH_ONLY") == "cases":
        return {"case_submission": await submission_phase(mesh), "settle_s": waited}
    nginx, wrk = proxy_tools()  # the proxy peer and the load generator, installed when missing (bench.peers)
    gateway_pid = next((p.pid for p in mesh.processes if p.name == "gateway"), None)
    beside = Beside(nginx, config.url(catalog).split("://", 1)[1], wrk, gateway_pid)
    results["gateway"] = await gateway_overhead(
        f"{config.url(catalog)}{path}", f"{config.url(config.gateway)}/catalog{path}", beside=beside
    )
    results["gateway_light"] = await gateway_overhead(
        f"{config.url(catalog)}/healthz", f"{config.url(config.gateway)}/catalog/healthz", beside=beside
    )
    # BENCH_ONLY=gateway: the gateway rows alone (a quick look while working on them)
    if os.environ.get("BENCH_ONLY") == "gateway":
        return results
    results |= await token_phases(mesh)
    waited["exchange_reads"] = await settle()
    results["exchange_reads"] = await reads_phase(mesh)
    waited["staff_queue"] = await settle()
    results["staff_queue"] = await queue_phase(mesh)
    waited["case_submission"] = await settle()
    results["case_submission"] = await submission_phase(mesh)
    postgres = mesh.postgres
    # the scratch producer's streams go to a NATS of their own, with the mesh's durability settings: the mesh's
    # server admits only the mesh's users, each within its own subjects (meshkit.natsauth)
    nats = EmbeddedNats(store_dir=config.var_dir / "bench-nats", port=free_port(), sync_always=True)
    nats.start()
    later: list[tuple[str, Callable[[], Awaitable[dict[str, Any]]]]] = [
        ("event_latency", lambda: event_latency(postgres, nats)),
        ("relay", lambda: relay_throughput(postgres, nats)),
        ("catalog_search", lambda: catalog_search(postgres)),
        ("catalog_import", lambda: catalog_import(postgres)),
    ]
    try:
        for name, bench in later:
            waited[name] = await settle()  # the work the previous benchmarks left behind finishes first
            results[name] = await bench()
    finally:
        nats.stop()
    results["settle_s"] = waited
    return results


async def token_phases(mesh: Mesh) -> dict[str, Any]:
    config = mesh.config
    assert config.gateway is not None
    results: dict[str, Any] = {"token_verify": await verification_cost()}
    results["token_endpoint"] = await token_endpoint_throughput(
        f"{config.url(config.gateway)}/identity/token", client_id="catalog-editor", secret=DEMO_CLIENT_SECRET
    )
    identity = next(spec for spec in config.services if spec.name == "identity")
    scope = "catalog:write catalog:publish"  # catalog-editor's scopes, asked of both
    with token_peer(client_id="catalog-editor", secret=DEMO_CLIENT_SECRET, scope=scope) as peer:
        if peer is not None:  # identity direct, as the peer is: the gateway's share is in token_endpoint
            results["token_peer"] = await tokens_beside_peer(
                f"{config.url(identity)}/token",
                peer,
                client_id="catalog-editor",
                secret=DEMO_CLIENT_SECRET,
                scope=scope,
                ours_pid=next((p.pid for p in mesh.processes if p.name == "identity"), None),
            )
    return results


async def reads_phase(mesh: Mesh) -> dict[str, Any]:
    config = mesh.config
    assert config.gateway is not None
    assert mesh.postgres is not None
    exchange = next(spec for spec in config.services if spec.name == "exchange")
    return await shared_reads(
        config.url(config.gateway),
        config.database_url(exchange),
        client_id="swj-collection",  # 区税务局's system, reading under its grant
        provider_id="scjgj-registry",  # 区市场监管局's own system: pushes the records, grants the request
        secret=DEMO_CLIENT_SECRET,
        processes={p.name: p.pid for p in mesh.processes if p.name in WORKERS and p.pid is not None}
        | {"postgres": mesh.postgres.process.pid if mesh.postgres.process else 0},
    )


async def submission_phase(mesh: Mesh) -> dict[str, Any]:
    config = mesh.config
    assert config.gateway is not None
    processes = {
        p.name: p.pid for p in mesh.processes if p.name in SUBMISSION_PROCESSES and p.pid is not None
    }
    for name, server in (("postgres", mesh.postgres), ("nats", mesh.nats)):
        if server is not None and server.process is not None:
            processes[name] = server.process.pid
    return await case_submission(config.url(config.gateway), processes=processes)


async def queue_phase(mesh: Mesh) -> dict[str, Any]:
    config = mesh.config
    assert config.gateway is not None
    assert mesh.postgres is not None
    cases = next(spec for spec in config.services if spec.name == "cases")
    identity = next(spec for spec in config.services if spec.name == "identity")
    # the owner's URL: the benchmark fills the table directly and VACUUMs it (the owner's right, not the service's)
    return await staff_queue(
        config.url(config.gateway),
        config.migration_database_url(cases),
        config.database_url(identity),
        processes={p.name: p.pid for p in mesh.processes if p.name in QUEUE_PROCESSES and p.pid is not None}
        | {"postgres": mesh.postgres.process.pid if mesh.postgres.process else 0},
    )


def verdicts(results: dict[str, Any]) -> dict[str, dict[str, Any]]:
    out = {}
    for key, (op, target) in TARGETS.items():
        group, name = key.split(".")
        if name not in results.get(group, {}):
            continue  # not measured in this run (a peer that could not run, or BENCH_ONLY)
        value = results[group][name]
        ok = value <= target if op == "≤" else value >= target
        out[key] = {"value": value, "target": f"{op} {target}", "met": ok}
    return out


def main() -> int:
    # a bench stopped with SIGTERM (kill, a CI step's timeout) stops its mesh as Ctrl-C does: KeyboardInterrupt
    # unwinds through ``with Mesh`` instead of leaving the mesh's processes running
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    root = repo_root()
    with tempfile.TemporaryDirectory(prefix="tongban-bench-") as var:
        config = MeshConfig(
            root=root,
            var_dir=Path(var),
            services=standard_services(root),
            base_port=free_base_port(),
            durable=True,
            log_level="WARNING",
            workers=WORKERS,
            extra_env=BENCH_ENV,
        )
        with Mesh(config) as mesh:
            results = asyncio.run(measure(mesh))
    report: dict[str, Any] = {
        "time": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "workers": WORKERS,
        "results": results,
        "targets": verdicts(results),
    }
    out_dir = ROOT / "bench" / "results"
    out_dir.mkdir(exist_ok=True)
    text = json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    (out_dir / "latest.json").write_text(text)
    (out_dir / f"{report['time'].replace(':', '')}.json").write_text(text)

    table = Table(title="Tongban benchmarks (one run; compare ratios)")
    for column in ("measure", "value", "target", "met"):
        table.add_column(column)
    for group, values in results.items():
        for name, value in values.items():
            key = f"{group}.{name}"
            verdict = report["targets"].get(key)
            table.add_row(
                key,
                str(value),
                verdict["target"] if verdict else "",
                ("yes" if verdict["met"] else "NO") if verdict else "",
            )
    Console().print(table)
    print(f"written: {out_dir / 'latest.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
