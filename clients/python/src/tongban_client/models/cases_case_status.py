from enum import StrEnum

class CasesCaseStatus(StrEnum):
    ACCEPTED = "accepted"
    APPROVED = "approved"
    DELIVERED = "delivered"
    DENIED = "denied"
    IN_REVIEW = "in_review"
    PARTIALLY_GRANTED = "partially_granted"
    PRE_REVIEW = "pre_review"
    RECEIVED = "received"
    REFUSED = "refused"
    REVIEW_SUPPLEMENT = "review_supplement"
    SPECIAL_PROCEDURE = "special_procedure"
    SUPPLEMENT_REQUESTED = "supplement_requested"
    SUSPENDED = "suspended"
    TERMINATED = "terminated"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
