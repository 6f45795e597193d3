from enum import StrEnum

class IdentityOrganizationKind(StrEnum):
    DEPARTMENT = "department"
    DISTRICT_CENTER = "district_center"
    EXTERNAL = "external"
    TERRITORY = "territory"
    TOWN_CENTER = "town_center"
    VILLAGE_CENTER = "village_center"

    def __str__(self) -> str:
        return str(self.value)
