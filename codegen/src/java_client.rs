//! The java API client's generated files.

use crate::Output;
use crate::operations::ClientCatalog;

pub fn render(_catalog: &ClientCatalog) -> Output {
    Output::default()
}
