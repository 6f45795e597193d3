"""The type directory's rules: national codes, aliases, resolution."""

import pytest

from exchange.domain.certificate_types import CertificateType, Directory, alias_problem, type_code_problem

BUSINESS_LICENCE = "11100000000013338W011"  # 市场监管总局's credit code + 011


def test_codes_and_aliases_resolve_without_case_or_blanks() -> None:
    directory = Directory(
        [
            CertificateType(BUSINESS_LICENCE, "营业执照", ("ZZ-YYZZ",)),
            CertificateType("11500110MB1A00036W003", "结婚证", ("ZZ-JHZ",)),
        ]
    )
    assert directory.resolve(" zz-yyzz ") == BUSINESS_LICENCE
    assert directory.resolve(BUSINESS_LICENCE.lower()) == BUSINESS_LICENCE
    assert directory.resolve("ZZ-JHZ") == "11500110MB1A00036W003"
    assert directory.resolve("ZZ-NOPE") is None
    assert directory.name(BUSINESS_LICENCE) == "营业执照"
    assert directory.name("ZZ-YYZZ") is None  # names are kept by national code only
    assert [t.code for t in directory.types] == [BUSINESS_LICENCE, "11500110MB1A00036W003"]
    assert directory.accept("zz-jhz") == "11500110MB1A00036W003"
    assert directory.accept(" 11100000000013338w099 ") == "11100000000013338W099"  # national, not listed
    assert directory.accept("ZZ-NOPE") is None
    assert directory.accept("11100000000013338X099") is None  # 21 characters, but no valid credit code


def test_a_national_code_is_a_valid_credit_code_and_a_serial() -> None:
    assert type_code_problem(BUSINESS_LICENCE) is None
    assert type_code_problem("11500110MB1A00036W999") is None
    assert "21 characters" in (type_code_problem("ZZ-YYZZ") or "")
    assert "digits" in (type_code_problem("11100000000013338W01A") or "")
    assert "credit code" in (type_code_problem("11100000000013338X011") or "")  # wrong check character


@pytest.mark.parametrize(
    ("alias", "fine"),
    [
        ("ZZ-JHZ", True),
        ("GB.T-36904_1", True),
        ("", False),
        ("-ZZ", False),
        ("证照", False),
        ("A" * 41, False),
        (BUSINESS_LICENCE, False),  # a national code names its own type, never another
    ],
)
def test_aliases(alias: str, fine: bool) -> None:
    assert (alias_problem(alias) is None) is fine
