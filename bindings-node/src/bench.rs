//! The empty export `make bench` times: what one crossing of the boundary costs.

use napi_derive::napi;

/// Does nothing; left out of the typings and of `index.js`.
#[napi(js_name = "__benchNoop", skip_typescript)]
pub fn bench_noop() {}
