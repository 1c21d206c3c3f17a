//! The emulator's memory: every resource in creation order, landing-page links and
//! idempotency records. One mutex guards all of it, so each request sees and leaves a
//! consistent state.

use std::collections::{BTreeSet, HashMap};

use avara::models::{ExpressCustomer, HangingProtocol, ViewerInvitation, ViewerStudy, ViewerUser};
use serde_json::{Map, Value};

use crate::idempotency::IdempotencyStore;

/// Rows in creation order with a lookup by ID. Rows are never removed, so a row's
/// position is stable and pagination cursors can point at it.
pub(crate) struct Table<T> {
    rows: Vec<T>,
    index: HashMap<String, usize>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table {
            rows: Vec::new(),
            index: HashMap::new(),
        }
    }
}

impl<T> Table<T> {
    pub(crate) fn insert(&mut self, id: String, row: T) -> &T {
        let position = self.rows.len();
        self.index.insert(id, position);
        self.rows.push(row);
        &self.rows[position]
    }

    pub(crate) fn get(&self, id: &str) -> Option<&T> {
        self.index.get(id).map(|&position| &self.rows[position])
    }

    pub(crate) fn get_mut(&mut self, id: &str) -> Option<&mut T> {
        self.index.get(id).map(|&position| &mut self.rows[position])
    }

    /// Rows with their positions, oldest first.
    pub(crate) fn rows(&self) -> impl Iterator<Item = (usize, &T)> {
        self.rows.iter().enumerate()
    }

    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }
}

/// A study with its links kept as IDs; references are filled in when it is shown, so
/// a renamed user or customer shows up renamed.
pub(crate) struct StudyRecord {
    /// Scalar fields; the reference fields stay `None` here.
    pub study: ViewerStudy,
    /// Index of the API key that created it (study scope `self`).
    pub owner: usize,
    pub assigned_to: Option<String>,
    pub express_customer_id: Option<String>,
}

pub(crate) struct UserRecord {
    pub user: ViewerUser,
    /// False after revoke-access, true again after reactivate.
    pub active: bool,
}

pub(crate) struct ExpressRecord {
    /// `userCount` is recomputed from `members` when shown.
    pub customer: ExpressCustomer,
    pub members: BTreeSet<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ViewTarget {
    Study {
        study_id: String,
    },
    Ephemeral {
        retrieval_id: String,
        options: Option<Map<String, Value>>,
        hanging_protocol: Option<HangingProtocol>,
    },
}

/// A landing-page link minted by reroute-url or ephemeral-sessions.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ViewLink {
    pub target: ViewTarget,
    /// Index of the API key whose webhook endpoint serves the images.
    pub key: usize,
    pub expires_at_ms: u64,
}

/// Expired links are kept this long (to answer 410 instead of 404), then forgotten.
const EXPIRED_LINK_MEMORY_MS: u64 = 60 * 60 * 1000;

#[derive(Default)]
pub(crate) struct State {
    pub studies: Table<StudyRecord>,
    /// studyInstanceUid → studyId; UIDs are unique in the clinic.
    pub study_uids: HashMap<String, String>,
    pub users: Table<UserRecord>,
    pub invitations: Table<ViewerInvitation>,
    pub express: Table<ExpressRecord>,
    pub views: HashMap<String, ViewLink>,
    pub idempotency: IdempotencyStore,
}

impl State {
    pub(crate) fn add_view(&mut self, token: String, link: ViewLink, now_ms: u64) {
        self.views.retain(|_, existing| {
            existing
                .expires_at_ms
                .saturating_add(EXPIRED_LINK_MEMORY_MS)
                > now_ms
        });
        self.views.insert(token, link);
    }
}
