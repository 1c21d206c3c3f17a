//! Resources grouped as in the official SDKs: `viewer().studies()`, `viewer().users()`,
//! `viewer().users().invitations()`, `viewer().ephemeral_sessions()`, `express()` and
//! `express().users()`.

use super::Avara;
use super::error::ApiError;
use super::operations::*;
use super::pages::AutoPager;
use crate::models::*;

pub struct Viewer<'a> {
    pub(crate) client: &'a Avara,
}

impl<'a> Viewer<'a> {
    pub fn studies(&self) -> Studies<'a> {
        Studies {
            client: self.client,
        }
    }

    pub fn users(&self) -> Users<'a> {
        Users {
            client: self.client,
        }
    }

    pub fn ephemeral_sessions(&self) -> EphemeralSessions<'a> {
        EphemeralSessions {
            client: self.client,
        }
    }
}

pub struct Studies<'a> {
    client: &'a Avara,
}

impl<'a> Studies<'a> {
    pub fn create(&self, params: &StudyCreateParams) -> Result<ViewerStudy, ApiError> {
        self.client.send(&STUDIES_CREATE, params)
    }

    pub fn retrieve(&self, study_id: &str) -> Result<ViewerStudy, ApiError> {
        self.client.send(
            &STUDIES_RETRIEVE,
            &StudyRetrieveParams {
                study_id: study_id.into(),
            },
        )
    }

    pub fn update(&self, params: &StudyUpdateParams) -> Result<ViewerStudy, ApiError> {
        self.client.send(&STUDIES_UPDATE, params)
    }

    /// One page; see [`Studies::list_all`] for every study.
    pub fn list(&self, params: &StudyListParams) -> Result<StudyListPage, ApiError> {
        self.client.send(&STUDIES_LIST, params)
    }

    pub fn list_all(
        &self,
        params: StudyListParams,
    ) -> AutoPager<'a, StudyListParams, StudyListPage> {
        AutoPager::new(self.client, &STUDIES_LIST, params)
    }

    pub fn cancel(&self, study: &StudyLookupParams) -> Result<SuccessResponse, ApiError> {
        self.client.send(&STUDIES_CANCEL, study)
    }

    /// A URL that opens the study in the Viewer without a login (temporary access view).
    pub fn reroute_url(&self, study: &StudyLookupParams) -> Result<UrlResponse, ApiError> {
        self.client.send(&STUDIES_REROUTE_URL, study)
    }

    pub fn retrieve_by_uid(&self, study_instance_uid: &str) -> Result<ViewerStudy, ApiError> {
        self.client.send(
            &STUDIES_RETRIEVE_BY_UID,
            &StudyRetrieveByUidParams {
                study_instance_uid: study_instance_uid.into(),
            },
        )
    }

    pub fn uncancel(&self, study: &StudyLookupParams) -> Result<SuccessResponse, ApiError> {
        self.client.send(&STUDIES_UNCANCEL, study)
    }
}

pub struct Users<'a> {
    client: &'a Avara,
}

impl<'a> Users<'a> {
    pub fn retrieve(&self, user_id: &str) -> Result<ViewerUser, ApiError> {
        self.client.send(
            &USERS_RETRIEVE,
            &UserIdParams {
                user_id: user_id.into(),
            },
        )
    }

    pub fn update(&self, params: &UserUpdateParams) -> Result<ViewerUser, ApiError> {
        self.client.send(&USERS_UPDATE, params)
    }

    pub fn list(&self, params: &UserListParams) -> Result<UserListPage, ApiError> {
        self.client.send(&USERS_LIST, params)
    }

    pub fn list_all(&self, params: UserListParams) -> AutoPager<'a, UserListParams, UserListPage> {
        AutoPager::new(self.client, &USERS_LIST, params)
    }

    pub fn invite(&self, params: &UserInviteParams) -> Result<ViewerUser, ApiError> {
        self.client.send(&USERS_INVITE, params)
    }

    pub fn reactivate(&self, user_id: &str) -> Result<SuccessResponse, ApiError> {
        self.client.send(
            &USERS_REACTIVATE,
            &UserIdParams {
                user_id: user_id.into(),
            },
        )
    }

    pub fn revoke_access(&self, user_id: &str) -> Result<SuccessResponse, ApiError> {
        self.client.send(
            &USERS_REVOKE_ACCESS,
            &UserIdParams {
                user_id: user_id.into(),
            },
        )
    }

    pub fn invitations(&self) -> Invitations<'a> {
        Invitations {
            client: self.client,
        }
    }
}

pub struct Invitations<'a> {
    client: &'a Avara,
}

impl<'a> Invitations<'a> {
    pub fn retrieve(&self, invitation_id: &str) -> Result<ViewerInvitation, ApiError> {
        self.client.send(
            &INVITATIONS_RETRIEVE,
            &InvitationIdParams {
                invitation_id: invitation_id.into(),
            },
        )
    }

    pub fn update(&self, params: &InvitationUpdateParams) -> Result<ViewerInvitation, ApiError> {
        self.client.send(&INVITATIONS_UPDATE, params)
    }

    pub fn list(&self, params: &InvitationListParams) -> Result<InvitationListPage, ApiError> {
        self.client.send(&INVITATIONS_LIST, params)
    }

    pub fn list_all(
        &self,
        params: InvitationListParams,
    ) -> AutoPager<'a, InvitationListParams, InvitationListPage> {
        AutoPager::new(self.client, &INVITATIONS_LIST, params)
    }

    pub fn revoke(&self, params: &InvitationRevokeParams) -> Result<SuccessResponse, ApiError> {
        self.client.send(&INVITATIONS_REVOKE, params)
    }
}

pub struct EphemeralSessions<'a> {
    client: &'a Avara,
}

impl EphemeralSessions<'_> {
    /// A landing URL valid for 30 seconds; images come through `ephemeral.access_requested`.
    pub fn create(&self, params: &EphemeralSessionCreateParams) -> Result<UrlResponse, ApiError> {
        self.client.send(&EPHEMERAL_SESSIONS_CREATE, params)
    }
}

pub struct Express<'a> {
    pub(crate) client: &'a Avara,
}

impl<'a> Express<'a> {
    pub fn create(&self, params: &ExpressCreateParams) -> Result<ExpressCustomer, ApiError> {
        self.client.send(&EXPRESS_CREATE, params)
    }

    pub fn retrieve(&self, express_customer_id: &str) -> Result<ExpressCustomer, ApiError> {
        self.client.send(
            &EXPRESS_RETRIEVE,
            &ExpressCustomerIdParams {
                express_customer_id: express_customer_id.into(),
            },
        )
    }

    pub fn update(&self, params: &ExpressUpdateParams) -> Result<ExpressCustomer, ApiError> {
        self.client.send(&EXPRESS_UPDATE, params)
    }

    pub fn list(&self, params: &ExpressListParams) -> Result<ExpressCustomerListPage, ApiError> {
        self.client.send(&EXPRESS_LIST, params)
    }

    pub fn list_all(
        &self,
        params: ExpressListParams,
    ) -> AutoPager<'a, ExpressListParams, ExpressCustomerListPage> {
        AutoPager::new(self.client, &EXPRESS_LIST, params)
    }

    pub fn deactivate(&self, express_customer_id: &str) -> Result<ExpressCustomer, ApiError> {
        self.client.send(
            &EXPRESS_DEACTIVATE,
            &ExpressCustomerIdParams {
                express_customer_id: express_customer_id.into(),
            },
        )
    }

    pub fn reactivate(&self, express_customer_id: &str) -> Result<ExpressCustomer, ApiError> {
        self.client.send(
            &EXPRESS_REACTIVATE,
            &ExpressCustomerIdParams {
                express_customer_id: express_customer_id.into(),
            },
        )
    }

    pub fn users(&self) -> ExpressUsers<'a> {
        ExpressUsers {
            client: self.client,
        }
    }
}

pub struct ExpressUsers<'a> {
    client: &'a Avara,
}

impl ExpressUsers<'_> {
    pub fn add(
        &self,
        express_customer_id: &str,
        user_id: &str,
    ) -> Result<SuccessResponse, ApiError> {
        self.client.send(
            &EXPRESS_USERS_ADD,
            &ExpressUserParams {
                express_customer_id: express_customer_id.into(),
                user_id: user_id.into(),
            },
        )
    }

    /// A DELETE with a JSON body, as the contract defines it.
    pub fn remove(
        &self,
        express_customer_id: &str,
        user_id: &str,
    ) -> Result<SuccessResponse, ApiError> {
        self.client.send(
            &EXPRESS_USERS_REMOVE,
            &ExpressUserParams {
                express_customer_id: express_customer_id.into(),
                user_id: user_id.into(),
            },
        )
    }
}
