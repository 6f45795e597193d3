from enum import StrEnum

class CasesApplicationInApplicantKind(StrEnum):
    ENTERPRISE = "enterprise"
    PERSON = "person"

    def __str__(self) -> str:
        return str(self.value)
