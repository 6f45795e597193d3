"""Small statistics shared by the benchmarks."""

from __future__ import annotations

__all__ = ["percentile"]


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]
