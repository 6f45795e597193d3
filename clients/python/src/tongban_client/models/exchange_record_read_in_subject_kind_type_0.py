from enum import StrEnum

class ExchangeRecordReadInSubjectKindType0(StrEnum):
    ENTERPRISE = "enterprise"
    PERSON = "person"

    def __str__(self) -> str:
        return str(self.value)
