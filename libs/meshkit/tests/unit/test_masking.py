"""Issue 17, failure 6 (unit part): what a database error, a traceback or uvicorn's own logging put in a log line
is masked like our own messages — statement parameters, DETAIL key and row values, the bad input PostgreSQL
quotes, password hashes, tokens, and personal numbers wherever they stand (a traceback line starts with one)."""

import json
import logging
import sys

import pytest

from meshkit.masking import mask, scrub_database_text
from meshkit.observability import JsonFormatter, configure_logging, uvicorn_log_config

pytestmark = pytest.mark.unit

ID_NUMBER = "500222199803070028"
PHONE = "13812345678"
HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2g"
JWT = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhYmMifQ.c2lnbmF0dXJl"
STATEMENT = "[SQL: INSERT INTO persons (a, b, c) VALUES ($1, $2, $3)]"
SECRETS = (ID_NUMBER, PHONE, HASH, "c2FsdHNhbHRzYWx0", "aGFzaGhhc2hoYXNoaGFzaGhhc2g", JWT)


def _leaks(text: str) -> list[str]:
    return [secret for secret in SECRETS if secret in text]


@pytest.mark.parametrize(
    "text",
    [
        # SQLAlchemy without hide_parameters
        "\n".join(
            (
                "(IntegrityError) ...",
                STATEMENT,
                f"[parameters: ('{ID_NUMBER}', '{PHONE}', '{HASH}')]",
                "(Background on this error at: https://sqlalche.me)",
            )
        ),
        # asyncpg's message with its DETAIL line: unique, foreign key, exclusion
        f'duplicate key value violates unique constraint "uq_persons_id_hash"\n'
        f"DETAIL:  Key (id_hash)=({ID_NUMBER}) already exists.",
        f'DETAIL:  Key (phone, note)=({PHONE}, {HASH}) is not present in table "x".',
        # check / not-null violations: the whole row
        f'new row for relation "persons" violates check constraint "ck_x"\n'
        f"DETAIL:  Failing row contains (1, {ID_NUMBER}, {PHONE}, {HASH}, null).",
        # asyncpg refusing a parameter
        f"invalid input for query argument $2: '{HASH[:40]}... (expected str, got int)",
        f"invalid input for query argument $1: '{ID_NUMBER}' (value too long)",
        # PostgreSQL quoting the input
        f'invalid input syntax for type uuid: "{ID_NUMBER}"',
        f'value "{PHONE}" is out of range for type integer',
        f'malformed array literal: "{HASH}"',
    ],
)
def test_database_echoes_are_scrubbed(text: str) -> None:
    assert _leaks(mask(text)) == []


def test_scrubbing_keeps_what_diagnoses_the_error() -> None:
    text = 'duplicate key value violates unique constraint "uq_persons_id_hash"\nDETAIL:  Key (id_hash)=(x) already.'
    scrubbed = scrub_database_text(text)
    assert "uq_persons_id_hash" in scrubbed
    assert "Key (id_hash)=" in scrubbed


@pytest.mark.parametrize(
    "text",
    [
        f"Traceback (most recent call last):\n{ID_NUMBER} at the start of a line",
        f"password hash {HASH} in a message",
        f"Authorization: Bearer {JWT}",
        f"phone +86{PHONE} and 86{PHONE}",
    ],
)
def test_hashes_tokens_and_numbers_are_masked(text: str) -> None:
    assert _leaks(mask(text)) == []


def _record(message: str, *args: object, exc: BaseException | None = None) -> logging.LogRecord:
    exc_info = (type(exc), exc, exc.__traceback__) if exc is not None else None
    return logging.LogRecord("uvicorn.error", logging.ERROR, __file__, 1, message, args, exc_info)


def test_json_line_masks_the_traceback_and_every_field() -> None:
    try:
        raise ValueError(f"\n{ID_NUMBER}\nDETAIL:  Failing row contains ({PHONE}, {HASH}).")
    except ValueError as error:
        record = _record("Exception in ASGI application\n", exc=error)
    record.statement = {"params": [ID_NUMBER, PHONE], "hash": HASH}
    line = JsonFormatter("catalog").format(record)
    assert "\n" not in line
    assert _leaks(line) == []
    assert "ValueError" in json.loads(line)["exception"]


def test_uvicorn_loggers_go_through_the_json_handler(capsys: pytest.CaptureFixture[str]) -> None:
    """uvicorn's plain-text handlers (its traceback copy on ``uvicorn.error``, access lines) are replaced by
    propagation to the one JSON handler; before the app factory runs, ``uvicorn_log_config`` does the same."""
    uvicorn_error = logging.getLogger("uvicorn.error")
    plain = logging.StreamHandler(sys.stderr)
    uvicorn_error.addHandler(plain)
    uvicorn_error.propagate = False
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        configure_logging("catalog")
        assert plain not in uvicorn_error.handlers
        assert uvicorn_error.propagate
        try:
            raise RuntimeError(f"[parameters: ('{ID_NUMBER}', '{HASH}')]")
        except RuntimeError:
            uvicorn_error.exception("Exception in ASGI application")
        err = capsys.readouterr().err
        lines = [line for line in err.splitlines() if line.strip()]
        assert lines
        assert all(json.loads(line)["service"] == "catalog" for line in lines)
        assert _leaks(err) == []
    finally:
        for handler in list(root.handlers):
            if handler not in before:
                root.removeHandler(handler)
    config = uvicorn_log_config("gateway", "info")
    assert config["formatters"]["json"]["()"] == "meshkit.observability.JsonFormatter"
    assert all(not spec["handlers"] for spec in config["loggers"].values())
