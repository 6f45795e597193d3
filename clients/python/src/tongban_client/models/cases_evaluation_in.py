from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.cases_evaluation_in_channel import CasesEvaluationInChannel
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="CasesEvaluationIn")



@_attrs_define
class CasesEvaluationIn:
    """ 
        Attributes:
            score (int): 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意
            channel (CasesEvaluationInChannel | Unset): 一事一评 online, 一次一评 hall Default: CasesEvaluationInChannel.ONLINE.
            comment (None | str | Unset):
     """

    score: int
    channel: CasesEvaluationInChannel | Unset = CasesEvaluationInChannel.ONLINE
    comment: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        score = self.score

        channel: str | Unset = UNSET
        if not isinstance(self.channel, Unset):
            channel = self.channel.value


        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "score": score,
        })
        if channel is not UNSET:
            field_dict["channel"] = channel
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        score = d.pop("score")

        _channel = d.pop("channel", UNSET)
        channel: CasesEvaluationInChannel | Unset
        if isinstance(_channel,  Unset):
            channel = UNSET
        else:
            channel = CasesEvaluationInChannel(_channel)




        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))


        cases_evaluation_in = cls(
            score=score,
            channel=channel,
            comment=comment,
        )

        return cases_evaluation_in

