"""Who asked, as the person whose data it was reads her own log: "您本人" for her own attempts, "其他人" for another
citizen's or company's (never who), nothing for a department's (its organization and system name it). Pure.

Decided from what the access log recorded of the requester (``caller``, ``caller_kind``, ``org_code``) against the
reader's token subject — never from anything the reader sends."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["PRIVATE_KINDS", "REQUESTER_LABELS", "Requester", "requester_of"]

PRIVATE_KINDS = frozenset({"person", "enterprise"})  # logins of citizens and companies, not of departments

REQUESTER_LABELS = {"self": "您本人", "own_enterprise": "本单位", "other": "其他人"}


@dataclass(frozen=True)
class Requester:
    code: str  # self | own_enterprise | other
    label: str


def requester_of(
    *,
    entry_caller: str,
    entry_kind: str,
    entry_org: str | None,
    reader_sub: str,
    reader_kind: str,
    reader_org: str | None,
) -> Requester | None:
    """Whose attempt an entry of the reader's log was; None when a department (staff or system) read."""
    if entry_kind not in PRIVATE_KINDS:
        return None
    if entry_kind == reader_kind == "person" and entry_caller == reader_sub:
        code = "self"
    elif entry_kind == reader_kind == "enterprise" and reader_org is not None and entry_org == reader_org:
        code = "self" if entry_caller == reader_sub else "own_enterprise"
    else:
        code = "other"
    return Requester(code, REQUESTER_LABELS[code])
