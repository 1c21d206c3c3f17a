//! Invitations: read, edit while pending, list with filters, revoke.

use avara::models::{
    InvitationExpiredFilter, InvitationIdParams, InvitationListPage, InvitationListParams,
    InvitationRevokeParams, InvitationStatus, InvitationUpdateParams, SuccessResponse,
    ViewerInvitation,
};
use serde_json::Value;

use super::people::{self, Person};
use super::{Ctx, parse, to_json};
use crate::clock::iso8601;
use crate::errors::ApiFailure;
use crate::pagination::paginate;

fn not_found(invitation_id: &str) -> ApiFailure {
    ApiFailure::not_found(format!("no invitation {invitation_id}"))
}

pub(super) fn retrieve(ctx: &mut Ctx<'_>, input: Value) -> Result<String, ApiFailure> {
    let params: InvitationIdParams = parse(input)?;
    let invitation = ctx
        .state
        .invitations
        .get(&params.invitation_id)
        .ok_or_else(|| not_found(&params.invitation_id))?;
    Ok(to_json(invitation))
}

/// Edits a pending invitation and the user it reserves, so both keep describing the
/// same person.
pub(super) fn update(ctx: &mut Ctx<'_>, input: Value) -> Result<String, ApiFailure> {
    let params: InvitationUpdateParams = parse(input)?;
    people::check_update(&params.changes)?;
    let now = iso8601(ctx.now_ms);
    let invitation = ctx
        .state
        .invitations
        .get_mut(&params.invitation_id)
        .ok_or_else(|| not_found(&params.invitation_id))?;
    if invitation.status != InvitationStatus::Sent {
        return Err(ApiFailure::conflict(format!(
            "the invitation is {}; only pending (sent) invitations can be edited",
            invitation.status
        )));
    }
    Person::of_invitation(invitation).apply(&params.changes);
    invitation.updated_at = Some(now);
    let invitation = invitation.clone();
    if let Some(record) = ctx.state.users.get_mut(&invitation.user_id) {
        Person::of_user(&mut record.user).apply(&params.changes);
    }
    Ok(to_json(&invitation))
}

pub(super) fn list(ctx: &mut Ctx<'_>, input: Value) -> Result<String, ApiFailure> {
    let params: InvitationListParams = parse(input)?;
    let now = iso8601(ctx.now_ms);
    let matching = ctx.state.invitations.rows().filter(|(_, invitation)| {
        let day = invitation
            .created_at
            .as_deref()
            .map_or("", |created| &created[..created.len().min(10)]);
        let expired = invitation
            .expiry
            .as_deref()
            .is_some_and(|expiry| expiry <= now.as_str());
        params
            .status
            .as_ref()
            .is_none_or(|statuses| statuses.is_empty() || statuses.contains(&invitation.status))
            && params
                .user_id
                .as_ref()
                .is_none_or(|user_id| &invitation.user_id == user_id)
            && params
                .start_date
                .as_deref()
                .is_none_or(|start| day >= start)
            && params.end_date.as_deref().is_none_or(|end| day <= end)
            && match params.expired {
                Some(InvitationExpiredFilter::Expired) => expired,
                Some(InvitationExpiredFilter::NotExpired) => !expired,
                _ => true,
            }
    });
    let page = paginate(
        "invitations",
        params.cursor.as_deref(),
        params.limit,
        matching,
    )?;
    let invitations = page.items.into_iter().cloned().collect();
    Ok(to_json(&InvitationListPage {
        invitations,
        cursor: page.cursor,
        has_more: page.has_more,
    }))
}

pub(super) fn revoke(ctx: &mut Ctx<'_>, input: Value) -> Result<String, ApiFailure> {
    let params: InvitationRevokeParams = parse(input)?;
    let now = iso8601(ctx.now_ms);
    let invitation_id = match (&params.invitation_id, &params.user_id) {
        (Some(invitation_id), _) => invitation_id.clone(),
        (None, Some(user_id)) => pending_invitation_of(ctx, user_id)?,
        (None, None) => {
            return Err(ApiFailure::invalid_params(
                "invitationId",
                "give invitationId or userId",
            ));
        }
    };
    let invitation = ctx
        .state
        .invitations
        .get_mut(&invitation_id)
        .ok_or_else(|| not_found(&invitation_id))?;
    if let Some(user_id) = params
        .user_id
        .as_ref()
        .filter(|user_id| **user_id != invitation.user_id)
    {
        return Err(ApiFailure::unprocessable(format!(
            "the invitation {invitation_id} is not for the user {user_id}"
        ))
        .on("userId"));
    }
    match invitation.status {
        InvitationStatus::Revoked => Ok(to_json(&SuccessResponse {
            success: true,
            message: Some("the invitation is already revoked".into()),
        })),
        InvitationStatus::Sent => {
            invitation.status = InvitationStatus::Revoked;
            invitation.updated_at = Some(now);
            Ok(to_json(&SuccessResponse {
                success: true,
                message: None,
            }))
        }
        _ => Err(ApiFailure::conflict(format!(
            "the invitation is {}; only pending (sent) invitations can be revoked",
            invitation.status
        ))),
    }
}

/// The user's pending invitation, or their last one when none is pending (so revoking
/// twice answers as revoking an invitation twice does).
fn pending_invitation_of(ctx: &Ctx<'_>, user_id: &str) -> Result<String, ApiFailure> {
    let mine: Vec<&ViewerInvitation> = ctx
        .state
        .invitations
        .rows()
        .map(|(_, invitation)| invitation)
        .filter(|invitation| invitation.user_id == user_id)
        .collect();
    mine.iter()
        .find(|invitation| invitation.status == InvitationStatus::Sent)
        .or(mine.last())
        .map(|invitation| invitation.invitation_id.clone())
        .ok_or_else(|| ApiFailure::not_found(format!("no invitation for the user {user_id}")))
}
