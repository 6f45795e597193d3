"""Pure rules of subjects, organizations, clients and authorization."""

from datetime import date

import pytest

from identity.domain import OrganizationKind
from identity.domain.authorization import (
    Actor,
    admin_reaches,
    is_district_admin,
    may_grant_scopes,
    may_look_up_persons,
    may_register_enterprise,
    may_reveal,
    may_view_enterprise,
    may_view_person,
    registration_channel,
    verification_method,
)
from identity.domain.clients import GrantType, client_problems, redirect_uri_problem
from identity.domain.organizations import (
    OrganizationFields,
    creates_cycle,
    division_prefix,
    division_within,
    is_valid_on,
    organization_problems,
)
from identity.domain.subjects import (
    IdentityLevel,
    RegistrationChannel,
    VerificationMethod,
    password_problem,
    raised_level,
)

pytestmark = pytest.mark.unit

CITIZEN = Actor(kind="person", id="p1", acr=2)
CLERK = Actor(kind="staff", id="s1", roles=frozenset({"window_clerk"}), region="500110001000", org="c")
REVIEWER = Actor(kind="staff", id="s2", roles=frozenset({"reviewer"}), region="500110000000")
DISTRICT_ADMIN = Actor(kind="staff", id="a1", roles=frozenset({"admin"}), region="500110000000")
TOWN_ADMIN = Actor(kind="staff", id="a2", roles=frozenset({"admin"}), region="500110118000")
VERIFIER = Actor(kind="system", id="exchange-hub", scopes=frozenset({"identity:verify"}))
ADMIN_SYSTEM = Actor(kind="system", id="provisioning", scopes=frozenset({"identity:admin"}))


@pytest.mark.parametrize(
    ("division", "prefix"),
    [
        ("500110000000", "500110"),
        ("500110001000", "500110001"),
        ("500110001201", "500110001201"),
        ("500000000000", "50"),
        ("500100000000", "5001"),
    ],
)
def test_division_prefix(division: str, prefix: str) -> None:
    assert division_prefix(division) == prefix


def test_division_within() -> None:
    assert division_within("500110000000", "500110001201")
    assert division_within("500110001000", "500110001201")
    assert not division_within("500110001000", "500110002000")
    assert not division_within("500110001000", "50011000120")  # not 12 digits
    assert division_within("500110001201", "500110001201")


def test_validity_and_cycles() -> None:
    assert is_valid_on(date(2019, 6, 1), None, date(2019, 6, 1))
    assert not is_valid_on(date(2019, 6, 1), None, date(2019, 5, 31))
    assert not is_valid_on(date(2019, 1, 1), date(2020, 1, 1), date(2020, 1, 2))
    assert creates_cycle("a", ["root", "a", "b"])
    assert not creates_cycle("c", ["root", "a", "b"])


def test_organization_problems_list_every_rule() -> None:
    fields = OrganizationFields(
        code="bad code!",
        name=" ",
        kind=OrganizationKind.DEPARTMENT,
        division_code="5001",
        credit_code=None,
        parent_code="bad code!",
        valid_from=date(2024, 1, 2),
        valid_to=date(2024, 1, 1),
    )
    assert [p["field"] for p in organization_problems(fields)] == [
        "code",
        "name",
        "division_code",
        "valid_to",
        "parent_code",
    ]


def test_levels_only_go_up() -> None:
    assert raised_level(1, VerificationMethod.POPULATION_RESOURCE) == IdentityLevel.POPULATION_CHECKED
    assert raised_level(2, VerificationMethod.IN_PERSON) == IdentityLevel.IN_PERSON
    assert raised_level(3, VerificationMethod.POPULATION_RESOURCE) is None
    assert raised_level(3, VerificationMethod.IN_PERSON) is None


@pytest.mark.parametrize(
    ("password", "ok"),
    [
        ("abcd1234", True),
        ("abc123", False),
        ("abcdefghij", False),
        ("1234567890", False),
        ("密码密码密码1234", False),
        ("a1" * 65, False),
    ],
)
def test_password_policy(password: str, ok: bool) -> None:
    assert (password_problem(password) is None) is ok


def test_who_may_see_and_verify_persons() -> None:
    assert may_view_person(CITIZEN, "p1")
    assert not may_view_person(CITIZEN, "p2")
    assert may_view_person(CLERK, "p2")
    assert not may_view_person(DISTRICT_ADMIN, "p2")  # administrators manage accounts, not citizens' records
    assert may_reveal(CITIZEN, "p1")
    assert not may_reveal(CLERK, "p1")
    assert may_look_up_persons(REVIEWER)
    assert not may_look_up_persons(VERIFIER)
    assert verification_method(CLERK) is VerificationMethod.IN_PERSON
    assert verification_method(VERIFIER) is VerificationMethod.POPULATION_RESOURCE
    assert verification_method(REVIEWER) is None
    assert verification_method(Actor(kind="person", id="p1", roles=frozenset({"window_clerk"}))) is None
    assert registration_channel(CLERK) is RegistrationChannel.WINDOW
    assert registration_channel(None) is RegistrationChannel.ONLINE
    assert registration_channel(DISTRICT_ADMIN) is RegistrationChannel.ONLINE


def test_enterprises() -> None:
    assert may_register_enterprise(CITIZEN)
    assert not may_register_enterprise(Actor(kind="person", id="p1", acr=1))
    assert not may_register_enterprise(Actor(kind="staff", id="s", acr=3))
    whose = {"enterprise_id": "e1", "representative_id": "p1"}
    assert may_view_enterprise(CITIZEN, **whose)
    assert may_view_enterprise(Actor(kind="enterprise", id="p1", org="e1"), **whose)
    assert not may_view_enterprise(Actor(kind="enterprise", id="p9", org="e2"), **whose)
    assert may_view_enterprise(REVIEWER, **whose)
    assert not may_view_enterprise(DISTRICT_ADMIN, **whose)


def test_administrative_reach() -> None:
    assert is_district_admin(DISTRICT_ADMIN)
    assert is_district_admin(ADMIN_SYSTEM)
    assert not is_district_admin(TOWN_ADMIN)
    assert not is_district_admin(CLERK)
    assert admin_reaches(TOWN_ADMIN, "500110118000", "500110118201")
    assert not admin_reaches(TOWN_ADMIN, "500110118201", "500110000000")
    assert not admin_reaches(TOWN_ADMIN, None)
    assert admin_reaches(DISTRICT_ADMIN, None, "500000000000")
    assert not admin_reaches(CLERK, "500110001000")
    assert not admin_reaches(None, "500110001000")
    assert may_grant_scopes(TOWN_ADMIN, ["catalog:write"])
    assert not may_grant_scopes(TOWN_ADMIN, ["catalog:write", "identity:verify"])
    assert may_grant_scopes(DISTRICT_ADMIN, ["identity:admin"])


@pytest.mark.parametrize(
    ("uri", "ok"),
    [
        ("https://tongban.example/cb", True),
        ("http://127.0.0.1:8080/cb", True),
        ("http://localhost/cb", True),
        ("http://tongban.example/cb", False),
        ("https://tongban.example/cb#frag", False),
        ("/relative", False),
        ("https://*.example/cb", False),
        ("javascript:alert(1)", False),
    ],
)
def test_redirect_uris(uri: str, ok: bool) -> None:
    assert (redirect_uri_problem(uri) is None) is ok


def test_client_problems() -> None:
    ok = client_problems(confidential=True, grant_types=[GrantType.CLIENT_CREDENTIALS], redirect_uris=[])
    assert ok == []
    public = client_problems(confidential=False, grant_types=[GrantType.CLIENT_CREDENTIALS], redirect_uris=[])
    assert [p["field"] for p in public] == ["grant_types"]
    code = client_problems(confidential=False, grant_types=[GrantType.AUTHORIZATION_CODE], redirect_uris=[])
    assert [p["field"] for p in code] == ["redirect_uris"]
