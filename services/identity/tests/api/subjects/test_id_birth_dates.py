"""issue 18 failure 7: a resident ID number whose birth date is in the future (or before 1900) is refused."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest
from stdnum.cn import ric

from .conftest import PASSWORD, World

pytestmark = pytest.mark.api


def born(day: str, region: str = "500110") -> str:
    base = f"{region}{day}012"
    return base + ric.calc_check_digit(base + "0")


def tomorrow() -> str:
    return (datetime.now(ZoneInfo("Asia/Shanghai")).date() + timedelta(days=1)).strftime("%Y%m%d")


@pytest.mark.parametrize(
    ("number", "why"),
    [
        (born(tomorrow()), "晚于今天"),
        (born("20991231"), "晚于今天"),
        (born("18991231", "110101"), "早于 1900 年"),
    ],
    ids=["tomorrow", "2099", "1899"],
)
async def test_issue_18_failure_7_id_number_born_in_the_future_is_refused_everywhere(
    client: httpx.AsyncClient, world: World, number: str, why: str
) -> None:
    assert ric.is_valid(number)  # stdnum alone accepts it
    registration = {"name": "王小红", "id_number": number, "phone": "13912345678", "password": PASSWORD}
    attempts = [
        await client.post("/persons", json=registration),  # online registration
        await client.post("/persons", json=registration, headers=world.headers("clerk")),  # at the window
        await client.post("/persons/lookup", json={"id_number": number}, headers=world.headers("clerk")),
    ]
    for response in attempts:
        assert response.status_code == 422, response.text
        problem = response.json()
        assert problem["code"] == "invalid_id_number"
        assert why in problem["detail"]
        assert problem["errors"][0] == {
            **problem["errors"][0],
            "field": "body.id_number",
            "check": "component",
        }
        assert number not in response.text
