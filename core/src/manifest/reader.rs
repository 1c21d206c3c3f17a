//! Reading a header from a file or stream: only as many bytes as the header needs.

use std::io::{self, Read};

use super::header::{SopHeader, read_sop_header};
use super::skip::{Skip, SkipCode};
use super::walk::MAX_HEADER_BYTES;

/// What is read first: most headers fit, and the pixel data after them is never read.
const FIRST_READ: usize = 64 << 10;
/// Past this, a header that still goes on is too large: a walk stops at [`MAX_HEADER_BYTES`],
/// and a deflated header is rarely larger than its inflated form.
const MAX_READ: usize = MAX_HEADER_BYTES + FIRST_READ;

/// Reads a header from `source` (an open file, a ranged download), 64 KiB first, then
/// four times more while the header goes on. Only I/O errors fail; a header that
/// cannot be used is recorded in [`SopHeader::problem`] as [`read_sop_header`] does.
pub fn read_sop_header_from(source: impl Read) -> io::Result<SopHeader> {
    let mut source = source.take(MAX_READ as u64);
    let mut bytes = Vec::new();
    let mut wanted = FIRST_READ;
    loop {
        let missing = wanted - bytes.len();
        let read = source
            .by_ref()
            .take(missing as u64)
            .read_to_end(&mut bytes)?;
        let at_end = read < missing;
        let header = read_sop_header(&bytes);
        // Bytes that stop between two elements read as a whole object: only the end of
        // the source or the end of the header proves there is nothing more to read.
        let cut_short = header
            .problem()
            .is_some_and(|problem| problem.code == SkipCode::TruncatedHeader)
            || (header.problem().is_none() && !header.reached_header_end);
        if at_end || !cut_short {
            return Ok(header);
        }
        if wanted == MAX_READ {
            return Ok(SopHeader {
                problem: Some(Skip::too_large()),
                ..header
            });
        }
        wanted = (wanted * 4).min(MAX_READ);
    }
}
