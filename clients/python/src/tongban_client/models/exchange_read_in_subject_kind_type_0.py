from enum import StrEnum

class ExchangeReadInSubjectKindType0(StrEnum):
    ENTERPRISE = "enterprise"
    PERSON = "person"

    def __str__(self) -> str:
        return str(self.value)
