"""Exchange persistence: models, repositories, unit of work."""

from pathlib import Path

SERVICE_ROOT = Path(__file__).resolve().parents[3]
