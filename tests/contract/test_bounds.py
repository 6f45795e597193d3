"""issue 18 failures 3 and 4: every string and integer an API accepts is bounded, by the column it lands in.

The walk covers every operation of every service's OpenAPI document as the code generates it (parameters and
request bodies, nested models and list items). A string needs a ``maxLength`` (or an enum, a const or a fixed
format); an integer needs a ``minimum`` and a ``maximum`` within ±(2⁵³−1) (BIGINT, and exact in every JSON client). Where a request model lands in a table
(``TABLES``), a field lands in the column of the same name unless ``FIELDS`` says otherwise, and its bound must
be the column's: ``String(n)`` → ``maxLength == n`` (items of ``ARRAY(String(n))`` too), INTEGER → maximum ≤ 2³¹−1.
A request model this file does not know fails the test, so a new one is mapped (or declared not stored) on purpose.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest
from sqlalchemy import ARRAY, BigInteger, Column, Integer, MetaData, String, Text

from meshkit.bounds import INTEGER_MAX, JSON_INTEGER_MAX
from tongban.contracts import APPS

pytestmark = pytest.mark.contract

SERVICES = ("identity", "catalog", "cases", "exchange")
FIXED_FORMATS = {"date", "date-time", "time", "uuid", "binary"}

# request model → the table its fields land in (None: not stored as a row; its fields are still bounded)
TABLES: dict[str, dict[str, str | None]] = {
    "identity": {
        # OAuth and login forms (FastAPI names them Body_<operation>): credentials and tokens, checked, not stored
        "Body_authorize_login": None,
        "Body_code_login": None,
        "Body_end_session_form": None,
        "Body_introspect_token": None,
        "Body_revoke_token": None,
        "Body_send_code_page": None,
        "Body_token": None,
        "Body_userinfo_post": None,
        "AgentIn": "enterprise_agents",
        "ClerkNewbornIn": "newborns",
        "ClientIn": "clients",
        "ClientPatch": "clients",
        "EnterpriseIn": "enterprises",
        "IdNumberIn": None,
        "NewbornIn": "newborns",
        "OrganizationIn": "organizations",
        "OrganizationPatch": "organizations",
        "PersonIn": "persons",
        "PhoneCodeIn": None,
        "StaffIn": "staff",
        "StaffPatch": "staff",
    },
    "catalog": {
        "BundleIn": "bundles",
        "DictionaryEntryIn": "dictionary_entries",
        "MaterialIn": "materials",
        "MatterIn": "matters",
        "NoteIn": "history",
        "SynonymIn": "synonyms",
        "SubstituteIn": None,  # a bundle's stand-ins, kept whole in the JSONB bundles.substitutes: no column bound
    },
    "cases": {
        "Action": None,
        "ActionIn": "cases",
        "ApplicationIn": "cases",
        "EvaluationIn": "evaluations",
        "RectificationRatingIn": "rectification_tasks",
        "PaperIn": None,
        "StepIn": None,
        "YearIn": "calendar_years",
    },
    "exchange": {
        "AnswerIn": "share_requests",
        "BatchIn": None,
        "CityPush": "city_inbound",
        "CertificateLookupIn": None,
        "CertificateStatus": None,
        "CertificateTypeIn": "certificate_types",
        "DutyIn": "duties",
        "EndpointHostsIn": None,
        "IssueIn": "certificates",
        "Item": None,
        "LookupIn": None,
        "MemberIn": "members",
        "PushIn": None,
        "ReadIn": "access_log",
        "RecordIn": None,
        "RecordReadIn": "access_log",
        "RefuseIn": None,
        "ReplayIn": None,
        "RequestIn": "share_requests",
        "ResourceIn": "resources",
        "StatusIn": None,
        "SubjectKind": None,
        "SubscriptionIn": "subscriptions",
        "SystemIn": "member_systems",
    },
}

# "Model.field" → "table.column" where the name differs, or None where a field is not stored as sent (sealed
# identifiers are stored encrypted and hashed; normalized identifiers are bounded by their validators)
FIELDS: dict[str, dict[str, str | None]] = {
    "identity": {
        "EnterpriseIn.credit_code": None,  # validated by stdnum.cn.uscc (errors[].check = length), sealed
        "OrganizationIn.credit_code": None,  # validated by stdnum.cn.uscc, stored normalized (18)
        "OrganizationPatch.credit_code": None,
        "OrganizationIn.division_code": None,  # a 12-digit division code checked against the register
        "OrganizationPatch.division_code": None,
    },
    "catalog": {},
    "cases": {
        "ApplicationIn.bundle_code": None,  # a bundle's code (36 in the catalog) kept in a wider column
        "RectificationRatingIn.score": "rectification_tasks.rater_score",
        "RectificationRatingIn.comment": "rectification_tasks.rater_comment",
    },
    "exchange": {
        # a case number (办件编号, ≤ 50 by DOMAIN §3) in a column that also keeps longer references of old reads
        "ReadIn.case_ref": None,
        "RecordReadIn.case_ref": None,
        # the national type code (21) or an alias (certificate_type_aliases.alias), resolved before it is stored
        "IssueIn.type_code": "certificate_type_aliases.alias",
    },
}


@cache
def _metadata(service: str) -> MetaData:
    package = importlib.import_module(f"{service}.store")
    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{service}.store.{module.name}")
    base = importlib.import_module(
        f"{service}.store.models" if service != "exchange" else "exchange.store.base"
    )
    metadata: MetaData = base.Base.metadata
    return metadata


@cache
def _document(service: str) -> dict[str, Any]:
    schema: dict[str, Any] = APPS[service]().openapi()
    return schema


def _column(service: str, model: str, field: str) -> Column[Any] | None:
    declared = FIELDS[service]
    key = f"{model}.{field}"
    table_name = TABLES[service].get(model)
    if key in declared:
        target = declared[key]
        if target is None:
            return None
        table_name, field = target.split(".")
    if table_name is None:
        return None
    return _metadata(service).tables[table_name].columns.get(field)


def _resolve(document: dict[str, Any], schema: dict[str, Any]) -> tuple[str | None, dict[str, Any]]:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return name, document["components"]["schemas"][name]
    return None, schema


def _leaves(
    document: dict[str, Any],
    schema: dict[str, Any],
    where: str,
    owner: tuple[str, str] | None,
    seen: set[str],
) -> Iterator[tuple[str, dict[str, Any], tuple[str, str] | None]]:
    """(where, leaf schema, (model, field) it belongs to) for every string and integer a request may carry."""
    name, schema = _resolve(document, schema)
    if name is not None:
        if name in seen:
            return
        seen = seen | {name}
    for key in ("anyOf", "oneOf", "allOf"):
        for part in schema.get(key, []):
            yield from _leaves(document, part, where, owner, seen)
    kind = schema.get("type")
    if kind in ("string", "integer"):
        yield where, schema, owner
    if kind == "array":
        yield from _leaves(document, schema.get("items", {}), f"{where}[]", owner, seen)
    model = name or schema.get("title") or (owner[0] if owner else "?")
    for field, part in schema.get("properties", {}).items():
        yield from _leaves(document, part, f"{model}.{field}", (name or model, field), seen)
    if isinstance(schema.get("additionalProperties"), dict):
        yield from _leaves(document, schema["additionalProperties"], f"{where}{{}}", owner, seen)


def _operation_leaves(service: str) -> Iterator[tuple[str, dict[str, Any], tuple[str, str] | None]]:
    document = _document(service)
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            label = f"{method.upper()} {path}"
            for parameter in operation.get("parameters", []):
                where = f"{label} {parameter['in']} {parameter['name']}"
                yield from _leaves(document, parameter.get("schema", {}), where, None, set())
            for content in operation.get("requestBody", {}).get("content", {}).values():
                yield from _leaves(document, content.get("schema", {}), f"{label} body", None, set())


def _string_problem(
    service: str, where: str, leaf: dict[str, Any], owner: tuple[str, str] | None
) -> str | None:
    if "enum" in leaf or "const" in leaf or leaf.get("format") in FIXED_FORMATS:
        return None
    if "maxLength" not in leaf:
        return f"{service} {where}: string without maxLength"
    column = _column(service, *owner) if owner else None
    if column is None:
        return None
    column_type = column.type.item_type if isinstance(column.type, ARRAY) else column.type
    length = (
        column_type.length if isinstance(column_type, String) and not isinstance(column_type, Text) else None
    )
    if length and leaf["maxLength"] != length:
        return f"{service} {where}: maxLength {leaf['maxLength']} ≠ column {column} ({length})"
    return None


def _integer_problem(
    service: str, where: str, leaf: dict[str, Any], owner: tuple[str, str] | None
) -> str | None:
    if "enum" in leaf or "const" in leaf:
        return None
    highest = leaf.get("maximum", leaf.get("exclusiveMaximum"))
    lowest = leaf.get("minimum", leaf.get("exclusiveMinimum"))
    if highest is None or lowest is None:
        return f"{service} {where}: integer without minimum and maximum"
    if highest > JSON_INTEGER_MAX or lowest < -JSON_INTEGER_MAX:
        return f"{service} {where}: bounds beyond what BIGINT and every JSON client hold exactly (2**53 - 1)"
    column = _column(service, *owner) if owner else None
    int32 = (
        column is not None and isinstance(column.type, Integer) and not isinstance(column.type, BigInteger)
    )
    if int32 and highest > INTEGER_MAX:
        return f"{service} {where}: maximum {highest} does not fit INTEGER column {column}"
    return None


@pytest.mark.parametrize("service", SERVICES)
def test_issue_18_failure_3_every_request_string_and_integer_is_bounded_by_its_column(service: str) -> None:
    """issue 18 failures 3 and 4: no request string without a maxLength equal to its column's length, no
    request integer (query, path, body) without a minimum and a maximum that fit its column."""
    problems: set[str] = set()
    for where, leaf, owner in _operation_leaves(service):
        if owner is not None and owner[0] not in TABLES[service]:
            problems.add(f"{service} {where}: request model {owner[0]} is not mapped in TABLES")
        check = _string_problem if leaf.get("type") == "string" else _integer_problem
        problem = check(service, where, leaf, owner)
        if problem:
            problems.add(problem)
    assert not problems, "\n".join(sorted(problems))


def test_the_walk_catches_an_unbounded_field_and_a_mismatch() -> None:
    """The checks fail where they must (a test that cannot fail is a defect)."""
    assert _string_problem("catalog", "x", {"type": "string"}, None)
    assert _string_problem("catalog", "x", {"type": "string", "maxLength": 40}, ("MatterIn", "power_source"))
    assert (
        _string_problem("catalog", "x", {"type": "string", "maxLength": 2}, ("MatterIn", "power_source"))
        is None
    )
    assert _integer_problem("exchange", "x", {"type": "integer", "minimum": 0}, None)
    assert _integer_problem(
        "catalog", "x", {"type": "integer", "minimum": 0, "maximum": 2**40}, ("MatterIn", "visits")
    )


# PATCH fields where null means something (clear the value); anywhere else a PATCH refuses null
NULL_MEANS = {
    "identity": {
        "ClientPatch.organization_code",  # no organization
        "ClientPatch.sector",  # no pairwise sector
        "OrganizationPatch.credit_code",  # no credit code
        "OrganizationPatch.parent_code",  # a root
        "OrganizationPatch.valid_to",  # restore a retired organization
    },
}


@pytest.mark.parametrize("service", SERVICES)
def test_issue_18_failure_4_patch_fields_take_null_only_where_it_means_something(service: str) -> None:
    """issue 18 failure 4 (``PATCH /identity/clients/{id}`` with ``{"name": null}`` → 500), as a class: every
    PATCH body of every service declares a field nullable only where null clears the value."""
    document = _document(service)
    nullable: set[str] = set()
    for operations in document["paths"].values():
        patch = operations.get("patch")
        if patch is None:
            continue
        for content in patch.get("requestBody", {}).get("content", {}).values():
            name, schema = _resolve(document, content["schema"])
            for field, part in schema.get("properties", {}).items():
                if any(option.get("type") == "null" for option in part.get("anyOf", [])):
                    nullable.add(f"{name}.{field}")
    assert nullable == NULL_MEANS.get(service, set())
