"""Search over the Qijiang demo catalog (loaded once per session): words, partial words, pinyin, synonyms,
facets, filters and pagination."""

from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.api

RESTAURANT = "500110-SCJGJ-KBCYD-YJS"
REGISTRATION = "500110-SCJGJ-GTGSH-SL"


async def search(client: httpx.AsyncClient, **params: Any) -> dict[str, Any]:
    response = await client.get("/search", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def codes(page: dict[str, Any]) -> list[str]:
    return [item["code"] for item in page["items"]]


async def test_colloquial_words_find_the_restaurant_bundle_first(demo_client: httpx.AsyncClient) -> None:
    page = await search(demo_client, q="开饭店")
    assert page["items"][0]["code"] == RESTAURANT
    assert page["items"][0]["kind"] == "bundle"
    assert page["expanded"] is True
    assert "500110-SCJGJ-SPJY-XK" in codes(page)  # 食品经营许可, through the synonym


async def test_certificate_name_finds_business_registration(demo_client: httpx.AsyncClient) -> None:
    page = await search(demo_client, q="营业执照", limit=10)
    assert {REGISTRATION, "500110-SCJGJ-QY-SL"} <= set(codes(page))


@pytest.mark.parametrize("q", ["yyzz", "yingye", "YYZZ", "yingyezhizhao"])
async def test_pinyin_and_initials_find_business_licence_matters(
    demo_client: httpx.AsyncClient, q: str
) -> None:
    page = await search(demo_client, q=q, limit=10)
    assert REGISTRATION in codes(page)
    assert page["total"] >= 5


@pytest.mark.parametrize(
    ("q", "code"), [("体工", REGISTRATION), ("饮店", RESTAURANT), ("津贴", "500110-MZJ-GLJT")]
)
async def test_two_character_part_of_a_word_finds_its_matter(
    demo_client: httpx.AsyncClient, q: str, code: str
) -> None:
    assert code in codes(await search(demo_client, q=q))


async def test_pinyin_initials_of_a_whole_name(demo_client: httpx.AsyncClient) -> None:
    assert REGISTRATION in codes(await search(demo_client, q="gtgshsl"))


async def test_filters_combine_with_text(demo_client: httpx.AsyncClient) -> None:
    everything = await search(demo_client, q="许可", limit=100)
    market = await search(demo_client, q="许可", department="500110-SCJGJ", limit=100)
    assert 0 < market["total"] < everything["total"]
    assert {item["department_code"] for item in market["items"]} == {"500110-SCJGJ"}
    town = await search(demo_client, q="登记", level="town", zero_visits="true", limit=100)
    assert town["total"] > 0
    assert all("town" in item["levels"] and item["zero_visits"] for item in town["items"])
    licences = await search(demo_client, q="许可", type="01", bundle="false", limit=100)
    assert {item["matter_type"] for item in licences["items"]} == {"01"}
    both = await search(demo_client, q="登记", department=["500110-SCJGJ", "500110-GAJ"], limit=100)
    assert {item["department_code"] for item in both["items"]} == {"500110-SCJGJ", "500110-GAJ"}


async def test_facets_count_the_results_with_labels(demo_client: httpx.AsyncClient) -> None:
    page = await search(demo_client, q="许可", limit=1)
    facets = page["facets"]
    assert set(facets) == {"department", "level", "audience", "type", "online_depth", "zero_visits", "bundle"}
    departments = {f["value"]: f for f in facets["department"]}
    assert departments["500110-SCJGJ"]["label"] == "区市场监管局"
    assert sum(f["count"] for f in facets["department"]) == page["total"]
    assert {f["value"]: f["label"] for f in facets["level"]}["district"] == "区级"
    assert {f["value"]: f["label"] for f in facets["type"]}["01"] == "行政许可"
    assert {f["label"] for f in facets["bundle"]} <= {"一件事", "单个事项"}


async def test_browse_without_text_and_paginate(demo_client: httpx.AsyncClient) -> None:
    first = await search(demo_client, limit=50)
    assert first["total"] >= 120
    second = await search(demo_client, limit=50, offset=50)
    assert not set(codes(first)) & set(codes(second))
    bundles = await search(demo_client, bundle="true")
    assert bundles["total"] >= 3
    zero = await search(demo_client, zero_visits="true", limit=1)
    assert zero["total"] >= 5


async def test_best_match_first(demo_client: httpx.AsyncClient) -> None:
    page = await search(demo_client, q="食品经营许可")
    assert page["items"][0]["code"] == "500110-SCJGJ-SPJY-XK"  # the exact name beats partial matches
    scores = [item["score"] for item in page["items"]]
    assert scores == sorted(scores, reverse=True)


async def test_nothing_searchable_and_nothing_found(demo_client: httpx.AsyncClient) -> None:
    assert (await search(demo_client, q="！？"))["total"] >= 120  # punctuation only: browse
    assert (await search(demo_client, q="火星移民"))["total"] == 0
    too_long = await demo_client.get("/search", params={"q": "长" * 51})
    assert too_long.status_code == 422
    assert too_long.json()["code"] == "validation_failed"


async def test_synonyms_are_editor_managed(demo_client: httpx.AsyncClient, tokens: Any) -> None:
    assert (await search(demo_client, q="开网吧"))["items"][0]["code"] == "500110-WHLYW-WB-XK"  # a keyword
    assert (await search(demo_client, q="想出国"))["total"] == 0
    admin = tokens.headers(kind="staff", roles=["admin"], org="500110-ZWFWZX")
    saved = await demo_client.put("/synonyms/想出国", json={"expansions": ["普通护照"]}, headers=admin)
    assert saved.status_code == 200, saved.text
    assert "500110-GAJ-CRJ-HZ" in codes(await search(demo_client, q="想出国"))
    refused = await demo_client.put(
        "/synonyms/想出国", json={"expansions": ["x"]}, headers=tokens.headers(scope="catalog:write")
    )
    assert refused.status_code == 403
    assert (await demo_client.delete("/synonyms/想出国", headers=admin)).status_code == 204
    assert (await search(demo_client, q="想出国"))["total"] == 0


async def pages(client: httpx.AsyncClient, *, size: int, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    while True:
        page = await search(client, limit=size, offset=len(items), **params)
        items += page["items"]
        if not page["items"] or len(items) >= page["total"]:
            return items


async def test_a_broad_query_ranks_pages_and_counts_exactly(demo_client: httpx.AsyncClient) -> None:
    whole = await search(demo_client, q="登记", limit=100)
    assert 25 < whole["total"] <= 100  # broad: a quarter of the demo catalog
    assert len(whole["items"]) == whole["total"]
    assert sum(f["count"] for f in whole["facets"]["department"]) == whole["total"]
    assert sum(f["count"] for f in whole["facets"]["bundle"]) == whole["total"]
    scores = [item["score"] for item in whole["items"]]
    assert scores == sorted(scores, reverse=True)
    assert whole["items"][0]["name"].find("登记") >= 0  # a name containing the words comes first
    assert codes({"items": await pages(demo_client, q="登记", size=7)}) == codes(whole)  # stable paging
    last = await search(demo_client, q="登记", limit=5, offset=whole["total"] - 2)
    assert codes(last) == codes(whole)[-2:]
    assert last["total"] == whole["total"]


async def test_matches_outside_names_and_keywords_follow_the_ranked_ones(
    demo_client: httpx.AsyncClient,
) -> None:
    """身份证 is mostly a required material (weight C): those matters match, unranked, after the ones whose name,
    keywords or result hold the word; a page can straddle the two groups."""
    whole = await search(demo_client, q="身份证", limit=100)
    scores = [item["score"] for item in whole["items"]]
    ranked = sum(1 for score in scores if score > 0)
    assert 0 < ranked < len(scores) == whole["total"]
    assert scores == sorted(scores, reverse=True)
    sizes = [len(item["name"]) for item in whole["items"][ranked:]]
    assert sizes == sorted(sizes)  # unranked matches: shorter names first
    straddling = await search(demo_client, q="身份证", limit=4, offset=max(ranked - 2, 0))
    assert codes(straddling) == codes(whole)[max(ranked - 2, 0) : max(ranked - 2, 0) + 4]
    assert codes({"items": await pages(demo_client, q="身份证", size=3)}) == codes(whole)
