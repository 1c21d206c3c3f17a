//! TypeScript types of the API client: one interface per record and one type per alias
//! or enum, except those `generated/models.d.ts` already declares for the webhooks
//! (imported from there instead, after checking they are the same type).
//!
//! Optional fields differ by direction: in parameters an absent field is left alone and
//! only a clearable one accepts `null` (it clears the value); in results the server may
//! send `null` for any optional field.

use std::collections::BTreeSet;
use std::fmt::Write;

use avara::webhooks::WebhookEvent;
use serde_json::Value;

use crate::operations::{ApiOperation, ClientCatalog};
use crate::schema::{self, Definition, Field, Shape};
use crate::typescript::type_of;

/// Whether the items of the list field `wire` of the record `record` may be `null`,
/// which `Shape` does not keep (`viewportAssignments: ["Axial", null]`).
fn nullable_items(raw: &Value, record: &str, wire: &str) -> bool {
    match &raw["$defs"][record]["properties"][wire]["items"]["type"] {
        Value::Array(types) => types.iter().any(|name| name == "null"),
        _ => false,
    }
}

/// What a date filter's doc adds, since `lib/wire.js` refuses a `Date` there.
const DATE_REFUSED: &str = "A `Date` is refused (`InvalidParamsError`): it is an instant, and the day \
     it falls on depends on the time zone, so pass the day itself \
     (`date.toISOString().slice(0, 10)` is its day in UTC).";

fn field_type(raw: &Value, record: &str, field: &Field) -> String {
    match &field.shape {
        Shape::List(item) if nullable_items(raw, record, &field.wire) => {
            format!("Array<{} | null>", type_of(item))
        }
        shape => type_of(shape),
    }
}

fn doc(out: &mut String, indent: &str, description: Option<&String>) {
    if let Some(text) = description {
        let text = text
            .replace("*/", "*\\/")
            .replace('\n', &format!("\n{indent} * "));
        writeln!(out, "{indent}/** {text} */").unwrap();
    }
}

fn named_in(shape: &Shape, names: &mut Vec<String>) {
    match shape {
        Shape::Named(name) => names.push(name.clone()),
        Shape::List(inner) | Shape::Map(inner) => named_in(inner, names),
        Shape::Union(shapes) => shapes.iter().for_each(|shape| named_in(shape, names)),
        _ => {}
    }
}

/// The definitions a result can contain, directly or nested.
fn result_definitions(catalog: &ClientCatalog) -> BTreeSet<String> {
    let mut pending: Vec<String> = catalog
        .operations
        .iter()
        .map(|operation| operation.result.clone())
        .collect();
    let mut seen = BTreeSet::new();
    while let Some(name) = pending.pop() {
        if !seen.insert(name.clone()) {
            continue;
        }
        if let Some(Definition::Record { fields, .. }) = catalog.definitions.get(&name) {
            fields
                .iter()
                .for_each(|field| named_in(&field.shape, &mut pending));
        }
    }
    seen
}

/// A definition's shape without its descriptions, to compare it with the webhooks' one.
fn signature(definition: &Definition) -> String {
    match definition {
        Definition::Record { fields, .. } => fields
            .iter()
            .map(|field| {
                format!(
                    "{}{}:{:?};",
                    field.wire,
                    if field.required { "" } else { "?" },
                    field.shape
                )
            })
            .collect(),
        Definition::Alias { shape, .. } => format!("{shape:?}"),
    }
}

/// Writes the import of the definitions shared with the webhook models, then every other
/// definition.
pub fn definitions(out: &mut String, catalog: &ClientCatalog) {
    let raw = avara::client::operations::catalog();
    let webhooks = schema::Catalog::new(WebhookEvent::schema_catalog());
    let shared: Vec<&String> = catalog
        .definitions
        .keys()
        .filter(|name| webhooks.definitions.contains_key(*name))
        .collect();
    for name in &shared {
        assert_eq!(
            signature(&catalog.definitions[*name]),
            signature(&webhooks.definitions[*name]),
            "`{name}` means different things in the webhooks and the API; rename one in core"
        );
    }
    if !shared.is_empty() {
        let names: Vec<&str> = shared.iter().map(|name| name.as_str()).collect();
        writeln!(
            out,
            "import type {{ {} }} from './models';",
            names.join(", ")
        )
        .unwrap();
    }
    let results = result_definitions(catalog);
    for (name, definition) in catalog
        .definitions
        .iter()
        .filter(|(name, _)| !shared.contains(name))
    {
        out.push('\n');
        match definition {
            Definition::Record {
                description,
                fields,
            } => {
                doc(out, "", description.as_ref());
                writeln!(out, "export interface {name} {{").unwrap();
                for field in fields {
                    let day = field.shape == Shape::Date;
                    let described = match &field.description {
                        Some(description) if day => Some(format!("{description} {DATE_REFUSED}")),
                        Some(description) => Some(description.clone()),
                        None => day.then(|| DATE_REFUSED.to_owned()),
                    };
                    // Core's text for an update's clearable field speaks of Rust's
                    // `Some(None)`; say what JavaScript passes.
                    let takes_null = match (&field.null_means, &field.description) {
                        (Some(means), Some(description)) => format!("{description} {means}"),
                        (Some(means), None) => means.clone(),
                        (None, _) => "`null` clears the value; leaving it out leaves it unchanged."
                            .to_owned(),
                    };
                    doc(
                        out,
                        "  ",
                        if field.clearable {
                            Some(&takes_null)
                        } else {
                            described.as_ref()
                        },
                    );
                    let nullable = !field.required && (field.clearable || results.contains(name));
                    writeln!(
                        out,
                        "  {}{}: {}{};",
                        field.wire,
                        if field.required { "" } else { "?" },
                        field_type(&raw, name, field),
                        if nullable { " | null" } else { "" }
                    )
                    .unwrap();
                }
                out.push_str("}\n");
            }
            Definition::Alias { description, shape } => {
                doc(out, "", description.as_ref());
                writeln!(out, "export type {name} = {};", type_of(shape)).unwrap();
            }
        }
    }
}

/// The type of a method's parameter object: the operation's parameters without those
/// passed positionally, or with an alias the core accepts in place of a field.
pub fn params_type(catalog: &ClientCatalog, operation: &ApiOperation) -> String {
    let base = if operation.path_params.is_empty() {
        operation.params.clone()
    } else {
        let omitted: Vec<String> = operation
            .path_params
            .iter()
            .map(|name| format!("'{name}'"))
            .collect();
        format!("Omit<{}, {}>", operation.params, omitted.join(" | "))
    };
    let fields = match catalog.definitions.get(&operation.params) {
        Some(Definition::Record { fields, .. }) => fields.as_slice(),
        _ => &[],
    };
    let mut variants = vec![base.clone()];
    for (alias, target) in &operation.aliases {
        let shape = fields
            .iter()
            .find(|field| &field.wire == target)
            .map_or(Shape::Any, |field| field.shape.clone());
        variants.push(format!(
            "(Omit<{base}, '{target}'> & {{ /** @deprecated Accepted for the guide's sample; send `{target}`. */ {alias}: {} }})",
            type_of(&shape)
        ));
    }
    variants.join(" | ")
}
