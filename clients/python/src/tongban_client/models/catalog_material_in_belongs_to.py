from enum import StrEnum

class CatalogMaterialInBelongsTo(StrEnum):
    APPLICANT = "applicant"
    SUBJECT = "subject"

    def __str__(self) -> str:
        return str(self.value)
