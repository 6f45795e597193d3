""" Contains all the data models used in inputs/outputs """

from .cases_action import CasesAction
from .cases_action_in import CasesActionIn
from .cases_action_in_delivery_channel_type_0 import CasesActionInDeliveryChannelType0
from .cases_application_in import CasesApplicationIn
from .cases_application_in_applicant_kind import CasesApplicationInApplicantKind
from .cases_application_in_form import CasesApplicationInForm
from .cases_application_in_subject_kind import CasesApplicationInSubjectKind
from .cases_bundle_certificates_out import CasesBundleCertificatesOut
from .cases_bundle_certificates_out_labels import CasesBundleCertificatesOutLabels
from .cases_case_basis_out import CasesCaseBasisOut
from .cases_case_detail_out import CasesCaseDetailOut
from .cases_case_detail_out_form import CasesCaseDetailOutForm
from .cases_case_materials_out import CasesCaseMaterialsOut
from .cases_case_out import CasesCaseOut
from .cases_case_page import CasesCasePage
from .cases_case_status import CasesCaseStatus
from .cases_clock_out import CasesClockOut
from .cases_decision_out import CasesDecisionOut
from .cases_department_out import CasesDepartmentOut
from .cases_evaluation_in import CasesEvaluationIn
from .cases_evaluation_in_channel import CasesEvaluationInChannel
from .cases_evaluation_out import CasesEvaluationOut
from .cases_healthz_response_cases_healthz import CasesHealthzResponseCasesHealthz
from .cases_issued_certificate_out import CasesIssuedCertificateOut
from .cases_issued_certificate_out_labels import CasesIssuedCertificateOutLabels
from .cases_material_out import CasesMaterialOut
from .cases_material_out_detail import CasesMaterialOutDetail
from .cases_material_statistics_out import CasesMaterialStatisticsOut
from .cases_material_statistics_out_by_method import CasesMaterialStatisticsOutByMethod
from .cases_my_evaluation_out import CasesMyEvaluationOut
from .cases_open_matter_out import CasesOpenMatterOut
from .cases_open_matter_page import CasesOpenMatterPage
from .cases_paper_in import CasesPaperIn
from .cases_party_out import CasesPartyOut
from .cases_published_out import CasesPublishedOut
from .cases_rater_rectification_out import CasesRaterRectificationOut
from .cases_rater_step_out import CasesRaterStepOut
from .cases_rectification_out import CasesRectificationOut
from .cases_rectification_out_records_item import CasesRectificationOutRecordsItem
from .cases_rectification_rating_in import CasesRectificationRatingIn
from .cases_stand_in_out import CasesStandInOut
from .cases_step_in import CasesStepIn
from .cases_submitted_case_out import CasesSubmittedCaseOut
from .cases_timeline_out import CasesTimelineOut
from .cases_upload_out import CasesUploadOut
from .cases_year_in import CasesYearIn
from .cases_year_out import CasesYearOut
from .catalog_bundle_in import CatalogBundleIn
from .catalog_bundle_material_out import CatalogBundleMaterialOut
from .catalog_bundle_material_out_belongs_to import CatalogBundleMaterialOutBelongsTo
from .catalog_bundle_member_out import CatalogBundleMemberOut
from .catalog_bundle_out import CatalogBundleOut
from .catalog_combined_limit_out import CatalogCombinedLimitOut
from .catalog_dictionary_entry_in import CatalogDictionaryEntryIn
from .catalog_dictionary_entry_out import CatalogDictionaryEntryOut
from .catalog_dictionary_out import CatalogDictionaryOut
from .catalog_facet_value_out import CatalogFacetValueOut
from .catalog_healthz_response_catalog_healthz import CatalogHealthzResponseCatalogHealthz
from .catalog_history_entry_out import CatalogHistoryEntryOut
from .catalog_import_counts_out import CatalogImportCountsOut
from .catalog_import_report_out import CatalogImportReportOut
from .catalog_material_in import CatalogMaterialIn
from .catalog_material_in_belongs_to import CatalogMaterialInBelongsTo
from .catalog_material_out import CatalogMaterialOut
from .catalog_material_out_belongs_to import CatalogMaterialOutBelongsTo
from .catalog_matter_history_out import CatalogMatterHistoryOut
from .catalog_matter_in import CatalogMatterIn
from .catalog_matter_out import CatalogMatterOut
from .catalog_matter_outcome_out import CatalogMatterOutcomeOut
from .catalog_matter_outcome_out_outcome import CatalogMatterOutcomeOutOutcome
from .catalog_matter_page import CatalogMatterPage
from .catalog_note_in import CatalogNoteIn
from .catalog_rejected_matter_out import CatalogRejectedMatterOut
from .catalog_row_error_out import CatalogRowErrorOut
from .catalog_search_hit import CatalogSearchHit
from .catalog_search_page import CatalogSearchPage
from .catalog_search_page_facets import CatalogSearchPageFacets
from .catalog_stand_in_out import CatalogStandInOut
from .catalog_substitute_in import CatalogSubstituteIn
from .catalog_synonym_in import CatalogSynonymIn
from .catalog_synonym_out import CatalogSynonymOut
from .catalog_version_out import CatalogVersionOut
from .exchange_access_out import ExchangeAccessOut
from .exchange_answer_in import ExchangeAnswerIn
from .exchange_backlog import ExchangeBacklog
from .exchange_batch_in import ExchangeBatchIn
from .exchange_batch_out import ExchangeBatchOut
from .exchange_batch_result import ExchangeBatchResult
from .exchange_broken_link import ExchangeBrokenLink
from .exchange_certificate_lookup_in import ExchangeCertificateLookupIn
from .exchange_certificate_out import ExchangeCertificateOut
from .exchange_certificate_status import ExchangeCertificateStatus
from .exchange_certificate_type_in import ExchangeCertificateTypeIn
from .exchange_certificate_type_out import ExchangeCertificateTypeOut
from .exchange_chain_report_out import ExchangeChainReportOut
from .exchange_change_out import ExchangeChangeOut
from .exchange_checkpoint_keys_out import ExchangeCheckpointKeysOut
from .exchange_checkpoint_out import ExchangeCheckpointOut
from .exchange_checkpoint_out_receipt_type_0 import ExchangeCheckpointOutReceiptType0
from .exchange_dead_letter import ExchangeDeadLetter
from .exchange_duty_in import ExchangeDutyIn
from .exchange_duty_out import ExchangeDutyOut
from .exchange_endpoint_hosts_in import ExchangeEndpointHostsIn
from .exchange_endpoint_hosts_out import ExchangeEndpointHostsOut
from .exchange_exchange_api_city_push_out import ExchangeExchangeApiCityPushOut
from .exchange_exchange_api_records_push_out import ExchangeExchangeApiRecordsPushOut
from .exchange_healthz_response_exchange_healthz import ExchangeHealthzResponseExchangeHealthz
from .exchange_hidden_read import ExchangeHiddenRead
from .exchange_issue_in import ExchangeIssueIn
from .exchange_issue_in_content_type_0 import ExchangeIssueInContentType0
from .exchange_item import ExchangeItem
from .exchange_link_status import ExchangeLinkStatus
from .exchange_list_requests_role import ExchangeListRequestsRole
from .exchange_list_requests_status_type_0 import ExchangeListRequestsStatusType0
from .exchange_lookup_in import ExchangeLookupIn
from .exchange_lookup_out import ExchangeLookupOut
from .exchange_lookup_out_certificates_item import ExchangeLookupOutCertificatesItem
from .exchange_member_in import ExchangeMemberIn
from .exchange_member_out import ExchangeMemberOut
from .exchange_missing_type_out import ExchangeMissingTypeOut
from .exchange_missing_use_out import ExchangeMissingUseOut
from .exchange_public_key_out import ExchangePublicKeyOut
from .exchange_push_in import ExchangePushIn
from .exchange_read_in import ExchangeReadIn
from .exchange_read_in_subject_kind_type_0 import ExchangeReadInSubjectKindType0
from .exchange_read_of_my_data import ExchangeReadOfMyData
from .exchange_read_out import ExchangeReadOut
from .exchange_read_out_data import ExchangeReadOutData
from .exchange_receive_city_push_city_push import ExchangeReceiveCityPushCityPush
from .exchange_receive_city_push_city_push_items_item import ExchangeReceiveCityPushCityPushItemsItem
from .exchange_receive_city_push_kind import ExchangeReceiveCityPushKind
from .exchange_record_in import ExchangeRecordIn
from .exchange_record_in_data_type_0 import ExchangeRecordInDataType0
from .exchange_record_read_in import ExchangeRecordReadIn
from .exchange_record_read_in_subject_kind_type_0 import ExchangeRecordReadInSubjectKindType0
from .exchange_refuse_in import ExchangeRefuseIn
from .exchange_replay_in import ExchangeReplayIn
from .exchange_replay_out import ExchangeReplayOut
from .exchange_request_in import ExchangeRequestIn
from .exchange_request_out import ExchangeRequestOut
from .exchange_resource_in import ExchangeResourceIn
from .exchange_resource_in_sharing_method import ExchangeResourceInSharingMethod
from .exchange_resource_in_sharing_type import ExchangeResourceInSharingType
from .exchange_resource_in_subject_kind import ExchangeResourceInSubjectKind
from .exchange_resource_out import ExchangeResourceOut
from .exchange_resource_out_items_item import ExchangeResourceOutItemsItem
from .exchange_resource_schema_response_resource_schema import ExchangeResourceSchemaResponseResourceSchema
from .exchange_status_in import ExchangeStatusIn
from .exchange_subject_kind import ExchangeSubjectKind
from .exchange_subscription_in import ExchangeSubscriptionIn
from .exchange_subscription_in_channel import ExchangeSubscriptionInChannel
from .exchange_subscription_out import ExchangeSubscriptionOut
from .exchange_system_in import ExchangeSystemIn
from .exchange_system_out import ExchangeSystemOut
from .exchange_year_out import ExchangeYearOut
from .gateway_healthz_response_gateway_healthz import GatewayHealthzResponseGatewayHealthz
from .identity_agent_in import IdentityAgentIn
from .identity_agent_out import IdentityAgentOut
from .identity_body_authorize_login import IdentityBodyAuthorizeLogin
from .identity_body_code_login import IdentityBodyCodeLogin
from .identity_body_end_session_form import IdentityBodyEndSessionForm
from .identity_body_introspect_token import IdentityBodyIntrospectToken
from .identity_body_revoke_token import IdentityBodyRevokeToken
from .identity_body_send_code_page import IdentityBodySendCodePage
from .identity_body_token import IdentityBodyToken
from .identity_body_userinfo_post import IdentityBodyUserinfoPost
from .identity_clerk_newborn_in import IdentityClerkNewbornIn
from .identity_clerk_newborn_in_sex import IdentityClerkNewbornInSex
from .identity_client_in import IdentityClientIn
from .identity_client_me import IdentityClientMe
from .identity_client_out import IdentityClientOut
from .identity_client_page import IdentityClientPage
from .identity_client_patch import IdentityClientPatch
from .identity_client_with_secret import IdentityClientWithSecret
from .identity_enterprise_in import IdentityEnterpriseIn
from .identity_enterprise_me import IdentityEnterpriseMe
from .identity_enterprise_out import IdentityEnterpriseOut
from .identity_grant_type import IdentityGrantType
from .identity_healthz_response_identity_healthz import IdentityHealthzResponseIdentityHealthz
from .identity_id_number_in import IdentityIdNumberIn
from .identity_identity_api_me_organization_ref import IdentityIdentityApiMeOrganizationRef
from .identity_identity_api_organizations_organization_ref import IdentityIdentityApiOrganizationsOrganizationRef
from .identity_introspection_out import IdentityIntrospectionOut
from .identity_level_out import IdentityLevelOut
from .identity_newborn_in import IdentityNewbornIn
from .identity_newborn_in_sex import IdentityNewbornInSex
from .identity_newborn_out import IdentityNewbornOut
from .identity_o_auth_error_out import IdentityOAuthErrorOut
from .identity_organization_detail import IdentityOrganizationDetail
from .identity_organization_in import IdentityOrganizationIn
from .identity_organization_kind import IdentityOrganizationKind
from .identity_organization_out import IdentityOrganizationOut
from .identity_organization_page import IdentityOrganizationPage
from .identity_organization_patch import IdentityOrganizationPatch
from .identity_person_in import IdentityPersonIn
from .identity_person_me import IdentityPersonMe
from .identity_person_out import IdentityPersonOut
from .identity_phone_code_in import IdentityPhoneCodeIn
from .identity_phone_code_out import IdentityPhoneCodeOut
from .identity_reclaim_out import IdentityReclaimOut
from .identity_registration_out import IdentityRegistrationOut
from .identity_relation_out import IdentityRelationOut
from .identity_relation_subject_kind import IdentityRelationSubjectKind
from .identity_revoke_token_response_revoke_token import IdentityRevokeTokenResponseRevokeToken
from .identity_staff_card_out import IdentityStaffCardOut
from .identity_staff_in import IdentityStaffIn
from .identity_staff_me import IdentityStaffMe
from .identity_staff_out import IdentityStaffOut
from .identity_staff_page import IdentityStaffPage
from .identity_staff_patch import IdentityStaffPatch
from .identity_staff_role import IdentityStaffRole
from .identity_subtree_node import IdentitySubtreeNode
from .identity_token_out import IdentityTokenOut
from .identity_userinfo_out import IdentityUserinfoOut
from .problem import Problem
from .problem_item import ProblemItem

__all__ = (
    "CasesAction",
    "CasesActionIn",
    "CasesActionInDeliveryChannelType0",
    "CasesApplicationIn",
    "CasesApplicationInApplicantKind",
    "CasesApplicationInForm",
    "CasesApplicationInSubjectKind",
    "CasesBundleCertificatesOut",
    "CasesBundleCertificatesOutLabels",
    "CasesCaseBasisOut",
    "CasesCaseDetailOut",
    "CasesCaseDetailOutForm",
    "CasesCaseMaterialsOut",
    "CasesCaseOut",
    "CasesCasePage",
    "CasesCaseStatus",
    "CasesClockOut",
    "CasesDecisionOut",
    "CasesDepartmentOut",
    "CasesEvaluationIn",
    "CasesEvaluationInChannel",
    "CasesEvaluationOut",
    "CasesHealthzResponseCasesHealthz",
    "CasesIssuedCertificateOut",
    "CasesIssuedCertificateOutLabels",
    "CasesMaterialOut",
    "CasesMaterialOutDetail",
    "CasesMaterialStatisticsOut",
    "CasesMaterialStatisticsOutByMethod",
    "CasesMyEvaluationOut",
    "CasesOpenMatterOut",
    "CasesOpenMatterPage",
    "CasesPaperIn",
    "CasesPartyOut",
    "CasesPublishedOut",
    "CasesRaterRectificationOut",
    "CasesRaterStepOut",
    "CasesRectificationOut",
    "CasesRectificationOutRecordsItem",
    "CasesRectificationRatingIn",
    "CasesStandInOut",
    "CasesStepIn",
    "CasesSubmittedCaseOut",
    "CasesTimelineOut",
    "CasesUploadOut",
    "CasesYearIn",
    "CasesYearOut",
    "CatalogBundleIn",
    "CatalogBundleMaterialOut",
    "CatalogBundleMaterialOutBelongsTo",
    "CatalogBundleMemberOut",
    "CatalogBundleOut",
    "CatalogCombinedLimitOut",
    "CatalogDictionaryEntryIn",
    "CatalogDictionaryEntryOut",
    "CatalogDictionaryOut",
    "CatalogFacetValueOut",
    "CatalogHealthzResponseCatalogHealthz",
    "CatalogHistoryEntryOut",
    "CatalogImportCountsOut",
    "CatalogImportReportOut",
    "CatalogMaterialIn",
    "CatalogMaterialInBelongsTo",
    "CatalogMaterialOut",
    "CatalogMaterialOutBelongsTo",
    "CatalogMatterHistoryOut",
    "CatalogMatterIn",
    "CatalogMatterOut",
    "CatalogMatterOutcomeOut",
    "CatalogMatterOutcomeOutOutcome",
    "CatalogMatterPage",
    "CatalogNoteIn",
    "CatalogRejectedMatterOut",
    "CatalogRowErrorOut",
    "CatalogSearchHit",
    "CatalogSearchPage",
    "CatalogSearchPageFacets",
    "CatalogStandInOut",
    "CatalogSubstituteIn",
    "CatalogSynonymIn",
    "CatalogSynonymOut",
    "CatalogVersionOut",
    "ExchangeAccessOut",
    "ExchangeAnswerIn",
    "ExchangeBacklog",
    "ExchangeBatchIn",
    "ExchangeBatchOut",
    "ExchangeBatchResult",
    "ExchangeBrokenLink",
    "ExchangeCertificateLookupIn",
    "ExchangeCertificateOut",
    "ExchangeCertificateStatus",
    "ExchangeCertificateTypeIn",
    "ExchangeCertificateTypeOut",
    "ExchangeChainReportOut",
    "ExchangeChangeOut",
    "ExchangeCheckpointKeysOut",
    "ExchangeCheckpointOut",
    "ExchangeCheckpointOutReceiptType0",
    "ExchangeDeadLetter",
    "ExchangeDutyIn",
    "ExchangeDutyOut",
    "ExchangeEndpointHostsIn",
    "ExchangeEndpointHostsOut",
    "ExchangeExchangeApiCityPushOut",
    "ExchangeExchangeApiRecordsPushOut",
    "ExchangeHealthzResponseExchangeHealthz",
    "ExchangeHiddenRead",
    "ExchangeIssueIn",
    "ExchangeIssueInContentType0",
    "ExchangeItem",
    "ExchangeLinkStatus",
    "ExchangeListRequestsRole",
    "ExchangeListRequestsStatusType0",
    "ExchangeLookupIn",
    "ExchangeLookupOut",
    "ExchangeLookupOutCertificatesItem",
    "ExchangeMemberIn",
    "ExchangeMemberOut",
    "ExchangeMissingTypeOut",
    "ExchangeMissingUseOut",
    "ExchangePublicKeyOut",
    "ExchangePushIn",
    "ExchangeReadIn",
    "ExchangeReadInSubjectKindType0",
    "ExchangeReadOfMyData",
    "ExchangeReadOut",
    "ExchangeReadOutData",
    "ExchangeReceiveCityPushCityPush",
    "ExchangeReceiveCityPushCityPushItemsItem",
    "ExchangeReceiveCityPushKind",
    "ExchangeRecordIn",
    "ExchangeRecordInDataType0",
    "ExchangeRecordReadIn",
    "ExchangeRecordReadInSubjectKindType0",
    "ExchangeRefuseIn",
    "ExchangeReplayIn",
    "ExchangeReplayOut",
    "ExchangeRequestIn",
    "ExchangeRequestOut",
    "ExchangeResourceIn",
    "ExchangeResourceInSharingMethod",
    "ExchangeResourceInSharingType",
    "ExchangeResourceInSubjectKind",
    "ExchangeResourceOut",
    "ExchangeResourceOutItemsItem",
    "ExchangeResourceSchemaResponseResourceSchema",
    "ExchangeStatusIn",
    "ExchangeSubjectKind",
    "ExchangeSubscriptionIn",
    "ExchangeSubscriptionInChannel",
    "ExchangeSubscriptionOut",
    "ExchangeSystemIn",
    "ExchangeSystemOut",
    "ExchangeYearOut",
    "GatewayHealthzResponseGatewayHealthz",
    "IdentityAgentIn",
    "IdentityAgentOut",
    "IdentityBodyAuthorizeLogin",
    "IdentityBodyCodeLogin",
    "IdentityBodyEndSessionForm",
    "IdentityBodyIntrospectToken",
    "IdentityBodyRevokeToken",
    "IdentityBodySendCodePage",
    "IdentityBodyToken",
    "IdentityBodyUserinfoPost",
    "IdentityClerkNewbornIn",
    "IdentityClerkNewbornInSex",
    "IdentityClientIn",
    "IdentityClientMe",
    "IdentityClientOut",
    "IdentityClientPage",
    "IdentityClientPatch",
    "IdentityClientWithSecret",
    "IdentityEnterpriseIn",
    "IdentityEnterpriseMe",
    "IdentityEnterpriseOut",
    "IdentityGrantType",
    "IdentityHealthzResponseIdentityHealthz",
    "IdentityIdentityApiMeOrganizationRef",
    "IdentityIdentityApiOrganizationsOrganizationRef",
    "IdentityIdNumberIn",
    "IdentityIntrospectionOut",
    "IdentityLevelOut",
    "IdentityNewbornIn",
    "IdentityNewbornInSex",
    "IdentityNewbornOut",
    "IdentityOAuthErrorOut",
    "IdentityOrganizationDetail",
    "IdentityOrganizationIn",
    "IdentityOrganizationKind",
    "IdentityOrganizationOut",
    "IdentityOrganizationPage",
    "IdentityOrganizationPatch",
    "IdentityPersonIn",
    "IdentityPersonMe",
    "IdentityPersonOut",
    "IdentityPhoneCodeIn",
    "IdentityPhoneCodeOut",
    "IdentityReclaimOut",
    "IdentityRegistrationOut",
    "IdentityRelationOut",
    "IdentityRelationSubjectKind",
    "IdentityRevokeTokenResponseRevokeToken",
    "IdentityStaffCardOut",
    "IdentityStaffIn",
    "IdentityStaffMe",
    "IdentityStaffOut",
    "IdentityStaffPage",
    "IdentityStaffPatch",
    "IdentityStaffRole",
    "IdentitySubtreeNode",
    "IdentityTokenOut",
    "IdentityUserinfoOut",
    "Problem",
    "ProblemItem",
)
