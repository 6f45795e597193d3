from enum import StrEnum

class CasesAction(StrEnum):
    ACCEPT = "accept"
    APPROVE = "approve"
    BEGIN_SPECIAL = "begin_special"
    DELIVER = "deliver"
    DENY = "deny"
    END_SPECIAL = "end_special"
    EXTEND = "extend"
    PRE_REVIEW = "pre_review"
    REFUSE = "refuse"
    REQUEST_REVIEW_SUPPLEMENT = "request_review_supplement"
    REQUEST_SUPPLEMENT = "request_supplement"
    RESUME = "resume"
    START_REVIEW = "start_review"
    SUPPLEMENT = "supplement"
    SUSPEND = "suspend"
    TERMINATE = "terminate"
    WITHDRAW = "withdraw"

    def __str__(self) -> str:
        return str(self.value)
