//! One interpreter per process owns the module.
//!
//! pyo3 keeps this module's classes, the exception classes it raises and its interned
//! names in process-wide statics, filled by whichever interpreter first needs them. A
//! second interpreter of the process (a subinterpreter, such as mod_wsgi runs each
//! application group in) would be handed the first one's objects: its `except` clauses
//! would miss them, and they would outlive the interpreter that made them. pyo3 does not
//! support subinterpreters, so the first interpreter to import the module keeps it and
//! every other one gets an `ImportError` saying how to run in one interpreter.

use std::sync::atomic::{AtomicI64, Ordering};

use pyo3::exceptions::PyImportError;
use pyo3::ffi;
use pyo3::prelude::*;

/// The ID of the interpreter that imported the module first; -1 until one has. CPython
/// never reuses an interpreter ID, so a destroyed owner is never mistaken for a new one.
static OWNER: AtomicI64 = AtomicI64::new(-1);

const REFUSAL: &str = "avara cannot be imported in a second Python interpreter of the same \
     process: its native module keeps per-process state, which belongs to the interpreter \
     that imported it first. Run every application that uses avara in one interpreter; under \
     mod_wsgi, set WSGIApplicationGroup %{GLOBAL}.";

/// Runs when an interpreter imports the module: claims it for the first, refuses others.
pub(crate) fn claim(py: Python<'_>) -> PyResult<()> {
    // SAFETY: `py` proves this thread is attached to an interpreter, whose state
    // `PyInterpreterState_Get` returns (it never returns null while attached).
    let current = unsafe { ffi::PyInterpreterState_GetID(ffi::PyInterpreterState_Get()) };
    if current < 0 {
        return Err(PyErr::fetch(py));
    }
    match OWNER.compare_exchange(-1, current, Ordering::SeqCst, Ordering::SeqCst) {
        Ok(_) => Ok(()),
        Err(owner) if owner == current => Ok(()),
        Err(_) => Err(PyImportError::new_err(REFUSAL)),
    }
}
