"""The Qijiang demo catalog: 133 matters of 24 departments, 4 一件事 bundles, search synonyms."""

from catalog.demo.loader import MATTERS, SYSTEM, Loaded, load

__all__ = ["MATTERS", "SYSTEM", "Loaded", "load"]
