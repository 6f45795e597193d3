"""Fake but well-formed residents of Qijiang for the population simulator: valid ID numbers (GB 11643 check
digits), real town names, deterministic so every run and test sees the same people."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from stdnum.cn import ric

__all__ = ["NEIGHBOUR", "REGISTERED", "STORY_RESIDENT", "residents"]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗高林郑谢唐冯"
GIVEN = [
    "建国",
    "秀英",
    "德明",
    "晓梅",
    "志强",
    "丽娟",
    "红梅",
    "国华",
    "海燕",
    "明辉",
    "小龙",
    "春兰",
    "家豪",
    "思雨",
    "文静",
    "永福",
    "桂芳",
    "俊杰",
    "雪梅",
    "大勇",
]
PLACES = [
    ("古南街道", "綦河社区", "沿河路"),
    ("古南街道", "桥河社区", "桥河路"),
    ("文龙街道", "九龙社区", "九龙大道"),
    ("三江街道", "三江社区", "三江路"),
    ("通惠街道", "通惠社区", "通惠大道"),
    ("东溪镇", "福林村", "福林组"),
    ("赶水镇", "藻渡村", "藻渡组"),
    ("石角镇", "石角社区", "石角街"),
    ("永新镇", "永新社区", "新街"),
]


def _region(born: date) -> str:
    """綦江's county code when the number was assigned: 510223 (四川省綦江县) before 1997, 500222 (重庆市綦江县)
    until 2011, then 500110 (綦江区). python-stdnum checks the code against the birth year."""
    return "510223" if born.year < 1997 else "500222" if born.year < 2011 else "500110"


def _id_number(born: date, sequence: int) -> str:
    body = f"{_region(born)}{born:%Y%m%d}{sequence:03d}"
    return body + ric.calc_check_digit(body + "0")


def _record(
    name: str, id_number: str, address: str, relation: str, ethnicity: str = "汉族"
) -> dict[str, Any]:
    born = date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
    return {
        "name": name,
        "id_number": id_number,
        "gender": "男" if int(id_number[16]) % 2 else "女",
        "birth_date": born.isoformat(),
        "ethnicity": ethnicity,
        "address": address,
        "household_relation": relation,
    }


# DOMAIN.md §8, the same people as identity's demo persons (identity/demo.py): the resident of 古南街道 who
# opens a small restaurant, her neighbour without a smartphone, and one more registered resident.
STORY_RESIDENT = _record("陈晓梅", "500222199803070028", "重庆市綦江区古南街道綦河社区沿河路12号", "户主")
NEIGHBOUR = _record("周德明", "510223195806120035", "重庆市綦江区古南街道綦河社区沿河路14号", "户主")
REGISTERED = _record("李华", "500222200305190153", "重庆市綦江区文龙街道九龙社区九龙大道21号", "子")


def residents(count: int = 60, seed: int = 500110) -> dict[str, dict[str, Any]]:
    """The population by ID number: identity's three demo persons and ``count`` generated ones."""
    rng = random.Random(seed)  # noqa: S311 - fake people, reproducible on purpose
    people = {p["id_number"]: p for p in (STORY_RESIDENT, NEIGHBOUR, REGISTERED)}
    while len(people) < count + 3:
        born = date(1940, 1, 1) + timedelta(days=rng.randrange(0, 365 * 75))
        number = _id_number(born, rng.randrange(1, 999))
        town, village, street = rng.choice(PLACES)
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        address = f"重庆市綦江区{town}{village}{street}{rng.randrange(1, 200)}号"
        male = int(number[16]) % 2 == 1
        relation = rng.choice(["户主", "配偶", "子", "父亲"] if male else ["户主", "配偶", "女", "母亲"])
        people.setdefault(
            number, _record(name, number, address, relation, rng.choice(["汉族"] * 9 + ["苗族"]))
        )
    return people
