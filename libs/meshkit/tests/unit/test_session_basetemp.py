"""A test session's temporary files live in a folder of its own, not under pytest's shared
``/tmp/pytest-of-<user>``, which every other session starting on the machine resets to mode 0700 — taking the
first session's PostgreSQL (run as another user when the tests run as root) its data folder."""

from __future__ import annotations

import pytest


def test_the_session_has_its_own_temporary_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    base = tmp_path_factory.getbasetemp()
    assert not any(part.startswith("pytest-of-") for part in base.parts)
    assert base.name.startswith("tongban-pytest-")
