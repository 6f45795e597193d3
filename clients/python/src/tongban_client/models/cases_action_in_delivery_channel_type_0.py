from enum import StrEnum

class CasesActionInDeliveryChannelType0(StrEnum):
    ELECTRONIC = "electronic"
    MAIL = "mail"
    WINDOW = "window"

    def __str__(self) -> str:
        return str(self.value)
