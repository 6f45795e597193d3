from enum import StrEnum

class CasesEvaluationInChannel(StrEnum):
    HALL = "hall"
    ONLINE = "online"

    def __str__(self) -> str:
        return str(self.value)
