"""Request types of legal names: as long as their column, refused when they hold what a name cannot
(:mod:`identity.domain.names`), with the reason in Chinese."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

from identity.domain.names import legal_name
from identity.store.models import Organization, Person, Staff
from meshkit.bounds import column_length

__all__ = ["OrganizationName", "PersonName", "StaffName"]


def _person(value: str) -> str:
    return legal_name(value)


def _organization(value: str) -> str:
    return legal_name(value, label="名称", person=False)


PersonName = Annotated[
    str,
    Field(min_length=1, max_length=column_length(Person.name), description="姓名"),
    AfterValidator(_person),
]
StaffName = Annotated[
    str,
    Field(min_length=1, max_length=column_length(Staff.name), description="姓名"),
    AfterValidator(_person),
]
OrganizationName = Annotated[
    str,
    Field(min_length=1, max_length=column_length(Organization.name), description="名称"),
    AfterValidator(_organization),
]
