from enum import StrEnum

class CasesApplicationInSubjectKind(StrEnum):
    ENTERPRISE = "enterprise"
    NEWBORN = "newborn"
    PERSON = "person"

    def __str__(self) -> str:
        return str(self.value)
