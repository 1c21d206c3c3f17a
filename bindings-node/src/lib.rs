//! The native half of the npm package `avara`.
//!
//! Every function here only converts JavaScript values into the core's types and the
//! core's results back; `index.js` wraps this module to give JavaScript callers their
//! idioms (error classes, header containers, the `Avara` client object).

mod bench;
mod body;
mod client;
mod describe;
mod error;
mod event;
mod headers;
mod manifest;
mod responses;
mod standalone;
mod webhook;
