from enum import StrEnum

class CatalogMatterOutcomeOutOutcome(StrEnum):
    CREATED = "created"
    PUBLISHED = "published"
    UNCHANGED = "unchanged"
    UPDATED = "updated"

    def __str__(self) -> str:
        return str(self.value)
