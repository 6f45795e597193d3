"""issue 18 failure 7: the legal-name rules of the domain, whatever the transport."""

import pytest

from identity.domain.names import BIDI_CONTROLS, legal_name, name_problem

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("char", sorted(BIDI_CONTROLS))
def test_issue_18_failure_7_every_bidi_control_is_refused_in_any_name(char: str) -> None:
    for person in (True, False):
        problem = name_problem(f"张{char}三", person=person)
        assert problem is not None
        assert f"U+{ord(char):04X}" in problem
        assert "文字方向控制字符" in problem


@pytest.mark.parametrize("value", ["王小红", "阿卜杜拉·艾买提", "Zhang San", "José"])
def test_real_person_names_pass(value: str) -> None:
    assert legal_name(value) == value


def test_names_are_normalized_and_organization_names_may_hold_digits() -> None:
    assert legal_name(" Jose\u0301 ") == "José"  # NFC, trimmed
    assert legal_name("重庆市綦江区第1中学", label="名称", person=False) == "重庆市綦江区第1中学"
    with pytest.raises(ValueError, match="不能为空"):
        legal_name("   ")
    with pytest.raises(ValueError, match=r"U\+0000"):
        legal_name("a\x00b", person=False)
