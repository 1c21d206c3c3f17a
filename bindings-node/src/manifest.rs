//! The manifest builder: inputs are collected on the event loop without being read, then
//! every header is read and the manifest built on libuv's thread pool.
//!
//! Byte inputs stay in their JavaScript buffers (held by reference, not copied) until the
//! task has read them. The result leaves as the core's JSON text for `JSON.parse`, like
//! the API client's results.

use std::fs::File;
use std::path::PathBuf;

use avara::manifest::{ManifestBuilder, SopHeader, read_sop_header, read_sop_header_from};
use napi::bindgen_prelude::{AsyncTask, Either, Uint8Array};
use napi::{Env, Task};
use napi_derive::napi;

use crate::client::CallFailure;

enum Source {
    Bytes(Uint8Array),
    File(PathBuf),
}

/// A file that could not be read, for `lib/manifest.js` to throw as Node's file errors are.
#[napi(object)]
pub struct ReadFailure {
    pub path: String,
    pub message: String,
    /// The OS error number, when the OS gave one.
    pub errno: Option<i32>,
}

/// The inputs of one build, in the order they were added.
#[napi]
pub struct NativeManifestBuild {
    /// Still empty: inputs are only read, and added to it, on the pool.
    builder: ManifestBuilder,
    inputs: Vec<(String, Source)>,
}

/// Starts a build for `studyInstanceUid`; a UID that is not a DICOM UID is an
/// `invalid_params` failure naming the field, returned instead of the build.
#[napi]
pub fn start_manifest_build(
    study_instance_uid: String,
) -> Either<NativeManifestBuild, CallFailure> {
    match ManifestBuilder::new(study_instance_uid) {
        Ok(builder) => Either::A(NativeManifestBuild {
            builder,
            inputs: Vec::new(),
        }),
        Err(error) => Either::B(CallFailure {
            code: error.code().to_owned(),
            message: error.to_string(),
            field: Some(error.field.to_owned()),
            status: None,
            body: None,
            request_id: None,
            attempts: 0,
        }),
    }
}

#[napi]
impl NativeManifestBuild {
    /// The object at `url`: its whole file or a prefix reaching Pixel Data. The bytes
    /// are read later, on the pool.
    #[napi]
    pub fn add_bytes(&mut self, url: String, bytes: Uint8Array) {
        self.inputs.push((url, Source::Bytes(bytes)));
    }

    /// The object at `url`, stored in the file `path`, of which only the header is read.
    #[napi]
    pub fn add_file(&mut self, url: String, path: String) {
        self.inputs.push((url, Source::File(path.into())));
    }

    /// Reads every header and builds the manifest off the event loop; resolves with the
    /// result's JSON text, or the first file that could not be read.
    #[napi(ts_return_type = "Promise<string | ReadFailure>")]
    pub fn finish(&mut self) -> AsyncTask<ManifestTask> {
        AsyncTask::new(ManifestTask {
            builder: Some(self.builder.clone()),
            inputs: std::mem::take(&mut self.inputs),
        })
    }
}

pub struct ManifestTask {
    builder: Option<ManifestBuilder>,
    inputs: Vec<(String, Source)>,
}

fn read_header(source: &Source) -> Result<SopHeader, ReadFailure> {
    match source {
        Source::Bytes(bytes) => Ok(read_sop_header(bytes)),
        Source::File(path) => File::open(path)
            .and_then(read_sop_header_from)
            .map_err(|error| ReadFailure {
                path: path.display().to_string(),
                message: format!("cannot read {}: {error}", path.display()),
                errno: error.raw_os_error(),
            }),
    }
}

impl Task for ManifestTask {
    type Output = Result<String, ReadFailure>;
    type JsValue = Either<String, ReadFailure>;

    fn compute(&mut self) -> napi::Result<Self::Output> {
        let Some(mut builder) = self.builder.take() else {
            return Err(napi::Error::from_reason("a manifest task runs once"));
        };
        for (url, source) in std::mem::take(&mut self.inputs) {
            match read_header(&source) {
                Ok(header) => builder.add_header(url, header),
                Err(failure) => return Ok(Err(failure)),
            }
        }
        let json = serde_json::to_string(&builder.finish())
            .map_err(|error| napi::Error::from_reason(error.to_string()))?;
        Ok(Ok(json))
    }

    fn resolve(&mut self, _env: Env, output: Self::Output) -> napi::Result<Self::JsValue> {
        Ok(match output {
            Ok(json) => Either::A(json),
            Err(failure) => Either::B(failure),
        })
    }
}
