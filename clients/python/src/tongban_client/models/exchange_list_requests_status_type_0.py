from enum import StrEnum

class ExchangeListRequestsStatusType0(StrEnum):
    GRANTED = "granted"
    PENDING = "pending"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
