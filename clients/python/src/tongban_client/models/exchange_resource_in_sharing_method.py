from enum import StrEnum

class ExchangeResourceInSharingMethod(StrEnum):
    API = "api"
    FILE = "file"
    TABLE = "table"

    def __str__(self) -> str:
        return str(self.value)
