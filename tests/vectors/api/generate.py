#!/usr/bin/env python3
"""Writes requests.json and responses.json: how API parameters become HTTP requests,
and what HTTP responses mean, for every operation of the contract."""

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
STUDY = "stu_1234567890abcdef1234567890abcdef"
USER = "usr_0123456789abcdef0123456789abcdef"
INVITATION = "inv_fedcba9876543210fedcba9876543210"
CUSTOMER = "cus_00112233445566778899aabbccddeeff"
UID = "1.2.840.113619.2.55.3.604688119.868.1234567890.123"


class Cases:
    def __init__(self):
        self.items = []

    def add(self, comment, flags=(), **fields):
        self.items.append({"tcId": len(self.items) + 1, "comment": comment, "flags": list(flags), **fields})


def request(cases, comment, operation, params, method=None, path=None, query=(), body=None, url=None, flags=()):
    expected = {"method": method, "path": path, "query": [list(pair) for pair in query], "body": body, "pathAndQuery": url or path}
    cases.add(comment, flags, operation=operation, params=params, result="valid", expected=expected)


def refused(cases, comment, operation, params, field, flags=("Validation",)):
    cases.add(comment, list(flags), operation=operation, params=params, result="invalid", code="invalid_params", field=field)


def requests():
    c = Cases()
    create = {"severity": "normal", "studyDescription": "Brain MRI with Contrast", "studyInstanceUid": UID}
    request(c, "create a study with the required fields", "viewer.studies.create", create, "POST", "/v1/viewer/studies", body=create)
    full = {**create, "assignedTo": USER, "expressCustomerId": CUSTOMER, "metadata": {"accession": "A1", "site": "north"}}
    request(c, "create a study with every field", "viewer.studies.create", full, "POST", "/v1/viewer/studies", body=full)
    refused(c, "severity outside the enum", "viewer.studies.create", {**create, "severity": "urgent"}, "severity")
    refused(c, "severity missing", "viewer.studies.create", {k: v for k, v in create.items() if k != "severity"}, "severity")
    refused(c, "study description missing", "viewer.studies.create", {k: v for k, v in create.items() if k != "studyDescription"}, "studyDescription")
    refused(c, "blank study description", "viewer.studies.create", {**create, "studyDescription": "  "}, "studyDescription")
    refused(c, "UID with a letter", "viewer.studies.create", {**create, "studyInstanceUid": "1.2.840.a"}, "studyInstanceUid", ["DicomUid"])
    refused(c, "UID with a leading zero", "viewer.studies.create", {**create, "studyInstanceUid": "1.2.03"}, "studyInstanceUid", ["DicomUid"])
    refused(c, "UID with an empty component", "viewer.studies.create", {**create, "studyInstanceUid": "1..2"}, "studyInstanceUid", ["DicomUid"])
    refused(c, "UID of 65 characters", "viewer.studies.create", {**create, "studyInstanceUid": "1." + "2" * 63}, "studyInstanceUid", ["DicomUid"])
    request(c, "UID of exactly 64 characters", "viewer.studies.create", {**create, "studyInstanceUid": "1." + "2" * 62}, "POST", "/v1/viewer/studies", body={**create, "studyInstanceUid": "1." + "2" * 62}, flags=["DicomUid"])
    refused(c, "51 metadata pairs", "viewer.studies.create", {**create, "metadata": {f"k{i}": "v" for i in range(51)}}, "metadata", ["Metadata"])
    fifty = {f"k{i:02}": "v" for i in range(50)}
    request(c, "50 metadata pairs", "viewer.studies.create", {**create, "metadata": fifty}, "POST", "/v1/viewer/studies", body={**create, "metadata": fifty}, flags=["Metadata"])
    refused(c, "metadata key of 101 characters", "viewer.studies.create", {**create, "metadata": {"k" * 101: "v"}}, "metadata." + "k" * 101, ["Metadata"])
    refused(c, "metadata value of 1001 characters", "viewer.studies.create", {**create, "metadata": {"note": "v" * 1001}}, "metadata.note", ["Metadata"])
    refused(c, "assignedTo that is not a user ID", "viewer.studies.create", {**create, "assignedTo": STUDY}, "assignedTo", ["IdFormat"])
    request(c, "retrieve a study", "viewer.studies.retrieve", {"studyId": STUDY}, "GET", f"/v1/viewer/studies/{STUDY}")
    refused(c, "study ID in upper case", "viewer.studies.retrieve", {"studyId": STUDY.upper()}, "studyId", ["IdFormat"])
    refused(c, "study ID missing", "viewer.studies.retrieve", {}, "studyId", ["IdFormat"])
    request(c, "retrieve by UID keeps the dots in the path", "viewer.studies.retrieve_by_uid", {"studyInstanceUid": UID}, "GET", f"/v1/viewer/studies/by-uid/{UID}")
    request(c, "update moves the ID into the path", "viewer.studies.update", {"studyId": STUDY, "severity": "high"}, "PATCH", f"/v1/viewer/studies/{STUDY}", body={"severity": "high"})
    request(c, "update with metadata null clears it", "viewer.studies.update", {"studyId": STUDY, "metadata": None}, "PATCH", f"/v1/viewer/studies/{STUDY}", body={"metadata": None}, flags=["Nullable"])
    request(c, "list without filters", "viewer.studies.list", {}, "GET", "/v1/viewer/studies")
    request(c, "list with filters, in name order, limit as an integer", "viewer.studies.list",
            {"limit": 50, "isCancelled": False, "severity": "stat", "studyDescription": "CT head & neck", "cursor": "b2Zmc2V0OjIw"},
            "GET", "/v1/viewer/studies",
            query=[("cursor", "b2Zmc2V0OjIw"), ("isCancelled", "false"), ("limit", "50"), ("severity", "stat"), ("studyDescription", "CT head & neck")],
            url="/v1/viewer/studies?cursor=b2Zmc2V0OjIw&isCancelled=false&limit=50&severity=stat&studyDescription=CT%20head%20%26%20neck",
            flags=["Query"])
    refused(c, "limit 0", "viewer.studies.list", {"limit": 0}, "limit", ["Limit"])
    refused(c, "limit 101", "viewer.studies.list", {"limit": 101}, "limit", ["Limit"])
    request(c, "limit 100", "viewer.studies.list", {"limit": 100}, "GET", "/v1/viewer/studies", query=[("limit", "100")], url="/v1/viewer/studies?limit=100", flags=["Limit"])
    refused(c, "limit with a fraction", "viewer.studies.list", {"limit": 20.5}, "limit", ["Limit"])
    request(c, "cancel by study ID", "viewer.studies.cancel", {"studyId": STUDY}, "POST", "/v1/viewer/studies/cancel", body={"studyId": STUDY})
    request(c, "uncancel by UID", "viewer.studies.uncancel", {"studyInstanceUid": UID}, "POST", "/v1/viewer/studies/uncancel", body={"studyInstanceUid": UID})
    refused(c, "cancel without studyId or studyInstanceUid", "viewer.studies.cancel", {}, "studyId", ["Lookup"])
    request(c, "reroute URL for a study", "viewer.studies.reroute_url", {"studyId": STUDY}, "POST", "/v1/viewer/studies/reroute-url", body={"studyId": STUDY})
    request(c, "reroute URL by ID and UID", "viewer.studies.reroute_url", {"studyId": STUDY, "studyInstanceUid": UID}, "POST", "/v1/viewer/studies/reroute-url", body={"studyId": STUDY, "studyInstanceUid": UID})
    invite = {"canManageStudies": True, "clinicRole": "Radiologist", "email": "jane.doe@example.org", "firstName": "Jane", "hasDashboardAccess": True, "lastName": "Doe", "level": "member"}
    request(c, "invite a user", "viewer.users.invite", invite, "POST", "/v1/viewer/users", body=invite)
    request(c, "invite with a multi-word clinic role and a phone number", "viewer.users.invite", {**invite, "clinicRole": "Pathologists' Assistant", "phoneNumber": "+15551234567"}, "POST", "/v1/viewer/users", body={**invite, "clinicRole": "Pathologists' Assistant", "phoneNumber": "+15551234567"})
    refused(c, "invite with a clinic role outside the enum", "viewer.users.invite", {**invite, "clinicRole": "Wizard"}, "clinicRole")
    refused(c, "an API key cannot invite an owner", "viewer.users.invite", {**invite, "level": "owner"}, "level")
    refused(c, "invite with an invalid email", "viewer.users.invite", {**invite, "email": "jane"}, "email")
    refused(c, "invite with a 3-digit phone number", "viewer.users.invite", {**invite, "phoneNumber": "123"}, "phoneNumber")
    request(c, "retrieve a user", "viewer.users.retrieve", {"userId": USER}, "GET", f"/v1/viewer/users/{USER}")
    request(c, "update a user, clearing the middle name", "viewer.users.update", {"userId": USER, "firstName": "Janet", "middleName": None}, "PATCH", f"/v1/viewer/users/{USER}", body={"firstName": "Janet", "middleName": None}, flags=["Nullable"])
    request(c, "list users by level", "viewer.users.list", {"level": "admin", "invitedSource": "api", "limit": 10}, "GET", "/v1/viewer/users", query=[("invitedSource", "api"), ("level", "admin"), ("limit", "10")], url="/v1/viewer/users?invitedSource=api&level=admin&limit=10")
    request(c, "reactivate a user", "viewer.users.reactivate", {"userId": USER}, "POST", "/v1/viewer/users/reactivate", body={"userId": USER})
    request(c, "revoke a user's access", "viewer.users.revoke_access", {"userId": USER}, "POST", "/v1/viewer/users/revoke-access", body={"userId": USER})
    refused(c, "revoke access with a study ID", "viewer.users.revoke_access", {"userId": STUDY}, "userId", ["IdFormat"])
    request(c, "retrieve an invitation", "viewer.users.invitations.retrieve", {"invitationId": INVITATION}, "GET", f"/v1/viewer/users/invitations/{INVITATION}")
    request(c, "update an invitation", "viewer.users.invitations.update", {"invitationId": INVITATION, "level": "admin"}, "PATCH", f"/v1/viewer/users/invitations/{INVITATION}", body={"level": "admin"})
    request(c, "list invitations: status array comma-joined", "viewer.users.invitations.list",
            {"status": ["sent", "revoked"], "expired": "not-expired", "startDate": "2026-01-01", "endDate": "2026-01-31"},
            "GET", "/v1/viewer/users/invitations",
            query=[("endDate", "2026-01-31"), ("expired", "not-expired"), ("startDate", "2026-01-01"), ("status", "sent,revoked")],
            url="/v1/viewer/users/invitations?endDate=2026-01-31&expired=not-expired&startDate=2026-01-01&status=sent,revoked",
            flags=["Query"])
    refused(c, "list invitations with a date in another format", "viewer.users.invitations.list", {"startDate": "01/02/2026"}, "startDate")
    refused(c, "list invitations with an unknown status", "viewer.users.invitations.list", {"status": ["pending"]}, "status")
    request(c, "revoke an invitation", "viewer.users.invitations.revoke", {"invitationId": INVITATION, "userId": USER}, "POST", "/v1/viewer/users/invitations/revoke", body={"invitationId": INVITATION, "userId": USER})
    request(c, "revoke by invitation ID alone", "viewer.users.invitations.revoke", {"invitationId": INVITATION}, "POST", "/v1/viewer/users/invitations/revoke", body={"invitationId": INVITATION}, flags=["Lookup"])
    session = {"retrievalId": "ret-7731", "hangingProtocol": {"layout": "2x2", "viewportAssignments": ["Axial T1", None, "Sagittal T2", None]}, "options": {"studyUids": [UID]}}
    request(c, "mint an ephemeral session", "viewer.ephemeral_sessions.create", session, "POST", "/v1/viewer/ephemeral-sessions", body=session)
    refused(c, "ephemeral options over 3072 bytes", "viewer.ephemeral_sessions.create", {"retrievalId": "r", "options": {"blob": "x" * 3072}}, "options")
    refused(c, "a layout outside the enum", "viewer.ephemeral_sessions.create", {"retrievalId": "r", "hangingProtocol": {"layout": "5x5", "viewportAssignments": []}}, "hangingProtocol.layout")
    request(c, "create an Express customer", "express.create", {"expressCustomerName": "North Imaging", "metadata": {"tier": "gold"}}, "POST", "/v1/express", body={"expressCustomerName": "North Imaging", "metadata": {"tier": "gold"}})
    refused(c, "Express customer name missing", "express.create", {}, "expressCustomerName")
    request(c, "retrieve an Express customer", "express.retrieve", {"expressCustomerId": CUSTOMER}, "GET", f"/v1/express/{CUSTOMER}")
    request(c, "rename an Express customer and clear its metadata", "express.update", {"expressCustomerId": CUSTOMER, "expressCustomerName": "North", "metadata": None}, "PATCH", f"/v1/express/{CUSTOMER}", body={"expressCustomerName": "North", "metadata": None}, flags=["Nullable"])
    request(c, "list Express customers", "express.list", {"limit": 5}, "GET", "/v1/express", query=[("limit", "5")], url="/v1/express?limit=5")
    request(c, "deactivate sends no body", "express.deactivate", {"expressCustomerId": CUSTOMER}, "POST", f"/v1/express/{CUSTOMER}/deactivate")
    request(c, "reactivate sends no body", "express.reactivate", {"expressCustomerId": CUSTOMER}, "POST", f"/v1/express/{CUSTOMER}/reactivate")
    request(c, "add a user to an Express customer", "express.users.add", {"expressCustomerId": CUSTOMER, "userId": USER}, "POST", f"/v1/express/{CUSTOMER}/users", body={"userId": USER})
    request(c, "remove is a DELETE with a JSON body", "express.users.remove", {"expressCustomerId": CUSTOMER, "userId": USER}, "DELETE", f"/v1/express/{CUSTOMER}/users", body={"userId": USER})
    refused(c, "Express customer ID with the wrong prefix", "express.users.add", {"expressCustomerId": USER, "userId": USER}, "expressCustomerId", ["IdFormat"])
    request(c, "revoke by user ID alone", "viewer.users.invitations.revoke", {"userId": USER}, "POST", "/v1/viewer/users/invitations/revoke", body={"userId": USER}, flags=["Lookup"])
    refused(c, "revoking names no invitation and no user", "viewer.users.invitations.revoke", {}, "invitationId", ["Validation", "Lookup"])
    request(c, "the guide's studyUid is sent as studyInstanceUid", "viewer.studies.create", {"studyUid": UID, "studyDescription": "Coronary CT Angiogram", "severity": "normal"}, "POST", "/v1/viewer/studies", body={"severity": "normal", "studyDescription": "Coronary CT Angiogram", "studyInstanceUid": UID}, flags=["Alias"])
    request(c, "a null assignedTo lists only unassigned studies, sent as an empty value", "viewer.studies.list", {"assignedTo": None}, "GET", "/v1/viewer/studies", query=[("assignedTo", "")], url="/v1/viewer/studies?assignedTo=", flags=["Query", "Nullable"])
    request(c, "a null expressCustomerId lists only studies of no customer", "viewer.studies.list", {"expressCustomerId": None, "severity": "high"}, "GET", "/v1/viewer/studies", query=[("expressCustomerId", ""), ("severity", "high")], url="/v1/viewer/studies?expressCustomerId=&severity=high", flags=["Query", "Nullable"])
    request(c, "a null isCancelled is no filter", "viewer.studies.list", {"isCancelled": None}, "GET", "/v1/viewer/studies", flags=["Query"])
    request(c, "update with assignedTo null unassigns the study", "viewer.studies.update", {"studyId": STUDY, "assignedTo": None}, "PATCH", f"/v1/viewer/studies/{STUDY}", body={"assignedTo": None}, flags=["Nullable"])
    request(c, "limit 20.0 is the page size 20", "viewer.users.list", {"limit": 20.0}, "GET", "/v1/viewer/users", query=[("limit", "20")], url="/v1/viewer/users?limit=20", flags=["Limit"])
    refused(c, "negative limit", "express.list", {"limit": -1}, "limit", ["Limit"])
    request(c, "an empty status list is no filter", "viewer.users.invitations.list", {"status": []}, "GET", "/v1/viewer/users/invitations", flags=["Query"])
    request(c, "a comma inside a filter value is percent-encoded", "viewer.users.list", {"lastName": "Doe, Jr."}, "GET", "/v1/viewer/users", query=[("lastName", "Doe, Jr.")], url="/v1/viewer/users?lastName=Doe%2C%20Jr.", flags=["Query"])
    request(c, "one status alone", "viewer.users.invitations.list", {"status": ["revoked"], "userId": USER}, "GET", "/v1/viewer/users/invitations", query=[("status", "revoked"), ("userId", USER)], url=f"/v1/viewer/users/invitations?status=revoked&userId={USER}", flags=["Query"])
    c.add("an operation the contract does not have", ["Unknown"], operation="viewer.studies.delete", params={}, result="invalid", code="invalid_params")
    notes = {
        "Validation": "Checked before anything is sent; the error names the field.",
        "DicomUid": "At most 64 characters, digits and dots, no empty component, no leading zero.",
        "Metadata": "At most 50 pairs, keys up to 100 characters, values up to 1000.",
        "IdFormat": "Prefix plus 32 lowercase hex digits.",
        "Query": "GET parameters in name order (style=form, explode=false): an array is one parameter with its items comma-joined, the joining commas literal, and left out when empty; everything else percent-encoded except unreserved characters.",
        "Limit": "A whole number from 1 to 100 (20.0 counts as 20).",
        "Lookup": "At least one of the identifiers (studyId and studyInstanceUid; invitationId and userId).",
        "Alias": "A name the guide's samples use for a field; accepted with a one-time warning.",
        "Nullable": "An explicit null clears the field in an update; in a list filter it is sent as an empty value and means only those without one.",
        "Unknown": "Only the contract's operations exist.",
    }
    return {"schema": "api_requests_v1", "description": "API parameters to HTTP requests: method, path, query and JSON body.",
            "numberOfTests": len(c.items), "notes": notes, "testGroups": [{"type": "encode", "tests": c.items}]}


def responses():
    c = Cases()
    study = {"studyId": STUDY, "studyInstanceUid": UID, "studyDescription": "Brain MRI", "severity": "normal",
             "studyViewerStatus": "incomplete", "isCancelled": False, "cancelledAt": None,
             "createdAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-01T00:00:00Z"}

    def ok(comment, operation, body, expected, status=200, flags=()):
        c.add(comment, flags, operation=operation, status=status, body=json.dumps(body), result="valid", expected=expected)

    def fails(comment, operation, status, body, code, flags=()):
        text = body if isinstance(body, str) else json.dumps(body)
        c.add(comment, flags, operation=operation, status=status, body=text, result="invalid", code=code)

    ok("a created study", "viewer.studies.create", study, study)
    ok("unknown fields are dropped", "viewer.studies.retrieve", {**study, "internalScore": 7}, study, flags=["Forward"])
    ok("an unknown severity is kept", "viewer.studies.retrieve", {**study, "severity": "critical"}, {**study, "severity": "critical"}, flags=["Forward"])
    nested = {**study, "assignedTo": {"email": "a@b.org", "userId": USER}, "expressCustomer": {"expressCustomerId": CUSTOMER, "expressCustomerName": "North"}, "metadata": {"k": "v"}}
    ok("a study with nested references", "viewer.studies.retrieve", nested, nested)
    ok("a page of studies", "viewer.studies.list", {"studies": [study], "cursor": "b2Zmc2V0OjE=", "hasMore": True}, {"studies": [study], "cursor": "b2Zmc2V0OjE=", "hasMore": True})
    ok("the last page has no cursor", "viewer.studies.list", {"studies": [], "hasMore": False}, {"studies": [], "hasMore": False})
    ok("a cancel acknowledgement", "viewer.studies.cancel", {"success": True}, {"success": True})
    ok("a reroute URL", "viewer.studies.reroute_url", {"url": "https://viewer.example/s/abc"}, {"url": "https://viewer.example/s/abc"})
    ok("a 201 is a success too", "express.create", {"expressCustomerId": CUSTOMER, "expressCustomerName": "North", "isActive": True, "userCount": 0, "createdAt": None, "updatedAt": None},
       {"expressCustomerId": CUSTOMER, "expressCustomerName": "North", "isActive": True, "userCount": 0, "createdAt": None, "updatedAt": None}, status=201)
    fails("a study without its ID", "viewer.studies.retrieve", 200, {k: v for k, v in study.items() if k != "studyId"}, "invalid_response", ["Contract"])
    fails("a success body that is not JSON", "viewer.studies.retrieve", 200, "<html>gateway</html>", "invalid_response", ["Contract"])
    fails("hasMore missing from a page", "viewer.users.list", 200, {"users": []}, "invalid_response", ["Contract"])
    error_body = {"error": {"code": "invalid_params", "message": "severity: not one of normal, high, stat", "field": "severity"}}
    for status, code in [(400, "bad_request"), (401, "authentication"), (403, "permission_denied"), (404, "not_found"),
                         (409, "conflict"), (422, "unprocessable_entity"), (429, "rate_limited"), (500, "internal_server"),
                         (503, "internal_server"), (418, "api_status")]:
        fails(f"HTTP {status}", "viewer.studies.create", status, error_body, code, ["Status"])
    fails("an error body that is plain text", "express.list", 502, "Bad Gateway", "internal_server", ["Status"])
    notes = {"Forward": "New fields and enum values from a newer server never break the client.",
             "Contract": "A success body that breaks the contract is an invalid_response.",
             "Status": "Each HTTP error class has its own code."}
    return {"schema": "api_responses_v1", "description": "HTTP responses to results or error codes.",
            "numberOfTests": len(c.items), "notes": notes, "testGroups": [{"type": "interpret", "tests": c.items}]}


def main():
    for name, build in [("requests.json", requests), ("responses.json", responses)]:
        document = build()
        (HERE / name).write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"api/{name}: {document['numberOfTests']} cases")


if __name__ == "__main__":
    main()
