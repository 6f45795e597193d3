"""Catalog rules as pure functions, values and enums (DOMAIN.md §4)."""
