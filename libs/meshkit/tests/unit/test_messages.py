"""Issue 18, failure 8 (meshkit part): every error type pydantic can raise has a Chinese message; one it cannot
know gets a Chinese fallback, never pydantic's English."""

import re
import typing

import pytest
from pydantic_core.core_schema import ErrorType

from meshkit.messages import FALLBACK, MESSAGES, field_label, message_of

pytestmark = pytest.mark.unit

_CJK = re.compile(r"[\u4e00-\u9fff]")


def test_issue_18_failure_8_every_pydantic_error_type_has_a_chinese_message() -> None:
    """Issue 18, failure 8: the table covers every ``ErrorType`` of the installed pydantic-core."""
    missing = set(typing.get_args(ErrorType)) - MESSAGES.keys()
    assert missing == set()
    for kind, template in MESSAGES.items():
        assert _CJK.search(template({})), kind


def test_messages_use_the_constraint_and_never_the_english() -> None:
    assert (
        message_of(
            {
                "type": "string_too_long",
                "msg": "String should have at most 40 characters",
                "ctx": {"max_length": 40},
            }
        )
        == "长度不能超过 40 个字符"
    )
    assert (
        message_of(
            {"type": "literal_error", "msg": "Input should be 'a' or 'b'", "ctx": {"expected": "'a' or 'b'"}}
        )
        == "必须是以下值之一：'a', 'b'"
    )
    assert message_of({"type": "some_new_type", "msg": "Something English"}) == FALLBACK
    assert message_of({"type": "value_error", "msg": "Value error, 不是有效的主机名"}) == "不是有效的主机名"
    assert message_of({"type": "value_error", "msg": "Value error, not a host"}) == FALLBACK


def test_labels_say_where_the_field_is() -> None:
    assert field_label(("body", "form", "x")) == "form.x"
    assert field_label(("body",)) == "请求体"
    assert field_label(("query", "q")) == "查询参数 q"
    assert field_label(("path", "code")) == "路径参数 code"
    assert field_label(("body", "name"), "名称") == "名称（name）"
