from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.exchange_backlog import ExchangeBacklog





T = TypeVar("T", bound="ExchangeSubscriptionOut")



@_attrs_define
class ExchangeSubscriptionOut:
    """ 
        Attributes:
            channel (str):
            created_at (datetime.datetime | None):
            id (UUID):
            member_code (str):
            nats_subject (None | str): for NATS subscriptions: where notifications are published
            resource_code (str):
            webhook_url (None | str):
            backlog (ExchangeBacklog | None | Unset):
            secret (None | str | Unset): webhook HMAC secret, shown only once at creation
     """

    channel: str
    created_at: datetime.datetime | None
    id: UUID
    member_code: str
    nats_subject: None | str
    resource_code: str
    webhook_url: None | str
    backlog: ExchangeBacklog | None | Unset = UNSET
    secret: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.exchange_backlog import ExchangeBacklog # noqa: PLC0415
        channel = self.channel

        created_at: None | str
        if isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        id = str(self.id)

        member_code = self.member_code

        nats_subject: None | str
        nats_subject = self.nats_subject

        resource_code = self.resource_code

        webhook_url: None | str
        webhook_url = self.webhook_url

        backlog: dict[str, Any] | None | Unset
        if isinstance(self.backlog, Unset):
            backlog = UNSET
        elif isinstance(self.backlog, ExchangeBacklog):
            backlog = self.backlog.to_dict()
        else:
            backlog = self.backlog

        secret: None | str | Unset
        if isinstance(self.secret, Unset):
            secret = UNSET
        else:
            secret = self.secret


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "channel": channel,
            "created_at": created_at,
            "id": id,
            "member_code": member_code,
            "nats_subject": nats_subject,
            "resource_code": resource_code,
            "webhook_url": webhook_url,
        })
        if backlog is not UNSET:
            field_dict["backlog"] = backlog
        if secret is not UNSET:
            field_dict["secret"] = secret

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exchange_backlog import ExchangeBacklog # noqa: PLC0415
        d = dict(src_dict)
        channel = d.pop("channel")

        def _parse_created_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)



                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        created_at = _parse_created_at(d.pop("created_at"))


        id = UUID(d.pop("id"))




        member_code = d.pop("member_code")

        def _parse_nats_subject(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        nats_subject = _parse_nats_subject(d.pop("nats_subject"))


        resource_code = d.pop("resource_code")

        def _parse_webhook_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        webhook_url = _parse_webhook_url(d.pop("webhook_url"))


        def _parse_backlog(data: object) -> ExchangeBacklog | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                backlog_type_0 = ExchangeBacklog.from_dict(data)



                return backlog_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExchangeBacklog | None | Unset, data)

        backlog = _parse_backlog(d.pop("backlog", UNSET))


        def _parse_secret(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        secret = _parse_secret(d.pop("secret", UNSET))


        exchange_subscription_out = cls(
            channel=channel,
            created_at=created_at,
            id=id,
            member_code=member_code,
            nats_subject=nats_subject,
            resource_code=resource_code,
            webhook_url=webhook_url,
            backlog=backlog,
            secret=secret,
        )


        exchange_subscription_out.additional_properties = d
        return exchange_subscription_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
