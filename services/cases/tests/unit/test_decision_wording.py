"""Issue 19 outside try, failure 1: every matter type of the catalog's 事项类型 list has a wording of its own —
only a 行政许可 is decided under 行政许可法; every other type's document rests on the matter's own 设定依据."""

from __future__ import annotations

import importlib.util

import pytest

from cases.domain.decision_wording import MATTER_TYPE_LABELS, PERMIT, issued_verdict, wording_for
from cases.domain.decisions import DecisionKind
from catalog.store import SERVICE_ROOT as CATALOG_ROOT


def _catalog_matter_types() -> list[tuple[str, str]]:
    """The 事项类型 code list as the catalog seeds it (its migration 0002), read from the catalog's own file."""
    path = CATALOG_ROOT / "migrations" / "versions" / "0002_catalog_national_fields.py"
    spec = importlib.util.spec_from_file_location("catalog_code_lists", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    types: list[tuple[str, str]] = module.DICTIONARIES["matter_types"]
    return types


MATTER_TYPES = _catalog_matter_types()


def test_the_catalog_list_is_read() -> None:
    assert ("01", "行政许可") in MATTER_TYPES
    assert ("20", "公共服务") in MATTER_TYPES


@pytest.mark.parametrize(("code", "label"), MATTER_TYPES)
@pytest.mark.parametrize("kind", list(DecisionKind))
def test_every_matter_type_has_its_own_wording(code: str, label: str, kind: DecisionKind) -> None:
    """issue 19 outside try: failure 1 — each type of the catalog's list is labelled as the catalog labels it and
    worded as its kind: 行政许可法 (title, verdict or basis) for a 行政许可 only, the matter's basis for all."""
    assert MATTER_TYPE_LABELS[code] == label
    wording, verdict, basis = wording_for(
        kind, code, matter_name="某事项", matter_basis="《某条例》第一条", matter_ref="事项编码 X，第 1 版"
    )
    permit_words = "行政许可" in wording.title + verdict + basis
    assert permit_words is (code == PERMIT)
    assert basis.endswith("《某条例》第一条")
    assert "某事项" in verdict
    assert wording.title.startswith("不予") is kind.refusal


def test_a_decision_issued_before_the_wording_was_kept_reads_as_issued() -> None:
    """Decisions made before migration 0016 were issued as permits (their stored title says so) and read so."""
    assert issued_verdict("grant", None, "某事项").endswith("决定准予行政许可。")
    assert issued_verdict("grant", "已予办理。", "某事项") == "已予办理。"
