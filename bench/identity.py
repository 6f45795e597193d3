"""Identity benchmarks: access-token verification cost, and client-credentials token throughput — ours beside the
token peer, the certified OpenID Provider ``oidc-provider`` (bench/oidc_peer, issue 21)."""

from __future__ import annotations

import asyncio
import base64
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from statistics import fmean
from typing import Any

import aiohttp
import jwt
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from bench.cpu import process_cpu_seconds
from bench.stats import percentile
from meshkit.testing.tokens import TokenFactory

__all__ = ["token_endpoint_throughput", "token_peer", "tokens_beside_peer", "verification_cost"]

PEER_DIR = Path(__file__).resolve().parent / "oidc_peer"


def _raw_verify_us(factory: TokenFactory, tokens: list[str]) -> float:
    """µs per bare OpenSSL P-256 ECDSA verify (``cryptography``) of the same tokens: the floor under any verifier."""
    public = factory._key.public_key()
    prepared = []
    for token in tokens:
        signing_input, _, signature = token.rpartition(".")
        raw = base64.urlsafe_b64decode(signature + "==")
        der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
        prepared.append((signing_input.encode(), der))
    started = time.perf_counter()
    for message, der in prepared:
        public.verify(der, message, ec.ECDSA(hashes.SHA256()))
    return (time.perf_counter() - started) / len(tokens) * 1e6


def _pyjwt_verify_us(factory: TokenFactory, tokens: list[str]) -> float:
    """µs per verification as the verifier did it before issue 21 (PyJWT: header, then decode)."""
    key = jwt.PyJWK.from_dict(factory.jwks()["keys"][0])
    started = time.perf_counter()
    for token in tokens:
        jwt.get_unverified_header(token)
        jwt.decode(
            token,
            key=key,
            algorithms=["ES256"],
            issuer=factory.issuer,
            audience=factory.audience,
            options={"require": ["exp", "iat", "sub", "iss"]},
        )
    return (time.perf_counter() - started) / len(tokens) * 1e6


async def verification_cost(*, rounds: int = 3000) -> dict[str, Any]:
    """µs per ES256 verification by meshkit's verifier (cache off), beside the bare OpenSSL verify of the same
    tokens and PyJWT's path, and per cached verification (cache on). Best of three passes each: the machine is
    shared, and the best pass is the one least disturbed."""
    factory = TokenFactory()
    cold = factory.verifier()
    cold._cache_size = 0
    warm = factory.verifier()
    tokens = [factory.token(sub=f"s{i}") for i in range(rounds)]
    await cold.verify(tokens[0])  # fetch the JWKS once
    signature_us = raw_us = pyjwt_us = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for token in tokens:
            await cold.verify(token)
        signature_us = min(signature_us, (time.perf_counter() - started) / rounds * 1e6)
        raw_us = min(raw_us, _raw_verify_us(factory, tokens))
        pyjwt_us = min(pyjwt_us, _pyjwt_verify_us(factory, tokens[: rounds // 3]))
    await warm.verify(tokens[0])
    started = time.perf_counter()
    for _ in range(rounds):
        await warm.verify(tokens[0])
    cached_us = (time.perf_counter() - started) / rounds * 1e6
    return {
        "verify_us": round(signature_us, 1),
        "openssl_verify_us": round(raw_us, 1),
        "pyjwt_verify_us": round(pyjwt_us, 1),
        "overhead_over_openssl": round(signature_us / raw_us, 2),
        "cached_verify_us": round(cached_us, 2),
    }


async def token_endpoint_throughput(
    url: str,
    *,
    client_id: str,
    secret: str,
    concurrency: int = 16,
    seconds: float = 4.0,
    scope: str | None = None,
) -> dict[str, Any]:
    """Client-credentials grants per second at ``url`` (a token endpoint, client_secret_basic)."""
    auth = aiohttp.BasicAuth(client_id, secret)
    form = {"grant_type": "client_credentials"} | ({"scope": scope} if scope else {})
    latencies: list[float] = []
    deadline = time.perf_counter() + seconds

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency)) as session:

        async def worker() -> None:
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                async with session.post(url, data=form, auth=auth) as response:
                    await response.read()
                    if response.status != 200:
                        raise RuntimeError(f"token endpoint answered {response.status}")
                latencies.append((time.perf_counter() - started) * 1000)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return {
        "concurrency": concurrency,
        "tokens_per_s": round(len(latencies) / elapsed),
        "p50_ms": round(percentile(latencies, 0.5), 2),
        "p99_ms": round(percentile(latencies, 0.99), 2),
    }


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def token_peer(*, client_id: str, secret: str, scope: str) -> Iterator[str | None]:
    """The peer's token URL while it runs (``npm ci`` first when its packages are missing), or None, with a line
    saying why, when Node or npm's registry is not there."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        print("token peer skipped: node/npm not installed (bench/oidc_peer needs Node 20)")
        yield None
        return
    if not (PEER_DIR / "node_modules" / "oidc-provider").is_dir():
        installed = subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund"], cwd=PEER_DIR, capture_output=True, text=True, check=False
        )
        if installed.returncode != 0:
            print(f"token peer skipped: npm ci failed (no network?): {installed.stderr.strip()[-200:]}")
            yield None
            return
    port = _free_port()
    process = subprocess.Popen(
        [node, "peer.mjs", str(port), client_id, secret, scope],
        cwd=PEER_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # "oidc-provider listening on …", or nothing when it failed
        if "listening" not in line:
            print("token peer skipped: oidc-provider did not start")
            yield None
            return
        yield f"http://127.0.0.1:{port}/token"
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


async def tokens_beside_peer(
    ours: str,
    peer: str,
    *,
    client_id: str,
    secret: str,
    scope: str,
    rounds: int = 2,
    ours_pid: int | None = None,
) -> dict[str, Any]:
    """The same load on both token endpoints (16 connections, alternated, ``rounds`` times each): means of the
    runs, and ours/peer; with ``ours_pid``, identity's CPU ms per token over its runs (psutil)."""
    runs: dict[str, list[dict[str, Any]]] = {"ours": [], "peer": []}
    cpu_s, tokens = 0.0, 0
    for _ in range(rounds):
        for name, url in (("ours", ours), ("peer", peer)):
            before = process_cpu_seconds(ours_pid) if name == "ours" else 0.0
            started = time.perf_counter()
            run = await token_endpoint_throughput(url, client_id=client_id, secret=secret, scope=scope)
            runs[name].append(run)
            if name == "ours":
                cpu_s += process_cpu_seconds(ours_pid) - before
                tokens += round(run["tokens_per_s"] * (time.perf_counter() - started))
    out: dict[str, Any] = {}
    if ours_pid is not None and tokens:
        out["ours_cpu_ms_per_token"] = round(cpu_s * 1000 / tokens, 3)
    for name, measured in runs.items():
        for metric in ("tokens_per_s", "p50_ms", "p99_ms"):
            out[f"{name}_{metric}"] = round(fmean(run[metric] for run in measured), 2)
    out["ratio"] = round(out["ours_tokens_per_s"] / max(out["peer_tokens_per_s"], 1e-9), 2)
    out["p50_ratio"] = round(out["ours_p50_ms"] / max(out["peer_p50_ms"], 1e-9), 2)
    return out
