//! The manifest builder for `com.avara.manifest`: a collector around the core's
//! `ManifestBuilder`, its result as records, and the answer that carries it.
//!
//! Files are opened and read here, only as far as their headers go. Bytes already in
//! Java arrive through `avara_jvm_manifest_add`, a plain C function bound with JNA direct
//! mapping, which reads the header straight from the array instead of copying it into a
//! uniffi buffer first.

use std::fs::File;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use avara::manifest::{
    self as core, ManifestBuilder, ManifestError, SopHeader, read_sop_header, read_sop_header_from,
};
use avara::webhooks::responses::{StudyAccessRequestedResponse, StudyManifest};

use crate::direct::bytes;

/// The core's `BuiltManifest` as it crosses to Java, where `com.avara.manifest.BuiltManifest`
/// presents it (the names differ so both packages can be imported whole).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct NativeBuiltManifest {
    pub urls: Vec<String>,
    pub manifest: StudyManifest,
    pub skipped: Vec<NativeSkippedInput>,
}

/// The core's `SkippedInput` with `code` as its stable `SkipCode::as_str()`.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct NativeSkippedInput {
    pub url: String,
    pub code: String,
    pub reason: String,
    pub listed: bool,
}

impl From<core::BuiltManifest> for NativeBuiltManifest {
    fn from(built: core::BuiltManifest) -> Self {
        let skipped = built
            .skipped
            .into_iter()
            .map(|input| NativeSkippedInput {
                url: input.url,
                code: input.code.as_str().to_owned(),
                reason: input.reason,
                listed: input.listed,
            })
            .collect();
        Self {
            urls: built.urls,
            manifest: built.manifest,
            skipped,
        }
    }
}

/// Why a build could not start or an input could not be read; no field is called
/// `message`, which would clash with `Throwable.message` in Kotlin.
#[derive(Debug, uniffi::Error)]
pub enum ManifestFailure {
    /// The core refused an argument: `code` is `invalid_params`, `field` its wire name.
    InvalidParams {
        code: String,
        field: String,
        detail: String,
    },
    /// A file given to `add_file` could not be opened or read.
    Unreadable { path: String, detail: String },
}

impl From<ManifestError> for ManifestFailure {
    fn from(error: ManifestError) -> Self {
        // The detail leads with the field, as the API client's parameter errors do.
        ManifestFailure::InvalidParams {
            code: error.code().to_owned(),
            field: error.field.to_owned(),
            detail: error.to_string(),
        }
    }
}

impl std::fmt::Display for ManifestFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ManifestFailure::InvalidParams { code, detail, .. } => write!(f, "{code}: {detail}"),
            ManifestFailure::Unreadable { path, detail } => write!(f, "{path}: {detail}"),
        }
    }
}

impl std::error::Error for ManifestFailure {}

/// One build in progress. Thread-safe: headers are read outside the lock, so threads
/// adding to the same collector read in parallel.
#[derive(uniffi::Object)]
pub struct ManifestCollector {
    /// `None` once finished.
    builder: Mutex<Option<ManifestBuilder>>,
}

#[uniffi::export]
impl ManifestCollector {
    /// Fails when `study_instance_uid` is not a DICOM UID.
    #[uniffi::constructor]
    pub fn new(study_instance_uid: String) -> Result<Arc<Self>, ManifestFailure> {
        let builder = ManifestBuilder::new(study_instance_uid)?;
        Ok(Arc::new(Self {
            builder: Mutex::new(Some(builder)),
        }))
    }

    /// Reads the header of the file at `path`, and no further, as the object at `url`.
    /// Returns whether it was added: false once the collector is finished.
    pub fn add_file(&self, url: String, path: String) -> Result<bool, ManifestFailure> {
        let header = File::open(&path)
            .and_then(read_sop_header_from)
            .map_err(|error| ManifestFailure::Unreadable {
                path,
                detail: error.to_string(),
            })?;
        Ok(self.add_header(url, header))
    }

    /// Sorts and groups everything added; the collector takes nothing after this.
    /// `None` when it was already finished.
    pub fn finish(&self) -> Option<NativeBuiltManifest> {
        self.builder().take().map(|builder| builder.finish().into())
    }

    /// A strong reference for `avara_jvm_manifest_add`, given back with
    /// `avara_jvm_manifest_release`.
    pub fn direct_handle(self: Arc<Self>) -> i64 {
        Arc::into_raw(self) as i64
    }
}

impl ManifestCollector {
    fn builder(&self) -> MutexGuard<'_, Option<ManifestBuilder>> {
        // Nothing panics while the lock is held, and the builder stays consistent if it did.
        self.builder.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn add_header(&self, url: String, header: SopHeader) -> bool {
        match self.builder().as_mut() {
            Some(builder) => {
                builder.add_header(url, header);
                true
            }
            None => false,
        }
    }
}

/// Access granted with the builder's `urls` and, when it has a series, its manifest.
#[uniffi::export]
pub fn study_access_requested_authorized_with_manifest(
    urls: Vec<String>,
    manifest: StudyManifest,
) -> StudyAccessRequestedResponse {
    // The answer needs only the URLs and the sidecar; the skipped inputs stay with the caller.
    StudyAccessRequestedResponse::from(core::BuiltManifest {
        urls,
        manifest,
        skipped: Vec::new(),
    })
}

/// Adds the object at the UTF-8 `url` whose bytes (the whole object, or a prefix that
/// reaches Pixel Data) are `data`. Returns 1 when added, 0 when the collector is
/// finished or the library panicked.
///
/// # Safety
/// `handle` comes from `ManifestCollector::direct_handle` and is not yet released; `url`
/// and `data` are null or point to `url_len` and `data_len` bytes, unchanged until this
/// returns.
#[allow(unsafe_code, reason = "a C entry point bound by JNA direct mapping")]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn avara_jvm_manifest_add(
    handle: i64,
    url: *const u8,
    url_len: i32,
    data: *const u8,
    data_len: i32,
) -> i32 {
    // SAFETY: the caller guarantees all three, see above.
    let (collector, url, data) = unsafe {
        (
            &*(handle as *const ManifestCollector),
            bytes(url, url_len),
            bytes(data, data_len),
        )
    };
    catch_unwind(AssertUnwindSafe(|| {
        // Java sends its UTF-8 encoding, so nothing is lost here.
        let url = String::from_utf8_lossy(url).into_owned();
        collector.add_header(url, read_sop_header(data))
    }))
    .map_or(0, i32::from)
}

/// Gives back a handle from `ManifestCollector::direct_handle`.
///
/// # Safety
/// `handle` came from `direct_handle`, is released only once, and no call uses it after.
#[allow(unsafe_code, reason = "a C entry point bound by JNA direct mapping")]
#[unsafe(no_mangle)]
pub unsafe extern "C" fn avara_jvm_manifest_release(handle: i64) {
    // SAFETY: guaranteed by the caller, see above.
    drop(unsafe { Arc::from_raw(handle as *const ManifestCollector) });
}
