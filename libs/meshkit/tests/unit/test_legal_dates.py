"""One zone for every legal date: a date is never taken from a UTC instant.

Between 00:00 and 08:00 Beijing time ``datetime.now(UTC).date()`` is yesterday in Qijiang; code (and tests) that
took "today" that way dated certificates and deadlines a day early and failed only at night. ``date.today()`` is
refused by ruff (DTZ011); this check refuses the UTC form, which no linter knows."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
UTC_DATE = re.compile(
    r"now\((?:UTC|timezone\.utc|tz=UTC)\)(?:\s*[-+][^)]*\)\)?)?\.date\(\)|utcnow\(\)\.date\(\)"
)
SKIP = {".venv", "var", "node_modules", ".git", "contracts"}


def _sources() -> list[Path]:
    return [
        path
        for path in ROOT.rglob("*.py")
        if not SKIP.intersection(path.relative_to(ROOT).parts)
        and path.name not in {"legaldate.py", "test_legal_dates.py"}
    ]


def test_no_date_is_taken_from_a_utc_instant() -> None:
    sources = _sources()
    assert len(sources) > 200, "the repository was not found"
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sources
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if UTC_DATE.search(line)
    ]
    assert found == [], "use meshkit.legaldate.today() or local_date(instant): " + ", ".join(found)


def test_the_check_finds_the_forms_it_names() -> None:
    for line in (
        "today = datetime.now(UTC).date()",
        "(datetime.now(UTC) - timedelta(days=3)).date()",
        "datetime.utcnow().date()",
        "datetime.now(timezone.utc).date()",
    ):
        assert UTC_DATE.search(line), line
    assert not UTC_DATE.search("datetime.now(LEGAL_ZONE).date()")
