"""HTTP out: the registers identity reads through the exchange, and the SMS gateway."""

from identity.clients.registers import LegalEntity, Registers, RegistersUnavailable
from identity.clients.sms import SmsGateway, SmsUnavailable

__all__ = ["LegalEntity", "Registers", "RegistersUnavailable", "SmsGateway", "SmsUnavailable"]
