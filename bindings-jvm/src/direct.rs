//! The Java facade's hot paths, `Webhook.verify` and `unwrap` (`DirectCalls.java`) and
//! every API client call (`ClientCalls.java`): plain C functions that the facade binds
//! with JNA direct mapping, taking only integers and byte arrays.
//!
//! uniffi's generated calls pass a call status and every buffer as JNA `Structure`s
//! allocated per call, and JNA tracks the native memory of each in a global map until its
//! cleaner runs; under sustained load that bookkeeping, not the work, is where the time
//! goes (bench/notes.md). The webhook calls keep uniffi's own serialization, written and
//! read by the generated converters on the Java side, so the values and errors are exactly
//! those of the uniffi methods, which share the code below. The client call takes and
//! returns values in the binary wire form (`wire.rs`), which Java reads straight into maps
//! and lists; its errors are uniffi's serialized `ApiFailure`.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::ptr;
use std::sync::Arc;

use uniffi::{Lift, Lower};

use crate::UniFfiTag;
use crate::client::{ApiClient, ApiFailure};
use crate::error::AvaraError;
use crate::webhook::{HeaderLine, Verifier};
use crate::wire;

/// `avara_jvm_direct_call`'s `operation`.
const VERIFY: i32 = 0;

/// Verifies (`operation` 0, result `Verified`) or unwraps (otherwise, result
/// `WebhookEvent`) a delivery. `headers` holds an `Option<Vec<HeaderLine>>` as uniffi
/// serializes it; `now_ms` is the clock's reading if `clock_given` is not 0.
///
/// Returns a buffer for `avara_jvm_direct_free`: a native-endian `u32` length of what
/// follows, `0` and the serialized result or `1` and the serialized `AvaraError`. Null
/// only if the headers do not decode or the library panicked.
///
/// # Safety
/// `handle` comes from `Verifier::direct_handle` and is not yet released; `body` is null
/// or points to `body_len` bytes and `headers` to `headers_len` bytes, all unchanged
/// until this returns.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn avara_jvm_direct_call(
    handle: i64,
    operation: i32,
    body: *const u8,
    body_len: i32,
    headers: *const u8,
    headers_len: i32,
    clock_given: i32,
    now_ms: i64,
) -> *mut u8 {
    // SAFETY: the caller guarantees all three, see above.
    let (verifier, body, mut headers) = unsafe {
        (
            &*(handle as *const Verifier),
            (!body.is_null()).then(|| std::slice::from_raw_parts(body, length(body_len))),
            std::slice::from_raw_parts(headers, length(headers_len)),
        )
    };
    let now_ms = (clock_given != 0).then_some(now_ms);
    catch_unwind(AssertUnwindSafe(|| {
        let lines = <Option<Vec<HeaderLine>> as Lift<UniFfiTag>>::try_read(&mut headers).ok()?;
        Some(if operation == VERIFY {
            serialized(verifier.verified(body, lines, now_ms))
        } else {
            serialized(verifier.unwrapped(body, lines, now_ms))
        })
    }))
    .ok()
    .flatten()
    .map_or(ptr::null_mut(), |buffer| Box::into_raw(buffer).cast())
}

fn length(len: i32) -> usize {
    usize::try_from(len).unwrap_or(0)
}

/// # Safety
/// `data` is null or points to `len` bytes that outlive `'a`.
pub(crate) unsafe fn bytes<'a>(data: *const u8, len: i32) -> &'a [u8] {
    if data.is_null() {
        &[]
    } else {
        // SAFETY: guaranteed by the caller.
        unsafe { std::slice::from_raw_parts(data, length(len)) }
    }
}

fn serialized<T: Lower<UniFfiTag>>(result: Result<T, AvaraError>) -> Box<[u8]> {
    framed(|buffer| match result {
        Ok(value) => {
            buffer.push(0);
            T::write(value, buffer);
        }
        Err(error) => {
            buffer.push(1);
            <AvaraError as Lower<UniFfiTag>>::write(error, buffer);
        }
    })
}

/// A buffer for `avara_jvm_direct_free`: what `write` appends, after its `u32` length.
fn framed(write: impl FnOnce(&mut Vec<u8>)) -> Box<[u8]> {
    let mut buffer = vec![0; 4];
    write(&mut buffer);
    // Results are a parsed event or API result, read from a body the core limits to far
    // below 4 GiB.
    let len = u32::try_from(buffer.len() - 4).unwrap_or(u32::MAX);
    buffer[..4].copy_from_slice(&len.to_ne_bytes());
    buffer.into_boxed_slice()
}

/// Runs the API operation named by the UTF-8 `operation` with `params` in the binary wire
/// form (`wire.rs`), blocking until the core has an answer.
///
/// Returns a buffer for `avara_jvm_direct_free`: a native-endian `u32` length of what
/// follows, `0` and the result in the binary wire form or `1` and the serialized
/// `ApiFailure`. Null only if the library panicked.
///
/// # Safety
/// `handle` comes from `ApiClient::direct_handle` and is not yet released; `operation`
/// points to `operation_len` bytes and `params` to `params_len` bytes, both unchanged
/// until this returns.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn avara_jvm_client_call(
    handle: i64,
    operation: *const u8,
    operation_len: i32,
    params: *const u8,
    params_len: i32,
) -> *mut u8 {
    // SAFETY: the caller guarantees all three, see above.
    let (client, operation, params) = unsafe {
        (
            &*(handle as *const ApiClient),
            bytes(operation, operation_len),
            bytes(params, params_len),
        )
    };
    catch_unwind(AssertUnwindSafe(|| {
        // A name that is not UTF-8 names no operation; the core says so.
        let operation = String::from_utf8_lossy(operation);
        framed(|buffer| match client.call(&operation, params) {
            Ok(result) => {
                buffer.push(0);
                wire::write(&result, buffer);
            }
            Err(error) => {
                buffer.push(1);
                <ApiFailure as Lower<UniFfiTag>>::write(error, buffer);
            }
        })
    }))
    .map_or(ptr::null_mut(), |buffer| Box::into_raw(buffer).cast())
}

/// Gives back a handle from `ApiClient::direct_handle`.
///
/// # Safety
/// `handle` came from `direct_handle`, is released only once, and no call uses it after.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn avara_jvm_client_release(handle: i64) {
    // SAFETY: guaranteed by the caller, see above.
    drop(unsafe { Arc::from_raw(handle as *const ApiClient) });
}

/// Frees a buffer returned by `avara_jvm_direct_call` or `avara_jvm_client_call`.
///
/// # Safety
/// `result` is null or came from one of those and is freed only once.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn avara_jvm_direct_free(result: *mut u8) {
    if result.is_null() {
        return;
    }
    // SAFETY: the buffer starts with its own length, written by `serialized`.
    unsafe {
        let len = u32::from_ne_bytes(*result.cast::<[u8; 4]>()) as usize + 4;
        drop(Box::from_raw(ptr::slice_from_raw_parts_mut(result, len)));
    }
}

/// Gives back a handle from `Verifier::direct_handle`.
///
/// # Safety
/// `handle` came from `direct_handle`, is released only once, and no call uses it after.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn avara_jvm_direct_release(handle: i64) {
    // SAFETY: guaranteed by the caller, see above.
    drop(unsafe { Arc::from_raw(handle as *const Verifier) });
}
