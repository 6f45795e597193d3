from enum import StrEnum

class ExchangeResourceInSubjectKind(StrEnum):
    ENTERPRISE = "enterprise"
    PERSON = "person"

    def __str__(self) -> str:
        return str(self.value)
