"""The city-level approval platform's case-exchange API, as the hub calls it: signed POSTs of record batches.

Body: ``{"batch_id", "source", "sync_time", "records": [...]}``, each record with its own sync metadata
(``batch``, ``operation``, ``sync_time``, ``source``) and its ``record_id``; a batch holds, per case, only
consecutive records in order. Headers: the signature set of :mod:`exchange.signing` over the whole body (one
signature per batch) and ``Idempotency-Key`` = the batch id. The platform answers 200 with one result per record
(``accepted``, ``duplicate`` — it had that record id already —, ``refused`` with an ``error``, or ``skipped`` when
an earlier record of the same case in the batch was refused, so a case never arrives out of order). Anything else
(down, slow, 4xx/5xx, a malformed answer) is a failure of the whole batch.
"""

from __future__ import annotations

import asyncio
import json
import secrets
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

import httpx

from exchange.domain.city import Outbound, RecordResult, signing_input
from exchange.signing import HEADER_ALG, HEADER_NONCE, HEADER_SIGNATURE, HEADER_TIMESTAMP, Signer

__all__ = ["Answer", "CityPlatformClient", "CityRefused", "batch_body", "signed_headers"]


def _compact(value: dict[str, object]) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class CityRefused(Exception):
    """The platform did not take the batch (down, slow, refusing it, or answering nonsense)."""


@dataclass(frozen=True)
class Answer:
    result: RecordResult
    error: str | None = None


def signed_headers(signer: Signer, body: bytes) -> dict[str, str]:
    """The signature headers for ``body`` (blocking: call in a thread for SM2)."""
    timestamp, nonce = str(int(time.time())), secrets.token_hex(16)
    return {
        HEADER_ALG: signer.algorithm,
        HEADER_TIMESTAMP: timestamp,
        HEADER_NONCE: nonce,
        HEADER_SIGNATURE: signer.sign(signing_input(timestamp, nonce, body)),
    }


def batch_body(batch_id: str, records: Sequence[Outbound], *, source: str, sync_time: str) -> bytes:
    """The request body; each record's content is the stored JSON text, spliced in without re-encoding."""
    parts = []
    for row in records:
        meta = _compact(
            {
                "record_id": row.record_id,
                "kind": row.kind,
                "case_number": row.case_number,
                "sequence": row.event_sequence,
                "batch": row.batch,
                "operation": row.operation,
                "sync_time": sync_time,
                "source": source,
            }
        )
        parts.append(f'{meta[:-1]},"content":{row.content}}}')
    head = _compact({"batch_id": batch_id, "source": source, "sync_time": sync_time})
    return f'{head[:-1]},"records":[{",".join(parts)}]}}'.encode()


def _answers(response: httpx.Response, records: Sequence[Outbound]) -> dict[str, Answer]:
    try:
        results = response.json()["results"]
        answers = {
            str(item["record_id"]): Answer(RecordResult(item["status"]), item.get("error"))
            for item in results
        }
    except (ValueError, KeyError, TypeError) as exc:
        raise CityRefused(f"platform answered {response.status_code} without per-record results") from exc
    return {
        row.record_id: answers.get(row.record_id, Answer(RecordResult.REFUSED, "no answer for this record"))
        for row in records
    }


class CityPlatformClient:
    def __init__(self, http: httpx.AsyncClient, *, url: str, signer: Signer, timeout: float) -> None:
        self._http = http
        self._url = url
        self._signer = signer
        self._timeout = timeout

    async def deliver_batch(
        self, records: Sequence[Outbound], *, source: str, sync_time: str
    ) -> dict[str, Answer]:
        """Send one signed batch; the platform's answer per record id, or :class:`CityRefused` for all of it."""
        batch_id = str(uuid.uuid4())
        body = batch_body(batch_id, records, source=source, sync_time=sync_time)
        headers = await asyncio.to_thread(signed_headers, self._signer, body)
        headers.update({"Content-Type": "application/json", "Idempotency-Key": batch_id})
        try:
            async with asyncio.timeout(self._timeout):
                response = await self._http.post(
                    self._url, content=body, headers=headers, timeout=self._timeout
                )
        except (TimeoutError, httpx.TimeoutException) as exc:
            raise CityRefused(f"no answer within {self._timeout:.1f}s") from exc
        except httpx.HTTPError as exc:
            raise CityRefused(f"{type(exc).__name__}: {exc}"[:300]) from exc
        if response.status_code != 200:
            raise CityRefused(f"platform answered {response.status_code}: {response.text[:200]}")
        return _answers(response, records)
