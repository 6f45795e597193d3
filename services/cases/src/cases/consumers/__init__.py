"""Events in: one module per consumed event."""

from cases.consumers.bundle_published import BUNDLE_PUBLISHED_CONSUMER
from cases.consumers.bundle_retired import BUNDLE_RETIRED_CONSUMER
from cases.consumers.case_concluded import CASE_CONCLUDED_CONSUMER
from cases.consumers.matter_published import MATTER_PUBLISHED_CONSUMER
from cases.consumers.matter_retired import MATTER_RETIRED_CONSUMER

__all__ = ["CONSUMERS"]

CONSUMERS = [
    MATTER_PUBLISHED_CONSUMER,
    MATTER_RETIRED_CONSUMER,
    BUNDLE_PUBLISHED_CONSUMER,
    BUNDLE_RETIRED_CONSUMER,
    CASE_CONCLUDED_CONSUMER,
]
