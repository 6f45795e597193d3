"""The import benchmark's scenario runs (issue 19): a generated district sheet is published, then found unchanged."""

from __future__ import annotations

import pytest

from bench.catalog_import import catalog_import
from meshkit.embedded import EmbeddedPostgres

pytestmark = pytest.mark.integration


async def test_issue19_speed_the_import_bench_publishes_a_generated_sheet_and_reports_matters_per_second(
    embedded_postgres: EmbeddedPostgres,
) -> None:
    """Issue 19 (3,000 matters in under a minute): the scenario ``make bench`` measures, on a small sheet."""
    result = await catalog_import(embedded_postgres, matters=40)
    assert (result["matters"], result["rows"]) == (40, 160)
    assert result["matters_per_s"] > 0
    assert result["cpu_ms_per_matter"] > 0
