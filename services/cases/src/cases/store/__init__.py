"""Cases persistence: models, repositories, unit of work."""

from pathlib import Path

from cases.store import case_models  # registers the case tables on Base.metadata

SERVICE_ROOT = Path(__file__).resolve().parents[3]

__all__ = ["SERVICE_ROOT", "case_models"]
