"""Issue 18, the schemathesis gate: every operation of the integrator's contract (the gateway's combined document,
merged from the committed contracts/openapi/ as the gateway merges the live ones) is called by schemathesis
against the running e2e mesh, and every answer must

- not be a server error (no 5xx: NUL bytes, NaN, over-long strings and overflowing integers included),
- have a status code the operation documents,
- have the content type the operation documents for that status (application/problem+json for errors),
- match the schema the operation documents for that status and content type.

Two tests share the work so the gate stays within a few minutes on 2 cores:

- ``test_issue18_schemathesis_gate[<operation>][<caller>]``: the documented examples and ``MAX_EXAMPLES`` fuzzed
  cases per operation, as each kind of caller (gate_callers.CALLERS: anonymous, citizen, window clerk, department
  system, operator) — who may do what, and what each is told when not.
- ``test_issue18_schemathesis_coverage[<operation>]``: the coverage phase (boundary and invalid values of every
  parameter and body field, derived from the schema: ~5,000 requests in all) once per operation, as the first
  caller of CALLERS the operation does not refuse with 401/403 — so the input reaches the code that reads it.

The stateful phase needs links between operations and is not run. Inputs are the same on every run (fixed seed,
no shrinking). Each request comes from a client address of its own (X-Forwarded-For through the e2e mesh's trusted
proxy): the gateway's rate limits stay on and still never answer 429 to the gate.

Run alone: ``.venv/bin/pytest tests/e2e/test_schemathesis.py -q`` (``-k operator``, ``-k coverage``,
``-k "catalog/matters"`` to narrow it). The gate runs after the other e2e tests (conftest.py orders it last)
because the operator's generated writes may change demo data.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

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

MAX_EXAMPLES = 3  # fuzzed cases per operation and caller
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
REFUSED = frozenset({401, 403})
SETTINGS = hypothesis.settings(
    deadline=timedelta(seconds=20), max_examples=MAX_EXAMPLES, derandomize=True, database=None
)


def _config(*phases: str) -> SchemathesisConfig:
    return SchemathesisConfig.from_dict(
        {
            "seed": 18,
            "suppress-health-check": ["too_slow", "filter_too_much", "data_too_large", "large_base_example"],
            "request-timeout": 30,
            "generation": {
                "max-examples": MAX_EXAMPLES,
                "no-shrink": True,
                "deterministic": True,
                "database": "none",
                # the caller decides the token (anonymous sends none): generated ones would blur that
                "with-security-parameters": False,
            },
            "phases": {
                name: {
                    "enabled": name in phases,
                    **({"unexpected-methods": []} if name == "coverage" else {}),
                }
                for name in ("examples", "coverage", "fuzzing", "stateful")
            },
        }
    )


CONTRACT = committed_combined_openapi(Path(__file__).resolve().parents[2] / "contracts")
CALLER_SCHEMA = schemathesis.openapi.from_dict(CONTRACT, config=_config("examples", "fuzzing"))
COVERAGE_SCHEMA = schemathesis.openapi.from_dict(CONTRACT, config=_config("coverage"))


class Callers:
    """Every caller's token (obtained once: tokens live 15 minutes) and a fresh client address per request."""

    def __init__(self, auth: dict[str, dict[str, str]]) -> None:
        self.auth = auth
        self._addresses = addresses("coverage")
        self._chosen: dict[str, str] = {}

    def headers(self, caller: str, addresses: Iterator[str] | None = None) -> dict[str, str]:
        return {**self.auth[caller], "X-Forwarded-For": next(addresses or self._addresses)}

    def first_admitted(self, case: schemathesis.Case, base_url: str) -> str:
        """The first caller the case's operation does not refuse (401/403), asked once per operation."""
        label = case.operation.label
        if label not in self._chosen:
            self._chosen[label] = CALLERS[-1]
            for caller in CALLERS:
                response = case.call(base_url=base_url, headers=self.headers(caller))
                if response.status_code not in REFUSED:
                    self._chosen[label] = caller
                    break
        return self._chosen[label]


@pytest.fixture(scope="module")
async def callers(gateway_url: str) -> Callers:
    setup = addresses("setup")
    return Callers({caller: await caller_headers(gateway_url, caller, next(setup)) for caller in CALLERS})


@pytest.fixture(scope="module", params=CALLERS)
def caller(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture(scope="module")
def client_addresses(caller: str) -> Iterator[str]:
    return addresses(caller)


@SETTINGS
@CALLER_SCHEMA.parametrize()
def test_issue18_schemathesis_gate(
    case: schemathesis.Case, gateway_url: str, callers: Callers, caller: str, client_addresses: Iterator[str]
) -> None:
    """Issue 18's gate, as each kind of caller: examples and fuzzed cases of every operation of every service
    answer no 5xx and nothing the contract does not document (failures 1–4 and 9–12 as seen from outside)."""
    case.call_and_validate(
        base_url=gateway_url, headers=callers.headers(caller, client_addresses), checks=CHECKS
    )


@SETTINGS
@COVERAGE_SCHEMA.parametrize()
def test_issue18_schemathesis_coverage(case: schemathesis.Case, gateway_url: str, callers: Callers) -> None:
    """Issue 18's gate, the coverage phase: every boundary and invalid value the schema implies, as a caller the
    operation admits — no 5xx and nothing the contract does not document."""
    caller = callers.first_admitted(case, gateway_url)
    case.call_and_validate(base_url=gateway_url, headers=callers.headers(caller), checks=CHECKS)
