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
