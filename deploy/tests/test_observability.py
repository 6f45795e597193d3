"""The committed Grafana dashboard and Prometheus alert rules (deploy/observability/) are checked as promtool would:
each rule well-formed, each expression parsed by a PromQL parser, and every metric they name one the mesh
exports — a renamed metric breaks this test, not the operators' alerts in silence."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import promql_parser
import pytest
import yaml
from prometheus_client import REGISTRY, Metric

import cases.metrics  # noqa: F401  (each module registers its metric families on import)
import exchange.metrics  # noqa: F401
import gateway.throttle  # noqa: F401
import meshkit.observability  # noqa: F401

pytestmark = pytest.mark.unit

HERE = Path(__file__).resolve().parents[1] / "observability"
NAMED = re.compile(r"\b(tongban_[a-z0-9_]+)")
ALERTS = {
    "TongbanDeadLetters",
    "TongbanEventLagHigh",
    "TongbanOutboxBacklog",
    "TongbanCasesOverdue",
    "TongbanCityLinkBacklog",
    "TongbanReadRefusalsSpike",
}


def _exported() -> set[str]:
    """Every sample name the mesh's metric families can expose (counters as ``_total``, histograms' series)."""
    names: set[str] = set()
    suffixes = {"counter": ("_total",), "histogram": ("_bucket", "_count", "_sum"), "gauge": ("",)}
    for collector in list(REGISTRY._collector_to_names):
        families: list[Metric] = list(collector.collect())
        for family in families:
            names.update(family.name + suffix for suffix in suffixes.get(family.type, ("",)))
    return names


def _rules() -> list[dict[str, Any]]:
    document = yaml.safe_load((HERE / "alerts.yaml").read_text(encoding="utf-8"))
    return [rule for group in document["groups"] for rule in group["rules"]]


def _dashboard_exprs() -> list[str]:
    dashboard = json.loads((HERE / "dashboard.json").read_text(encoding="utf-8"))
    return [target["expr"] for panel in dashboard["panels"] for target in panel["targets"]]


def test_alert_rules_are_well_formed_and_cover_what_operators_watch() -> None:
    rules = _rules()
    assert {rule["alert"] for rule in rules} >= ALERTS
    for rule in rules:
        assert set(rule) <= {"alert", "expr", "for", "labels", "annotations", "keep_firing_for"}, rule[
            "alert"
        ]
        assert rule["labels"]["severity"] in {"page", "warn"}
        assert rule["annotations"]["summary"]
        assert rule["annotations"]["description"]
        if "for" in rule:
            assert re.fullmatch(r"\d+[smhd]", rule["for"])
        promql_parser.parse(rule["expr"])  # raises on a malformed expression


@pytest.mark.parametrize("source", ["alerts", "dashboard"])
def test_every_expression_parses_and_names_only_exported_metrics(source: str) -> None:
    exprs = [rule["expr"] for rule in _rules()] if source == "alerts" else _dashboard_exprs()
    exported = _exported()
    assert exprs
    for expr in exprs:
        promql_parser.parse(expr)
        unknown = set(NAMED.findall(expr)) - exported
        assert unknown == set(), f"{expr!r} names metrics the mesh does not export: {unknown}"


def test_a_misspelt_metric_is_caught() -> None:
    """The check can fail: a name the mesh does not export is found."""
    assert set(NAMED.findall("rate(tongban_dead_letter_total[5m])")) - _exported() == {
        "tongban_dead_letter_total"
    }
    with pytest.raises(ValueError, match="parenthesis"):
        promql_parser.parse("sum(rate(tongban_dead_letters_total[5m])")
