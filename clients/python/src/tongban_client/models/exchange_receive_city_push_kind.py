from enum import StrEnum

class ExchangeReceiveCityPushKind(StrEnum):
    CASES = "cases"
    MATTERS = "matters"

    def __str__(self) -> str:
        return str(self.value)
