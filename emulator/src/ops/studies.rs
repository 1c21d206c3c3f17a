//! Viewer studies: create, read, update, list, cancel and uncancel, reroute links.
//!
//! A key with study scope `self` sees only the studies it created; any other study
//! answers 404 to it, exactly as if it did not exist.

use avara::models::{
    ApiKeyReference, ExpressCustomerReference, StudyCreateParams, StudyListPage, StudyListParams,
    StudyLookupParams, StudyRetrieveByUidParams, StudyRetrieveParams, StudyUpdateParams,
    StudyViewerStatus, SuccessResponse, ViewerStudy,
};
use serde_json::Value;

use super::{Ctx, parse, people, sessions, to_json};
use crate::clock::iso8601;
use crate::config::StudyScope;
use crate::errors::ApiFailure;
use crate::pagination::paginate;
use crate::store::{StudyRecord, ViewTarget};

fn visible(ctx: &Ctx<'_>, record: &StudyRecord) -> bool {
    ctx.caller().study_scope == StudyScope::All || record.owner == ctx.key
}

fn not_found(what: &str) -> ApiFailure {
    ApiFailure::not_found(format!("no study {what} is visible to this API key"))
}

fn find<'a>(ctx: &'a Ctx<'_>, study_id: &str) -> Result<&'a StudyRecord, ApiFailure> {
    ctx.state
        .studies
        .get(study_id)
        .filter(|record| visible(ctx, record))
        .ok_or_else(|| not_found(study_id))
}

fn find_by_uid<'a>(ctx: &'a Ctx<'_>, uid: &str) -> Result<&'a StudyRecord, ApiFailure> {
    let study_id = ctx
        .state
        .study_uids
        .get(uid)
        .ok_or_else(|| not_found(&format!("with studyInstanceUid {uid}")))?;
    find(ctx, study_id).map_err(|_| not_found(&format!("with studyInstanceUid {uid}")))
}

/// The study named by `studyId` and/or `studyInstanceUid` (both must agree).
fn locate(ctx: &Ctx<'_>, params: &StudyLookupParams) -> Result<String, ApiFailure> {
    let by_id = params
        .study_id
        .as_deref()
        .map(|id| find(ctx, id))
        .transpose()?;
    let by_uid = params
        .study_instance_uid
        .as_deref()
        .map(|uid| find_by_uid(ctx, uid))
        .transpose()?;
    match (by_id, by_uid) {
        (Some(first), Some(second)) if first.study.study_id != second.study.study_id => Err(
            ApiFailure::unprocessable("studyId and studyInstanceUid name different studies")
                .on("studyInstanceUid"),
        ),
        (Some(record), _) | (None, Some(record)) => Ok(record.study.study_id.clone()),
        (None, None) => Err(ApiFailure::invalid_params(
            "studyId",
            "give studyId or studyInstanceUid",
        )),
    }
}

/// The study as the API shows it, with its references filled in.
fn render(ctx: &Ctx<'_>, record: &StudyRecord) -> ViewerStudy {
    let mut study = record.study.clone();
    study.assigned_to = record
        .assigned_to
        .as_deref()
        .and_then(|id| ctx.state.users.get(id))
        .map(|user| people::reference(&user.user));
    study.express_customer = record
        .express_customer_id
        .as_deref()
        .and_then(|id| ctx.state.express.get(id))
        .map(|express| ExpressCustomerReference {
            express_customer_id: express.customer.express_customer_id.clone(),
            express_customer_name: express.customer.express_customer_name.clone(),
        });
    let owner = &ctx.keys[record.owner];
    study.created_by_api_key = Some(ApiKeyReference {
        api_key_id: owner.id.clone(),
        description: owner.description.clone(),
        is_clinical_context_enrichment_enabled: Some(false),
        is_viewer_enabled: Some(true),
    });
    study
}

fn check_assignee(ctx: &Ctx<'_>, user_id: Option<&String>) -> Result<(), ApiFailure> {
    match user_id {
        Some(id) if ctx.state.users.get(id).is_none() => Err(ApiFailure::unprocessable(format!(
            "there is no user {id} to assign the study to"
        ))
        .on("assignedTo")),
        _ => Ok(()),
    }
}

pub(super) fn create(ctx: &mut Ctx<'_>, input: Value) -> Result<String, ApiFailure> {
    let params: StudyCreateParams = parse(input)?;
    if ctx
        .state
        .study_uids
        .contains_key(&params.study_instance_uid)
    {
        return Err(ApiFailure::conflict(format!(
            "a study with studyInstanceUid {} already exists",
            params.study_instance_uid
        ))
        .on("studyInstanceUid"));
    }
    check_assignee(ctx, params.assigned_to.as_ref())?;
    if let Some(id) = &params.express_customer_id {
        match ctx.state.express.get(id) {
            None => {
                return Err(ApiFailure::unprocessable(format!(
                    "there is no Express customer {id}"
                ))
                .on("expressCustomerId"));
            }
            Some(express) if !express.customer.is_active => {
                return Err(ApiFailure::unprocessable(format!(
                    "the Express customer {id} is deactivated"
                ))
                .on("expressCustomerId"));
            }
            Some(_) => {}
        }
    }
    let now = iso8601(ctx.now_ms);
    let study_id = ctx.ids.prefixed("stu_");
    let record = StudyRecord {
        study: ViewerStudy {
            study_id: study_id.clone(),
            study_instance_uid: params.study_instance_uid.clone(),
            study_description: params.study_description,
            severity: params.severity,
            study_viewer_status: StudyViewerStatus::Incomplete,
            is_cancelled: false,
            cancelled_at: None,
            created_at: Some(now.clone()),
            updated_at: Some(now),
            assigned_to: None,
            created_by_api_key: None,
            created_by_user: None,
            express_customer: None,
            metadata: params.metadata,
        },
        owner: ctx.key,
        assigned_to: params.assigned_to,
        express_customer_id: params.express_customer_id,
    };
    ctx.state
        .study_uids
        .insert(params.study_instance_uid, study_id.clone());
    ctx.state.studies.insert(study_id.clone(), record);
    Ok(to_json(&render(ctx, find(ctx, &study_id)?)))
}

pub(super) fn retrieve(ctx: &mut Ctx<'_>, input: Value) -> Result<String, ApiFailure> {
    let params: StudyRetrieveParams = parse(input)?;
    Ok(to_json(&render(ctx, find(ctx, &params.study_id)?)))
}

pub(super) fn retrieve_by_uid(ctx: &mut Ctx<'_>, input: Value) -> Result<String, ApiFailure> {
    let params: StudyRetrieveByUidParams = parse(input)?;
    Ok(to_json(&render(
        ctx,
        find_by_uid(ctx, &params.study_instance_uid)?,
    )))
}

pub(super) fn update(ctx: &mut Ctx<'_>, input: Value) -> Result<String, ApiFailure> {
    let params: StudyUpdateParams = parse(input)?;
    find(ctx, &params.study_id)?;
    check_assignee(ctx, params.assigned_to.as_ref().and_then(Option::as_ref))?;
    let now = iso8601(ctx.now_ms);
    if let Some(record) = ctx.state.studies.get_mut(&params.study_id) {
        let study = &mut record.study;
        // `null` unassigns.
        if let Some(assignee) = params.assigned_to {
            record.assigned_to = assignee;
        }
        if let Some(metadata) = params.metadata {
            study.metadata = metadata;
        }
        if let Some(severity) = params.severity {
            study.severity = severity;
        }
        if let Some(description) = params.study_description {
            study.study_description = description;
        }
        if let Some(status) = params.study_viewer_status {
            study.study_viewer_status = status;
        }
        study.updated_at = Some(now);
    }
    Ok(to_json(&render(ctx, find(ctx, &params.study_id)?)))
}

pub(super) fn list(ctx: &mut Ctx<'_>, input: Value) -> Result<String, ApiFailure> {
    let params: StudyListParams = parse(input)?;
    let description = params.study_description.as_deref().map(str::to_lowercase);
    let matching = ctx.state.studies.rows().filter(|(_, record)| {
        let study = &record.study;
        // An explicit null filter (`assignedTo=`) means "only those without one".
        visible(ctx, record)
            && params
                .assigned_to
                .as_ref()
                .is_none_or(|assignee| &record.assigned_to == assignee)
            && params
                .express_customer_id
                .as_ref()
                .is_none_or(|customer| &record.express_customer_id == customer)
            && params
                .is_cancelled
                .is_none_or(|cancelled| study.is_cancelled == cancelled)
            && params
                .severity
                .as_ref()
                .is_none_or(|severity| &study.severity == severity)
            && params
                .study_viewer_status
                .as_ref()
                .is_none_or(|status| &study.study_viewer_status == status)
            && description
                .as_ref()
                .is_none_or(|part| study.study_description.to_lowercase().contains(part))
    });
    let page = paginate("studies", params.cursor.as_deref(), params.limit, matching)?;
    let studies = page
        .items
        .into_iter()
        .map(|record| render(ctx, record))
        .collect();
    Ok(to_json(&StudyListPage {
        studies,
        cursor: page.cursor,
        has_more: page.has_more,
    }))
}

fn set_cancelled(ctx: &mut Ctx<'_>, input: Value, cancelled: bool) -> Result<String, ApiFailure> {
    let params: StudyLookupParams = parse(input)?;
    let study_id = locate(ctx, &params)?;
    let now = iso8601(ctx.now_ms);
    let Some(record) = ctx.state.studies.get_mut(&study_id) else {
        return Err(not_found(&study_id));
    };
    let study = &mut record.study;
    if study.is_cancelled == cancelled {
        let state = if cancelled {
            "already cancelled"
        } else {
            "not cancelled"
        };
        return Ok(to_json(&SuccessResponse {
            success: true,
            message: Some(format!("the study is {state}")),
        }));
    }
    study.is_cancelled = cancelled;
    study.cancelled_at = cancelled.then(|| now.clone());
    study.updated_at = Some(now);
    Ok(to_json(&SuccessResponse {
        success: true,
        message: None,
    }))
}

pub(super) fn cancel(ctx: &mut Ctx<'_>, input: Value) -> Result<String, ApiFailure> {
    set_cancelled(ctx, input, true)
}

pub(super) fn uncancel(ctx: &mut Ctx<'_>, input: Value) -> Result<String, ApiFailure> {
    set_cancelled(ctx, input, false)
}

pub(super) fn reroute_url(ctx: &mut Ctx<'_>, input: Value) -> Result<String, ApiFailure> {
    let params: StudyLookupParams = parse(input)?;
    let study_id = locate(ctx, &params)?;
    let ttl = ctx.reroute_ttl_ms;
    Ok(to_json(&sessions::mint_link(
        ctx,
        ViewTarget::Study { study_id },
        ttl,
    )))
}
