"""A resident ID number is judged as identity judges it (outside try of issue 19)."""

import pytest
from stdnum.cn import ric

from exchange.domain.subjects import InvalidSubject, SubjectKind, normalized_identifier

pytestmark = pytest.mark.unit


def with_check(base17: str) -> str:
    return base17 + ric.calc_check_digit(base17 + "0")


@pytest.mark.parametrize("base", ["50022219500312004", "50011019500312004", "51022319700101004"])
def test_older_residents_numbers_are_read(base: str) -> None:
    """500222 and 500110 are carried by residents born before 1997: the certificate lookup refused them."""
    assert normalized_identifier(SubjectKind.PERSON, with_check(base)) == with_check(base)


def test_an_unknown_area_or_date_is_still_refused() -> None:
    for base in ("99999919500312004", "50022219501332004"):
        with pytest.raises(InvalidSubject):
            normalized_identifier(SubjectKind.PERSON, with_check(base))
