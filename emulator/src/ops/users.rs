//! Viewer users: invite (which also sends an invitation), read, update, list, revoke
//! and restore access.

use avara::models::{
    InvitationStatus, InvitedSource, SuccessResponse, UserIdParams, UserInviteParams, UserListPage,
    UserListParams, UserUpdateParams, ViewerInvitation, ViewerUser,
};
use serde_json::Value;

use super::people::{self, Person};
use super::{Ctx, parse, to_json};
use crate::clock::{DAY_MS, iso8601};
use crate::errors::ApiFailure;
use crate::pagination::paginate;
use crate::store::UserRecord;

/// Invitations sent through the API expire after this long.
const INVITATION_LIFETIME_MS: u64 = 7 * DAY_MS;

fn not_found(user_id: &str) -> ApiFailure {
    ApiFailure::not_found(format!("no user {user_id}"))
}

pub(super) fn invite(ctx: &mut Ctx<'_>, input: Value) -> Result<String, ApiFailure> {
    let params: UserInviteParams = parse(input)?;
    let taken = ctx
        .state
        .users
        .rows()
        .any(|(_, record)| record.user.email.eq_ignore_ascii_case(&params.email));
    if taken {
        return Err(ApiFailure::conflict(format!(
            "a user with the email {} already exists",
            params.email
        ))
        .on("email"));
    }
    let now = iso8601(ctx.now_ms);
    let user = ViewerUser {
        user_id: ctx.ids.prefixed("usr_"),
        email: params.email,
        first_name: params.first_name,
        last_name: params.last_name,
        level: people::user_level(&params.level),
        clinic_role: params.clinic_role,
        can_manage_studies: params.can_manage_studies,
        has_dashboard_access: params.has_dashboard_access,
        invited_source: InvitedSource::Api,
        created_at: Some(now.clone()),
        last_login_at: None,
        middle_name: params.middle_name,
        phone_number: params.phone_number,
        suffix1: params.suffix1,
        suffix2: params.suffix2,
    };
    let invitation = ViewerInvitation {
        invitation_id: ctx.ids.prefixed("inv_"),
        user_id: user.user_id.clone(),
        clinic_id: ctx.clinic_id.to_owned(),
        email: user.email.clone(),
        first_name: user.first_name.clone(),
        last_name: user.last_name.clone(),
        level: user.level.clone(),
        clinic_role: user.clinic_role.clone(),
        can_manage_studies: user.can_manage_studies,
        has_dashboard_access: user.has_dashboard_access,
        invited_source: InvitedSource::Api,
        status: InvitationStatus::Sent,
        inviter_id: None,
        invited_by_api_key_id: Some(ctx.caller().id.clone()),
        created_at: Some(now.clone()),
        updated_at: Some(now),
        expiry: Some(iso8601(ctx.now_ms + INVITATION_LIFETIME_MS)),
        middle_name: user.middle_name.clone(),
        phone_number: user.phone_number.clone(),
        suffix1: user.suffix1.clone(),
        suffix2: user.suffix2.clone(),
    };
    ctx.state
        .invitations
        .insert(invitation.invitation_id.clone(), invitation);
    let record = ctx
        .state
        .users
        .insert(user.user_id.clone(), UserRecord { user, active: true });
    Ok(to_json(&record.user))
}

pub(super) fn retrieve(ctx: &mut Ctx<'_>, input: Value) -> Result<String, ApiFailure> {
    let params: UserIdParams = parse(input)?;
    let record = ctx
        .state
        .users
        .get(&params.user_id)
        .ok_or_else(|| not_found(&params.user_id))?;
    Ok(to_json(&record.user))
}

pub(super) fn update(ctx: &mut Ctx<'_>, input: Value) -> Result<String, ApiFailure> {
    let params: UserUpdateParams = parse(input)?;
    people::check_update(&params.changes)?;
    let record = ctx
        .state
        .users
        .get_mut(&params.user_id)
        .ok_or_else(|| not_found(&params.user_id))?;
    Person::of_user(&mut record.user).apply(&params.changes);
    Ok(to_json(&record.user))
}

pub(super) fn list(ctx: &mut Ctx<'_>, input: Value) -> Result<String, ApiFailure> {
    let params: UserListParams = parse(input)?;
    let contains = |value: &str, part: &Option<String>| {
        part.as_ref()
            .is_none_or(|part| value.to_lowercase().contains(&part.to_lowercase()))
    };
    let matching = ctx.state.users.rows().filter(|(_, record)| {
        let user = &record.user;
        params
            .email
            .as_ref()
            .is_none_or(|email| user.email.eq_ignore_ascii_case(email))
            && contains(&user.first_name, &params.first_name)
            && contains(&user.last_name, &params.last_name)
            && params
                .invited_source
                .as_ref()
                .is_none_or(|source| &user.invited_source == source)
            && params
                .level
                .as_ref()
                .is_none_or(|level| &user.level == level)
    });
    let page = paginate("users", params.cursor.as_deref(), params.limit, matching)?;
    let users = page
        .items
        .into_iter()
        .map(|record| record.user.clone())
        .collect();
    Ok(to_json(&UserListPage {
        users,
        cursor: page.cursor,
        has_more: page.has_more,
    }))
}

fn set_active(ctx: &mut Ctx<'_>, input: Value, active: bool) -> Result<String, ApiFailure> {
    let params: UserIdParams = parse(input)?;
    let record = ctx
        .state
        .users
        .get_mut(&params.user_id)
        .ok_or_else(|| not_found(&params.user_id))?;
    let message = (record.active == active).then(|| {
        format!(
            "the user {}",
            if active {
                "already has access"
            } else {
                "has no access already"
            }
        )
    });
    record.active = active;
    Ok(to_json(&SuccessResponse {
        success: true,
        message,
    }))
}

pub(super) fn reactivate(ctx: &mut Ctx<'_>, input: Value) -> Result<String, ApiFailure> {
    set_active(ctx, input, true)
}

pub(super) fn revoke_access(ctx: &mut Ctx<'_>, input: Value) -> Result<String, ApiFailure> {
    set_active(ctx, input, false)
}
