//! What the contract lets a client send, as each official SDK sends it: comma-joined
//! arrays with the commas encoded or literal, an invitation revoked by either identifier,
//! null list filters, whole-float page sizes and commas inside filter values. Both over
//! raw HTTP and through the Rust client, so the encoder and the decoder agree.

mod common;

use avara::client::Avara;
use avara::models::{
    AssignableUserLevel, ClinicRole, InvitationListParams, InvitationRevokeParams,
    InvitationStatus, Severity, StudyCreateParams, StudyListParams, StudyUpdateParams,
    UserInviteParams, UserListParams,
};
use avara_emulator::{Emulator, EmulatorConfig};
use common::{Reply, agent, api, start};
use serde_json::{Value, json};

const REVOKE: &str = "/v1/viewer/users/invitations/revoke";

fn client(emulator: &Emulator) -> Avara {
    Avara::builder()
        .api_key(emulator.default_key())
        .base_url(emulator.base_url())
        .max_retries(0)
        .build()
        .expect("client builds")
}

fn invite(email: &str, last_name: &str) -> UserInviteParams {
    UserInviteParams {
        can_manage_studies: false,
        clinic_role: ClinicRole::Scribe,
        email: email.into(),
        first_name: "Sam".into(),
        has_dashboard_access: false,
        last_name: last_name.into(),
        level: AssignableUserLevel::Member,
        middle_name: None,
        phone_number: None,
        suffix1: None,
        suffix2: None,
    }
}

/// A new user's pending invitation: `(userId, invitationId)`.
fn invited(avara: &Avara, email: &str) -> (String, String) {
    let user = avara
        .viewer()
        .users()
        .invite(&invite(email, "Second"))
        .unwrap();
    let page = avara
        .viewer()
        .users()
        .invitations()
        .list(&InvitationListParams {
            user_id: Some(user.user_id.clone()),
            ..Default::default()
        })
        .unwrap();
    (user.user_id, page.invitations[0].invitation_id.clone())
}

fn statuses(reply: &Reply) -> Vec<String> {
    assert_eq!(reply.status, 200, "{}", reply.text);
    let mut statuses: Vec<String> = reply.json()["invitations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|invitation| invitation["status"].as_str().unwrap().to_owned())
        .collect();
    statuses.sort();
    statuses
}

fn invitation_status(avara: &Avara, invitation_id: &str) -> InvitationStatus {
    avara
        .viewer()
        .users()
        .invitations()
        .retrieve(invitation_id)
        .unwrap()
        .status
}

#[test]
fn a_status_list_is_read_with_its_commas_encoded_or_literal() {
    let emulator = start(EmulatorConfig::default());
    let avara = client(&emulator);
    let agent = agent();
    invited(&avara, "sent@example.com");
    let (_, revoked) = invited(&avara, "revoked@example.com");
    let revoke = InvitationRevokeParams {
        invitation_id: Some(revoked),
        user_id: None,
    };
    avara
        .viewer()
        .users()
        .invitations()
        .revoke(&revoke)
        .unwrap();

    let both = ["sent", "revoked"].map(str::to_owned).to_vec();
    // The official SDKs encode the joining comma (Python's `sent%2Crevoked`).
    for query in [
        "status=sent%2Crevoked",
        "status=sent%2crevoked",
        "status=sent,revoked",
    ] {
        let reply = api(
            &agent,
            &emulator,
            "GET",
            &format!("/v1/viewer/users/invitations?{query}"),
            None,
        );
        let mut expected = both.clone();
        expected.sort();
        assert_eq!(statuses(&reply), expected, "{query}");
    }
    let revoked_only = api(
        &agent,
        &emulator,
        "GET",
        "/v1/viewer/users/invitations?status=revoked",
        None,
    );
    assert_eq!(statuses(&revoked_only), ["revoked"]);
    // An empty list filters nothing, as leaving it out does.
    let empty = api(
        &agent,
        &emulator,
        "GET",
        "/v1/viewer/users/invitations?status=",
        None,
    );
    assert_eq!(statuses(&empty).len(), 2);
    let unknown = api(
        &agent,
        &emulator,
        "GET",
        "/v1/viewer/users/invitations?status=sent%2Cpending",
        None,
    );
    assert_eq!(
        (unknown.status, unknown.json()["error"]["field"].as_str()),
        (400, Some("status"))
    );

    let page = avara
        .viewer()
        .users()
        .invitations()
        .list(&InvitationListParams {
            status: Some(vec![InvitationStatus::Sent, InvitationStatus::Revoked]),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(page.invitations.len(), 2);
}

#[test]
fn an_invitation_is_revoked_by_its_id_its_user_or_both() {
    let emulator = start(EmulatorConfig::default());
    let avara = client(&emulator);
    let agent = agent();

    let (_, by_id) = invited(&avara, "by-id@example.com");
    let body = json!({"invitationId": by_id}).to_string();
    let reply = api(&agent, &emulator, "POST", REVOKE, Some(&body));
    assert_eq!(
        (reply.status, reply.json()),
        (200, json!({"success": true}))
    );
    assert_eq!(invitation_status(&avara, &by_id), InvitationStatus::Revoked);

    let (user, by_user) = invited(&avara, "by-user@example.com");
    let body = json!({"userId": user}).to_string();
    let reply = api(&agent, &emulator, "POST", REVOKE, Some(&body));
    assert_eq!(
        (reply.status, reply.json()),
        (200, json!({"success": true}))
    );
    assert_eq!(
        invitation_status(&avara, &by_user),
        InvitationStatus::Revoked
    );

    let (user, by_both) = invited(&avara, "by-both@example.com");
    let (other_user, _) = invited(&avara, "other@example.com");
    let mismatched = json!({"invitationId": by_both, "userId": other_user}).to_string();
    let reply = api(&agent, &emulator, "POST", REVOKE, Some(&mismatched));
    assert_eq!(
        (reply.status, reply.json()["error"]["field"].as_str()),
        (422, Some("userId"))
    );
    assert_eq!(invitation_status(&avara, &by_both), InvitationStatus::Sent);
    let body = json!({"invitationId": by_both, "userId": user}).to_string();
    let reply = api(&agent, &emulator, "POST", REVOKE, Some(&body));
    assert_eq!(reply.status, 200, "{}", reply.text);
    assert_eq!(
        invitation_status(&avara, &by_both),
        InvitationStatus::Revoked
    );

    // Neither: the server says which fields would do, as the client does before sending.
    let reply = api(&agent, &emulator, "POST", REVOKE, Some("{}"));
    let error = reply.json()["error"].clone();
    assert_eq!(
        (reply.status, error["field"].as_str()),
        (400, Some("invitationId"))
    );
    assert!(
        error["message"].as_str().unwrap().contains("userId"),
        "{error}"
    );

    // The Rust client sends each form too.
    let invitations = avara.viewer().users().invitations();
    let (user, invitation) = invited(&avara, "client@example.com");
    let by_user = InvitationRevokeParams {
        invitation_id: None,
        user_id: Some(user),
    };
    assert!(invitations.revoke(&by_user).unwrap().success);
    assert_eq!(
        invitation_status(&avara, &invitation),
        InvitationStatus::Revoked
    );
    let neither = invitations
        .revoke(&InvitationRevokeParams::default())
        .unwrap_err();
    assert_eq!(neither.field.as_deref(), Some("invitationId"));
}

#[test]
fn a_null_filter_lists_only_the_studies_without_one() {
    let emulator = start(EmulatorConfig::default());
    let avara = client(&emulator);
    let studies = avara.viewer().studies();
    let user = avara
        .viewer()
        .users()
        .invite(&invite("reader@example.com", "Reader"))
        .unwrap();
    let assigned = studies
        .create(&StudyCreateParams {
            assigned_to: Some(user.user_id.clone()),
            ..StudyCreateParams::new(Severity::Normal, "assigned", "1.2.826.0.1.1")
        })
        .unwrap();
    let unassigned = studies
        .create(&StudyCreateParams::new(
            Severity::Normal,
            "unassigned",
            "1.2.826.0.1.2",
        ))
        .unwrap();
    let ids = |params: &StudyListParams| -> Vec<String> {
        let page = studies.list(params).unwrap();
        page.studies
            .into_iter()
            .map(|study| study.study_id)
            .collect()
    };

    let only_unassigned = StudyListParams {
        assigned_to: Some(None),
        ..Default::default()
    };
    assert_eq!(ids(&only_unassigned), [unassigned.study_id.as_str()]);
    let of_user = StudyListParams {
        assigned_to: Some(Some(user.user_id.clone())),
        ..Default::default()
    };
    assert_eq!(ids(&of_user), [assigned.study_id.as_str()]);
    let without_customer = StudyListParams {
        express_customer_id: Some(None),
        ..Default::default()
    };
    assert_eq!(ids(&without_customer).len(), 2);
    assert_eq!(ids(&StudyListParams::default()).len(), 2);

    // `assignedTo: null` in an update unassigns.
    let unassign = StudyUpdateParams {
        study_id: assigned.study_id.clone(),
        assigned_to: Some(None),
        ..Default::default()
    };
    assert!(studies.update(&unassign).unwrap().assigned_to.is_none());
    assert_eq!(ids(&only_unassigned).len(), 2);
}

#[test]
fn page_sizes_and_commas_in_values_read_as_sent() {
    let emulator = start(EmulatorConfig::default());
    let avara = client(&emulator);
    let agent = agent();
    let users = avara.viewer().users();
    for (email, last_name) in [
        ("jr@example.com", "Doe, Jr."),
        ("doe@example.com", "Doe"),
        ("jr2@example.com", "Jr."),
    ] {
        users.invite(&invite(email, last_name)).unwrap();
    }
    // Java's official SDK sends its Double page size as `20.0`.
    let page = api(&agent, &emulator, "GET", "/v1/viewer/users?limit=2.0", None);
    assert_eq!(page.status, 200, "{}", page.text);
    assert_eq!(page.json()["users"].as_array().unwrap().len(), 2);

    // A comma inside a scalar value is data, encoded or not.
    for query in ["lastName=Doe%2C%20Jr.", "lastName=Doe,%20Jr."] {
        let reply = api(
            &agent,
            &emulator,
            "GET",
            &format!("/v1/viewer/users?{query}"),
            None,
        );
        let names: Vec<Value> = reply.json()["users"]
            .as_array()
            .unwrap()
            .iter()
            .map(|user| user["lastName"].clone())
            .collect();
        assert_eq!(names, [json!("Doe, Jr.")], "{query}");
    }
    let by_client = users
        .list(&UserListParams {
            last_name: Some("Doe, Jr.".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(by_client.users.len(), 1);
}
