//! JSON Schemas of the identifier types: strings with their pattern, inlined where used.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::{
    DicomUid, ExpressCustomerId, InvitationId, ReportId, StudyId, UserId, Uuid, WebhookEventId,
};

macro_rules! string_schema {
    ($name:ident, $pattern:expr, $description:literal) => {
        impl JsonSchema for $name {
            fn inline_schema() -> bool {
                true
            }

            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({
                    "type": "string",
                    "pattern": $pattern,
                    "description": $description,
                })
            }
        }
    };
}

string_schema!(
    StudyId,
    "^stu_[0-9a-f]{32}$",
    "Study ID: `stu_` + 32 lowercase hex digits."
);
string_schema!(
    UserId,
    "^usr_[0-9a-f]{32}$",
    "User ID: `usr_` + 32 lowercase hex digits."
);
string_schema!(
    InvitationId,
    "^inv_[0-9a-f]{32}$",
    "Invitation ID: `inv_` + 32 lowercase hex digits."
);
string_schema!(
    ExpressCustomerId,
    "^cus_[0-9a-f]{32}$",
    "Express customer ID: `cus_` + 32 lowercase hex digits."
);
string_schema!(
    WebhookEventId,
    "^whe_[0-9a-f]{32}$",
    "Webhook event ID: `whe_` + 32 lowercase hex digits."
);
string_schema!(
    ReportId,
    "^rep_[0-9a-f]{32}$",
    "Report ID: `rep_` + 32 lowercase hex digits."
);
string_schema!(
    DicomUid,
    "^[0-9.]{1,64}$",
    "DICOM UID: dotted numeric, at most 64 characters."
);
string_schema!(
    Uuid,
    "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
    "UUID in 8-4-4-4-12 hex form."
);
