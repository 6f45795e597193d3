"""The access log (访问日志): "who read my data" for citizens and companies, the chain verifier, the signed
checkpoints and the keys that check them."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from exchange.api.dependencies import NowDep, ReadPathDep, UowDep, permitted
from exchange.domain.access import Operation
from exchange.domain.labels import OUTCOME_LABELS, REASON_LABELS
from exchange.domain.requesters import requester_of
from exchange.runtime import runtime_of
from exchange.store.models import AccessEntry
from exchange.use_cases import access_log, checkpoints
from exchange.use_cases.access_log import CheckpointTrust, MyReads
from exchange.use_cases.bases import BasisUnavailable
from exchange.use_cases.checkpoints import CheckpointRecord
from exchange.use_cases.errors import Unavailable
from meshkit.auth import CurrentPrincipal, Principal
from meshkit.bounds import JSON_INTEGER_MAX, MAX_OFFSET
from meshkit.errors import problem_responses
from meshkit.headers import NoStore
from meshkit.labels import label_of
from meshkit.observability import redact

__all__ = ["router"]

router = APIRouter(prefix="/access-log", tags=["访问日志 (access log)"])


class ReadOfMyData(BaseModel):
    id: uuid.UUID
    at: datetime
    organization_code: str | None = Field(description="the reading department's code, for integrators")
    organization: str | None = Field(
        description="name of the reading department (读取部门); for a citizen's or company's own login, the "
        "organization running the system it read through (e.g. the web hall's 綦江区行政服务中心)"
    )
    system: str = Field(description="the client id of the system that read, for integrators")
    system_name: str | None = Field(
        default=None,
        description="the reading system by its name (读取系统), as the hub's operators entered it for the "
        "member (none: not entered yet)",
    )
    read_by: str = Field(
        default="",
        description="who read, in Chinese (读取方): organization, system and, for a citizen's or company's own "
        "login, the kind of user — e.g. 区税务局的区税务局征管系统, 个人用户经綦江区行政服务中心的通办网上办事大厅查询",
    )
    resource_code: str
    resource: str | None
    items: list[str]
    item_names: list[str] = Field(description="the data items read, by their Chinese names (数据项)")
    purpose: str | None
    case_ref: str | None
    legal_basis: str | None
    outcome: str
    outcome_label: str = Field(description="已提供数据, 允许读取，但提供部门没有该记录, 已拒绝 or 未能读取")
    reason: str | None
    reason_label: str | None = Field(description="why it was refused or failed, in Chinese")
    requester: str | None = Field(
        default=None,
        description="for a citizen's or company's own login that asked: self (the reader herself), "
        "own_enterprise (another login of the reader's company) or other (another citizen or company — never "
        "who); none when a department read (its organization and system say who)",
    )
    requester_label: str | None = Field(default=None, description="您本人, 本单位 or 其他人")


class BrokenLink(BaseModel):
    seq: int
    entry_id: str | None
    problem: str = Field(
        description="content_changed | link_broken | missing_entries | not_chained | head_mismatch | "
        "checkpoint_mismatch (rewritten between since_checkpoint and checkpoint) | head_behind_checkpoint (a "
        "tail cut or the log emptied, the head moved back) | checkpoint_signature_invalid | receipt_invalid"
    )
    detail: str
    checkpoint: int | None = Field(default=None, description="the checkpoint the chain fails against")
    since_checkpoint: int | None = Field(
        default=None, description="the last checkpoint the chain still matched (none: from the start)"
    )


class CheckpointOut(BaseModel):
    n: int
    seq: int
    hash: str
    signed_at: datetime
    key_id: str
    signature: str = Field(description="Ed25519 over the checkpoint's canonical JSON, base64")
    digest: str = Field(description="SHA-256 of the message and the signature: what the witness time-stamped")
    witnessed_at: datetime | None = Field(
        description="the witness's time-stamp (none yet: delivery retrying)"
    )
    receipt: dict[str, str] | None = Field(
        description="the witness's token: tst_info (base64 of its TSTInfo JSON), signature, algorithm, key_id"
    )


class ChainReportOut(BaseModel):
    intact: bool
    checked: int
    head_seq: int
    head_hash: str
    first_broken: BrokenLink | None
    checkpoints_checked: int = Field(
        default=0, description="signed checkpoints the chain was checked against"
    )
    last_checkpoint: CheckpointOut | None = Field(
        default=None,
        description="compare it with the copies kept outside (the witness, the published events)",
    )
    entries_since_checkpoint: int = Field(
        default=0, description="entries after the last checkpoint: not yet protected by one"
    )
    unwitnessed_checkpoints: int = Field(default=0, description="checkpoints still waiting for the witness")


class PublicKeyOut(BaseModel):
    key_id: str
    algorithm: str = "Ed25519"
    public_key: str = Field(description="raw 32-byte public key, hex")
    current: bool = Field(description="the key new checkpoints are signed with")


class CheckpointKeysOut(BaseModel):
    checkpoint_keys: list[PublicKeyOut]
    witness_keys: list[PublicKeyOut] = Field(description="the time-stamping authority's keys the hub accepts")


async def _trust(request: Request) -> CheckpointTrust:
    trust = runtime_of(request).checkpoint_trust
    return trust


TrustDep = Annotated[CheckpointTrust, Depends(_trust)]


def _checkpoint_out(found: CheckpointRecord) -> CheckpointOut:
    signed = found.signed
    return CheckpointOut(
        n=signed.n,
        seq=signed.seq,
        hash=signed.hash,
        signed_at=signed.signed_at,
        key_id=signed.key_id,
        signature=signed.signature,
        digest=signed.digest,
        witnessed_at=found.witnessed_at,
        receipt=None if found.receipt is None else {k: str(v) for k, v in found.receipt.items()},
    )


def _shown(text: str | None) -> str | None:
    """What a reader wrote, as people see it: anything shaped like an ID number, credit code or phone masked (the
    chain keeps the text as written)."""
    return None if text is None else redact(text)


@router.get(
    "/mine",
    response_model=list[ReadOfMyData],
    responses=problem_responses(401, 403, 503),
    dependencies=[NoStore],
)
async def reads_of_my_data(
    uow: UowDep,
    principal: CurrentPrincipal,
    now: NowDep,
    path: ReadPathDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    newborn_id: Annotated[
        str | None,
        Query(
            max_length=36,
            description="a newborn child the caller is guardian of (identity's records): its reads instead",
        ),
    ] = None,
) -> list[ReadOfMyData]:
    """Who read my data (谁查看了我的数据), newest first: every read of the caller's resident ID (a person) or
    credit code (an enterprise's login), as the hub resolved it from the identifier read — including reads made
    before the account existed. Entries hidden under an investigation duty appear once their date has passed.
    A guardian sees her newborn child's with `newborn_id` (新生儿的数据被谁查看)."""

    async def subject_ref(kind: str, owner_id: str) -> str | None:
        try:
            return await path.bases.subject_ref(path.database, kind, owner_id)
        except BasisUnavailable:
            raise Unavailable(
                "暂时无法确认您的身份信息，请稍后重试 (identity cannot be asked now)",
                code="identity_unavailable",
                headers={"Retry-After": "5"},
            ) from None

    async def ward_ref(person_id: str, child_id: str) -> str | None:
        try:
            return await path.bases.ward_ref(person_id, child_id)
        except BasisUnavailable:
            raise Unavailable(
                "暂时无法确认监护关系，请稍后重试 (identity cannot be asked now)",
                code="identity_unavailable",
                headers={"Retry-After": "5"},
            ) from None

    found = await access_log.reads_of_my_data(
        uow,
        caller=principal,
        subject_ref=subject_ref,
        now=now,
        limit=limit,
        offset=offset,
        newborn_id=newborn_id,
        ward_ref=ward_ref,
    )
    return [ReadOfMyData(**_read_fields(found, e), **_requester_fields(principal, e)) for e in found.entries]


def _requester_fields(reader: Principal, e: AccessEntry) -> dict[str, str | None]:
    """Whose attempt it was, from the log's recorded requester against the reader's token subject."""
    found = requester_of(
        entry_caller=e.caller,
        entry_kind=e.caller_kind,
        entry_org=e.org_code,
        reader_sub=reader.sub,
        reader_kind=reader.kind,
        reader_org=reader.org,
    )
    return {"requester": found.code, "requester_label": found.label} if found else {}


def _read_fields(found: MyReads, e: AccessEntry) -> dict[str, Any]:
    """What a person reads of one entry: each code with its name beside it."""
    return {
        "id": e.id,
        "at": e.at,
        "organization_code": e.org_code,
        "organization": found.organization_of(e),
        "system": e.client_id,
        "system_name": found.system_names.get(e.client_id),
        "read_by": found.read_by(e),
        "resource_code": e.resource_code,
        "resource": found.resource_names.get(e.resource_code),
        "items": list(e.items),
        "item_names": found.item_names_of(e),
        "purpose": _shown(e.purpose),
        "case_ref": e.case_ref,
        "legal_basis": _shown(e.legal_basis),
        "outcome": e.outcome,
        "outcome_label": label_of(OUTCOME_LABELS, e.outcome),
        "reason": e.reason,
        "reason_label": label_of(REASON_LABELS, e.reason),
    }


class HiddenRead(ReadOfMyData):
    reader: str = Field(description="who read, and so hid it (the user or system)")
    hidden_until: datetime = Field(description="when the subject sees it")


@router.get(
    "/hidden", response_model=list[HiddenRead], responses=problem_responses(401, 403), dependencies=[NoStore]
)
async def hidden_reads(
    uow: UowDep,
    principal: Annotated[
        Principal, permitted(Operation.AUDIT, Operation.ADMINISTER, what="查看暂不告知的查询记录")
    ],
    now: NowDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> list[HiddenRead]:
    """Reads hidden from their subject until a date (暂不告知的查询记录), newest first, with who read and hid them
    and under which registered duty: auditors (role `auditor`, scope `exchange:audit`) and operators."""
    found = await access_log.hidden_reads(uow, caller=principal, now=now, limit=limit, offset=offset)
    return [
        HiddenRead(**_read_fields(found, e), reader=e.caller, hidden_until=e.hidden_until)
        for e in found.entries
        if e.hidden_until is not None
    ]


@router.get("/chain", response_model=ChainReportOut, responses=problem_responses(401, 403))
async def verify_chain(
    uow: UowDep,
    principal: Annotated[
        Principal, permitted(Operation.AUDIT, Operation.ADMINISTER, what="校验访问日志", code="forbidden")
    ],
    trust: TrustDep,
) -> ChainReportOut:
    """Verify the hash chain (校验日志哈希链) link by link and against every signed checkpoint, and report the first
    break (operators and auditors)."""
    report = await access_log.verify_chain(uow, caller=principal, trust=trust)
    broken = report.first_broken
    last = report.last_checkpoint
    return ChainReportOut(
        intact=report.intact,
        checked=report.checked,
        head_seq=report.head_seq,
        head_hash=report.head_hash,
        first_broken=None
        if broken is None
        else BrokenLink(
            seq=broken.seq,
            entry_id=broken.entry_id,
            problem=broken.problem,
            detail=broken.detail,
            checkpoint=broken.checkpoint,
            since_checkpoint=broken.since_checkpoint,
        ),
        checkpoints_checked=report.checkpoints_checked,
        last_checkpoint=None if last is None else _checkpoint_out(last),
        entries_since_checkpoint=max(0, report.head_seq - (0 if last is None else last.signed.seq)),
        unwitnessed_checkpoints=report.unwitnessed,
    )


@router.get("/checkpoints", response_model=list[CheckpointOut], responses=problem_responses(401, 403))
async def list_checkpoints(
    uow: UowDep,
    principal: Annotated[Principal, permitted(Operation.ADMINISTER, what="查看日志检查点", code="forbidden")],
    after: Annotated[int, Query(ge=0, le=JSON_INTEGER_MAX, description="checkpoints after this number")] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[CheckpointOut]:
    """The chain's signed checkpoints with the witness's receipts, oldest first (operators only: role `operator`,
    scope `exchange:admin`): keep a copy outside the hub, or compare them with the witness's own record. Auditors
    see the last checkpoint and its receipt in `GET /access-log/chain`."""
    found = await checkpoints.list_checkpoints(uow, caller=principal, after=after, limit=limit)
    return [_checkpoint_out(one) for one in found]


@router.get("/checkpoint-keys", response_model=CheckpointKeysOut)
async def checkpoint_keys(trust: TrustDep) -> CheckpointKeysOut:
    """The public keys that check the checkpoints' signatures and the witness's receipts (公开, no token)."""
    current = trust.signing_key_id
    return CheckpointKeysOut(
        checkpoint_keys=[
            PublicKeyOut(
                key_id=kid, public_key=trust.checkpoint_keys.public_key_hex(kid), current=kid == current
            )
            for kid in trust.checkpoint_keys.ids
        ],
        witness_keys=[
            PublicKeyOut(key_id=kid, public_key=trust.witness_keys.public_key_hex(kid), current=n == 0)
            for n, kid in enumerate(trust.witness_keys.ids)
        ],
    )
