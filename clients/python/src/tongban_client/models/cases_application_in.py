from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.cases_application_in_applicant_kind import CasesApplicationInApplicantKind
from ..models.cases_application_in_subject_kind import CasesApplicationInSubjectKind
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.cases_application_in_form import CasesApplicationInForm





T = TypeVar("T", bound="CasesApplicationIn")



@_attrs_define
class CasesApplicationIn:
    """ 
        Attributes:
            applicant_id (None | str | Unset): for 代办: the applicant's id
            applicant_kind (CasesApplicationInApplicantKind | Unset):  Default: CasesApplicationInApplicantKind.PERSON.
            bundle_code (None | str | Unset): code of a 一件事 bundle instead: one parent case with a member case per
                department
            consent_ref (None | str | Unset): for 代办: consent record (委托书)
            form (CasesApplicationInForm | Unset): the application form (申请表) data; its text may span lines
            matter_code (None | str | Unset): implementation code (实施编码) of a matter
            subject_id (None | str | Unset): whom the matter is about (办理对象), by identity's id: default the applicant.
                Another subject needs a link identity confirms: a newborn the applicant is guardian of (POST
                /identity/me/newborns), an enterprise the applicant represents or is an agent of
            subject_kind (CasesApplicationInSubjectKind | Unset): kind of the subject (办理对象) named by subject_id Default:
                CasesApplicationInSubjectKind.PERSON.
     """

    applicant_id: None | str | Unset = UNSET
    applicant_kind: CasesApplicationInApplicantKind | Unset = CasesApplicationInApplicantKind.PERSON
    bundle_code: None | str | Unset = UNSET
    consent_ref: None | str | Unset = UNSET
    form: CasesApplicationInForm | Unset = UNSET
    matter_code: None | str | Unset = UNSET
    subject_id: None | str | Unset = UNSET
    subject_kind: CasesApplicationInSubjectKind | Unset = CasesApplicationInSubjectKind.PERSON





    def to_dict(self) -> dict[str, Any]:
        from ..models.cases_application_in_form import CasesApplicationInForm # noqa: PLC0415
        applicant_id: None | str | Unset
        if isinstance(self.applicant_id, Unset):
            applicant_id = UNSET
        else:
            applicant_id = self.applicant_id

        applicant_kind: str | Unset = UNSET
        if not isinstance(self.applicant_kind, Unset):
            applicant_kind = self.applicant_kind.value


        bundle_code: None | str | Unset
        if isinstance(self.bundle_code, Unset):
            bundle_code = UNSET
        else:
            bundle_code = self.bundle_code

        consent_ref: None | str | Unset
        if isinstance(self.consent_ref, Unset):
            consent_ref = UNSET
        else:
            consent_ref = self.consent_ref

        form: dict[str, Any] | Unset = UNSET
        if not isinstance(self.form, Unset):
            form = self.form.to_dict()

        matter_code: None | str | Unset
        if isinstance(self.matter_code, Unset):
            matter_code = UNSET
        else:
            matter_code = self.matter_code

        subject_id: None | str | Unset
        if isinstance(self.subject_id, Unset):
            subject_id = UNSET
        else:
            subject_id = self.subject_id

        subject_kind: str | Unset = UNSET
        if not isinstance(self.subject_kind, Unset):
            subject_kind = self.subject_kind.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if applicant_id is not UNSET:
            field_dict["applicant_id"] = applicant_id
        if applicant_kind is not UNSET:
            field_dict["applicant_kind"] = applicant_kind
        if bundle_code is not UNSET:
            field_dict["bundle_code"] = bundle_code
        if consent_ref is not UNSET:
            field_dict["consent_ref"] = consent_ref
        if form is not UNSET:
            field_dict["form"] = form
        if matter_code is not UNSET:
            field_dict["matter_code"] = matter_code
        if subject_id is not UNSET:
            field_dict["subject_id"] = subject_id
        if subject_kind is not UNSET:
            field_dict["subject_kind"] = subject_kind

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cases_application_in_form import CasesApplicationInForm # noqa: PLC0415
        d = dict(src_dict)
        def _parse_applicant_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        applicant_id = _parse_applicant_id(d.pop("applicant_id", UNSET))


        _applicant_kind = d.pop("applicant_kind", UNSET)
        applicant_kind: CasesApplicationInApplicantKind | Unset
        if isinstance(_applicant_kind,  Unset):
            applicant_kind = UNSET
        else:
            applicant_kind = CasesApplicationInApplicantKind(_applicant_kind)




        def _parse_bundle_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bundle_code = _parse_bundle_code(d.pop("bundle_code", UNSET))


        def _parse_consent_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        consent_ref = _parse_consent_ref(d.pop("consent_ref", UNSET))


        _form = d.pop("form", UNSET)
        form: CasesApplicationInForm | Unset
        if isinstance(_form,  Unset):
            form = UNSET
        else:
            form = CasesApplicationInForm.from_dict(_form)




        def _parse_matter_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        matter_code = _parse_matter_code(d.pop("matter_code", UNSET))


        def _parse_subject_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject_id = _parse_subject_id(d.pop("subject_id", UNSET))


        _subject_kind = d.pop("subject_kind", UNSET)
        subject_kind: CasesApplicationInSubjectKind | Unset
        if isinstance(_subject_kind,  Unset):
            subject_kind = UNSET
        else:
            subject_kind = CasesApplicationInSubjectKind(_subject_kind)




        cases_application_in = cls(
            applicant_id=applicant_id,
            applicant_kind=applicant_kind,
            bundle_code=bundle_code,
            consent_ref=consent_ref,
            form=form,
            matter_code=matter_code,
            subject_id=subject_id,
            subject_kind=subject_kind,
        )

        return cases_application_in

