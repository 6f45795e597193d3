from enum import StrEnum

class CatalogBundleMaterialOutBelongsTo(StrEnum):
    APPLICANT = "applicant"
    SUBJECT = "subject"

    def __str__(self) -> str:
        return str(self.value)
