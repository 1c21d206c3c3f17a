//! API keys as the emulator holds them, bearer authentication and permission checks.

use std::fmt;

use avara::client::{Method, Operation};

use crate::config::{Access, ApiKeyConfig, StudyScope};
use crate::errors::ApiFailure;
use crate::ids::Ids;

/// A configured key with every generated value filled in.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey {
    /// The key's UUID, shown as `createdByApiKey.apiKeyId` and `invitedByApiKeyId`.
    pub id: String,
    /// The bearer token.
    pub key: String,
    pub description: String,
    pub study_scope: StudyScope,
    pub user_access: Access,
    pub express_access: Access,
    pub webhook_url: Option<String>,
    pub webhook_secret: String,
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiKey")
            .field("id", &self.id)
            .field("key", &"[REDACTED]")
            .field("description", &self.description)
            .field("study_scope", &self.study_scope)
            .field("user_access", &self.user_access)
            .field("express_access", &self.express_access)
            .field("webhook_url", &self.webhook_url)
            .field("webhook_secret", &"[REDACTED]")
            .finish()
    }
}

pub(crate) fn resolve(configured: &[ApiKeyConfig], ids: &Ids) -> Vec<ApiKey> {
    let fallback = [ApiKeyConfig::default()];
    let configured = if configured.is_empty() {
        &fallback[..]
    } else {
        configured
    };
    configured
        .iter()
        .map(|config| ApiKey {
            id: ids.uuid(),
            key: config.key.clone().unwrap_or_else(|| ids.api_key()),
            description: config.description.clone(),
            study_scope: config.study_scope,
            user_access: config.user_access,
            express_access: config.express_access,
            webhook_url: config.webhook_url.clone(),
            webhook_secret: config
                .webhook_secret
                .clone()
                .unwrap_or_else(|| ids.webhook_secret()),
        })
        .collect()
}

/// The index of the key named by `Authorization: Bearer <key>`.
pub(crate) fn authenticate(
    keys: &[ApiKey],
    authorization: Option<&str>,
) -> Result<usize, ApiFailure> {
    let Some(value) = authorization
        .map(str::trim)
        .filter(|value| !value.is_empty())
    else {
        return Err(ApiFailure::authentication(
            "missing Authorization header; send `Authorization: Bearer <API key>`",
        ));
    };
    let token = match value.split_once(' ') {
        Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") => token.trim(),
        _ => {
            return Err(ApiFailure::authentication(
                "the Authorization header must use the Bearer scheme",
            ));
        }
    };
    keys.iter().position(|key| key.key == token).ok_or_else(|| {
        ApiFailure::authentication("unknown API key; it is not configured in this emulator")
    })
}

/// Users and invitations need the key's user access, Express routes its Express access:
/// reading needs `read`, anything else `write`. Studies and sessions need no grant.
pub(crate) fn authorize(key: &ApiKey, operation: &Operation) -> Result<(), ApiFailure> {
    let (area, granted) = if operation.name.starts_with("viewer.users.") {
        ("user access", key.user_access)
    } else if operation.name.starts_with("express.") {
        ("Express customer access", key.express_access)
    } else {
        return Ok(());
    };
    let needed = if operation.method == Method::Get {
        Access::Read
    } else {
        Access::Write
    };
    if granted >= needed {
        Ok(())
    } else {
        Err(ApiFailure::permission_denied(format!(
            "{} needs {area} `{}`; this API key has `{}`",
            operation.name,
            needed.as_str(),
            granted.as_str()
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use avara::client::operations;

    fn key(user_access: Access, express_access: Access) -> ApiKey {
        ApiKey {
            id: "k".into(),
            key: "sk_test_one".into(),
            description: "test".into(),
            study_scope: StudyScope::All,
            user_access,
            express_access,
            webhook_url: None,
            webhook_secret: "s".into(),
        }
    }

    #[test]
    fn bearer_tokens_are_matched_exactly() {
        let keys = [key(Access::None, Access::None)];
        assert_eq!(authenticate(&keys, Some("Bearer sk_test_one")).unwrap(), 0);
        assert_eq!(
            authenticate(&keys, Some("bearer  sk_test_one ")).unwrap(),
            0
        );
        for bad in [
            None,
            Some(""),
            Some("sk_test_one"),
            Some("Basic sk_test_one"),
            Some("Bearer sk_test_on"),
        ] {
            assert_eq!(authenticate(&keys, bad).unwrap_err().status, 401, "{bad:?}");
        }
    }

    #[test]
    fn grants_follow_the_method() {
        let reader = key(Access::Read, Access::None);
        assert!(authorize(&reader, &operations::USERS_LIST).is_ok());
        assert_eq!(
            authorize(&reader, &operations::USERS_INVITE)
                .unwrap_err()
                .status,
            403
        );
        assert_eq!(
            authorize(&reader, &operations::EXPRESS_LIST)
                .unwrap_err()
                .status,
            403
        );
        assert!(authorize(&reader, &operations::STUDIES_CREATE).is_ok());
        let nothing = key(Access::None, Access::None);
        let denied = operations::ALL
            .iter()
            .filter(|operation| authorize(&nothing, operation).is_err())
            .count();
        assert_eq!(
            denied,
            10 + 8,
            "the user and invitation operations plus the Express ones"
        );
    }
}
