//! The API over raw HTTP: authentication, validation, permissions, study scope,
//! pagination and the shapes of every resource.

mod common;

use avara::client::operations::decode_named;
use avara_emulator::{Access, ApiKeyConfig, Emulator, EmulatorConfig, StudyScope};
use common::{UID, agent, api, call, create_study, start};
use serde_json::{Value, json};

fn two_keys() -> EmulatorConfig {
    EmulatorConfig {
        keys: vec![
            ApiKeyConfig {
                key: Some("sk_test_pacs_a".into()),
                description: "PACS A".into(),
                study_scope: StudyScope::Own,
                ..ApiKeyConfig::default()
            },
            ApiKeyConfig {
                key: Some("sk_test_pacs_b".into()),
                description: "PACS B".into(),
                study_scope: StudyScope::Own,
                user_access: Access::None,
                express_access: Access::Read,
                ..ApiKeyConfig::default()
            },
            ApiKeyConfig {
                key: Some("sk_test_admin".into()),
                description: "Admin".into(),
                ..ApiKeyConfig::default()
            },
        ],
        ..EmulatorConfig::default()
    }
}

#[test]
fn missing_or_unknown_keys_are_401() {
    let emulator = start(EmulatorConfig::default());
    let agent = agent();
    for key in [None, Some("sk_test_wrong")] {
        let reply = call(
            &agent,
            &emulator,
            "GET",
            "/v1/viewer/studies",
            key,
            None,
            &[],
        );
        assert_eq!(
            (reply.status, reply.code().as_str()),
            (401, "authentication"),
            "{key:?}"
        );
        assert!(
            reply
                .header("x-request-id")
                .is_some_and(|id| id.starts_with("req_"))
        );
    }
    let basic = call(
        &agent,
        &emulator,
        "GET",
        "/v1/express",
        None,
        None,
        &[("authorization", "Basic abc")],
    );
    assert_eq!(basic.status, 401);
}

#[test]
fn invalid_parameters_are_400_naming_the_field() {
    let emulator = start(EmulatorConfig::default());
    let agent = agent();
    let bad_uid = api(
        &agent,
        &emulator,
        "POST",
        "/v1/viewer/studies",
        Some(r#"{"severity":"normal","studyDescription":"CT","studyInstanceUid":"1.02.3"}"#),
    );
    assert_eq!(bad_uid.status, 400);
    let error = &bad_uid.json()["error"];
    assert_eq!(
        (error["code"].as_str(), error["field"].as_str()),
        (Some("invalid_params"), Some("studyInstanceUid"))
    );
    assert!(
        error["message"].as_str().unwrap().contains("DICOM UID"),
        "{error}"
    );

    let missing = api(
        &agent,
        &emulator,
        "POST",
        "/v1/viewer/studies",
        Some(r#"{"severity":"normal","studyDescription":"CT"}"#),
    );
    assert_eq!(missing.json()["error"]["field"], "studyInstanceUid");
    let unknown_severity = api(
        &agent,
        &emulator,
        "POST",
        "/v1/viewer/studies",
        Some(&format!(
            r#"{{"severity":"urgent","studyDescription":"CT","studyInstanceUid":"{UID}"}}"#
        )),
    );
    assert_eq!(unknown_severity.json()["error"]["field"], "severity");
    let bad_path = api(&agent, &emulator, "GET", "/v1/viewer/studies/stu_XYZ", None);
    assert_eq!(
        (bad_path.status, bad_path.json()["error"]["field"].as_str()),
        (400, Some("studyId"))
    );
    let bad_limit = api(
        &agent,
        &emulator,
        "GET",
        "/v1/viewer/studies?limit=101",
        None,
    );
    assert_eq!(bad_limit.json()["error"]["field"], "limit");
    let bad_status = api(
        &agent,
        &emulator,
        "GET",
        "/v1/viewer/users/invitations?status=sent,lost",
        None,
    );
    assert_eq!(bad_status.json()["error"]["field"], "status");
    let malformed = api(
        &agent,
        &emulator,
        "POST",
        "/v1/express",
        Some("{\"expressCustomerName\":"),
    );
    assert_eq!(
        (malformed.status, malformed.code().as_str()),
        (400, "bad_request")
    );
    let not_object = api(&agent, &emulator, "POST", "/v1/express", Some("[1]"));
    assert_eq!(
        (not_object.status, not_object.code().as_str()),
        (400, "bad_request")
    );
    assert_eq!(emulator.stats().studies, 0);
}

#[test]
fn unknown_resources_and_routes_are_404() {
    let emulator = start(EmulatorConfig::default());
    let agent = agent();
    let study = api(
        &agent,
        &emulator,
        "GET",
        "/v1/viewer/studies/stu_0123456789abcdef0123456789abcdef",
        None,
    );
    assert_eq!((study.status, study.code().as_str()), (404, "not_found"));
    let by_uid = api(
        &agent,
        &emulator,
        "GET",
        &format!("/v1/viewer/studies/by-uid/{UID}"),
        None,
    );
    assert_eq!(by_uid.status, 404);
    let route = api(&agent, &emulator, "GET", "/v1/viewer/reports", None);
    assert_eq!((route.status, route.code().as_str()), (404, "not_found"));
    let outside = call(&agent, &emulator, "GET", "/nothing-here", None, None, &[]);
    assert_eq!(outside.status, 404);
    let wrong_method = api(&agent, &emulator, "PUT", "/v1/express", Some("{}"));
    assert_eq!(
        (wrong_method.status, wrong_method.header("allow")),
        (405, Some("GET, POST"))
    );
}

#[test]
fn user_and_express_access_are_enforced_with_403() {
    let emulator = start(two_keys());
    let agent = agent();
    let no_users = Some("sk_test_pacs_b");
    for (method, path, body) in [
        ("GET", "/v1/viewer/users", None),
        ("GET", "/v1/viewer/users/invitations", None),
        (
            "POST",
            "/v1/viewer/users/revoke-access",
            Some(r#"{"userId":"usr_0123456789abcdef0123456789abcdef"}"#),
        ),
        (
            "POST",
            "/v1/express",
            Some(r#"{"expressCustomerName":"Clinic"}"#),
        ),
    ] {
        let reply = call(&agent, &emulator, method, path, no_users, body, &[]);
        assert_eq!(
            (reply.status, reply.code().as_str()),
            (403, "permission_denied"),
            "{method} {path}"
        );
    }
    let express_read = call(&agent, &emulator, "GET", "/v1/express", no_users, None, &[]);
    assert_eq!(express_read.status, 200);
    let studies = call(
        &agent,
        &emulator,
        "GET",
        "/v1/viewer/studies",
        no_users,
        None,
        &[],
    );
    assert_eq!(studies.status, 200, "studies need no grant");
}

#[test]
fn a_self_scoped_key_sees_only_its_own_studies() {
    let emulator = start(two_keys());
    let agent = agent();
    let own = create_study(&agent, &emulator, "sk_test_pacs_a", "1.2.3.1");
    let other = create_study(&agent, &emulator, "sk_test_pacs_b", "1.2.3.2");
    let (own_id, other_id) = (
        own["studyId"].as_str().unwrap(),
        other["studyId"].as_str().unwrap(),
    );
    assert_eq!(own["createdByApiKey"]["description"], "PACS A");

    let a = Some("sk_test_pacs_a");
    assert_eq!(
        call(
            &agent,
            &emulator,
            "GET",
            &format!("/v1/viewer/studies/{own_id}"),
            a,
            None,
            &[]
        )
        .status,
        200
    );
    for (method, path, body) in [
        ("GET", format!("/v1/viewer/studies/{other_id}"), None),
        ("GET", "/v1/viewer/studies/by-uid/1.2.3.2".to_owned(), None),
        (
            "PATCH",
            format!("/v1/viewer/studies/{other_id}"),
            Some(r#"{"severity":"stat"}"#.to_owned()),
        ),
        (
            "POST",
            "/v1/viewer/studies/cancel".to_owned(),
            Some(format!(r#"{{"studyId":"{other_id}"}}"#)),
        ),
        (
            "POST",
            "/v1/viewer/studies/reroute-url".to_owned(),
            Some(r#"{"studyInstanceUid":"1.2.3.2"}"#.to_owned()),
        ),
    ] {
        let reply = call(&agent, &emulator, method, &path, a, body.as_deref(), &[]);
        assert_eq!(reply.status, 404, "{method} {path}: {}", reply.text);
    }
    let listed = call(&agent, &emulator, "GET", "/v1/viewer/studies", a, None, &[]).json();
    let ids: Vec<&str> = listed["studies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|study| study["studyId"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec![own_id]);
    let admin = call(
        &agent,
        &emulator,
        "GET",
        "/v1/viewer/studies",
        Some("sk_test_admin"),
        None,
        &[],
    )
    .json();
    assert_eq!(
        admin["studies"].as_array().unwrap().len(),
        2,
        "scope all sees every study"
    );
    let duplicate = create_study_reply(&agent, &emulator, "sk_test_pacs_a", "1.2.3.2");
    assert_eq!(
        (duplicate.status, duplicate.header("x-should-retry")),
        (409, Some("false")),
        "UIDs are unique in the clinic"
    );
}

fn create_study_reply(
    agent: &ureq::Agent,
    emulator: &Emulator,
    key: &str,
    uid: &str,
) -> common::Reply {
    let body =
        format!(r#"{{"severity":"high","studyDescription":"MR knee","studyInstanceUid":"{uid}"}}"#);
    call(
        agent,
        emulator,
        "POST",
        "/v1/viewer/studies",
        Some(key),
        Some(&body),
        &[],
    )
}

#[test]
fn cursors_walk_every_study_once_and_keep_filters() {
    let emulator = start(EmulatorConfig::default());
    let agent = agent();
    for index in 1..=7 {
        let severity = if index % 2 == 0 { "stat" } else { "normal" };
        let body = format!(
            r#"{{"severity":"{severity}","studyDescription":"Study {index}","studyInstanceUid":"1.2.{index}"}}"#
        );
        assert_eq!(
            api(&agent, &emulator, "POST", "/v1/viewer/studies", Some(&body)).status,
            200
        );
    }
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..10 {
        let query = cursor
            .as_ref()
            .map_or_else(String::new, |cursor| format!("&cursor={cursor}"));
        let page = api(
            &agent,
            &emulator,
            "GET",
            &format!("/v1/viewer/studies?limit=3.0{query}"),
            None,
        );
        assert_eq!(page.status, 200, "{}", page.text);
        decode_named("viewer.studies.list", page.text.as_bytes()).expect("a StudyListPage");
        let page = page.json();
        seen.extend(
            page["studies"]
                .as_array()
                .unwrap()
                .iter()
                .map(|study| study["studyDescription"].as_str().unwrap().to_owned()),
        );
        if page["hasMore"] == false {
            assert!(page.get("cursor").is_none());
            break;
        }
        cursor = Some(page["cursor"].as_str().unwrap().to_owned());
    }
    let expected: Vec<String> = (1..=7).map(|index| format!("Study {index}")).collect();
    assert_eq!(seen, expected);

    let stat = api(
        &agent,
        &emulator,
        "GET",
        "/v1/viewer/studies?severity=stat&limit=2",
        None,
    )
    .json();
    assert_eq!(stat["studies"].as_array().unwrap().len(), 2);
    let next = api(
        &agent,
        &emulator,
        "GET",
        &format!(
            "/v1/viewer/studies?severity=stat&limit=2&cursor={}",
            stat["cursor"].as_str().unwrap()
        ),
        None,
    )
    .json();
    let rest: Vec<&str> = next["studies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|study| study["studyDescription"].as_str().unwrap())
        .collect();
    assert_eq!((rest, &next["hasMore"]), (vec!["Study 6"], &json!(false)));
    let foreign = api(
        &agent,
        &emulator,
        "GET",
        "/v1/express?cursor=c3R1ZGllczoy",
        None,
    );
    assert_eq!(foreign.json()["error"]["field"], "cursor");
}

/// A request that must succeed; its body is checked against the operation's result
/// type in the core before it is returned.
fn ok(
    agent: &ureq::Agent,
    emulator: &Emulator,
    operation: &str,
    method: &str,
    path: &str,
    body: Option<&str>,
) -> Value {
    let reply = api(agent, emulator, method, path, body);
    assert_eq!(reply.status, 200, "{operation}: {}", reply.text);
    decode_named(operation, reply.text.as_bytes())
        .unwrap_or_else(|error| panic!("{operation}: {error}"));
    reply.json()
}

const INVITE: &str = r#"{"canManageStudies":true,"clinicRole":"Radiologist","email":"ada@example.com","firstName":"Ada","hasDashboardAccess":true,"lastName":"Lovelace","level":"admin"}"#;

fn invite(agent: &ureq::Agent, emulator: &Emulator) -> String {
    let user = ok(
        agent,
        emulator,
        "viewer.users.invite",
        "POST",
        "/v1/viewer/users",
        Some(INVITE),
    );
    user["userId"].as_str().unwrap().to_owned()
}

#[test]
fn users_and_invitations_follow_their_life_cycle() {
    let emulator = start(EmulatorConfig::default());
    let agent = agent();
    let user_id = invite(&agent, &emulator);
    let user = ok(
        &agent,
        &emulator,
        "viewer.users.retrieve",
        "GET",
        &format!("/v1/viewer/users/{user_id}"),
        None,
    );
    assert_eq!(
        (user["invitedSource"].as_str(), user["lastLoginAt"].clone()),
        (Some("api"), Value::Null)
    );
    let again = api(
        &agent,
        &emulator,
        "POST",
        "/v1/viewer/users",
        Some(&INVITE.replace("ada@", "ADA@")),
    );
    assert_eq!(
        (again.status, again.json()["error"]["field"].as_str()),
        (409, Some("email"))
    );

    let query = format!("/v1/viewer/users/invitations?status=sent,revoked&userId={user_id}");
    let invitations = ok(
        &agent,
        &emulator,
        "viewer.users.invitations.list",
        "GET",
        &query,
        None,
    );
    let invitation = &invitations["invitations"][0];
    assert_eq!(
        (
            invitation["status"].as_str(),
            invitation["inviterId"].clone()
        ),
        (Some("sent"), Value::Null)
    );
    let invitation_path = format!(
        "/v1/viewer/users/invitations/{}",
        invitation["invitationId"].as_str().unwrap()
    );
    let edit = Some(r#"{"firstName":"Augusta","middleName":"King"}"#);
    let renamed = ok(
        &agent,
        &emulator,
        "viewer.users.invitations.update",
        "PATCH",
        &invitation_path,
        edit,
    );
    assert_eq!(renamed["firstName"], "Augusta");
    let user = ok(
        &agent,
        &emulator,
        "viewer.users.retrieve",
        "GET",
        &format!("/v1/viewer/users/{user_id}"),
        None,
    );
    assert_eq!(
        (user["firstName"].as_str(), user["middleName"].as_str()),
        (Some("Augusta"), Some("King"))
    );

    let revoke = format!(
        r#"{{"invitationId":"{}","userId":"{user_id}"}}"#,
        invitation["invitationId"].as_str().unwrap()
    );
    let path = "/v1/viewer/users/invitations/revoke";
    ok(
        &agent,
        &emulator,
        "viewer.users.invitations.revoke",
        "POST",
        path,
        Some(&revoke),
    );
    assert_eq!(
        api(
            &agent,
            &emulator,
            "PATCH",
            &invitation_path,
            Some(r#"{"lastName":"Byron"}"#)
        )
        .status,
        409
    );
    let pending = api(
        &agent,
        &emulator,
        "GET",
        "/v1/viewer/users/invitations?status=sent",
        None,
    )
    .json();
    assert_eq!(pending["invitations"], json!([]));

    let clear_role = api(
        &agent,
        &emulator,
        "PATCH",
        &format!("/v1/viewer/users/{user_id}"),
        Some(r#"{"clinicRole":null}"#),
    );
    assert_eq!(clear_role.json()["error"]["field"], "clinicRole");
    let by_name = ok(
        &agent,
        &emulator,
        "viewer.users.list",
        "GET",
        "/v1/viewer/users?firstName=aug&level=admin",
        None,
    );
    assert_eq!(by_name["users"].as_array().unwrap().len(), 1);
    let user_body = format!(r#"{{"userId":"{user_id}"}}"#);
    ok(
        &agent,
        &emulator,
        "viewer.users.revoke_access",
        "POST",
        "/v1/viewer/users/revoke-access",
        Some(&user_body),
    );
    let restored = ok(
        &agent,
        &emulator,
        "viewer.users.reactivate",
        "POST",
        "/v1/viewer/users/reactivate",
        Some(&user_body),
    );
    assert_eq!(restored, json!({"success": true}));
    let stats = emulator.stats();
    assert_eq!((stats.users, stats.invitations), (1, 1));
}

#[test]
fn express_customers_count_their_linked_users() {
    let emulator = start(EmulatorConfig::default());
    let agent = agent();
    let user_id = invite(&agent, &emulator);
    let create = Some(r#"{"expressCustomerName":"North Clinic","metadata":{"region":"north"}}"#);
    let customer = ok(
        &agent,
        &emulator,
        "express.create",
        "POST",
        "/v1/express",
        create,
    );
    let path = format!(
        "/v1/express/{}",
        customer["expressCustomerId"].as_str().unwrap()
    );
    let link = format!(r#"{{"userId":"{user_id}"}}"#);
    ok(
        &agent,
        &emulator,
        "express.users.add",
        "POST",
        &format!("{path}/users"),
        Some(&link),
    );
    assert_eq!(
        ok(&agent, &emulator, "express.retrieve", "GET", &path, None)["userCount"],
        1
    );
    ok(
        &agent,
        &emulator,
        "express.users.remove",
        "DELETE",
        &format!("{path}/users"),
        Some(&link),
    );
    let cleared = ok(
        &agent,
        &emulator,
        "express.update",
        "PATCH",
        &path,
        Some(r#"{"metadata":null}"#),
    );
    assert!(
        cleared.get("metadata").is_none() && cleared["userCount"] == 0,
        "{cleared}"
    );
    let unknown_user = api(
        &agent,
        &emulator,
        "POST",
        &format!("{path}/users"),
        Some(&link.replace(&user_id[4..], &"0".repeat(32))),
    );
    assert_eq!(
        (
            unknown_user.status,
            unknown_user.json()["error"]["field"].as_str()
        ),
        (422, Some("userId"))
    );
    assert_eq!(
        ok(
            &agent,
            &emulator,
            "express.deactivate",
            "POST",
            &format!("{path}/deactivate"),
            None
        )["isActive"],
        false
    );
    assert_eq!(
        ok(
            &agent,
            &emulator,
            "express.reactivate",
            "POST",
            &format!("{path}/reactivate"),
            None
        )["isActive"],
        true
    );
    let listed = ok(
        &agent,
        &emulator,
        "express.list",
        "GET",
        "/v1/express?limit=1",
        None,
    );
    assert_eq!(
        (
            listed["expressCustomers"].as_array().unwrap().len(),
            &listed["hasMore"]
        ),
        (1, &json!(false))
    );
}

#[test]
fn studies_show_their_references_and_cancellation() {
    let emulator = start(EmulatorConfig::default());
    let agent = agent();
    let user_id = invite(&agent, &emulator);
    let customer = ok(
        &agent,
        &emulator,
        "express.create",
        "POST",
        "/v1/express",
        Some(r#"{"expressCustomerName":"North Clinic"}"#),
    );
    let customer_id = customer["expressCustomerId"].as_str().unwrap();
    let body = format!(
        r#"{{"severity":"high","studyDescription":"Chest CT","studyInstanceUid":"{UID}","assignedTo":"{user_id}","expressCustomerId":"{customer_id}","metadata":{{"accession":"A1"}}}}"#
    );
    let study = ok(
        &agent,
        &emulator,
        "viewer.studies.create",
        "POST",
        "/v1/viewer/studies",
        Some(&body),
    );
    assert_eq!(
        (
            study["assignedTo"]["email"].as_str(),
            study["expressCustomer"]["expressCustomerName"].as_str()
        ),
        (Some("ada@example.com"), Some("North Clinic"))
    );
    assert!(study["createdAt"].as_str().unwrap().ends_with('Z') && study["cancelledAt"].is_null());
    let path = format!("/v1/viewer/studies/{}", study["studyId"].as_str().unwrap());
    let changes = Some(r#"{"studyViewerStatus":"complete","metadata":null}"#);
    let updated = ok(
        &agent,
        &emulator,
        "viewer.studies.update",
        "PATCH",
        &path,
        changes,
    );
    assert_eq!(updated["studyViewerStatus"], "complete");
    assert!(updated.get("metadata").is_none());

    let lookup = format!(r#"{{"studyInstanceUid":"{UID}"}}"#);
    ok(
        &agent,
        &emulator,
        "viewer.studies.cancel",
        "POST",
        "/v1/viewer/studies/cancel",
        Some(&lookup),
    );
    let by_uid = format!("/v1/viewer/studies/by-uid/{UID}");
    let cancelled = ok(
        &agent,
        &emulator,
        "viewer.studies.retrieve_by_uid",
        "GET",
        &by_uid,
        None,
    );
    assert!(cancelled["isCancelled"] == true && cancelled["cancelledAt"].is_string());
    let again = ok(
        &agent,
        &emulator,
        "viewer.studies.cancel",
        "POST",
        "/v1/viewer/studies/cancel",
        Some(&lookup),
    );
    assert_eq!(again["message"], "the study is already cancelled");
    let listed = api(
        &agent,
        &emulator,
        "GET",
        "/v1/viewer/studies?isCancelled=true&assignedTo=",
        None,
    )
    .json();
    assert_eq!(
        listed["studies"],
        json!([]),
        "assignedTo= (explicit null) lists only unassigned studies"
    );
    ok(
        &agent,
        &emulator,
        "viewer.studies.uncancel",
        "POST",
        "/v1/viewer/studies/uncancel",
        Some(&lookup),
    );
    let both = format!(
        r#"{{"studyId":"{}","studyInstanceUid":"1.2.9"}}"#,
        study["studyId"].as_str().unwrap()
    );
    create_study(&agent, &emulator, emulator.default_key(), "1.2.9");
    let mismatch = api(
        &agent,
        &emulator,
        "POST",
        "/v1/viewer/studies/cancel",
        Some(&both),
    );
    assert_eq!(
        (mismatch.status, mismatch.json()["error"]["field"].as_str()),
        (422, Some("studyInstanceUid"))
    );

    ok(
        &agent,
        &emulator,
        "express.deactivate",
        "POST",
        &format!("/v1/express/{customer_id}/deactivate"),
        None,
    );
    let inactive = api(
        &agent,
        &emulator,
        "POST",
        "/v1/viewer/studies",
        Some(&body.replace(UID, "1.2.10")),
    );
    assert_eq!(
        (inactive.status, inactive.json()["error"]["field"].as_str()),
        (422, Some("expressCustomerId"))
    );
    assert_eq!(emulator.stats().studies, 2);
}
