"""回流: the city platform pushes matters and cases down through a signed endpoint; the hub verifies the
signature, refuses stale or replayed pushes, stores the items sealed and announces each one."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from exchange.domain.city import signing_input
from exchange.events import CITY_CASE_RECEIVED, CITY_MATTER_RECEIVED, CityItemReceived
from exchange.sealing import Sealer
from exchange.signing import Verifier
from exchange.store.models import CityInbound
from exchange.store.unit_of_work import ExchangeUnitOfWork
from exchange.use_cases.errors import Conflict, Invalid, PayloadTooLarge
from meshkit.bounds import column_length
from meshkit.errors import ProblemError
from meshkit.hostile import hostile_in_json
from meshkit.shapes import MULTI_LINE_KEY, Shape

__all__ = ["ID_FIELDS", "SignedPush", "receive_push"]

ID_FIELDS = {"matter": "matter_code", "case": "case_number"}
MAX_BATCH = column_length(CityInbound.batch)  # the platform's batch number, as stored
MAX_ITEMS = 1000


class SignatureRefused(ProblemError):
    status = 401
    code = "invalid_signature"


@dataclass(frozen=True)
class SignedPush:
    algorithm: str
    timestamp: str
    nonce: str
    signature: str
    body: bytes


ANY_TEXT = Shape({MULTI_LINE_KEY: True})  # the city's records: text may span lines, nothing else passes


def _items(kind: str, body: bytes) -> tuple[str, list[dict[str, Any]]]:
    try:
        document = json.loads(body)
    except ValueError as exc:
        raise Invalid("推送内容不是 JSON (body is not JSON)", code="invalid_body") from exc
    refused = hostile_in_json(document, ANY_TEXT, loc=())  # NUL, bidi controls, NaN, numbers past int64
    if refused:
        raise Invalid(
            f"推送内容不符合要求：{refused[0]['msg']} ({'.'.join(map(str, refused[0]['loc']))})",
            code="invalid_body",
            errors=[
                {"field": ".".join(map(str, e["loc"])), "message": e["msg"], "type": e["type"]}
                for e in refused
            ],
        )
    items = document.get("items") if isinstance(document, dict) else None
    batch = document.get("batch") if isinstance(document, dict) else None
    if not isinstance(items, list) or not isinstance(batch, str) or not batch:
        raise Invalid(
            '推送内容须为 {"batch": 批次号, "items": [...]} (batch and items required)', code="invalid_body"
        )
    if len(batch) > MAX_BATCH:
        raise Invalid(
            f"批次号最长 {MAX_BATCH} 个字符 (batch over {MAX_BATCH})",
            code="invalid_body",
            errors=[
                {"field": "batch", "message": f"长度不能超过 {MAX_BATCH} 个字符", "type": "string_too_long"}
            ],
        )
    if len(items) > MAX_ITEMS:
        raise PayloadTooLarge(f"每批最多 {MAX_ITEMS} 项")
    field = ID_FIELDS[kind]
    bad = [
        i
        for i, item in enumerate(items)
        if not isinstance(item, dict) or not str(item.get(field, "")).strip()
    ]
    if bad:
        raise Invalid(
            f"第 {', '.join(str(i + 1) for i in bad[:10])} 项缺少 {field}",
            code="invalid_body",
            errors=[{"field": f"items.{i}.{field}", "message": "required"} for i in bad],
        )
    return batch, items


async def receive_push(
    uow: ExchangeUnitOfWork,
    *,
    kind: str,
    push: SignedPush,
    verifier: Verifier,
    sealer: Sealer,
    now: datetime,
    max_skew: float,
) -> list[int]:
    """Verify and store one push; returns the stored item ids."""
    try:
        sent = float(push.timestamp)
    except ValueError:
        raise SignatureRefused("签名时间戳无效 (bad timestamp)") from None
    if abs(now.timestamp() - sent) > max_skew:
        raise SignatureRefused(
            "签名已过期或时间不同步 (timestamp outside the allowed skew)", code="signature_expired"
        )
    message = signing_input(push.timestamp, push.nonce, push.body)
    if not await asyncio.to_thread(verifier.verify, push.algorithm, message, push.signature):
        raise SignatureRefused("签名验证失败 (signature does not verify)")
    batch, items = _items(kind, push.body)
    if not await uow.city_inbound.first_use(push.nonce[:64]):
        raise Conflict("重复的推送 (nonce already used: replay refused)", code="replayed_push")
    spec = CITY_MATTER_RECEIVED if kind == "matter" else CITY_CASE_RECEIVED
    stored = []
    for item in items:
        external_id = str(item[ID_FIELDS[kind]])[:100]
        row = CityInbound(
            kind=kind, external_id=external_id, batch=batch, nonce=push.nonce[:64], sealed=sealer.seal(item)
        )
        uow.city_inbound.add(row)
        await uow.flush()
        stored.append(row.id)
        payload = CityItemReceived(
            kind="matter" if kind == "matter" else "case",
            external_id=external_id,
            batch=batch,
            inbound_id=row.id,
        )
        await uow.publish(spec, aggregate_id=f"{kind}:{external_id}", sequence=row.id, payload=payload)
    await uow.commit()
    return stored
