"""The access log seen from outside: a data subject's "who read my data", and the chain verifier (against the
signed checkpoints as well as link by link)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from exchange.domain.access import Caller, Operation, is_operator, may
from exchange.domain.chain import Anchor, Break, ChainWalk
from exchange.domain.checkpoints import ReceiptError, TrustedKeys, key_id, parse_receipt
from exchange.domain.labels import reader_phrase
from exchange.store.models import AccessEntry, ChainCheckpoint
from exchange.store.unit_of_work import ExchangeUnitOfWork
from exchange.use_cases.checkpoints import CheckpointRecord, record, signed
from exchange.use_cases.errors import Forbidden

__all__ = [
    "ChainReport",
    "CheckpointTrust",
    "MyReads",
    "SubjectRefOf",
    "WardRefOf",
    "hidden_reads",
    "reads_of_my_data",
    "verify_chain",
]

SubjectRefOf = Callable[[str, str], Awaitable[str | None]]
"""(kind, identity id) -> the subject ref the hub binds it to (None: identity does not know it)."""
WardRefOf = Callable[[str, str], Awaitable[str | None]]
"""(guardian's person id, newborn id) -> the newborn's subject ref (None: not the person's ward)."""

CHUNK = 5000


@dataclass(frozen=True)
class MyReads:
    """Access log entries with the names a person reads beside their codes: the reading department
    (``org_names``), the system (``system_names``, by client id), the resource and its data items."""

    entries: Sequence[AccessEntry]
    org_names: dict[str, str] = field(default_factory=dict)
    resource_names: dict[str, str] = field(default_factory=dict)
    item_names: dict[str, dict[str, str]] = field(default_factory=dict)  # resource code -> item key -> 名称
    system_names: dict[str, str] = field(default_factory=dict)  # client id -> 系统名称
    system_orgs: dict[str, str] = field(default_factory=dict)  # client id -> the member it belongs to

    def item_names_of(self, entry: AccessEntry) -> list[str]:
        names = self.item_names.get(entry.resource_code, {})
        return [names.get(item, item) for item in entry.items]

    def organization_of(self, entry: AccessEntry) -> str | None:
        """The reading organization's name: the reader's own (staff, department systems), else that of the
        system it read through — a citizen's or a company's login refused in the web hall has no organization
        of its own, and the hall's operator ran the system that asked (issue 19, remaining failure 3)."""
        code = entry.org_code or self.system_orgs.get(entry.client_id)
        return self.org_names.get(code) if code else None

    def read_by(self, entry: AccessEntry) -> str:
        """Who read, in one Chinese phrase: organization, system and — for a login that is not a department's —
        the kind of user (never which person: the reader's identity is not the subject's to see)."""
        return reader_phrase(
            organization=self.organization_of(entry),
            system=self.system_names.get(entry.client_id),
            caller_kind=entry.caller_kind,
        )


async def _named(uow: ExchangeUnitOfWork, entries: Sequence[AccessEntry]) -> MyReads:
    """The entries with the names the hub keeps (members, their systems, resources): nothing is asked per read."""
    orgs = await uow.members.names({e.org_code for e in entries if e.org_code})
    clients = {e.client_id for e in entries}
    systems = await uow.systems.names(clients)
    system_orgs = await uow.systems.members({e.client_id for e in entries if not e.org_code})
    orgs |= await uow.members.names(set(system_orgs.values()) - orgs.keys())
    codes = {e.resource_code for e in entries}
    listed = [r for r in await uow.resources.list(provider_code=None) if r.code in codes]
    resources = {r.code: r.name for r in listed}
    items = {r.code: {str(i.get("key") or i["name"]): str(i["name"]) for i in r.items} for r in listed}
    return MyReads(entries, orgs, resources, items, systems, system_orgs)


@dataclass(frozen=True)
class CheckpointTrust:
    """The keys the verifier accepts, from settings (never from the database it checks): the hub's checkpoint
    keys (current and earlier) and the witness's."""

    checkpoint_keys: TrustedKeys
    witness_keys: TrustedKeys
    signing_key_id: str  # the key new checkpoints are signed with

    @classmethod
    def of(
        cls, *, signing_public_key: str, earlier_keys: Sequence[str], witness_keys: Sequence[str]
    ) -> CheckpointTrust:
        checkpoint_keys = TrustedKeys([signing_public_key, *earlier_keys])
        return cls(checkpoint_keys, TrustedKeys(witness_keys), key_id(bytes.fromhex(signing_public_key)))


@dataclass(frozen=True)
class ChainReport:
    intact: bool
    checked: int
    head_seq: int
    head_hash: str
    first_broken: Break | None
    checkpoints_checked: int = 0
    last_checkpoint: CheckpointRecord | None = None
    unwitnessed: int = 0


async def reads_of_my_data(
    uow: ExchangeUnitOfWork,
    *,
    caller: Caller,
    subject_ref: SubjectRefOf,
    now: datetime,
    limit: int,
    offset: int,
    newborn_id: str | None = None,
    ward_ref: WardRefOf | None = None,
) -> MyReads:
    """Who read the caller's data, newest first; entries hidden until a later date are left out.

    With ``newborn_id``: the reads of her newborn child's data instead (a child without an ID number is the
    subject of its own cases), only when identity's records make the caller its guardian (``ward_ref``).

    Whose data an entry is follows from the identifier read (its subject ref), never from what the reader said:
    the caller's own subject ref comes from the hub's bindings (identity, once). A person sees reads of her
    resident ID; an enterprise's login (its representative or an authorized agent: ``org`` = the enterprise)
    sees reads of its credit code. Reads made before she registered online are hers too."""
    if newborn_id is not None:
        ref = await ward_ref(caller.sub, newborn_id) if caller.kind == "person" and ward_ref else None
        if ref is None:
            raise Forbidden(
                "只能查看本人监护的新生儿的数据访问记录 (only a newborn's guardian sees its reads)"
            )
    elif caller.kind == "person":
        ref = await subject_ref("person", caller.sub)
    elif caller.kind == "enterprise" and caller.org:
        ref = await subject_ref("enterprise", caller.org)
    else:
        raise Forbidden("只有自然人和法人本人可以查看自己数据的访问记录 (persons and enterprises only)")
    if ref is None:
        return MyReads(())
    return await _named(uow, await uow.access_log.for_subject(ref, now=now, limit=limit, offset=offset))


def _check_checkpoints(
    checkpoints: Sequence[ChainCheckpoint], trust: CheckpointTrust
) -> tuple[list[Anchor], Break | None]:
    """The checkpoints whose signatures check (the walk's anchors), and the first one that does not (its
    signature, or its receipt's)."""
    anchors: list[Anchor] = []
    problems: list[Break] = []
    for row in checkpoints:
        checkpoint = signed(row)
        if not trust.checkpoint_keys.verify_checkpoint(checkpoint):
            problems.append(
                Break(
                    row.seq,
                    None,
                    "checkpoint_signature_invalid",
                    f"第 {row.n} 号检查点的签名无效：检查点被改动或伪造 (checkpoint #{row.n}: "
                    "signature invalid)",
                    checkpoint=row.n,
                )
            )
            continue
        anchors.append(Anchor(row.n, row.seq, row.hash))
        if row.receipt is None:
            continue
        try:
            receipt = parse_receipt(row.receipt, witness=trust.witness_keys, digest=checkpoint.digest)
        except ReceiptError as exc:
            problems.append(
                Break(
                    row.seq,
                    None,
                    "receipt_invalid",
                    f"第 {row.n} 号检查点的时间戳凭证无效：{exc} (checkpoint #{row.n}: receipt invalid)",
                    checkpoint=row.n,
                )
            )
            continue
        if row.witnessed_at != receipt.gen_time:
            problems.append(
                Break(
                    row.seq,
                    None,
                    "receipt_invalid",
                    f"第 {row.n} 号检查点记录的见证时间与凭证不符 (checkpoint #{row.n}: witnessed_at "
                    "differs from the token)",
                    checkpoint=row.n,
                )
            )
    return anchors, min(problems, key=lambda b: b.seq, default=None)


async def hidden_reads(
    uow: ExchangeUnitOfWork, *, caller: Caller, now: datetime, limit: int, offset: int
) -> MyReads:
    """Reads still hidden from their subject, with who read (and hid) them under which duty: auditors and
    operators only — a hidden read is never hidden from them."""
    if not (may(caller, Operation.AUDIT) or is_operator(caller)):
        raise Forbidden(
            "只有审计或平台运维人员可以查看暂不告知的查询记录 (auditors only)", code="not_permitted"
        )
    return await _named(uow, await uow.access_log.hidden(now=now, limit=limit, offset=offset))


async def verify_chain(
    uow: ExchangeUnitOfWork, *, caller: Caller, trust: CheckpointTrust | None = None
) -> ChainReport:
    """Walk the chain up to its head in ``seq`` order and report the first broken link (operators and auditors),
    checking it against every signed checkpoint on the way and the head against the last one.

    The checkpoints are read before the head: each was signed on a head at or before the one read, so a
    checkpoint beyond the head means the head went back. Entries appended while the walk runs lie beyond the
    head it read first, so they are not judged. Without ``trust`` no key is trusted: any checkpoint present is
    reported as one whose signature does not check.
    """
    if not (may(caller, Operation.AUDIT) or is_operator(caller)):
        raise Forbidden("只有平台运维或审计人员可以校验访问日志 (operators and auditors only)")
    trust = trust or CheckpointTrust(TrustedKeys([]), TrustedKeys([]), signing_key_id="")
    checkpoints = await uow.checkpoints.all()
    anchors, checkpoint_problem = _check_checkpoints(checkpoints, trust)
    head = await uow.access_log.head()
    walk = ChainWalk(anchors=anchors)
    after = 0
    while True:
        rows = await uow.access_log.chunk(after, head.seq, CHUNK)
        if not rows or not walk.feed(rows):
            break
        after = int(rows[-1]["seq"])
    broken = walk.finish(head.seq, head.hash)
    if broken is None:
        loose = await uow.access_log.unchained()
        if loose:
            walk.feed(loose)
            broken = walk.broken
    if checkpoint_problem is not None and (broken is None or checkpoint_problem.seq < broken.seq):
        broken = checkpoint_problem
    return ChainReport(
        broken is None,
        walk.checked,
        head.seq,
        head.hash,
        broken,
        checkpoints_checked=len(checkpoints),
        last_checkpoint=record(checkpoints[-1]) if checkpoints else None,
        unwitnessed=sum(1 for row in checkpoints if row.receipt is None),
    )
