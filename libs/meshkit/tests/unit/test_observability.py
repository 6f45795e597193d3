import json
import logging

import pytest

from meshkit.observability import JsonFormatter, redact

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    "text",
    [
        "申请人 50022219900307123X 提交",
        "credit 91500110MA5U4XL21T ok",
        "phone 13812345678.",
    ],
)
def test_redact_masks_personal_numbers(text: str) -> None:
    masked = redact(text)
    for secret in ("50022219900307123X", "91500110MA5U4XL21T", "13812345678"):
        assert secret not in masked
    assert "*" in masked


def test_redact_leaves_ordinary_numbers() -> None:
    assert redact("case 2026112500001 took 12 ms") == "case 2026112500001 took 12 ms"


def test_json_formatter_redacts_extra_fields() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "hello %s", ("13912345678",), None)
    record.applicant = "500222199003071234"
    line = json.loads(JsonFormatter("svc").format(record))
    assert line["service"] == "svc"
    assert "13912345678" not in line["message"]
    assert "500222199003071234" not in json.dumps(line)


_PLAIN_TEXT_PATHS = """
import gc, threading
from meshkit.observability import configure_logging
configure_logging("probe")

def fails():
    raise RuntimeError("in a thread 500110199001011234")

thread = threading.Thread(target=fails, name="metrics")
thread.start()
thread.join()

class Finaliser:
    def __del__(self):
        raise ValueError("in a finaliser")

Finaliser()
gc.collect()
"""


def test_issue20_failure6_a_threads_exception_and_an_ignored_one_are_json_lines_too() -> None:
    """Issue 20, failure 6: not every log line was JSON. uvicorn's lines were made JSON; a thread's uncaught exception
    (the worker's metrics endpoint runs on one) and an exception Python can only report ("Exception ignored in")
    were still printed as plain-text tracebacks on stderr, unmasked."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _PLAIN_TEXT_PATHS], capture_output=True, text=True, timeout=60, check=True
    )
    lines = [json.loads(line) for line in done.stderr.splitlines()]  # every line parses
    messages = [line["message"] for line in lines]
    assert "uncaught exception in a thread" in messages
    assert "exception ignored" in messages
    assert "500110199001011234" not in done.stderr  # masked like every other line
