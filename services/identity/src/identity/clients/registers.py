"""The population (人口基础信息, 公安) and legal-entity (法人基础信息, 市场监管) registers, read through the exchange as
identity's own system client under a registered duty (履职依据): each read is decided, logged and chained by the
hub like any department's, and shows in the person's or the company's "who read my data"."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx

__all__ = ["LegalEntity", "Registers", "RegistersUnavailable"]

TokenSource = Callable[[bool], Awaitable[str]]
"""identity's own access token for the exchange; ``True`` asks for a fresh one (after a 401)."""


class RegistersUnavailable(Exception):
    """The exchange or the register behind it did not answer usefully: nothing can be decided now."""


@dataclass(frozen=True)
class LegalEntity:
    """A 法人 record as the market-regulation register holds it. Never logged."""

    name: str
    legal_representative: str
    legal_representative_id: str

    def __repr__(self) -> str:
        return "LegalEntity(...)"


class Registers:
    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        token: TokenSource,
        duty: str,
        population: str,
        legal_entities: str,
    ) -> None:
        self._http, self._token, self._duty = http, token, duty
        self._population, self._legal_entities = population, legal_entities

    async def person_matches(self, *, id_number: str, name: str, purpose: str) -> bool:
        """Whether the population register holds this ID number under this name (实名核验)."""
        record = await self._read(
            self._population, identifier=id_number, kind="person", items=["name"], purpose=purpose
        )
        return record is not None and _same_name(str(record.get("name", "")), name)

    async def legal_entity(self, *, credit_code: str, purpose: str) -> LegalEntity | None:
        """The 法人 record of a credit code, or None when the register holds none."""
        items = ["name", "legal_representative", "legal_representative_id"]
        record = await self._read(
            self._legal_entities, identifier=credit_code, kind="enterprise", items=items, purpose=purpose
        )
        if record is None:
            return None
        return LegalEntity(
            name=str(record.get("name") or ""),
            legal_representative=str(record.get("legal_representative") or ""),
            legal_representative_id=str(record.get("legal_representative_id") or "").strip().upper(),
        )

    async def _read(
        self, resource: str, *, identifier: str, kind: str, items: list[str], purpose: str
    ) -> dict[str, Any] | None:
        body = {
            "identifier": identifier,
            "subject_kind": kind,
            "items": items,
            "purpose": purpose,
            "legal_basis": self._duty,
        }
        response = await self._post(f"/resources/{resource}/read", body, fresh=False)
        if response.status_code == 401:
            response = await self._post(f"/resources/{resource}/read", body, fresh=True)
        if response.status_code == 404 and _problem_code(response) == "record_not_found":
            return None
        if response.status_code != 200:
            raise RegistersUnavailable(f"exchange answered {response.status_code} {_problem_code(response)}")
        data: dict[str, Any] = response.json().get("data") or {}
        return data

    async def _post(self, path: str, body: dict[str, Any], *, fresh: bool) -> httpx.Response:
        headers = {"Authorization": f"Bearer {await self._token(fresh)}"}
        try:
            return await self._http.post(path, json=body, headers=headers)
        except httpx.HTTPError as exc:
            raise RegistersUnavailable(f"{type(exc).__name__} calling the exchange") from None


def _problem_code(response: httpx.Response) -> str:
    try:
        return str(response.json().get("code", ""))
    except ValueError:
        return ""


def _same_name(registered: str, given: str) -> bool:
    """Names compare without surrounding or inner blanks (a typed space is not another person)."""
    return "".join(registered.split()) == "".join(given.split()) != ""
