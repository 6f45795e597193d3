"""The forwarding key of a local mesh: the gateway proves the client address it forwards with it, the services
check the proof (``meshkit.peers``). Generated once per ``var/`` (owner-only file), unless
``TONGBAN_FORWARDING_KEY`` is set."""

from __future__ import annotations

import secrets
from pathlib import Path

__all__ = ["FORWARDING_KEY", "forwarding_key"]

FORWARDING_KEY = "TONGBAN_FORWARDING_KEY"


def forwarding_key(path: Path) -> str:
    """The key kept at ``path``, made on first use."""
    try:
        kept = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        kept = ""
    if len(kept) >= 32:
        return kept
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600, exist_ok=True)
    path.chmod(0o600)
    key = secrets.token_urlsafe(48)
    path.write_text(key + "\n", encoding="utf-8")
    return key
