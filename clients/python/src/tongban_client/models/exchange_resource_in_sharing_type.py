from enum import StrEnum

class ExchangeResourceInSharingType(StrEnum):
    CONDITIONAL = "conditional"
    NOT_SHARED = "not_shared"
    UNCONDITIONAL = "unconditional"

    def __str__(self) -> str:
        return str(self.value)
