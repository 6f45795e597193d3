"""Whom a case is about (办理对象) beside who applies (申请人). Pure.

A person applies for herself, for an enterprise she represents or is an agent of, or for her newborn child (who
has no ID number yet); identity's records say which of these links exists, never the caller's word."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Party", "SubjectKind", "masked_name", "own_name", "relation_needed", "subject_label"]


class SubjectKind(StrEnum):
    PERSON = "person"
    ENTERPRISE = "enterprise"
    NEWBORN = (
        "newborn"  # a child registered in identity by its guardian, before 出生登记 gives it an ID number
    )


_LABELS = {"person": "自然人", "enterprise": "法人", "newborn": "新生儿"}

# The relations identity may answer that let an applicant file about a subject of each kind.
_RELATIONS = {
    SubjectKind.NEWBORN: frozenset({"guardian"}),
    SubjectKind.ENTERPRISE: frozenset({"legal_representative", "agent"}),
    SubjectKind.PERSON: frozenset[
        str
    ](),  # another adult's matter is filed by them, or for them by a clerk (代办)
}


@dataclass(frozen=True)
class Party:
    kind: str
    id: str


def subject_label(kind: str) -> str:
    return _LABELS.get(kind, kind)


def relation_needed(*, applicant: Party, subject: Party) -> frozenset[str] | None:
    """None when the subject is the applicant (nothing to ask); else the relations of the applicant to the subject
    identity must confirm (empty: no relation allows it, e.g. another adult, or an enterprise filing about
    someone else)."""
    if subject == applicant:
        return None
    if applicant.kind != SubjectKind.PERSON:
        return frozenset()
    return _RELATIONS[SubjectKind(subject.kind)]


def masked_name(kind: str, name: str) -> str:
    """A name as a clerk's list shows it (GB/T 35273 去标识化 examples): a person's surname and last character
    (陈*梅, 张*), an enterprise's in full (a registered name is public)."""
    if kind == SubjectKind.ENTERPRISE or len(name) < 2:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def own_name(kind: str, name: str) -> str:
    """A party's name as the applicant reads it on her own case, in full (she is entitled to it): a newborn
    marked as one, since its name alone could be anyone's (陈小宝（新生儿）)."""
    return f"{name}（{_LABELS[kind]}）" if kind == SubjectKind.NEWBORN else name
