//! JSON values between Python and the core: `dict`/`list`/`str`/`int`/`float`/`bool`/`None`
//! on one side, `serde_json::Value` on the other. Only the representation changes; which
//! fields exist and what they mean is decided by the core.

use avara::webhooks::{ErrorCode, WebhookError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple};
use serde_json::{Map, Number, Value};

use crate::error::to_py;
use crate::payload::describe;

/// Far deeper than any response the contract defines; it stops a structure that contains
/// itself (or an absurdly deep one) before it exhausts the native stack.
const MAX_DEPTH: usize = 128;

/// Converts a core value. Core values are bounded (parsed with a depth limit or built
/// from typed structs), so plain recursion is safe here.
pub(crate) fn to_python<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(flag) => PyBool::new(py, *flag).to_owned().into_any(),
        Value::Number(number) => number_to_python(py, number)?,
        Value::String(text) => PyString::new(py, text).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_python(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(members) => {
            let dict = PyDict::new(py);
            for (key, member) in members {
                dict.set_item(key, to_python(py, member)?)?;
            }
            dict.into_any()
        }
    })
}

fn number_to_python<'py>(py: Python<'py>, number: &Number) -> PyResult<Bound<'py, PyAny>> {
    if let Some(unsigned) = number.as_u64() {
        Ok(unsigned.into_pyobject(py)?.into_any())
    } else if let Some(signed) = number.as_i64() {
        Ok(signed.into_pyobject(py)?.into_any())
    } else {
        Ok(PyFloat::new(py, number.as_f64().unwrap_or(f64::NAN)).into_any())
    }
}

/// Converts a Python value for the core, or raises `schema_error` naming where the value
/// has no JSON form (`label` names the argument, e.g. `body` or `args[0]`).
pub(crate) fn from_python(value: &Bound<'_, PyAny>, label: &str) -> PyResult<Value> {
    json_value(value).map_err(|error| {
        to_py(WebhookError::new(
            ErrorCode::SchemaError,
            format!("{label}{}", error.message()),
        ))
    })
}

/// Where a value has no JSON form: the path to it (`.metadata.site`, `[2]`) and why.
pub(crate) struct NoJsonForm {
    /// Innermost first, as pushed while unwinding.
    path: Vec<String>,
    detail: String,
}

impl NoJsonForm {
    /// The key of the outermost dict on the way, if the path starts with one.
    pub(crate) fn top_key(&self) -> Option<&str> {
        self.path.last()?.strip_prefix('.')
    }

    /// `<path>: <detail>`, to follow the name of the argument.
    pub(crate) fn message(&self) -> String {
        let segments: String = self.path.iter().rev().map(String::as_str).collect();
        format!("{segments}: {}", self.detail)
    }
}

/// Converts a Python value for the core, or says where it has no JSON form; callers
/// wrap that in their own error.
pub(crate) fn json_value(value: &Bound<'_, PyAny>) -> Result<Value, NoJsonForm> {
    let mut path = Vec::new();
    convert(value, 0, &mut path).map_err(|detail| NoJsonForm { path, detail })
}

type Converted = Result<Value, String>;

fn convert(value: &Bound<'_, PyAny>, depth: usize, path: &mut Vec<String>) -> Converted {
    if depth > MAX_DEPTH {
        return Err(format!(
            "nests deeper than {MAX_DEPTH} levels (or contains itself)"
        ));
    }
    if value.is_none() {
        Ok(Value::Null)
    } else if let Ok(flag) = value.cast::<PyBool>() {
        Ok(Value::Bool(flag.is_true()))
    } else if let Ok(int) = value.cast::<PyInt>() {
        int.extract::<i64>()
            .map(Value::from)
            .or_else(|_| int.extract::<u64>().map(Value::from))
            .map_err(|_| "the integer does not fit in 64 bits".to_owned())
    } else if let Ok(float) = value.cast::<PyFloat>() {
        Number::from_f64(float.value())
            .map(Value::Number)
            .ok_or_else(|| "NaN and infinities have no JSON form".to_owned())
    } else if let Ok(text) = value.cast::<PyString>() {
        text.to_str()
            .map(|text| Value::String(text.to_owned()))
            .map_err(|_| "the str has unpaired surrogates, which have no UTF-8 form".to_owned())
    } else if let Ok(dict) = value.cast::<PyDict>() {
        object(dict.items().iter(), depth, path)
    } else if value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>() {
        array(value, depth, path)
    } else if let Ok(mapping) = value.cast::<PyMapping>() {
        let items = mapping.items().map_err(|error| error.to_string())?;
        object(items.iter(), depth, path)
    } else {
        Err(format!("{} has no JSON form", describe(value)))
    }
}

fn object<'py>(
    items: impl Iterator<Item = Bound<'py, PyAny>>,
    depth: usize,
    path: &mut Vec<String>,
) -> Converted {
    let mut members = Map::new();
    for item in items {
        let (key, member) = item
            .extract::<(Bound<'py, PyAny>, Bound<'py, PyAny>)>()
            .map_err(|error| error.to_string())?;
        let Ok(key) = key.cast::<PyString>() else {
            return Err(format!("keys must be str, got {}", describe(&key)));
        };
        let key = key
            .to_str()
            .map_err(|_| "a key has unpaired surrogates, which have no UTF-8 form".to_owned())?
            .to_owned();
        let converted =
            convert(&member, depth + 1, path).inspect_err(|_| path.push(format!(".{key}")))?;
        members.insert(key, converted);
    }
    Ok(Value::Object(members))
}

fn array(sequence: &Bound<'_, PyAny>, depth: usize, path: &mut Vec<String>) -> Converted {
    let mut items = Vec::new();
    for (index, item) in sequence
        .try_iter()
        .map_err(|error| error.to_string())?
        .enumerate()
    {
        let item = item.map_err(|error| error.to_string())?;
        items.push(
            convert(&item, depth + 1, path).inspect_err(|_| path.push(format!("[{index}]")))?,
        );
    }
    Ok(Value::Array(items))
}
