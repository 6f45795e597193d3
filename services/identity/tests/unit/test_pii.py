"""Personal data at rest: validation names the failed check, sealing hides the value, masking keeps the ends."""

import pytest
from stdnum.cn import ric

from identity.pii import (
    InvalidIdentifier,
    PiiCipher,
    is_mobile,
    mask,
    valid_credit_code,
    valid_id_number,
    valid_phone,
)

pytestmark = pytest.mark.unit

SECRET = "unit-test-secret-that-is-long-enough"


def with_check(base17: str) -> str:
    return base17 + ric.calc_check_digit(base17 + "0")


@pytest.mark.parametrize(
    ("value", "check"),
    [
        ("50022219980307002", "length"),
        ("5002221998030700A2", "format"),
        (with_check("50022219980307002")[:-1] + "0", "checksum"),
        (with_check("50022219981332002"), "component"),  # no 32nd day of a 13th month
        (with_check("99999919900307002"), "component"),  # no such area
    ],
)
def test_id_number_names_the_failed_check(value: str, check: str) -> None:
    if check == "checksum":
        assert with_check("50022219980307002")[-1] != "0"
    with pytest.raises(InvalidIdentifier) as failure:
        valid_id_number(value)
    assert failure.value.check == check
    assert failure.value.field == "id_number"
    assert value not in str(failure.value)


@pytest.mark.parametrize(
    "base", ["50022219980307002", "51022319580612003", "50011020120203047", "11010119880808049"]
)
def test_region_part_need_not_be_qijiang(base: str) -> None:
    assert valid_id_number(with_check(base).lower()) == with_check(base)


def test_credit_codes() -> None:
    assert (
        valid_credit_code(" 115002227398230135 ") == "115002227398230135"
    )  # 区政府办公室, region part 500222
    with pytest.raises(InvalidIdentifier) as failure:
        valid_credit_code("115002227398230136")
    assert failure.value.check == "checksum"


def test_phone() -> None:
    assert valid_phone("+86 138-0023-0001") == "13800230001"
    with pytest.raises(InvalidIdentifier) as failure:
        valid_phone("23800230001")
    assert failure.value.check == "format"


@pytest.mark.parametrize(
    ("given", "normalized"),
    [("023-48621234", "02348621234"), ("(023) 4862 1234", "02348621234"), ("010-12345678", "01012345678")],
)
def test_a_landline_with_its_area_code_is_a_phone_only_where_allowed(given: str, normalized: str) -> None:
    """Issue 19 failure 11: a landline was refused for a person without a mobile phone (at a window)."""
    assert valid_phone(given, landline=True) == normalized
    assert not is_mobile(normalized)
    with pytest.raises(InvalidIdentifier, match="手机号码"):
        valid_phone(given)  # codes and notices need a mobile


@pytest.mark.parametrize("given", ["48621234", "0234862123", "12345", "+1 212 555 0100", "023-4862-12345678"])
def test_numbers_that_are_no_phone_are_refused_in_chinese(given: str) -> None:
    with pytest.raises(InvalidIdentifier, match="固定电话须带区号"):
        valid_phone(given, landline=True)


def test_sealing_and_masking() -> None:
    cipher = PiiCipher(SECRET)
    number = with_check("50022219980307002")
    sealed = cipher.seal("id_number", number)
    assert number.encode() not in sealed.ciphertext
    assert cipher.open(sealed.ciphertext) == number
    assert sealed.masked == "500222********" + number[-4:]
    assert sealed.lookup == cipher.lookup("id_number", number)
    assert sealed.lookup != PiiCipher(SECRET + "x").lookup("id_number", number)  # keyed, not a plain hash
    assert sealed.lookup != cipher.lookup("phone", number)
    with pytest.raises(ValueError, match="does not open"):
        PiiCipher(SECRET + "x").open(sealed.ciphertext)
    assert mask("13800230001", keep_start=3, keep_end=4) == "138****0001"


def test_issue_18_failure_7_birth_date_between_1900_and_today() -> None:
    from datetime import date

    number = with_check("50011020261207012")
    assert valid_id_number(number, today=date(2026, 12, 7)) == number  # born today
    with pytest.raises(InvalidIdentifier) as failure:
        valid_id_number(number, today=date(2026, 12, 6))
    assert failure.value.check == "component"
    assert "出生日期晚于今天" in str(failure.value)
    with pytest.raises(InvalidIdentifier) as failure:
        valid_id_number(with_check("11010118991231012"))
    assert "早于 1900 年" in str(failure.value)


@pytest.mark.parametrize("base", ["50022219500312004", "50011019500312004", "50022219800312004"])
def test_older_residents_keep_the_area_code_their_number_was_issued_with(base: str) -> None:
    """Outside try of issue 19: 500222 (綦江县, 1997–2011) and 500110 are carried by residents born long before
    1997; python-stdnum's area-by-birth-year check refused every one of them, everywhere."""
    assert valid_id_number(with_check(base)) == with_check(base)
