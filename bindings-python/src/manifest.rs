//! The manifest builder: `(url, bytes)` pairs or files in, a `BuiltManifest` out.
//!
//! The GIL is held only to borrow the inputs and to create the result's Python objects:
//! reading headers, building and serializing all run detached. The result's models are
//! created here from their generated `_FIELDS`, which is several times faster than
//! passing through dicts and `from_dict`, and keeps the GIL free for other builders.

use std::collections::HashMap;
use std::fs::File;
use std::io;
use std::path::PathBuf;
use std::rc::Rc;

use avara::manifest::{
    BuiltManifest, ManifestBuilder, ManifestError, SkipCode, read_sop_header_from,
};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyMemoryView, PyString, PyType};
use serde_json::Value;

use crate::json::to_python;
use crate::payload::describe;

/// Every stable `code` of a skipped input, in the core's order.
#[pyfunction]
pub(crate) fn manifest_skip_codes() -> Vec<&'static str> {
    SkipCode::ALL.iter().map(|code| code.as_str()).collect()
}

/// Raises the SDK's `InvalidParamsError` naming the field, as the API client does.
fn invalid_params(py: Python<'_>, error: ManifestError) -> PyErr {
    let raise = || -> PyResult<PyErr> {
        let factory = py.import("avara._errors")?.getattr("_api_error")?;
        let exception = factory.call1((
            error.code(),
            &error.message,
            error.field,
            None::<u16>,
            None::<()>,
            None::<&str>,
            0,
        ))?;
        Ok(PyErr::from_value(exception))
    };
    raise().unwrap_or_else(|failure| failure)
}

/// One input's bytes. `bytes` is immutable, so it is read in place with the GIL
/// released; `bytearray` and `memoryview` could change meanwhile, so they are copied.
enum Input<'py> {
    Borrowed(Bound<'py, PyBytes>),
    Copied(Vec<u8>),
}

impl Input<'_> {
    fn bytes(&self) -> &[u8] {
        match self {
            Input::Borrowed(bytes) => bytes.as_bytes(),
            Input::Copied(bytes) => bytes,
        }
    }
}

fn not_a_pair(index: usize, item: &Bound<'_, PyAny>) -> PyErr {
    pyo3::exceptions::PyTypeError::new_err(format!(
        "items[{index}] must be a (url, bytes) pair, got {}",
        describe(item)
    ))
}

fn extract_item<'py>(index: usize, item: &Bound<'py, PyAny>) -> PyResult<(String, Input<'py>)> {
    if item.is_instance_of::<PyString>()
        || item.is_instance_of::<PyBytes>()
        || item.len().ok() != Some(2)
    {
        return Err(not_a_pair(index, item));
    }
    let url = item.get_item(0).map_err(|_| not_a_pair(index, item))?;
    let bytes = item.get_item(1).map_err(|_| not_a_pair(index, item))?;
    let url = url.cast::<PyString>().map_err(|_| {
        pyo3::exceptions::PyTypeError::new_err(format!(
            "items[{index}][0], the URL, must be a str, got {}",
            describe(&url)
        ))
    })?;
    let input = if let Ok(bytes) = bytes.cast::<PyBytes>() {
        Input::Borrowed(bytes.clone())
    } else if let Ok(array) = bytes.cast::<PyByteArray>() {
        Input::Copied(array.to_vec())
    } else if bytes.is_instance_of::<PyMemoryView>() {
        Input::Borrowed(bytes.call_method0("tobytes")?.cast_into::<PyBytes>()?)
    } else {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "items[{index}][1] must be bytes, bytearray or memoryview, got {}",
            describe(&bytes)
        )));
    };
    Ok((url.to_str()?.to_owned(), input))
}

/// The built manifest's wire form; serialized detached, so only object creation needs the GIL.
fn wire_form(built: &BuiltManifest) -> io::Result<Value> {
    serde_json::to_value(built).map_err(io::Error::other)
}

/// How one field's wire value becomes its attribute, as `FieldSpec.kind` says.
enum Kind {
    Plain,
    Model(Rc<Class>),
    List(Box<Kind>),
}

struct Field {
    attribute: Py<PyString>,
    wire: String,
    kind: Kind,
}

/// A generated model class and its fields, read once per call from `_FIELDS`. A class
/// that is no `Model` (`SkippedInput`, a tuple) is built by its own `from_dict`.
struct Class {
    class: Py<PyAny>,
    fields: Option<Vec<Field>>,
}

/// Reads the model classes' field lists; the manifest's models do not contain themselves,
/// so plain recursion ends.
struct Classes<'py> {
    py: Python<'py>,
    registry: Bound<'py, PyAny>,
    model: Bound<'py, PyAny>,
    known: HashMap<String, Rc<Class>>,
}

impl<'py> Classes<'py> {
    fn new(py: Python<'py>) -> PyResult<Self> {
        let base = py.import("avara._model_base")?;
        Ok(Classes {
            py,
            registry: base.getattr("_CLASSES")?,
            model: base.getattr("Model")?,
            known: HashMap::new(),
        })
    }

    fn named(&mut self, name: &str) -> PyResult<Rc<Class>> {
        if let Some(class) = self.known.get(name) {
            return Ok(class.clone());
        }
        let class = self.registry.get_item(name)?;
        let class = self.read(class)?;
        self.known.insert(name.to_owned(), class.clone());
        Ok(class)
    }

    fn read(&mut self, class: Bound<'py, PyAny>) -> PyResult<Rc<Class>> {
        let is_model = class.cast::<PyType>()?.is_subclass(&self.model)?;
        let fields = if is_model {
            let specs = class.getattr(intern!(self.py, "_FIELDS"))?;
            let mut fields = Vec::new();
            for spec in specs.try_iter()? {
                let (attribute, wire, kind): (Bound<'py, PyString>, String, Bound<'py, PyAny>) =
                    spec?.extract()?;
                fields.push(Field {
                    attribute: attribute.unbind(),
                    wire,
                    kind: self.kind(&kind)?,
                });
            }
            Some(fields)
        } else {
            None
        };
        Ok(Rc::new(Class {
            class: class.unbind(),
            fields,
        }))
    }

    fn kind(&mut self, kind: &Bound<'py, PyAny>) -> PyResult<Kind> {
        if kind.is_none() {
            Ok(Kind::Plain)
        } else if let Ok(name) = kind.cast::<PyString>() {
            Ok(Kind::Model(self.named(name.to_str()?)?))
        } else {
            Ok(Kind::List(Box::new(
                self.kind(&kind.getattr(intern!(self.py, "item"))?)?,
            )))
        }
    }
}

/// `new` is `object.__new__`: a model is created without `__init__`, as `Model.from_dict` does.
fn load<'py>(
    py: Python<'py>,
    new: &Bound<'py, PyAny>,
    kind: &Kind,
    value: &Value,
) -> PyResult<Bound<'py, PyAny>> {
    match (kind, value) {
        (_, Value::Null) | (Kind::Plain, _) => to_python(py, value),
        (Kind::List(item), Value::Array(values)) => {
            let loaded = values
                .iter()
                .map(|value| load(py, new, item, value))
                .collect::<PyResult<Vec<_>>>()?;
            Ok(PyList::new(py, loaded)?.into_any())
        }
        (Kind::Model(class), Value::Object(members)) => {
            let class_object = class.class.bind(py);
            let Some(fields) = &class.fields else {
                return class_object
                    .call_method1(intern!(py, "from_dict"), (to_python(py, value)?,));
            };
            let attributes = PyDict::new(py);
            for field in fields {
                let member = members.get(&field.wire).unwrap_or(&Value::Null);
                attributes.set_item(
                    field.attribute.bind(py),
                    load(py, new, &field.kind, member)?,
                )?;
            }
            let model = new.call1((class_object,))?;
            model.setattr(intern!(py, "__dict__"), attributes)?;
            Ok(model)
        }
        _ => to_python(py, value),
    }
}

/// The `avara.BuiltManifest` of a built manifest's wire form.
fn to_built_manifest<'py>(py: Python<'py>, wire: io::Result<Value>) -> PyResult<Bound<'py, PyAny>> {
    let wire = wire?;
    let class = py.import("avara._manifest")?.getattr("BuiltManifest")?;
    let class = Classes::new(py)?.read(class)?;
    let new = py
        .import("builtins")?
        .getattr("object")?
        .getattr("__new__")?;
    load(py, &new, &Kind::Model(class), &wire)
}

/// The manifest of `study_instance_uid` from `(url, bytes)` pairs.
#[pyfunction]
pub(crate) fn build_manifest<'py>(
    py: Python<'py>,
    study_instance_uid: &str,
    items: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut builder =
        ManifestBuilder::new(study_instance_uid).map_err(|error| invalid_params(py, error))?;
    let inputs = items
        .try_iter()
        .map_err(|_| {
            pyo3::exceptions::PyTypeError::new_err(format!(
                "items must be an iterable of (url, bytes) pairs, got {}",
                describe(items)
            ))
        })?
        .enumerate()
        .map(|(index, item)| extract_item(index, &item?))
        .collect::<PyResult<Vec<_>>>()?;
    let (urls, inputs): (Vec<String>, Vec<Input<'_>>) = inputs.into_iter().unzip();
    let slices: Vec<&[u8]> = inputs.iter().map(Input::bytes).collect();
    let wire = py.detach(move || {
        for (url, bytes) in urls.into_iter().zip(slices) {
            builder.add(url, bytes);
        }
        wire_form(&builder.finish())
    });
    to_built_manifest(py, wire)
}

/// The manifest of `study_instance_uid` from files, each read only as far as its header
/// goes; `urls[i]` is the URL of `paths[i]`.
#[pyfunction]
pub(crate) fn build_manifest_from_files<'py>(
    py: Python<'py>,
    study_instance_uid: &str,
    paths: Vec<PathBuf>,
    urls: Vec<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut builder =
        ManifestBuilder::new(study_instance_uid).map_err(|error| invalid_params(py, error))?;
    if paths.len() != urls.len() {
        return Err(pyo3::exceptions::PyValueError::new_err(format!(
            "{} paths but {} URLs",
            paths.len(),
            urls.len()
        )));
    }
    let wire = py.detach(move || -> io::Result<_> {
        for (path, url) in paths.iter().zip(urls) {
            let header = File::open(path)
                .and_then(read_sop_header_from)
                .map_err(|error| {
                    io::Error::new(error.kind(), format!("{}: {error}", path.display()))
                })?;
            builder.add_header(url, header);
        }
        wire_form(&builder.finish())
    });
    to_built_manifest(py, wire)
}
