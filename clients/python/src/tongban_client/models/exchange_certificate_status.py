from enum import StrEnum

class ExchangeCertificateStatus(StrEnum):
    吊销 = "吊销"
    失效 = "失效"
    撤销 = "撤销"
    暂扣 = "暂扣"
    有效 = "有效"
    注销 = "注销"

    def __str__(self) -> str:
        return str(self.value)
