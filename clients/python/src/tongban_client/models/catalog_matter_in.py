from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.catalog_material_in import CatalogMaterialIn





T = TypeVar("T", bound="CatalogMatterIn")



@_attrs_define
class CatalogMatterIn:
    """ A matter version as an editor writes it; omitted fields take the catalog's defaults.

        Attributes:
            code (str): implementation code (实施编码)
            department_code (str): implementing department (实施主体) code
            matter_type (str): matter type code (事项类型), e.g. 01 行政许可
            name (str): matter name (事项名称)
            promised_days (int): promised time limit (承诺时限)
            statutory_days (int): statutory time limit (法定时限)
            audiences (list[str] | Unset): audience codes (服务对象)
            basic_code (None | str | Unset): basic code (基本编码)
            case_kind (None | str | Unset): 1 即办件 | 2 承诺件; derived from the promise if omitted
            channels (list[str] | Unset): handling channels (办理渠道)
            complaint_phone (str | Unset): complaint phone (投诉电话) Default: ''.
            conditions (str | Unset): acceptance conditions (受理条件) Default: ''.
            consult_phone (str | Unset): consultation phone (咨询电话) Default: ''.
            cross_area (str | Unset): cross-area scope (通办范围) Default: 'none'.
            department_credit_code (None | str | Unset): 统一社会信用代码
            department_name (str | Unset): 实施主体名称 Default: ''.
            fee (bool | Unset): charges a fee (是否收费) Default: False.
            fee_basis (str | Unset): legal basis of the fee (收费依据) Default: ''.
            full_online (bool | Unset): 全程网办 Default: False.
            guide (str | Unset): guide text (办事指南) Default: ''.
            item_code (None | str | Unset): handling-item code (业务办理项编码)
            keywords (list[str] | Unset): 俗称/关键词
            legal_basis (str | Unset): legal basis (设定依据) Default: ''.
            levels (list[str] | Unset): district | town | village (行使层级)
            materials (list[CatalogMaterialIn] | Unset): materials (办理材料)
            min_real_name_level (int | Unset): minimum real-name level (实名等级) Default: 1.
            online_depths (list[str] | Unset): online depth codes (网办深度)
            power_source (str | Unset): power source (权力来源) Default: '1'.
            promised_unit (str | Unset): working_day 工作日 | natural_day 自然日 Default: 'working_day'.
            result_certificate_type (None | str | Unset): e-certificate type the result is
            result_name (str | Unset): result name (办理结果名称), e.g. 营业执照 Default: ''.
            result_type (str | Unset): result type (办理结果类型) Default: 'other'.
            special_procedures (list[str] | Unset): special procedures (特别程序)
            statutory_unit (str | Unset): working_day 工作日 | natural_day 自然日 Default: 'working_day'.
            valid_from (datetime.date | None | Unset): first valid day (生效日期); default: publication day
            valid_to (datetime.date | None | Unset): first day no longer valid (失效日期); empty: open
            visit_reason (str | Unset): why visits are needed (到现场理由) Default: ''.
            visits (int | Unset): hall visits (到办事现场次数), 0 = 零跑动 Default: 0.
     """

    code: str
    department_code: str
    matter_type: str
    name: str
    promised_days: int
    statutory_days: int
    audiences: list[str] | Unset = UNSET
    basic_code: None | str | Unset = UNSET
    case_kind: None | str | Unset = UNSET
    channels: list[str] | Unset = UNSET
    complaint_phone: str | Unset = ''
    conditions: str | Unset = ''
    consult_phone: str | Unset = ''
    cross_area: str | Unset = 'none'
    department_credit_code: None | str | Unset = UNSET
    department_name: str | Unset = ''
    fee: bool | Unset = False
    fee_basis: str | Unset = ''
    full_online: bool | Unset = False
    guide: str | Unset = ''
    item_code: None | str | Unset = UNSET
    keywords: list[str] | Unset = UNSET
    legal_basis: str | Unset = ''
    levels: list[str] | Unset = UNSET
    materials: list[CatalogMaterialIn] | Unset = UNSET
    min_real_name_level: int | Unset = 1
    online_depths: list[str] | Unset = UNSET
    power_source: str | Unset = '1'
    promised_unit: str | Unset = 'working_day'
    result_certificate_type: None | str | Unset = UNSET
    result_name: str | Unset = ''
    result_type: str | Unset = 'other'
    special_procedures: list[str] | Unset = UNSET
    statutory_unit: str | Unset = 'working_day'
    valid_from: datetime.date | None | Unset = UNSET
    valid_to: datetime.date | None | Unset = UNSET
    visit_reason: str | Unset = ''
    visits: int | Unset = 0





    def to_dict(self) -> dict[str, Any]:
        from ..models.catalog_material_in import CatalogMaterialIn # noqa: PLC0415
        code = self.code

        department_code = self.department_code

        matter_type = self.matter_type

        name = self.name

        promised_days = self.promised_days

        statutory_days = self.statutory_days

        audiences: list[str] | Unset = UNSET
        if not isinstance(self.audiences, Unset):
            audiences = self.audiences



        basic_code: None | str | Unset
        if isinstance(self.basic_code, Unset):
            basic_code = UNSET
        else:
            basic_code = self.basic_code

        case_kind: None | str | Unset
        if isinstance(self.case_kind, Unset):
            case_kind = UNSET
        else:
            case_kind = self.case_kind

        channels: list[str] | Unset = UNSET
        if not isinstance(self.channels, Unset):
            channels = self.channels



        complaint_phone = self.complaint_phone

        conditions = self.conditions

        consult_phone = self.consult_phone

        cross_area = self.cross_area

        department_credit_code: None | str | Unset
        if isinstance(self.department_credit_code, Unset):
            department_credit_code = UNSET
        else:
            department_credit_code = self.department_credit_code

        department_name = self.department_name

        fee = self.fee

        fee_basis = self.fee_basis

        full_online = self.full_online

        guide = self.guide

        item_code: None | str | Unset
        if isinstance(self.item_code, Unset):
            item_code = UNSET
        else:
            item_code = self.item_code

        keywords: list[str] | Unset = UNSET
        if not isinstance(self.keywords, Unset):
            keywords = self.keywords



        legal_basis = self.legal_basis

        levels: list[str] | Unset = UNSET
        if not isinstance(self.levels, Unset):
            levels = self.levels



        materials: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.materials, Unset):
            materials = []
            for materials_item_data in self.materials:
                materials_item = materials_item_data.to_dict()
                materials.append(materials_item)



        min_real_name_level = self.min_real_name_level

        online_depths: list[str] | Unset = UNSET
        if not isinstance(self.online_depths, Unset):
            online_depths = self.online_depths



        power_source = self.power_source

        promised_unit = self.promised_unit

        result_certificate_type: None | str | Unset
        if isinstance(self.result_certificate_type, Unset):
            result_certificate_type = UNSET
        else:
            result_certificate_type = self.result_certificate_type

        result_name = self.result_name

        result_type = self.result_type

        special_procedures: list[str] | Unset = UNSET
        if not isinstance(self.special_procedures, Unset):
            special_procedures = self.special_procedures



        statutory_unit = self.statutory_unit

        valid_from: None | str | Unset
        if isinstance(self.valid_from, Unset):
            valid_from = UNSET
        elif isinstance(self.valid_from, datetime.date):
            valid_from = self.valid_from.isoformat()
        else:
            valid_from = self.valid_from

        valid_to: None | str | Unset
        if isinstance(self.valid_to, Unset):
            valid_to = UNSET
        elif isinstance(self.valid_to, datetime.date):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to

        visit_reason = self.visit_reason

        visits = self.visits


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "code": code,
            "department_code": department_code,
            "matter_type": matter_type,
            "name": name,
            "promised_days": promised_days,
            "statutory_days": statutory_days,
        })
        if audiences is not UNSET:
            field_dict["audiences"] = audiences
        if basic_code is not UNSET:
            field_dict["basic_code"] = basic_code
        if case_kind is not UNSET:
            field_dict["case_kind"] = case_kind
        if channels is not UNSET:
            field_dict["channels"] = channels
        if complaint_phone is not UNSET:
            field_dict["complaint_phone"] = complaint_phone
        if conditions is not UNSET:
            field_dict["conditions"] = conditions
        if consult_phone is not UNSET:
            field_dict["consult_phone"] = consult_phone
        if cross_area is not UNSET:
            field_dict["cross_area"] = cross_area
        if department_credit_code is not UNSET:
            field_dict["department_credit_code"] = department_credit_code
        if department_name is not UNSET:
            field_dict["department_name"] = department_name
        if fee is not UNSET:
            field_dict["fee"] = fee
        if fee_basis is not UNSET:
            field_dict["fee_basis"] = fee_basis
        if full_online is not UNSET:
            field_dict["full_online"] = full_online
        if guide is not UNSET:
            field_dict["guide"] = guide
        if item_code is not UNSET:
            field_dict["item_code"] = item_code
        if keywords is not UNSET:
            field_dict["keywords"] = keywords
        if legal_basis is not UNSET:
            field_dict["legal_basis"] = legal_basis
        if levels is not UNSET:
            field_dict["levels"] = levels
        if materials is not UNSET:
            field_dict["materials"] = materials
        if min_real_name_level is not UNSET:
            field_dict["min_real_name_level"] = min_real_name_level
        if online_depths is not UNSET:
            field_dict["online_depths"] = online_depths
        if power_source is not UNSET:
            field_dict["power_source"] = power_source
        if promised_unit is not UNSET:
            field_dict["promised_unit"] = promised_unit
        if result_certificate_type is not UNSET:
            field_dict["result_certificate_type"] = result_certificate_type
        if result_name is not UNSET:
            field_dict["result_name"] = result_name
        if result_type is not UNSET:
            field_dict["result_type"] = result_type
        if special_procedures is not UNSET:
            field_dict["special_procedures"] = special_procedures
        if statutory_unit is not UNSET:
            field_dict["statutory_unit"] = statutory_unit
        if valid_from is not UNSET:
            field_dict["valid_from"] = valid_from
        if valid_to is not UNSET:
            field_dict["valid_to"] = valid_to
        if visit_reason is not UNSET:
            field_dict["visit_reason"] = visit_reason
        if visits is not UNSET:
            field_dict["visits"] = visits

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.catalog_material_in import CatalogMaterialIn # noqa: PLC0415
        d = dict(src_dict)
        code = d.pop("code")

        department_code = d.pop("department_code")

        matter_type = d.pop("matter_type")

        name = d.pop("name")

        promised_days = d.pop("promised_days")

        statutory_days = d.pop("statutory_days")

        audiences = cast(list[str], d.pop("audiences", UNSET))


        def _parse_basic_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        basic_code = _parse_basic_code(d.pop("basic_code", UNSET))


        def _parse_case_kind(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        case_kind = _parse_case_kind(d.pop("case_kind", UNSET))


        channels = cast(list[str], d.pop("channels", UNSET))


        complaint_phone = d.pop("complaint_phone", UNSET)

        conditions = d.pop("conditions", UNSET)

        consult_phone = d.pop("consult_phone", UNSET)

        cross_area = d.pop("cross_area", UNSET)

        def _parse_department_credit_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        department_credit_code = _parse_department_credit_code(d.pop("department_credit_code", UNSET))


        department_name = d.pop("department_name", UNSET)

        fee = d.pop("fee", UNSET)

        fee_basis = d.pop("fee_basis", UNSET)

        full_online = d.pop("full_online", UNSET)

        guide = d.pop("guide", UNSET)

        def _parse_item_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        item_code = _parse_item_code(d.pop("item_code", UNSET))


        keywords = cast(list[str], d.pop("keywords", UNSET))


        legal_basis = d.pop("legal_basis", UNSET)

        levels = cast(list[str], d.pop("levels", UNSET))


        _materials = d.pop("materials", UNSET)
        materials: list[CatalogMaterialIn] | Unset = UNSET
        if _materials is not UNSET:
            materials = []
            for materials_item_data in _materials:
                materials_item = CatalogMaterialIn.from_dict(materials_item_data)



                materials.append(materials_item)


        min_real_name_level = d.pop("min_real_name_level", UNSET)

        online_depths = cast(list[str], d.pop("online_depths", UNSET))


        power_source = d.pop("power_source", UNSET)

        promised_unit = d.pop("promised_unit", UNSET)

        def _parse_result_certificate_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result_certificate_type = _parse_result_certificate_type(d.pop("result_certificate_type", UNSET))


        result_name = d.pop("result_name", UNSET)

        result_type = d.pop("result_type", UNSET)

        special_procedures = cast(list[str], d.pop("special_procedures", UNSET))


        statutory_unit = d.pop("statutory_unit", UNSET)

        def _parse_valid_from(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_from_type_0 = datetime.date.fromisoformat(data)



                return valid_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_from = _parse_valid_from(d.pop("valid_from", UNSET))


        def _parse_valid_to(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_to_type_0 = datetime.date.fromisoformat(data)



                return valid_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_to = _parse_valid_to(d.pop("valid_to", UNSET))


        visit_reason = d.pop("visit_reason", UNSET)

        visits = d.pop("visits", UNSET)

        catalog_matter_in = cls(
            code=code,
            department_code=department_code,
            matter_type=matter_type,
            name=name,
            promised_days=promised_days,
            statutory_days=statutory_days,
            audiences=audiences,
            basic_code=basic_code,
            case_kind=case_kind,
            channels=channels,
            complaint_phone=complaint_phone,
            conditions=conditions,
            consult_phone=consult_phone,
            cross_area=cross_area,
            department_credit_code=department_credit_code,
            department_name=department_name,
            fee=fee,
            fee_basis=fee_basis,
            full_online=full_online,
            guide=guide,
            item_code=item_code,
            keywords=keywords,
            legal_basis=legal_basis,
            levels=levels,
            materials=materials,
            min_real_name_level=min_real_name_level,
            online_depths=online_depths,
            power_source=power_source,
            promised_unit=promised_unit,
            result_certificate_type=result_certificate_type,
            result_name=result_name,
            result_type=result_type,
            special_procedures=special_procedures,
            statutory_unit=statutory_unit,
            valid_from=valid_from,
            valid_to=valid_to,
            visit_reason=visit_reason,
            visits=visits,
        )

        return catalog_matter_in

