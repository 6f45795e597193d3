"""Issue 18, the schemathesis gate: every operation the gateway publishes (its combined /openapi.json — the
integrator's contract, with every service's paths under its prefix) is called by schemathesis against the running
e2e mesh, as each kind of caller (gate_callers.CALLERS), and every answer must

- not be a server error (no 5xx: NUL bytes, NaN, over-long strings and overflowing integers included),
- have a status code the operation documents,
- have the content type the operation documents for that status (application/problem+json for errors),
- match the schema the operation documents for that status and content type.

Phases: the documented examples, the coverage phase (boundary and invalid values of every parameter and body
field, derived from the schema) and a bounded fuzzing phase (``MAX_EXAMPLES`` per operation and caller, no
shrinking); the stateful phase needs links between operations and is left to the CLI. Each request comes from a
client address of its own (X-Forwarded-For through the trusted proxy of the e2e mesh), so the gateway's rate limits
stay on and still never answer 429 to the gate.

Run alone: ``.venv/bin/pytest tests/e2e/test_schemathesis.py -q`` (one caller: add ``-k operator``). The gate runs
after the other e2e tests (conftest.py orders it last) because the operator's writes may change demo data.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import hypothesis
import pytest
import schemathesis
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tongban.client_contract import committed_combined_openapi

from .gate_callers import CALLERS, addresses, caller_headers

pytestmark = [pytest.mark.e2e, pytest.mark.schemathesis_gate]

MAX_EXAMPLES = (
    4  # fuzzing phase, per operation and caller: the whole gate stays within a few minutes on 2 cores
)
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
SEED = 18  # the same inputs on every run, so a failure is reproducible and the gate does not flicker

CONFIG: dict[str, Any] = {
    "seed": SEED,
    "suppress-health-check": ["too_slow", "filter_too_much", "data_too_large", "large_base_example"],
    "request-timeout": 30,
    "generation": {
        "max-examples": MAX_EXAMPLES,
        "no-shrink": True,
        "deterministic": True,
        "database": "none",
        # the caller decides the token (anonymous sends none): generated Authorization headers would blur that
        "with-security-parameters": False,
    },
    "phases": {
        "examples": {"enabled": True},
        "coverage": {"enabled": True, "unexpected-methods": []},
        "fuzzing": {"enabled": True},
        "stateful": {"enabled": False},
    },
}


# The committed contract (the gateway's combined document, merged from contracts/openapi/ as the gateway merges
# the live ones): `tongban contracts --check` keeps it equal to what the services serve.
GATE_SCHEMA = schemathesis.openapi.from_dict(
    committed_combined_openapi(Path(__file__).resolve().parents[2] / "contracts"),
    config=SchemathesisConfig.from_dict(CONFIG),
)


@pytest.fixture(scope="module", params=CALLERS)
def caller(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture(scope="module")
def client_addresses(caller: str) -> Iterator[str]:
    return addresses(caller)


@pytest.fixture(scope="module")
async def caller_auth(gateway_url: str, caller: str, client_addresses: Iterator[str]) -> dict[str, str]:
    """The caller's token, obtained once per caller (tokens live 15 minutes, the gate takes a few)."""
    return await caller_headers(gateway_url, caller, next(client_addresses))


@hypothesis.settings(
    deadline=timedelta(seconds=20), max_examples=MAX_EXAMPLES, derandomize=True, database=None
)
@GATE_SCHEMA.parametrize()
def test_issue18_schemathesis_gate(
    case: schemathesis.Case, gateway_url: str, caller_auth: dict[str, str], client_addresses: Iterator[str]
) -> None:
    """Issue 18's gate (failures 1–4, 9–12 as seen from outside): 0 server errors and 0 contract violations over
    every operation of every service, for every kind of caller."""
    headers = {**caller_auth, "X-Forwarded-For": next(client_addresses)}
    case.call_and_validate(base_url=gateway_url, headers=headers, checks=CHECKS)
