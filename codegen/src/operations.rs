//! Reads core's operation table (`avara::client::operations::catalog`) into what the
//! language generators need: each operation's resource path, action, HTTP shape, and
//! the definitions of its parameters and result.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::schema::{Definition, Shape, definition, reference_name};

/// A list operation's page: the key of its items and their definition.
#[derive(Debug, Clone)]
pub struct Pagination {
    pub items: String,
    pub item: String,
}

#[derive(Debug, Clone)]
pub struct ApiOperation {
    /// The official SDKs' name, e.g. `viewer.users.invitations.revoke`.
    pub name: String,
    /// The resource path in snake_case words, e.g. `["viewer", "users", "invitations"]`.
    pub resource: Vec<String>,
    /// The method's snake_case name, e.g. `reroute_url`.
    pub action: String,
    pub method: String,
    pub path: String,
    /// Wire names of the parameters that fill `{placeholders}` of the path, in order.
    pub path_params: Vec<String>,
    pub sends_body: bool,
    /// Definition names.
    pub params: String,
    pub result: String,
    pub pagination: Option<Pagination>,
    /// `(alias, field)`: other names the core accepts for a parameter.
    pub aliases: Vec<(String, String)>,
}

pub struct ClientCatalog {
    pub operations: Vec<ApiOperation>,
    pub definitions: BTreeMap<String, Definition>,
}

fn text(value: &Value, key: &str) -> String {
    value[key]
        .as_str()
        .unwrap_or_else(|| panic!("catalog entry lacks {key}"))
        .to_owned()
}

fn path_params(path: &str) -> Vec<String> {
    path.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}'))
        .map(|(name, _)| name.to_owned())
        .collect()
}

/// A result with `hasMore`, `cursor` and exactly one list field is a page of that list.
fn pagination(definitions: &BTreeMap<String, Definition>, result: &str) -> Option<Pagination> {
    let Some(Definition::Record { fields, .. }) = definitions.get(result) else {
        return None;
    };
    let wires: Vec<&str> = fields.iter().map(|field| field.wire.as_str()).collect();
    if !(wires.contains(&"hasMore") && wires.contains(&"cursor")) {
        return None;
    }
    let mut lists = fields.iter().filter_map(|field| match &field.shape {
        Shape::List(item) => match item.as_ref() {
            Shape::Named(name) => Some((field.wire.clone(), name.clone())),
            _ => None,
        },
        _ => None,
    });
    let (items, item) = lists.next()?;
    lists.next().is_none().then_some(Pagination { items, item })
}

impl ClientCatalog {
    pub fn new(catalog: Value) -> ClientCatalog {
        let definitions: BTreeMap<String, Definition> = catalog["$defs"]
            .as_object()
            .expect("catalog has definitions")
            .iter()
            .map(|(name, schema)| (name.clone(), definition(schema)))
            .collect();
        let operations = catalog["operations"]
            .as_array()
            .expect("catalog lists operations")
            .iter()
            .map(|entry| {
                let name = text(entry, "name");
                let mut segments: Vec<String> = name.split('.').map(str::to_owned).collect();
                let action = segments.pop().expect("operation names have an action");
                let path = text(entry, "path");
                let result = reference_name(&entry["result"]).expect("result is a definition");
                ApiOperation {
                    pagination: pagination(&definitions, &result),
                    resource: segments,
                    action,
                    method: text(entry, "method"),
                    path_params: path_params(&path),
                    path,
                    sends_body: entry["sendsBody"].as_bool().expect("sendsBody"),
                    params: reference_name(&entry["params"]).expect("params are a definition"),
                    result,
                    aliases: entry["aliases"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(|alias| (text(alias, "alias"), text(alias, "field")))
                        .collect(),
                    name,
                }
            })
            .collect();
        ClientCatalog {
            operations,
            definitions,
        }
    }

    /// The resource paths in first-seen order, parents before children
    /// (`viewer`, `viewer.studies`, ...), each as its words.
    pub fn resources(&self) -> Vec<Vec<String>> {
        let mut seen: Vec<Vec<String>> = Vec::new();
        for operation in &self.operations {
            for depth in 1..=operation.resource.len() {
                let prefix = operation.resource[..depth].to_vec();
                if !seen.contains(&prefix) {
                    seen.push(prefix);
                }
            }
        }
        seen
    }
}

#[cfg(test)]
mod tests {
    use super::ClientCatalog;

    #[test]
    fn reads_every_operation_with_its_shape() {
        let catalog = ClientCatalog::new(avara::client::operations::catalog());
        assert_eq!(
            catalog.operations.len(),
            avara::client::operations::ALL.len()
        );
        let lists: Vec<(&str, &str)> = catalog
            .operations
            .iter()
            .filter_map(|op| {
                op.pagination
                    .as_ref()
                    .map(|page| (op.name.as_str(), page.items.as_str()))
            })
            .collect();
        assert_eq!(
            lists,
            [
                ("viewer.studies.list", "studies"),
                ("viewer.users.list", "users"),
                ("viewer.users.invitations.list", "invitations"),
                ("express.list", "expressCustomers")
            ]
        );
        let update = catalog
            .operations
            .iter()
            .find(|op| op.name == "express.update")
            .unwrap();
        assert_eq!(update.path_params, ["expressCustomerId"]);
        assert_eq!(update.resource, ["express"]);
        let create = catalog
            .operations
            .iter()
            .find(|op| op.name == "viewer.studies.create")
            .unwrap();
        assert_eq!(
            create.aliases,
            [("studyUid".to_owned(), "studyInstanceUid".to_owned())]
        );
        assert!(catalog.resources().contains(&vec![
            "viewer".to_owned(),
            "users".to_owned(),
            "invitations".to_owned()
        ]));
    }
}
