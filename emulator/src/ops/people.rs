//! What users and invitations share: the person's fields and how an update changes them.

use avara::models::{
    AssignableUserLevel, ClinicRole, PersonUpdate, UserLevel, UserReference, ViewerInvitation,
    ViewerUser,
};

use crate::errors::ApiFailure;

/// The editable fields of a user or an invitation, borrowed.
pub(super) struct Person<'a> {
    pub first_name: &'a mut String,
    pub last_name: &'a mut String,
    pub level: &'a mut UserLevel,
    pub clinic_role: &'a mut ClinicRole,
    pub can_manage_studies: &'a mut bool,
    pub has_dashboard_access: &'a mut bool,
    pub middle_name: &'a mut Option<String>,
    pub phone_number: &'a mut Option<String>,
    pub suffix1: &'a mut Option<String>,
    pub suffix2: &'a mut Option<String>,
}

impl Person<'_> {
    pub(super) fn of_user(user: &mut ViewerUser) -> Person<'_> {
        Person {
            first_name: &mut user.first_name,
            last_name: &mut user.last_name,
            level: &mut user.level,
            clinic_role: &mut user.clinic_role,
            can_manage_studies: &mut user.can_manage_studies,
            has_dashboard_access: &mut user.has_dashboard_access,
            middle_name: &mut user.middle_name,
            phone_number: &mut user.phone_number,
            suffix1: &mut user.suffix1,
            suffix2: &mut user.suffix2,
        }
    }

    pub(super) fn of_invitation(invitation: &mut ViewerInvitation) -> Person<'_> {
        Person {
            first_name: &mut invitation.first_name,
            last_name: &mut invitation.last_name,
            level: &mut invitation.level,
            clinic_role: &mut invitation.clinic_role,
            can_manage_studies: &mut invitation.can_manage_studies,
            has_dashboard_access: &mut invitation.has_dashboard_access,
            middle_name: &mut invitation.middle_name,
            phone_number: &mut invitation.phone_number,
            suffix1: &mut invitation.suffix1,
            suffix2: &mut invitation.suffix2,
        }
    }

    pub(super) fn apply(self, changes: &PersonUpdate) {
        if let Some(value) = &changes.first_name {
            self.first_name.clone_from(value);
        }
        if let Some(value) = &changes.last_name {
            self.last_name.clone_from(value);
        }
        if let Some(level) = &changes.level {
            *self.level = user_level(level);
        }
        if let Some(Some(role)) = &changes.clinic_role {
            self.clinic_role.clone_from(role);
        }
        if let Some(value) = changes.can_manage_studies {
            *self.can_manage_studies = value;
        }
        if let Some(value) = changes.has_dashboard_access {
            *self.has_dashboard_access = value;
        }
        for (field, change) in [
            (self.middle_name, &changes.middle_name),
            (self.phone_number, &changes.phone_number),
            (self.suffix1, &changes.suffix1),
            (self.suffix2, &changes.suffix2),
        ] {
            if let Some(value) = change {
                field.clone_from(value);
            }
        }
    }
}

/// Updates the server refuses although the client lets them through.
pub(super) fn check_update(changes: &PersonUpdate) -> Result<(), ApiFailure> {
    if matches!(changes.clinic_role, Some(None)) {
        return Err(ApiFailure::invalid_params(
            "clinicRole",
            "cannot be cleared; every person has a clinic role",
        ));
    }
    Ok(())
}

pub(super) fn user_level(level: &AssignableUserLevel) -> UserLevel {
    UserLevel::from(level.as_str())
}

pub(super) fn reference(user: &ViewerUser) -> UserReference {
    UserReference {
        email: user.email.clone(),
        user_id: user.user_id.clone(),
        first_name: Some(user.first_name.clone()),
        last_name: Some(user.last_name.clone()),
        middle_name: user.middle_name.clone(),
        suffix1: user.suffix1.clone(),
        suffix2: user.suffix2.clone(),
    }
}
