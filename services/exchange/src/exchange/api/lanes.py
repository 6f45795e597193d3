"""What the exchange's fast lanes share beyond ``meshkit.lanes``: compact JSON out."""

from __future__ import annotations

import json
from typing import Any

__all__ = ["json_bytes"]


def json_bytes(value: dict[str, Any]) -> bytes:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()
