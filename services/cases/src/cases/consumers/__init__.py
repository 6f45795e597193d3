"""Events in: one module per consumed event."""

from cases.consumers.matter_published import MATTER_PUBLISHED_CONSUMER

__all__ = ["CONSUMERS"]

CONSUMERS = [MATTER_PUBLISHED_CONSUMER]
