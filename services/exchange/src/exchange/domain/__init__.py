"""The exchange's rules as pure functions and enums (DOMAIN.md §6–7)."""

from exchange.domain.sharing import Outcome, Refusal, SharingMethod, SharingType

__all__ = ["Outcome", "Refusal", "SharingMethod", "SharingType"]
