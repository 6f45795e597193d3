from enum import StrEnum

class CatalogMaterialOutBelongsTo(StrEnum):
    APPLICANT = "applicant"
    SUBJECT = "subject"

    def __str__(self) -> str:
        return str(self.value)
