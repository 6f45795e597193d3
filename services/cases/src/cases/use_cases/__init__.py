"""What the cases service does: one async function per operation, each committing explicitly."""

from cases.use_cases.matters import MatterNotOpen, get_open_matter, list_open_matters

__all__ = ["MatterNotOpen", "get_open_matter", "list_open_matters"]
