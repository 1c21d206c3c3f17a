//! The native half of the npm package `avara`.
//!
//! Every function here only converts JavaScript values into the core's types and the
//! core's results back; `index.js` wraps this module to give JavaScript callers their
//! idioms (error classes, header containers, the `Avara` client object).

#![cfg_attr(
    test,
    allow(
        dead_code,
        reason = "napi registers the exports only outside cfg(test), so the test build of this untested cdylib sees them unused"
    )
)]

mod bench;
#[allow(
    unsafe_code,
    reason = "napi's `Unknown::cast` is unsafe; each cast follows the type check it relies on"
)]
mod body;
mod client;
mod describe;
mod error;
mod event;
mod headers;
mod manifest;
#[allow(
    unsafe_code,
    reason = "napi's `Unknown::cast` is unsafe; each cast follows the type check it relies on"
)]
mod responses;
mod secret;
#[allow(
    unsafe_code,
    reason = "napi's `Unknown::cast` is unsafe; each cast follows the type check it relies on"
)]
mod standalone;
#[allow(
    unsafe_code,
    reason = "napi's `Unknown::cast` is unsafe; each cast follows the type check it relies on"
)]
mod text;
#[allow(
    unsafe_code,
    reason = "napi's `Unknown::cast` is unsafe; each cast follows the type check it relies on"
)]
mod webhook;
