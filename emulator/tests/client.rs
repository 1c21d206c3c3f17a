//! The Rust client against the emulator over loopback: every operation, validation
//! before sending, pagination, key scopes and grants, and a reroute URL whose landing
//! page triggers a signed delivery.

mod common;

use std::collections::BTreeMap;

use avara::client::{ApiErrorCode, Avara};
use avara::models::*;
use avara::webhooks::responses::StudyAccessRequestedResponse;
use avara::webhooks::{Webhook, WebhookEvent, WebhookHeaders};
use avara_emulator::{Access, ApiKeyConfig, Emulator, EmulatorConfig, StudyScope};
use common::{UID, agent, receiver, start};

fn client(emulator: &Emulator, key: &str) -> Avara {
    Avara::builder()
        .api_key(key)
        .base_url(emulator.base_url())
        .max_retries(0)
        .build()
        .expect("client builds")
}

fn key(description: &str, scope: StudyScope, users: Access, express: Access) -> ApiKeyConfig {
    ApiKeyConfig {
        key: Some(format!("sk_test_{description}")),
        description: description.into(),
        study_scope: scope,
        user_access: users,
        express_access: express,
        ..ApiKeyConfig::default()
    }
}

fn uid(n: usize) -> String {
    format!("1.2.826.0.1.3680043.10.{n}")
}

fn invite(email: &str) -> UserInviteParams {
    UserInviteParams {
        can_manage_studies: true,
        clinic_role: ClinicRole::Radiologist,
        email: email.into(),
        first_name: "Jane".into(),
        has_dashboard_access: true,
        last_name: "Doe".into(),
        level: AssignableUserLevel::Member,
        middle_name: None,
        phone_number: Some("+15551234567".into()),
        suffix1: None,
        suffix2: None,
    }
}

#[test]
fn every_study_operation() {
    let emulator = start(EmulatorConfig::default());
    let avara = client(&emulator, emulator.default_key());
    let studies = avara.viewer().studies();

    let mut params = StudyCreateParams::new(Severity::Normal, "Brain MRI with Contrast", UID);
    params.metadata = Some(BTreeMap::from([("accession".to_owned(), "A1".to_owned())]));
    let created = studies.create(&params).unwrap();
    assert!(created.study_id.starts_with("stu_") && created.study_id.len() == 36);
    assert_eq!(created.study_instance_uid, UID);
    assert_eq!(created.metadata, params.metadata);

    assert_eq!(
        studies.retrieve(&created.study_id).unwrap().study_id,
        created.study_id
    );
    assert_eq!(
        studies.retrieve_by_uid(UID).unwrap().study_id,
        created.study_id
    );

    let update = StudyUpdateParams {
        study_id: created.study_id.clone(),
        severity: Some(Severity::Stat),
        metadata: Some(None),
        ..StudyUpdateParams::default()
    };
    let updated = studies.update(&update).unwrap();
    assert_eq!(updated.severity, Severity::Stat);
    assert_eq!(updated.metadata, None, "null clears the metadata");

    assert!(
        studies
            .cancel(&StudyLookupParams::by_id(&created.study_id))
            .unwrap()
            .success
    );
    assert!(studies.retrieve(&created.study_id).unwrap().is_cancelled);
    let cancelled = studies
        .list(&StudyListParams {
            is_cancelled: Some(true),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(cancelled.studies.len(), 1);
    assert!(
        studies
            .uncancel(&StudyLookupParams::by_uid(UID))
            .unwrap()
            .success
    );
    assert!(!studies.retrieve(&created.study_id).unwrap().is_cancelled);

    let url = studies
        .reroute_url(&StudyLookupParams::by_id(&created.study_id))
        .unwrap()
        .url;
    assert!(
        url.starts_with(&format!("{}/view/", emulator.base_url())),
        "{url}"
    );

    let missing = studies
        .retrieve("stu_00000000000000000000000000000000")
        .unwrap_err();
    assert_eq!(missing.code, ApiErrorCode::NotFound);
    assert_eq!(missing.status, Some(404));
    assert!(missing.request_id.is_some());
}

#[test]
fn every_user_and_invitation_operation() {
    let emulator = start(EmulatorConfig::default());
    let avara = client(&emulator, emulator.default_key());
    let users = avara.viewer().users();

    let user = users.invite(&invite("jane.doe@example.org")).unwrap();
    assert_eq!(
        users.retrieve(&user.user_id).unwrap().email,
        "jane.doe@example.org"
    );
    let mut change = UserUpdateParams {
        user_id: user.user_id.clone(),
        ..Default::default()
    };
    change.changes.first_name = Some("Janet".into());
    change.changes.phone_number = Some(None);
    let changed = users.update(&change).unwrap();
    assert_eq!(
        (changed.first_name.as_str(), changed.phone_number),
        ("Janet", None)
    );
    let listed = users
        .list(&UserListParams {
            invited_source: Some(InvitedSource::Api),
            ..Default::default()
        })
        .unwrap();
    assert!(
        listed
            .users
            .iter()
            .any(|listed| listed.user_id == user.user_id)
    );
    assert!(users.revoke_access(&user.user_id).unwrap().success);
    assert!(users.reactivate(&user.user_id).unwrap().success);

    let duplicate = users.invite(&invite("jane.doe@example.org")).unwrap_err();
    assert_eq!(duplicate.code, ApiErrorCode::Conflict);

    let invitations = users.invitations();
    let page = invitations
        .list(&InvitationListParams {
            status: Some(vec![InvitationStatus::Sent]),
            user_id: Some(user.user_id.clone()),
            ..Default::default()
        })
        .unwrap();
    let invitation = page
        .invitations
        .first()
        .expect("the invite made an invitation")
        .clone();
    assert_eq!(
        invitations
            .retrieve(&invitation.invitation_id)
            .unwrap()
            .user_id,
        user.user_id
    );
    let mut change = InvitationUpdateParams {
        invitation_id: invitation.invitation_id.clone(),
        ..Default::default()
    };
    change.changes.level = Some(AssignableUserLevel::Admin);
    assert_eq!(invitations.update(&change).unwrap().level, UserLevel::Admin);
    let revoke = InvitationRevokeParams {
        invitation_id: Some(invitation.invitation_id.clone()),
        user_id: Some(user.user_id.clone()),
    };
    assert!(invitations.revoke(&revoke).unwrap().success);
    assert_eq!(
        invitations
            .retrieve(&invitation.invitation_id)
            .unwrap()
            .status,
        InvitationStatus::Revoked
    );
}

#[test]
fn every_express_and_session_operation() {
    let emulator = start(EmulatorConfig::default());
    let avara = client(&emulator, emulator.default_key());
    let express = avara.express();

    let customer = express
        .create(&ExpressCreateParams {
            express_customer_name: "North Imaging".into(),
            metadata: None,
        })
        .unwrap();
    assert!(customer.is_active);
    assert_eq!(
        express
            .retrieve(&customer.express_customer_id)
            .unwrap()
            .express_customer_name,
        "North Imaging"
    );
    let renamed = express
        .update(&ExpressUpdateParams {
            express_customer_id: customer.express_customer_id.clone(),
            express_customer_name: Some("North".into()),
            metadata: None,
        })
        .unwrap();
    assert_eq!(renamed.express_customer_name, "North");
    assert!(
        !express
            .deactivate(&customer.express_customer_id)
            .unwrap()
            .is_active
    );
    assert!(
        express
            .reactivate(&customer.express_customer_id)
            .unwrap()
            .is_active
    );
    assert_eq!(
        express
            .list(&ExpressListParams::default())
            .unwrap()
            .express_customers
            .len(),
        1
    );

    let user = avara
        .viewer()
        .users()
        .invite(&invite("tech@example.org"))
        .unwrap();
    assert!(
        express
            .users()
            .add(&customer.express_customer_id, &user.user_id)
            .unwrap()
            .success
    );
    assert_eq!(
        express
            .retrieve(&customer.express_customer_id)
            .unwrap()
            .user_count,
        1
    );
    assert!(
        express
            .users()
            .remove(&customer.express_customer_id, &user.user_id)
            .unwrap()
            .success
    );
    assert_eq!(
        express
            .retrieve(&customer.express_customer_id)
            .unwrap()
            .user_count,
        0
    );

    let session = EphemeralSessionCreateParams {
        retrieval_id: "ret-7731".into(),
        hanging_protocol: Some(HangingProtocol {
            layout: ViewerLayout::L1x2,
            viewport_assignments: vec![Some("Axial".into()), None],
        }),
        options: Some(
            serde_json::json!({"studyUids": [UID]})
                .as_object()
                .unwrap()
                .clone(),
        ),
    };
    let refused = avara
        .viewer()
        .ephemeral_sessions()
        .create(&session)
        .unwrap_err();
    assert_eq!(
        refused.code,
        ApiErrorCode::UnprocessableEntity,
        "sessions need the key's webhook endpoint"
    );

    let mut with_endpoint = key("viewer", StudyScope::All, Access::None, Access::None);
    with_endpoint.webhook_url = Some("http://127.0.0.1:9/webhooks/avara".into());
    let emulator = start(EmulatorConfig {
        keys: vec![with_endpoint],
        ..EmulatorConfig::default()
    });
    let url = client(&emulator, "sk_test_viewer")
        .viewer()
        .ephemeral_sessions()
        .create(&session)
        .unwrap()
        .url;
    assert!(
        url.starts_with(&format!("{}/view/", emulator.base_url())),
        "{url}"
    );
}

#[test]
fn invalid_parameters_are_refused_before_anything_is_sent() {
    let emulator = start(EmulatorConfig::default());
    let avara = client(&emulator, emulator.default_key());
    let before = emulator.stats().requests;
    let studies = avara.viewer().studies();
    let cases: Vec<(avara::ApiError, &str)> = vec![
        (
            studies
                .create(&StudyCreateParams::new(Severity::from("urgent"), "x", UID))
                .unwrap_err(),
            "severity",
        ),
        (
            studies
                .create(&StudyCreateParams::new(Severity::Normal, "x", "1.2.03"))
                .unwrap_err(),
            "studyInstanceUid",
        ),
        (
            studies
                .create(&StudyCreateParams::new(Severity::Normal, " ", UID))
                .unwrap_err(),
            "studyDescription",
        ),
        (studies.retrieve("stu_XYZ").unwrap_err(), "studyId"),
        (
            studies.cancel(&StudyLookupParams::default()).unwrap_err(),
            "studyId",
        ),
        (
            studies
                .list(&StudyListParams {
                    limit: Some(101),
                    ..Default::default()
                })
                .unwrap_err(),
            "limit",
        ),
        (
            avara
                .viewer()
                .users()
                .invite(&invite("not-an-email"))
                .unwrap_err(),
            "email",
        ),
        (
            avara.viewer().users().reactivate("usr_1").unwrap_err(),
            "userId",
        ),
        (
            avara.express().users().add("cus_1", "usr_1").unwrap_err(),
            "expressCustomerId",
        ),
    ];
    for (error, field) in cases {
        assert_eq!(error.code, ApiErrorCode::InvalidParams, "{error}");
        assert_eq!(error.field.as_deref(), Some(field), "{error}");
        assert_eq!(error.attempts, 0);
    }
    let many = BTreeMap::from_iter((0..51).map(|i| (format!("k{i}"), "v".to_owned())));
    let mut params = StudyCreateParams::new(Severity::Normal, "x", UID);
    params.metadata = Some(many);
    assert_eq!(
        studies.create(&params).unwrap_err().field.as_deref(),
        Some("metadata")
    );
    assert_eq!(
        emulator.stats().requests,
        before,
        "nothing reached the server"
    );
}

#[test]
fn the_server_validates_what_a_raw_caller_sends() {
    let emulator = start(EmulatorConfig::default());
    let avara = client(&emulator, emulator.default_key());
    // The client would refuse this before sending, so send the raw JSON.
    let body = r#"{"severity":"normal","studyDescription":"x","studyInstanceUid":"1.2.03"}"#;
    let reply = common::api(
        &agent(),
        &emulator,
        "POST",
        "/v1/viewer/studies",
        Some(body),
    );
    assert_eq!(reply.status, 400);
    assert_eq!(reply.json()["error"]["field"], "studyInstanceUid");
    let unauthorized = client(&emulator, "sk_test_unknown")
        .viewer()
        .studies()
        .list(&StudyListParams::default())
        .unwrap_err();
    assert_eq!(unauthorized.code, ApiErrorCode::Authentication);
    assert_eq!(unauthorized.status, Some(401));
    assert!(
        avara
            .viewer()
            .studies()
            .list(&StudyListParams::default())
            .is_ok()
    );
}

#[test]
fn pagination_walks_every_page_and_keeps_filters() {
    let emulator = start(EmulatorConfig::default());
    let avara = client(&emulator, emulator.default_key());
    let studies = avara.viewer().studies();
    for n in 0..7 {
        let severity = if n % 2 == 0 {
            Severity::High
        } else {
            Severity::Normal
        };
        studies
            .create(&StudyCreateParams::new(
                severity,
                format!("study {n}"),
                uid(n),
            ))
            .unwrap();
    }
    let before = emulator.stats().api_requests;
    let high: Vec<ViewerStudy> = studies
        .list_all(StudyListParams {
            limit: Some(1),
            severity: Some(Severity::High),
            ..Default::default()
        })
        .collect::<Result<_, _>>()
        .unwrap();
    let descriptions: Vec<&str> = high
        .iter()
        .map(|study| study.study_description.as_str())
        .collect();
    assert_eq!(descriptions, ["study 0", "study 2", "study 4", "study 6"]);
    let pages = emulator.stats().api_requests - before;
    assert!(pages >= 4, "one request per page of one, got {pages}");

    let all: Vec<ViewerStudy> = studies
        .list_all(StudyListParams {
            limit: Some(3),
            ..Default::default()
        })
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(all.len(), 7, "three pages of at most three");
    let first = studies
        .list(&StudyListParams {
            limit: Some(3),
            ..Default::default()
        })
        .unwrap();
    assert!(first.has_more && first.cursor.is_some());
}

#[test]
fn self_scoped_keys_see_only_their_own_studies() {
    let config = EmulatorConfig {
        keys: vec![
            key("pacs_a", StudyScope::Own, Access::None, Access::None),
            key("pacs_b", StudyScope::Own, Access::None, Access::None),
            key("group", StudyScope::All, Access::None, Access::None),
        ],
        ..EmulatorConfig::default()
    };
    let emulator = start(config);
    let (a, b, group) = (
        client(&emulator, "sk_test_pacs_a"),
        client(&emulator, "sk_test_pacs_b"),
        client(&emulator, "sk_test_group"),
    );
    let mine = a
        .viewer()
        .studies()
        .create(&StudyCreateParams::new(Severity::Normal, "A's", uid(1)))
        .unwrap();
    b.viewer()
        .studies()
        .create(&StudyCreateParams::new(Severity::Normal, "B's", uid(2)))
        .unwrap();

    let seen_by_a = a
        .viewer()
        .studies()
        .list(&StudyListParams::default())
        .unwrap()
        .studies;
    assert_eq!(seen_by_a.len(), 1);
    assert_eq!(seen_by_a[0].study_id, mine.study_id);
    let hidden = b.viewer().studies().retrieve(&mine.study_id).unwrap_err();
    assert_eq!(hidden.code, ApiErrorCode::NotFound);
    assert_eq!(
        b.viewer()
            .studies()
            .cancel(&StudyLookupParams::by_id(&mine.study_id))
            .unwrap_err()
            .code,
        ApiErrorCode::NotFound
    );
    assert_eq!(
        group
            .viewer()
            .studies()
            .list(&StudyListParams::default())
            .unwrap()
            .studies
            .len(),
        2
    );
    assert!(group.viewer().studies().retrieve(&mine.study_id).is_ok());
}

#[test]
fn user_and_express_access_is_enforced() {
    let config = EmulatorConfig {
        keys: vec![
            key("admin", StudyScope::All, Access::Write, Access::Write),
            key("reader", StudyScope::All, Access::Read, Access::Read),
            key("none", StudyScope::All, Access::None, Access::None),
        ],
        ..EmulatorConfig::default()
    };
    let emulator = start(config);
    let admin = client(&emulator, "sk_test_admin");
    let user = admin
        .viewer()
        .users()
        .invite(&invite("jane@example.org"))
        .unwrap();
    let customer = admin
        .express()
        .create(&ExpressCreateParams {
            express_customer_name: "N".into(),
            metadata: None,
        })
        .unwrap();

    let reader = client(&emulator, "sk_test_reader");
    assert!(reader.viewer().users().retrieve(&user.user_id).is_ok());
    assert!(
        reader
            .express()
            .retrieve(&customer.express_customer_id)
            .is_ok()
    );
    for denied in [
        reader
            .viewer()
            .users()
            .invite(&invite("bob@example.org"))
            .unwrap_err(),
        reader
            .viewer()
            .users()
            .revoke_access(&user.user_id)
            .unwrap_err(),
        reader
            .express()
            .deactivate(&customer.express_customer_id)
            .unwrap_err(),
    ] {
        assert_eq!(
            (denied.code, denied.status),
            (ApiErrorCode::PermissionDenied, Some(403)),
            "{denied}"
        );
    }
    let none = client(&emulator, "sk_test_none");
    for denied in [
        none.viewer()
            .users()
            .list(&UserListParams::default())
            .unwrap_err(),
        none.viewer()
            .users()
            .invitations()
            .list(&InvitationListParams::default())
            .unwrap_err(),
        none.express()
            .list(&ExpressListParams::default())
            .unwrap_err(),
    ] {
        assert_eq!(denied.code, ApiErrorCode::PermissionDenied, "{denied}");
    }
    assert!(
        none.viewer()
            .studies()
            .list(&StudyListParams::default())
            .is_ok(),
        "studies need no user access"
    );
}

#[test]
fn a_reroute_landing_page_delivers_a_signed_event_the_verifier_accepts() {
    let verifier_secret = "receiver_shared_secret_0123456789abcdef";
    let verifier = Webhook::new(verifier_secret).unwrap();
    let hook = receiver(1, move |delivery| {
        let headers: WebhookHeaders = delivery
            .headers
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_bytes()))
            .collect();
        match verifier.unwrap(&delivery.body, &headers) {
            Ok(WebhookEvent::StudyAccessRequested(event)) => {
                let urls = vec![format!(
                    "https://pacs.example/{}/1.dcm",
                    event.data.study_instance_uid
                )];
                (
                    200,
                    StudyAccessRequestedResponse::authorized(urls)
                        .to_json()
                        .unwrap(),
                )
            }
            other => (401, format!("{{\"error\":\"{other:?}\"}}")),
        }
    });
    let mut pacs = key("pacs", StudyScope::All, Access::None, Access::None);
    pacs.webhook_url = Some(hook.url.clone());
    pacs.webhook_secret = Some(verifier_secret.into());
    let emulator = start(EmulatorConfig {
        keys: vec![pacs],
        ..EmulatorConfig::default()
    });
    let avara = client(&emulator, "sk_test_pacs");
    let study = avara
        .viewer()
        .studies()
        .create(&StudyCreateParams::new(Severity::Normal, "CT", UID))
        .unwrap();
    let url = avara
        .viewer()
        .studies()
        .reroute_url(&StudyLookupParams::by_id(&study.study_id))
        .unwrap()
        .url;

    let page = agent()
        .get(&url)
        .call()
        .unwrap()
        .into_body()
        .read_to_string()
        .unwrap();
    let delivery = hook
        .deliveries
        .recv()
        .expect("the landing page called the receiver");
    hook.join();
    assert!(
        delivery
            .header("X-Avara-Signature")
            .is_some_and(|sig| sig.len() == 64)
    );
    assert!(
        delivery
            .header("X-Avara-Timestamp")
            .is_some_and(|ts| ts.len() == 13)
    );
    assert!(
        page.contains(&format!("https://pacs.example/{UID}/1.dcm")),
        "{page}"
    );
    assert!(page.contains(&study.study_id));
}
