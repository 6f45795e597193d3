from enum import StrEnum

class ExchangeListRequestsRole(StrEnum):
    ALL = "all"
    PROVIDER = "provider"
    REQUESTER = "requester"

    def __str__(self) -> str:
        return str(self.value)
