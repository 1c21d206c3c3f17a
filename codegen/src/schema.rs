//! Reads core's schema catalog into the few shapes the webhook models use.

use std::collections::BTreeMap;

use serde_json::Value;

/// The type of a field, as far as the generated languages care.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Named(String),
    String,
    /// A day as `YYYY-MM-DD` text (`format: date`).
    Date,
    Number,
    Integer,
    Boolean,
    List(Box<Shape>),
    /// A free-form JSON object.
    Object,
    /// A JSON object whose values all have one shape (string-to-string metadata).
    Map(Box<Shape>),
    Any,
    Enum(Vec<String>),
    Union(Vec<Shape>),
}

#[derive(Debug, Clone)]
pub struct Field {
    pub wire: String,
    pub shape: Shape,
    pub required: bool,
    /// A field that takes `null` (core's `Patch`), as opposed to one that is only ever
    /// set or left out: in an update `null` clears the value.
    pub clearable: bool,
    /// What `null` asks for when it does not clear a value (a list filter's `null`), in
    /// words for every language; from `x-null`.
    pub null_means: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Definition {
    Record {
        description: Option<String>,
        fields: Vec<Field>,
    },
    Alias {
        description: Option<String>,
        shape: Shape,
    },
}

#[derive(Debug, Clone)]
pub struct EventEntry {
    pub event_type: String,
    pub event: String,
    pub response: String,
}

pub struct Catalog {
    pub events: Vec<EventEntry>,
    pub definitions: BTreeMap<String, Definition>,
}

fn description(schema: &Value) -> Option<String> {
    schema
        .get("description")
        .and_then(Value::as_str)
        .map(str::to_owned)
}

pub fn reference_name(schema: &Value) -> Option<String> {
    schema
        .get("$ref")?
        .as_str()?
        .strip_prefix("#/$defs/")
        .map(str::to_owned)
}

/// The shape of a schema, ignoring `null` alternatives (optional fields are simply absent).
pub fn shape_of(schema: &Value) -> Shape {
    if let Some(name) = reference_name(schema) {
        return Shape::Named(name);
    }
    if let Some(variants) = schema.get("anyOf").and_then(Value::as_array) {
        let mut shapes: Vec<Shape> = variants
            .iter()
            .filter(|variant| variant.get("type") != Some(&Value::from("null")))
            .map(shape_of)
            .collect();
        return if shapes.len() == 1 {
            shapes.remove(0)
        } else {
            Shape::Union(shapes)
        };
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        return Shape::Enum(
            values
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect(),
        );
    }
    let type_name = match schema.get("type") {
        Some(Value::String(name)) => Some(name.as_str()),
        Some(Value::Array(names)) => names
            .iter()
            .filter_map(Value::as_str)
            .find(|name| *name != "null"),
        _ => None,
    };
    match type_name {
        Some("string") if schema.get("format") == Some(&Value::from("date")) => Shape::Date,
        Some("string") => Shape::String,
        Some("number") => Shape::Number,
        Some("integer") => Shape::Integer,
        Some("boolean") => Shape::Boolean,
        Some("array") => Shape::List(Box::new(schema.get("items").map_or(Shape::Any, shape_of))),
        Some("object") => match schema.get("additionalProperties") {
            Some(values @ Value::Object(_)) => Shape::Map(Box::new(shape_of(values))),
            _ => Shape::Object,
        },
        _ => Shape::Any,
    }
}

impl Catalog {
    pub fn new(catalog: Value) -> Catalog {
        let events = catalog["events"]
            .as_array()
            .expect("catalog lists events")
            .iter()
            .map(|entry| EventEntry {
                event_type: entry["type"].as_str().expect("event type").to_owned(),
                event: reference_name(&entry["event"]).expect("event is a definition"),
                response: reference_name(&entry["response"]).expect("response is a definition"),
            })
            .collect();
        let definitions = catalog["$defs"]
            .as_object()
            .expect("catalog has definitions")
            .iter()
            .map(|(name, schema)| (name.clone(), definition(schema)))
            .collect();
        Catalog {
            events,
            definitions,
        }
    }

    pub fn event_for(&self, name: &str) -> Option<&EventEntry> {
        self.events.iter().find(|entry| entry.event == name)
    }

    pub fn response_for(&self, name: &str) -> Option<&EventEntry> {
        self.events.iter().find(|entry| entry.response == name)
    }

    /// The shape of a constructor parameter: the response field of the same wire name,
    /// or text (a reason).
    pub fn parameter_shape(&self, response: &str, parameter: &str) -> Shape {
        match self.definitions.get(response) {
            Some(Definition::Record { fields, .. }) => fields
                .iter()
                .find(|field| field.wire == parameter)
                .map_or(Shape::String, |field| field.shape.clone()),
            _ => Shape::String,
        }
    }
}

pub fn definition(schema: &Value) -> Definition {
    let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
        return Definition::Alias {
            description: description(schema),
            shape: shape_of(schema),
        };
    };
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|names| names.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let fields = properties
        .iter()
        .map(|(wire, property)| Field {
            wire: wire.clone(),
            shape: shape_of(property),
            required: required.contains(&wire.as_str()),
            clearable: property.get("x-clearable") == Some(&Value::Bool(true)),
            null_means: property
                .get("x-null")
                .and_then(Value::as_str)
                .map(str::to_owned),
            description: description(property),
        })
        .collect();
    Definition::Record {
        description: description(schema),
        fields,
    }
}

/// Splits a wire name into lowercase words: `studyInstanceUID` → study, instance, uid;
/// `PatientID` → patient, id.
pub fn words(wire: &str) -> Vec<String> {
    let chars: Vec<char> = wire.chars().collect();
    let mut words = Vec::new();
    let mut current = String::new();
    for (index, &c) in chars.iter().enumerate() {
        let next_is_lower = chars.get(index + 1).is_some_and(|n| n.is_lowercase());
        let previous_is_lower = index > 0 && chars[index - 1].is_lowercase();
        if c.is_uppercase() && !current.is_empty() && (previous_is_lower || next_is_lower) {
            words.push(std::mem::take(&mut current));
        }
        current.extend(c.to_lowercase());
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::words;

    #[test]
    fn splits_camel_and_pascal_case_with_acronyms() {
        assert_eq!(words("studyInstanceUid"), ["study", "instance", "uid"]);
        assert_eq!(words("studyInstanceUID"), ["study", "instance", "uid"]);
        assert_eq!(words("PatientID"), ["patient", "id"]);
        assert_eq!(
            words("ScheduledProcedureStepID"),
            ["scheduled", "procedure", "step", "id"]
        );
        assert_eq!(words("mediaUrls"), ["media", "urls"]);
        assert_eq!(words("id"), ["id"]);
    }
}
