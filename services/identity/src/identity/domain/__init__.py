"""Identity rules as pure functions and enums."""

from identity.domain.organizations import OrganizationKind
from identity.domain.tokens import access_token_claims, granted_scopes

__all__ = ["OrganizationKind", "access_token_claims", "granted_scopes"]
