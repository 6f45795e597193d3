"""Issue 18 (meshkit part): hostile characters and numbers refused with a 422 naming the field before any route
or dependency works with them; one problem code for bodies that do not parse; 415 for a body of another type;
every such refusal only after the route's dependencies have refused or admitted the caller."""

import json
from collections.abc import AsyncIterator

import httpx
import pytest

from meshkit.testing.tokens import TokenFactory

from .guarded_app import client_of, looked_up, reached

pytestmark = pytest.mark.unit

TOKENS = TokenFactory()
STAFF = TOKENS.headers(kind="staff")
CITIZEN = TOKENS.headers(kind="person")
JSON = {"content-type": "application/json"}


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with client_of(TOKENS) as c:
        yield c


def problem(response: httpx.Response) -> tuple[int, str, list[str]]:
    body = response.json()
    assert response.headers["content-type"] == "application/problem+json", response.text
    return response.status_code, body["code"], [e["field"] for e in body.get("errors") or []]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("a\x00b", "control_character"),
        ("a\x07b", "control_character"),
        ("a\x7fb", "control_character"),
        ("a\x85b", "control_character"),
        ("a\u202eb", "bidi_control"),
        ("a\u2066b", "bidi_control"),
        ("a\nb", "single_line"),
        ("a\tb", "single_line"),
        ("a\ud800b", "invalid_unicode"),
    ],
)
async def test_issue_18_failure_1_hostile_text_in_a_json_body_is_422_naming_the_field(
    client: httpx.AsyncClient, text: str, kind: str
) -> None:
    """Issue 18, failure 1: a NUL byte (and every other refused character) in any string of a JSON body, nested
    or as an object key, is a 422 naming the field — nothing reaches the route."""
    bodies = {
        "name": {"name": text},
        "items.0.label": {"name": "n", "items": [{"label": text}]},
        "form.x": {"name": "n", "form": {"x": {"deep": [text]}}},
    }
    if kind == "single_line":
        del bodies["form.x"]  # the form is multi-line text
    for field, body in bodies.items():
        answer = await client.post("/things", content=json.dumps(body), headers={**STAFF, **JSON})
        status, code, fields = problem(answer)
        assert (status, code) == (422, "validation_failed"), answer.text
        assert fields[0].startswith(f"body.{field}"), fields
        assert answer.json()["errors"][0]["type"] == kind
        assert f"字段 {field}" in answer.json()["detail"] or "名称（name）" in answer.json()["detail"]
    key = await client.post(
        "/things", content=json.dumps({"name": "n", "form": {text: 1}}), headers={**STAFF, **JSON}
    )
    assert problem(key)[:2] == (422, "validation_failed")
    assert "字段名" in key.json()["detail"]
    assert "\x00" not in key.text
    assert "\u202e" not in key.text
    assert reached == []


async def test_issue_18_failure_1_hostile_path_query_and_form_values_are_422(
    client: httpx.AsyncClient,
) -> None:
    """Issue 18, failure 1: path parameters, query parameters, form names and values; a dependency reading the
    refused path parameter (a store lookup) is never run with it."""
    path = await client.get(
        "/things/%00"
    )  # a control character in the path: refused at the edge (session 12)
    assert problem(path)[:2] == (400, "malformed_path")
    assert "控制字符" in path.json()["detail"]
    query = await client.get("/things/a", params={"q": "a\x00b"})
    assert problem(query) == (422, "validation_failed", ["query.q"])
    assert "查询参数 q" in query.json()["detail"]
    bidi = await client.get("/things/a", params={"q": "\u202eabc"})
    assert problem(bidi)[:2] == (422, "validation_failed")
    form = await client.post("/login", data={"name": "a\x00b"})
    assert problem(form) == (422, "validation_failed", ["body.name"])
    form_key = await client.post(
        "/login", content=b"name=a&x%00=1", headers={"content-type": "application/x-www-form-urlencoded"}
    )
    assert problem(form_key)[:2] == (422, "validation_failed")
    assert reached == []
    assert looked_up == ["a", "a"]  # the lookup ran for the clean path parameter only


async def test_line_breaks_only_where_the_field_says_multi_line(client: httpx.AsyncClient) -> None:
    """Tab, newline and carriage return pass in fields declared ``MultiLineText`` (or inside a container marked
    multi-line), and nowhere else; bidi controls and NUL are refused there too."""
    ok = {
        "name": "开饭店",
        "note": "第一行\n第二行\r\n\t缩进",
        "form": {"经营范围": "餐饮\n零售", "nested": [{"v": "a\tb"}]},
        "items": [{"label": "x", "remark": "多\n行"}],
    }
    accepted = await client.post("/things", json=ok, headers=STAFF)
    assert accepted.status_code == 201, accepted.text
    assert reached[-1]["note"] == ok["note"]
    for body in (
        {"name": "n", "note": "a\u202eb"},
        {"name": "n", "note": "a\x00b"},
        {"name": "n", "form": {"k\n": "v"}},
    ):
        refused = await client.post("/things", json=body, headers=STAFF)
        assert problem(refused)[:2] == (422, "validation_failed"), body
    query_lines = await client.get("/things/a", params={"note": "第一行\n第二行"})
    assert query_lines.status_code == 200, query_lines.text
    assert problem(await client.get("/things/a", params={"q": "a\nb"}))[:2] == (422, "validation_failed")
    schema = (await client.get("/openapi.json")).json()["components"]["schemas"]["ThingIn"]["properties"]
    assert schema["note"]["x-multiline"] is True
    assert schema["form"]["x-multiline"] is True
    assert "x-multiline" not in schema["name"]


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        (b'{"name": "n", "form": {"x": NaN}}', "finite_number"),
        (b'{"name": "n", "form": {"x": Infinity}}', "finite_number"),
        (b'{"name": "n", "form": {"x": -Infinity}}', "finite_number"),
        (b'{"name": "n", "form": {"x": 1e400}}', "finite_number"),
        (b'{"name": "n", "form": {"x": [' + b"9" * 400 + b".5]}}", "finite_number"),
        (b'{"name": "n", "form": {"x": 9223372036854775808}}', "int_out_of_range"),
        (b'{"name": "n", "count": -9223372036854775809}', "int_out_of_range"),
        # more digits than Python converts (4,300): a ValueError, once a 500 on every JSON route
        (b'{"name": "n", "form": {"x": ' + b"9" * 5000 + b"}}", "int_out_of_range"),
        (b'{"name": "n", "count": -' + b"9" * 5000 + b"}", "int_out_of_range"),
    ],
)
async def test_issue_18_failure_2_non_finite_and_oversized_numbers_are_422(
    client: httpx.AsyncClient, raw: bytes, kind: str
) -> None:
    """Issue 18, failure 2: NaN, ±Infinity, numbers that overflow to infinity and integers past int64 in a JSON
    body — through a route and through a fast lane alike."""
    for url in ("/things", "/lane/things"):
        answer = await client.post(url, content=raw, headers={**STAFF, **JSON})
        assert problem(answer)[:2] == (422, "validation_failed"), (url, answer.text)
        assert answer.json()["errors"][0]["type"] == kind
        assert "字段 " in answer.json()["detail"]
    fine = await client.post(
        "/things",
        content=b'{"name": "n", "form": {"x": 9223372036854775807, "y": 1e308}}',
        headers={**STAFF, **JSON},
    )
    assert fine.status_code == 201
    assert len(reached) == 1


async def test_issue_18_failure_10_one_code_for_unparseable_bodies_and_415_for_other_types(
    client: httpx.AsyncClient,
) -> None:
    """Issue 18, failure 10 (runtime): invalid UTF-8 and malformed JSON are both 400 ``malformed_body``; a body
    of a type the route does not take is 415 ``unsupported_media_type`` — through a route and a fast lane."""
    for url in ("/things", "/lane/things"):
        utf8 = await client.post(url, content=b'{"name": "\xff"}', headers={**STAFF, **JSON})
        broken = await client.post(url, content=b'{"name": ', headers={**STAFF, **JSON})
        assert problem(utf8)[:2] == problem(broken)[:2] == (400, "malformed_body"), url
        assert "UTF-8" in utf8.json()["detail"]
        assert "JSON" in broken.json()["detail"]
        for content_type in ("text/plain", "application/x-www-form-urlencoded", ""):
            other = await client.post(
                url, content=b'{"name": "n"}', headers={**STAFF, "content-type": content_type}
            )
            assert problem(other)[:2] == (415, "unsupported_media_type"), (url, content_type)
            assert "application/json" in other.json()["detail"]
    json_to_form = await client.post("/login", json={"name": "n"})
    assert problem(json_to_form)[:2] == (415, "unsupported_media_type")
    assert reached == []


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (b'{"name": "a\\u0000"}', "application/json"),
        (b'{"name": ', "application/json"),
        (b'{"name": "\xff"}', "application/json"),
        (b'{"name": "n"}', "text/plain"),
        (b'{"name": 5, "count": "many"}', "application/json"),
        (b'{"name": "n", "form": {"x": NaN}}', "application/json"),
    ],
)
async def test_issue_18_failure_10_the_caller_is_refused_before_the_body(
    client: httpx.AsyncClient, content: bytes, content_type: str
) -> None:
    """Issue 18, failure 10 (runtime): no token → 401 and a caller without the right → 403, whatever the body
    (broken, of another type, wrong-typed, hostile); only an admitted caller hears about the body."""
    headers = {"content-type": content_type}
    anonymous = await client.post("/things", content=content, headers=headers)
    assert anonymous.status_code == 401, anonymous.text
    citizen = await client.post("/things", content=content, headers={**headers, **CITIZEN})
    assert citizen.status_code == 403, citizen.text
    staff = await client.post("/things", content=content, headers={**headers, **STAFF})
    assert staff.status_code in (400, 415, 422)
    lane = await client.post("/lane/things", content=content, headers=headers)
    assert lane.status_code == 401
    assert reached == []


_ENGLISH = __import__("re").compile(r"[A-Za-z]+(?: [A-Za-z]+){2,}")


async def test_issue_18_failure_8_validation_details_are_chinese(client: httpx.AsyncClient) -> None:
    """Issue 18, failure 8: every detail names the field and says in Chinese what is expected."""
    bad = [
        {},
        {"name": ""},
        {"name": "x" * 41},
        {"name": 5},
        {"name": "n", "count": "many"},
        {"name": "n", "count": 1.5},
        {"name": "n", "count": 101},
        {"name": "n", "kind": "c"},
        {"name": "n", "items": [{}] * 6},
        {"name": "n", "items": "x"},
        {"name": "n", "form": []},
        [],
    ]
    for body in bad:
        answer = await client.post("/things", json=body, headers=STAFF)
        assert answer.status_code == 422, body
        detail = answer.json()["detail"]
        assert not _ENGLISH.search(detail), detail
        assert all(not _ENGLISH.search(e["message"]) for e in answer.json()["errors"]), answer.json()
    long = await client.post("/things", json={"name": "x" * 41}, headers=STAFF)
    assert long.json()["detail"] == "字段 名称（name）：长度不能超过 40 个字符"
    missing = await client.post("/things", json={}, headers=STAFF)
    assert "缺少必填字段" in missing.json()["detail"]


async def test_hostile_characters_in_a_declared_header_are_422_naming_the_header(
    client: httpx.AsyncClient,
) -> None:
    """The tryer stored a right-to-left override through a header (X-Filename): header parameters a route
    declares are looked at like every other input. (httpx sends header bytes as given: UTF-8 here.)"""
    for value in ("\u202efdp.exe".encode(), b"a\xc2\x85b"):
        answer = await client.get("/things/a", headers={"x-trace-note": value})  # type: ignore[dict-item]
        status, code, fields = problem(answer)
        assert (status, code, fields) == (422, "validation_failed", ["header.x-trace-note"]), answer.text
        assert "请求头" in answer.json()["detail"]
    fine = await client.get("/things/a", headers={"x-trace-note": "plain"})
    assert fine.status_code == 200


async def test_a_compressed_body_is_415_not_read_as_if_plain(client: httpx.AsyncClient) -> None:
    for url in ("/things", "/lane/things"):
        answer = await client.post(
            url, content=b'{"name": "n"}', headers={**STAFF, **JSON, "content-encoding": "gzip"}
        )
        assert problem(answer)[:2] == (415, "unsupported_media_type"), (url, answer.text)
        assert "压缩" in answer.json()["detail"]
    assert reached == []


async def test_a_form_without_files_takes_only_urlencoded(client: httpx.AsyncClient) -> None:
    """/identity/token took multipart/form-data although its contract lists only the urlencoded form."""
    answer = await client.post("/login", files={"name": (None, "x")})
    assert problem(answer)[:2] == (415, "unsupported_media_type")
    assert (await client.post("/login", data={"name": "x"})).status_code == 200


def test_a_date_is_only_a_calendar_date_never_seconds_since_1970() -> None:
    """Outside try of issue 18: `GET /identity/organizations?valid_on=0` (and `1796515200`) was read as a date."""
    from pydantic import TypeAdapter, ValidationError

    from meshkit.legaldate import IsoDate

    dates = TypeAdapter(IsoDate)
    assert str(dates.validate_python("2026-12-06")) == "2026-12-06"
    assert str(dates.validate_json('"2026-12-06"')) == "2026-12-06"
    for wrong in (0, 0.0, "0", "1796515200", "2026-12-06T00:00:00", "20261206"):
        with pytest.raises(ValidationError, match="YYYY-MM-DD"):
            dates.validate_python(wrong)
