//! Python model classes: keyword constructors, attribute access in snake_case,
//! `from_dict`/`to_dict` for the camelCase wire form, and the response constructors.

use std::fmt::Write;

use avara::webhooks::UNKNOWN_TYPE;
use avara::webhooks::responses::{CONSTRUCTORS, TAKES_BUILT_MANIFEST};

use crate::schema::{Catalog, Definition, Field, Shape, words};

/// Python spelling of the core's constructor names: a classmethod may not share its
/// name with the `authorized` field it sets.
pub const CONSTRUCTOR_NAMES: &[(&str, &str)] = &[
    ("authorized", "authorize"),
    ("denied", "deny"),
    ("acknowledged", "acknowledge"),
    ("empty", "empty"),
];

fn python_constructor(core_name: &str) -> &'static str {
    CONSTRUCTOR_NAMES
        .iter()
        .find(|(core, _)| *core == core_name)
        .map(|(_, py)| *py)
        .expect("every constructor has a Python name")
}

pub fn snake(wire: &str) -> String {
    words(wire).join("_")
}

pub fn hint(shape: &Shape) -> String {
    match shape {
        Shape::Named(name) => format!("\"{name}\""),
        Shape::String | Shape::Date => "str".into(),
        Shape::Number => "float".into(),
        Shape::Integer => "int".into(),
        Shape::Boolean => "bool".into(),
        Shape::List(item) => format!("List[{}]", hint(item)),
        Shape::Object => "Dict[str, Any]".into(),
        Shape::Map(value) => format!("Dict[str, {}]", hint(value)),
        Shape::Any => "Any".into(),
        Shape::Enum(values) => format!(
            "Literal[{}]",
            values
                .iter()
                .map(|v| format!("\"{v}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Shape::Union(shapes) => format!(
            "Union[{}]",
            shapes.iter().map(hint).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// How `_model_base` converts a field between wire and objects.
fn kind(catalog: &Catalog, shape: &Shape) -> String {
    match shape {
        // By name: the class may be defined further down the module.
        Shape::Named(name)
            if matches!(
                catalog.definitions.get(name),
                Some(Definition::Record { .. })
            ) =>
        {
            format!("\"{name}\"")
        }
        Shape::List(item) => {
            let inner = kind(catalog, item);
            if inner == "None" {
                inner
            } else {
                format!("ListOf({inner})")
            }
        }
        _ => "None".into(),
    }
}

fn field_hint(field: &Field) -> String {
    if field.required {
        hint(&field.shape)
    } else {
        format!("Optional[{}]", hint(&field.shape))
    }
}

pub fn docstring(out: &mut String, indent: &str, text: Option<&String>) {
    if let Some(text) = text {
        let text = text
            .replace('\\', "\\\\")
            .replace("\"\"\"", "'''")
            .replace('\n', &format!("\n{indent}"));
        writeln!(out, "{indent}\"\"\"{text}\"\"\"").unwrap();
    }
}

fn render_record(
    out: &mut String,
    catalog: &Catalog,
    name: &str,
    description: Option<&String>,
    fields: &[Field],
) {
    // Responses also get to_json() and the constructors' plumbing from Response.
    let base = if catalog.response_for(name).is_some() {
        "Response"
    } else {
        "Model"
    };
    writeln!(out, "\n\nclass {name}({base}):").unwrap();
    docstring(out, "    ", description);
    if let Some(event) = catalog.event_for(name) {
        writeln!(
            out,
            "    type: ClassVar[Literal[\"{0}\"]] = \"{0}\"",
            event.event_type
        )
        .unwrap();
    }
    if let Some(event) = catalog.response_for(name) {
        writeln!(
            out,
            "    event_type: ClassVar[str] = \"{}\"",
            event.event_type
        )
        .unwrap();
    }
    for field in fields {
        writeln!(out, "    {}: {}", snake(&field.wire), field_hint(field)).unwrap();
    }
    out.push_str("    _FIELDS: ClassVar[Tuple[FieldSpec, ...]] = (\n");
    for field in fields {
        writeln!(
            out,
            "        FieldSpec(\"{}\", \"{}\", {}),",
            snake(&field.wire),
            field.wire,
            kind(catalog, &field.shape)
        )
        .unwrap();
    }
    out.push_str("    )\n\n");
    let mut ordered: Vec<&Field> = fields.iter().filter(|f| f.required).collect();
    ordered.extend(fields.iter().filter(|f| !f.required));
    let parameters: Vec<String> = ordered
        .iter()
        .map(|f| {
            let default = if f.required { "" } else { " = None" };
            format!("{}: {}{default}", snake(&f.wire), field_hint(f))
        })
        .collect();
    let star = if parameters.is_empty() {
        String::new()
    } else {
        format!(", *, {}", parameters.join(", "))
    };
    writeln!(out, "    def __init__(self{star}) -> None:").unwrap();
    let assignments: Vec<String> = fields
        .iter()
        .map(|f| format!("{0}={0}", snake(&f.wire)))
        .collect();
    writeln!(
        out,
        "        Model.__init__(self{})",
        assignments
            .iter()
            .map(|a| format!(", {a}"))
            .collect::<String>()
    )
    .unwrap();
    if let Some(event) = catalog.response_for(name) {
        for (_, core_name, params) in CONSTRUCTORS
            .iter()
            .filter(|(t, _, _)| *t == event.event_type)
        {
            let parameter_hint = |p: &str| match hint(&catalog.parameter_shape(name, p)) {
                shape if (event.event_type.as_str(), *core_name) == TAKES_BUILT_MANIFEST => {
                    format!("Union[{shape}, \"BuiltManifest\"]")
                }
                shape => shape,
            };
            let typed: Vec<String> = params
                .iter()
                .map(|p| format!("{}: {}", snake(p), parameter_hint(p)))
                .collect();
            let args: Vec<String> = params.iter().map(|p| snake(p)).collect();
            writeln!(
                out,
                "\n    @classmethod\n    def {}(cls{}) -> \"{name}\":\n        return cls._construct(\"{core_name}\", [{}])",
                python_constructor(core_name),
                typed.iter().map(|t| format!(", {t}")).collect::<String>(),
                args.iter().map(|a| format!("_wire({a})")).collect::<Vec<_>>().join(", "),
            )
            .unwrap();
        }
    }
}

pub fn render(catalog: &Catalog) -> String {
    let mut out = String::from(
        "# Generated by `cargo run -p avara-codegen` from the core's serde models. Do not edit.\n\
         from __future__ import annotations\n\n\
         from typing import TYPE_CHECKING, Any, ClassVar, Dict, List, Literal, Mapping, Optional, Tuple, Type, Union\n\n\
         from ._model_base import FieldSpec, ListOf, Model, Response, _wire\n\n\
         if TYPE_CHECKING:\n    from ._manifest import BuiltManifest\n",
    );
    let mut names = Vec::new();
    for (name, definition) in &catalog.definitions {
        names.push(name.clone());
        match definition {
            Definition::Record {
                description,
                fields,
            } => {
                render_record(&mut out, catalog, name, description.as_ref(), fields);
            }
            Definition::Alias { description, shape } => {
                writeln!(out, "\n{name} = {}", hint(shape)).unwrap();
                if let Some(text) = description {
                    writeln!(out, "\"\"\"{}\"\"\"", text.replace("\"\"\"", "'''")).unwrap();
                }
            }
        }
    }
    writeln!(
        out,
        "\n\nclass UnknownWebhookEvent(Model):\n    \"\"\"An event type this version does not know yet, kept whole.\"\"\"\n    \
         type: ClassVar[Literal[\"{UNKNOWN_TYPE}\"]] = \"{UNKNOWN_TYPE}\"\n    event_type: str\n    raw: Any\n    \
         _FIELDS: ClassVar[Tuple[FieldSpec, ...]] = (FieldSpec(\"event_type\", \"eventType\", None), FieldSpec(\"raw\", \"raw\", None))\n\n    \
         def __init__(self, *, event_type: str, raw: Any) -> None:\n        Model.__init__(self, event_type=event_type, raw=raw)\n"
    )
    .unwrap();
    names.push("UnknownWebhookEvent".into());
    let events: Vec<&str> = catalog.events.iter().map(|e| e.event.as_str()).collect();
    writeln!(
        out,
        "\nWebhookEvent = Union[{}, UnknownWebhookEvent]",
        events.join(", ")
    )
    .unwrap();
    out.push_str("\"\"\"Every event Avara sends; compare `event.type` or use isinstance.\"\"\"\n");
    out.push_str("\nEVENT_CLASSES: Dict[str, Type[Model]] = {\n");
    for entry in &catalog.events {
        writeln!(out, "    \"{}\": {},", entry.event_type, entry.event).unwrap();
    }
    writeln!(out, "    \"{UNKNOWN_TYPE}\": UnknownWebhookEvent,\n}}").unwrap();
    out.push_str("\nRESPONSE_CLASSES: Dict[str, Type[Response]] = {\n");
    for entry in &catalog.events {
        writeln!(out, "    \"{}\": {},", entry.event_type, entry.response).unwrap();
    }
    out.push_str("}\n\nCONSTRUCTOR_NAMES: Dict[str, str] = {\n");
    for (core, python) in CONSTRUCTOR_NAMES {
        writeln!(out, "    \"{core}\": \"{python}\",").unwrap();
    }
    out.push_str(
        "}\n\"\"\"Python name of each core response constructor.\"\"\"\n\n\n\
         def event_from_dict(wire: Mapping[str, Any]) -> WebhookEvent:\n    \
         \"\"\"Builds the typed event from the core's wire form of it.\"\"\"\n    \
         return EVENT_CLASSES[wire[\"type\"]].from_dict(wire)  # type: ignore[return-value]\n",
    );
    names.extend(
        [
            "WebhookEvent",
            "EVENT_CLASSES",
            "RESPONSE_CLASSES",
            "CONSTRUCTOR_NAMES",
            "event_from_dict",
        ]
        .map(String::from),
    );
    writeln!(
        out,
        "\n\n__all__ = [\n{}]",
        names
            .iter()
            .map(|n| format!("    \"{n}\",\n"))
            .collect::<String>()
    )
    .unwrap();
    // Indented docstrings leave blank lines with spaces; strip them.
    out.lines()
        .map(str::trim_end)
        .map(|line| format!("{line}\n"))
        .collect()
}
