from enum import StrEnum

class IdentityStaffRole(StrEnum):
    ADMIN = "admin"
    AUDITOR = "auditor"
    DEPARTMENT_HEAD = "department_head"
    OPERATOR = "operator"
    REVIEWER = "reviewer"
    SUPERVISOR = "supervisor"
    WINDOW_CLERK = "window_clerk"

    def __str__(self) -> str:
        return str(self.value)
