"""Human passwords: the policy check and argon2id hashing (off the event loop: a hash takes tens of ms)."""

from __future__ import annotations

import asyncio

from argon2 import PasswordHasher

from identity.domain.subjects import password_problem
from identity.use_cases.errors import Invalid

__all__ = ["check_password", "hash_password"]

_HASHER = (
    PasswordHasher()
)  # argon2id, RFC 9106 low-memory profile; verification reads the parameters from the hash


def check_password(password: str) -> None:
    problem = password_problem(password)
    if problem:
        raise Invalid(
            f"密码不符合要求: {problem}",
            code="weak_password",
            errors=[{"field": "password", "message": problem, "type": "weak_password"}],
        )


async def hash_password(password: str) -> str:
    check_password(password)
    return await asyncio.to_thread(_HASHER.hash, password)
