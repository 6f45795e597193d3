"""What the exchange does: one async function per operation, in modules by topic.

The directory operations are re-exported here, where they have always been.
"""

from exchange.use_cases.directory import get_resource, list_resources, register_resource
from exchange.use_cases.errors import ResourceNotFound

__all__ = ["ResourceNotFound", "get_resource", "list_resources", "register_resource"]
