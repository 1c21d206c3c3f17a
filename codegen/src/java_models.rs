//! Java model classes of the API client: parameters with builders, results with typed
//! accessors, their nested records and enums, and list pages. Each class keeps the wire
//! form (`Map<String, Object>`) and converts only at its accessors, so no JSON is written
//! or parsed in Java.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::operations::ApiOperation;
use crate::schema::{Definition, Field, Shape, words};

const KEYWORDS: &[&str] = &[
    "abstract",
    "assert",
    "boolean",
    "break",
    "byte",
    "case",
    "catch",
    "char",
    "class",
    "const",
    "continue",
    "default",
    "do",
    "double",
    "else",
    "enum",
    "extends",
    "final",
    "finally",
    "float",
    "for",
    "goto",
    "if",
    "implements",
    "import",
    "instanceof",
    "int",
    "interface",
    "long",
    "native",
    "new",
    "package",
    "private",
    "protected",
    "public",
    "return",
    "short",
    "static",
    "strictfp",
    "super",
    "switch",
    "synchronized",
    "this",
    "throw",
    "throws",
    "transient",
    "try",
    "void",
    "volatile",
    "while",
];

pub fn pascal(name: &str) -> String {
    words(name)
        .iter()
        .flat_map(|word| word.split(|c: char| !c.is_ascii_alphanumeric()))
        .filter(|part| !part.is_empty())
        .map(|part| part[..1].to_uppercase() + &part[1..])
        .collect()
}

/// A Java member name for a wire or snake_case name: `reroute_url` → `rerouteUrl`.
pub fn camel(name: &str) -> String {
    let pascal = pascal(name);
    let camel = pascal[..1].to_lowercase() + &pascal[1..];
    if KEYWORDS.contains(&camel.as_str()) {
        camel + "_"
    } else {
        camel
    }
}

/// The official SDK's singular of a resource: studies → Study, express → Express.
pub fn singular(resource: &str) -> String {
    let word = if let Some(stem) = resource.strip_suffix("ies") {
        format!("{stem}y")
    } else if resource.ends_with("ss") {
        resource.to_owned()
    } else {
        resource.strip_suffix('s').unwrap_or(resource).to_owned()
    };
    pascal(&word)
}

/// The Java package segment of a resource: `ephemeral_sessions` → `ephemeralsessions`.
pub fn package_segment(resource: &str) -> String {
    resource.replace('_', "").to_lowercase()
}

/// `com.avara.models.viewer.studies` for `viewer.studies.*`.
pub fn models_package(operation: &ApiOperation) -> String {
    let segments: Vec<String> = operation
        .resource
        .iter()
        .map(|segment| package_segment(segment))
        .collect();
    format!("com.avara.models.{}", segments.join("."))
}

/// `StudyCreate` for `viewer.studies.create`.
pub fn class_prefix(operation: &ApiOperation) -> String {
    singular(
        operation
            .resource
            .last()
            .expect("operations have a resource"),
    ) + &pascal(&operation.action)
}

fn constant(value: &str) -> String {
    let mut name: String = value
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .map(str::to_uppercase)
        .collect::<Vec<_>>()
        .join("_");
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, '_');
    }
    name
}

/// A doc comment of `text`: the text is escaped for HTML and Javadoc, and each blank line
/// between paragraphs (the generator's own or the contract's) starts the next one with
/// `<p>`, since Javadoc runs paragraphs together otherwise.
fn javadoc(out: &mut String, indent: &str, text: Option<&str>) {
    let Some(text) = text else { return };
    let escaped = text
        .replace("*/", "*&#47;")
        .replace('@', "&#64;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let escaped = code_spans(&escaped);
    let mut paragraphs: Vec<Vec<&str>> = vec![Vec::new()];
    for line in escaped.lines().map(str::trim_end) {
        match paragraphs.last_mut() {
            Some(current) if !line.is_empty() => current.push(line),
            _ => paragraphs.push(Vec::new()),
        }
    }
    let mut lines: Vec<String> = Vec::new();
    for paragraph in paragraphs.iter().filter(|paragraph| !paragraph.is_empty()) {
        if lines.is_empty() {
            lines.extend(paragraph.iter().map(|line| (*line).to_owned()));
        } else {
            lines.push(String::new());
            lines.push(format!("<p>{}", paragraph[0]));
            lines.extend(paragraph[1..].iter().map(|line| (*line).to_owned()));
        }
    }
    match lines.as_slice() {
        [] => {}
        [only] => {
            let _ = writeln!(out, "{indent}/** {only} */");
        }
        _ => {
            let _ = writeln!(out, "{indent}/**");
            for line in &lines {
                let _ = writeln!(
                    out,
                    "{indent} *{}{line}",
                    if line.is_empty() { "" } else { " " }
                );
            }
            let _ = writeln!(out, "{indent} */");
        }
    }
}

/// Markdown `code` spans of the schema descriptions as `{@code code}`.
fn code_spans(text: &str) -> String {
    let mut out = String::new();
    for (index, part) in text.split('`').enumerate() {
        if index % 2 == 1 {
            let _ = write!(out, "{{@code {part}}}");
        } else {
            out.push_str(part);
        }
    }
    out
}

/// Whether generated classes read (results) or build (parameters) their wire form.
#[derive(Clone, Copy, PartialEq)]
pub enum Direction {
    Read,
    Build,
}

/// Nested types a class needs, by their Java name.
enum Nested {
    Record(String),
    Enum(Vec<String>),
}

pub struct Models<'a> {
    pub definitions: &'a BTreeMap<String, Definition>,
}

impl Models<'_> {
    fn fields(&self, definition: &str) -> &[Field] {
        match self.definitions.get(definition) {
            Some(Definition::Record { fields, .. }) => fields,
            _ => panic!("{definition} is not a record"),
        }
    }

    fn description(&self, definition: &str) -> Option<&str> {
        match self.definitions.get(definition) {
            Some(
                Definition::Record { description, .. } | Definition::Alias { description, .. },
            ) => description.as_deref(),
            None => None,
        }
    }

    /// An alias that is not an enum stands for its shape.
    fn resolve<'s>(&'s self, shape: &'s Shape) -> &'s Shape {
        match shape {
            Shape::Named(name) => match self.definitions.get(name) {
                Some(Definition::Alias { shape: aliased, .. })
                    if !matches!(aliased, Shape::Enum(_)) =>
                {
                    self.resolve(aliased)
                }
                _ => shape,
            },
            _ => shape,
        }
    }

    /// Every record and enum reachable from `definition`'s fields, named as they nest.
    fn nested_of(&self, definition: &str, found: &mut BTreeMap<String, Nested>) {
        for field in self.fields(definition) {
            self.nested_in(&field.shape, &field.wire, found);
        }
    }

    fn nested_in(&self, shape: &Shape, wire: &str, found: &mut BTreeMap<String, Nested>) {
        match self.resolve(shape) {
            Shape::Named(name) => {
                if found.contains_key(name) {
                    return;
                }
                match &self.definitions[name] {
                    Definition::Alias {
                        shape: Shape::Enum(values),
                        ..
                    } => {
                        found.insert(name.clone(), Nested::Enum(values.clone()));
                    }
                    _ => {
                        found.insert(name.clone(), Nested::Record(name.clone()));
                        self.nested_of(name, found);
                    }
                }
            }
            Shape::Enum(values) => {
                found.insert(pascal(wire), Nested::Enum(values.clone()));
            }
            Shape::List(item) | Shape::Map(item) => self.nested_in(item, wire, found),
            _ => {}
        }
    }

    /// The Java type of a field (boxed when `boxed`), given the nested type names.
    fn java_type(&self, shape: &Shape, wire: &str, boxed: bool) -> String {
        let primitive = |name: &str, boxed_name: &str| {
            if boxed {
                boxed_name.to_owned()
            } else {
                name.to_owned()
            }
        };
        match self.resolve(shape) {
            Shape::Named(name) => name.clone(),
            Shape::Enum(_) => pascal(wire),
            Shape::String | Shape::Date => "String".into(),
            Shape::Boolean => primitive("boolean", "Boolean"),
            Shape::Integer => primitive("long", "Long"),
            Shape::Number => primitive("double", "Double"),
            Shape::List(item) => format!("List<{}>", self.java_type(item, wire, true)),
            Shape::Map(value) if **value == Shape::String => "Map<String, String>".into(),
            Shape::Map(_) | Shape::Object => "Map<String, Object>".into(),
            Shape::Any | Shape::Union(_) => "Object".into(),
        }
    }

    /// A `Function<Object, T>` reading a wire value of `shape`.
    fn reader(&self, shape: &Shape, wire: &str) -> String {
        match self.resolve(shape) {
            Shape::Named(name) => match &self.definitions[name] {
                Definition::Alias { .. } => format!("{name}::of"),
                Definition::Record { .. } => format!("value -> new {name}(Wire.object(value))"),
            },
            Shape::Enum(_) => format!("{}::of", pascal(wire)),
            Shape::String | Shape::Date => "Wire::text".into(),
            Shape::Boolean => "Wire::bool".into(),
            Shape::Integer => "Wire::integer".into(),
            Shape::Number => "Wire::number".into(),
            Shape::List(item) => format!("value -> Wire.list(value, {})", self.reader(item, wire)),
            Shape::Map(value) if **value == Shape::String => "Wire::textMap".into(),
            Shape::Map(_) | Shape::Object => "Wire::object".into(),
            Shape::Any | Shape::Union(_) => "Wire::any".into(),
        }
    }

    /// An expression turning the Java value `value` (never null) of `shape` into wire
    /// form; `untyped` when `value` is a plain `Object` (a list item).
    fn writer(&self, shape: &Shape, wire: &str, value: &str, untyped: bool) -> String {
        let typed = |class: &str| {
            if untyped {
                format!("(({class}) {value})")
            } else {
                value.to_owned()
            }
        };
        match self.resolve(shape) {
            Shape::Named(name) => match &self.definitions[name] {
                Definition::Alias { .. } => format!("{}.value()", typed(name)),
                Definition::Record { .. } => format!("{}.toWire()", typed(name)),
            },
            Shape::Enum(_) => format!("{}.value()", typed(&pascal(wire))),
            Shape::List(item) => format!(
                "Wire.listOf({value}, item -> {})",
                self.writer(item, wire, "item", true)
            ),
            Shape::Map(_) | Shape::Object => format!("Wire.mapOf({})", typed("Map<String, ?>")),
            _ => value.to_owned(),
        }
    }

    fn write_enum(
        out: &mut String,
        indent: &str,
        name: &str,
        values: &[String],
        direction: Direction,
    ) {
        let _ = writeln!(out, "{indent}public enum {name} implements WireEnum {{");
        let mut constants: Vec<String> = values
            .iter()
            .map(|value| format!("{indent}    {}(\"{value}\")", constant(value)))
            .collect();
        let mut seen = std::collections::BTreeSet::new();
        for value in values {
            assert!(
                seen.insert(constant(value)),
                "{name}: two values map to the constant {}",
                constant(value)
            );
        }
        if direction == Direction::Read {
            constants.push(format!("{indent}    /** A value this version of the SDK does not know; see {{@code _raw()}}. */\n{indent}    _UNKNOWN(null)"));
        }
        let _ = writeln!(out, "{};\n", constants.join(",\n"));
        let _ = writeln!(out, "{indent}    private final String value;\n");
        let _ = writeln!(
            out,
            "{indent}    {name}(String value) {{\n{indent}        this.value = value;\n{indent}    }}\n"
        );
        let _ = writeln!(
            out,
            "{indent}    @Override\n{indent}    public String value() {{\n{indent}        return value;\n{indent}    }}"
        );
        if direction == Direction::Read {
            let _ = writeln!(
                out,
                "\n{indent}    /** The constant for a wire value, or {{@link #_UNKNOWN}}. */"
            );
            let _ = writeln!(out, "{indent}    public static {name} of(Object value) {{");
            let _ = writeln!(out, "{indent}        for ({name} constant : values()) {{");
            let _ = writeln!(
                out,
                "{indent}            if (constant != _UNKNOWN && constant.value.equals(value)) {{\n{indent}                return constant;\n{indent}            }}\n{indent}        }}"
            );
            let _ = writeln!(out, "{indent}        return _UNKNOWN;\n{indent}    }}");
        }
        let _ = writeln!(out, "{indent}}}");
    }

    fn write_nested(&self, out: &mut String, indent: &str, definition: &str, direction: Direction) {
        let mut nested = BTreeMap::new();
        self.nested_of(definition, &mut nested);
        for (name, kind) in nested {
            out.push('\n');
            match kind {
                Nested::Enum(values) => {
                    javadoc(out, indent, self.description(&name));
                    Self::write_enum(out, indent, &name, &values, direction);
                }
                Nested::Record(record) => match direction {
                    Direction::Read => self.write_result(out, indent, &name, &record, false),
                    Direction::Build => self.write_params(out, indent, &name, &record, false),
                },
            }
        }
    }

    /// A result class: accessors named like the wire fields (`studyId()`), `Optional`
    /// for fields that may be absent or null. At the top it is the abstract base that
    /// every operation's `…Response` class returning `definition` extends (written once,
    /// in `com.avara.models`), holding the nested records and enums they inherit.
    pub fn write_result(
        &self,
        out: &mut String,
        indent: &str,
        class: &str,
        definition: &str,
        top: bool,
    ) {
        javadoc(out, indent, self.description(definition));
        let (modifiers, constructor) = if top {
            let _ = writeln!(
                out,
                "{indent}@SuppressWarnings({{\"unused\", \"unchecked\"}})"
            );
            ("public abstract", "protected")
        } else {
            ("public static final", "public")
        };
        let _ = writeln!(
            out,
            "{indent}{modifiers} class {class} extends WireObject {{"
        );
        let _ = writeln!(
            out,
            "{indent}    {constructor} {class}(Map<String, Object> wire) {{\n{indent}        super(wire);\n{indent}    }}"
        );
        for field in self.fields(definition) {
            out.push('\n');
            javadoc(out, &format!("{indent}    "), field.description.as_deref());
            let reader = self.reader(&field.shape, &field.wire);
            let name = camel(&field.wire);
            if field.required {
                let java = self.java_type(&field.shape, &field.wire, false);
                let _ = writeln!(
                    out,
                    "{indent}    public {java} {name}() {{\n{indent}        return required(\"{}\", {reader});\n{indent}    }}",
                    field.wire
                );
            } else {
                let java = self.java_type(&field.shape, &field.wire, true);
                let _ = writeln!(
                    out,
                    "{indent}    public Optional<{java}> {name}() {{\n{indent}        return optional(\"{}\", {reader});\n{indent}    }}",
                    field.wire
                );
            }
        }
        if top {
            self.write_nested(out, &format!("{indent}    "), definition, Direction::Read);
        }
        let _ = writeln!(out, "{indent}}}");
    }

    /// A parameters class with its builder. Setting a field to `null` leaves it out,
    /// except for clearable fields, where `null` is sent and clears the value.
    pub fn write_params(
        &self,
        out: &mut String,
        indent: &str,
        class: &str,
        definition: &str,
        top: bool,
    ) {
        let fields = self.fields(definition);
        javadoc(out, indent, self.description(definition));
        let modifiers = if top {
            let _ = writeln!(
                out,
                "{indent}@SuppressWarnings({{\"unused\", \"unchecked\"}})"
            );
            "public final"
        } else {
            "public static final"
        };
        let inner = format!("{indent}    ");
        let _ = writeln!(
            out,
            "{indent}{modifiers} class {class} implements Params {{"
        );
        let _ = writeln!(out, "{inner}private final Map<String, Object> wire;\n");
        let _ = writeln!(
            out,
            "{inner}private {class}(Map<String, Object> wire) {{\n{inner}    this.wire = wire;\n{inner}}}\n"
        );
        let _ = writeln!(
            out,
            "{inner}public static Builder builder() {{\n{inner}    return new Builder();\n{inner}}}\n"
        );
        let _ = writeln!(
            out,
            "{inner}public Builder toBuilder() {{\n{inner}    return new Builder(wire);\n{inner}}}\n"
        );
        let _ = writeln!(
            out,
            "{inner}@Override\n{inner}public Map<String, Object> toWire() {{\n{inner}    return wire;\n{inner}}}\n"
        );
        let _ = writeln!(
            out,
            "{inner}@Override\n{inner}public boolean equals(Object other) {{\n{inner}    return other instanceof {class} params && params.wire.equals(wire);\n{inner}}}\n"
        );
        let _ = writeln!(
            out,
            "{inner}@Override\n{inner}public int hashCode() {{\n{inner}    return wire.hashCode();\n{inner}}}\n"
        );
        let _ = writeln!(
            out,
            "{inner}@Override\n{inner}public String toString() {{\n{inner}    return \"{class}\" + wire;\n{inner}}}\n"
        );
        let _ = writeln!(
            out,
            "{inner}public static final class Builder extends WireBuilder {{"
        );
        let _ = writeln!(out, "{inner}    private Builder() {{}}\n");
        let _ = writeln!(
            out,
            "{inner}    private Builder(Map<String, Object> from) {{\n{inner}        super(from);\n{inner}    }}"
        );
        for field in fields {
            out.push('\n');
            let mut doc = field.description.clone().unwrap_or_default();
            if field.required {
                doc = format!("{doc}{}Required.", if doc.is_empty() { "" } else { "\n\n" });
            }
            if field.clearable {
                let means = field
                    .null_means
                    .as_deref()
                    .unwrap_or("`null` clears the value.");
                doc = format!("{doc}{}{means}", if doc.is_empty() { "" } else { "\n\n" });
            }
            javadoc(
                out,
                &format!("{inner}    "),
                (!doc.is_empty()).then_some(doc.as_str()),
            );
            let java = self.java_type(&field.shape, &field.wire, field.clearable);
            let name = camel(&field.wire);
            let primitive = java.chars().next().is_some_and(char::is_lowercase);
            let converted = self.writer(&field.shape, &field.wire, &name, false);
            let value = if primitive || converted == name {
                converted
            } else {
                format!("{name} == null ? null : {converted}")
            };
            let setter = if field.clearable { "setOrClear" } else { "set" };
            let _ = writeln!(
                out,
                "{inner}    public Builder {name}({java} {name}) {{\n{inner}        {setter}(\"{}\", {value});\n{inner}        return this;\n{inner}    }}",
                field.wire
            );
            if *self.resolve(&field.shape) == Shape::Date {
                let _ = writeln!(
                    out,
                    "\n{inner}    /** The same as {{@link #{name}(String)}}, from a {{@link LocalDate}} (sent as {{@code 2024-01-31}}). */\n{inner}    public Builder {name}(LocalDate {name}) {{\n{inner}        return {name}({name} == null ? null : {name}.toString());\n{inner}    }}"
                );
            }
        }
        let required: Vec<String> = fields
            .iter()
            .filter(|field| field.required)
            .map(|field| format!("\"{}\"", field.wire))
            .collect();
        let _ = writeln!(
            out,
            "\n{inner}    /** @throws IllegalStateException naming a required field that was not set */"
        );
        let _ = writeln!(
            out,
            "{inner}    public {class} build() {{\n{inner}        return new {class}(built({}));\n{inner}    }}",
            required.join(", ")
        );
        let _ = writeln!(out, "{inner}}}");
        if top {
            self.write_nested(out, &inner, definition, Direction::Build);
        }
        let _ = writeln!(out, "{indent}}}");
    }

    /// The one required field of a body-less operation's parameters, when it is a text
    /// path parameter: the service then also takes it alone (`retrieve(String studyId)`).
    pub fn sole_path_param<'f>(&'f self, operation: &ApiOperation) -> Option<&'f Field> {
        if operation.sends_body {
            return None;
        }
        let required: Vec<&Field> = self
            .fields(&operation.params)
            .iter()
            .filter(|field| field.required)
            .collect();
        match required.as_slice() {
            [field]
                if operation.path_params.contains(&field.wire)
                    && *self.resolve(&field.shape) == Shape::String =>
            {
                Some(field)
            }
            _ => None,
        }
    }

    /// Whether a list operation's parameters can be built empty (`list()`).
    pub fn lists_without_params(&self, operation: &ApiOperation) -> bool {
        operation.pagination.is_some()
            && self
                .fields(&operation.params)
                .iter()
                .all(|field| !field.required)
    }
}

#[cfg(test)]
mod tests {
    use super::javadoc;

    fn doc(text: &str) -> String {
        let mut out = String::new();
        javadoc(&mut out, "    ", Some(text));
        out
    }

    #[test]
    fn paragraph_breaks_are_html_paragraphs_and_the_text_stays_escaped() {
        assert_eq!(
            doc("Only <b>these</b> @ `a<b`.\n\n\n`null` lists the rest.\n"),
            "    /**\n     * Only &lt;b&gt;these&lt;/b&gt; &#64; {@code a&lt;b}.\n     *\n     * <p>{@code null} lists the rest.\n     */\n"
        );
        assert_eq!(doc("One line <p>."), "    /** One line &lt;p&gt;. */\n");
        assert_eq!(doc("\n\n"), "");
    }
}
