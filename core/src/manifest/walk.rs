//! A bounded walk over the elements of a data set.
//!
//! Values are never interpreted here: the caller keeps the raw bytes of the top-level
//! elements it wants, and everything else is stepped over by its length. Only
//! undefined-length sequences are entered, item by item, to find where they end. Every
//! input is bounded: at most [`MAX_HEADER_BYTES`] are walked, at most
//! [`MAX_HEADER_ELEMENTS`] headers decoded and sequences nest at most
//! [`MAX_SEQUENCE_DEPTH`] deep, so no header costs more than a few milliseconds.

use dicom_core::Tag;
use dicom_core::header::{DataElementHeader, SequenceItemHeader};
use dicom_encoding::decode::Error as DecodeError;

use super::decoder::{ElementDecoder, Encoding, looks_like_vr};
use super::skip::{Skip, SkipCode};

/// How far into a data set its header may run before Pixel Data.
pub const MAX_HEADER_BYTES: usize = 4 << 20;

/// How many element and item headers one input may hold before Pixel Data.
pub const MAX_HEADER_ELEMENTS: u32 = 100_000;

/// How deep sequences may nest.
pub const MAX_SEQUENCE_DEPTH: u32 = 32;

const ITEM_DELIMITER: Tag = Tag(0xFFFE, 0xE00D);

/// Where a top-level walk stopped without a problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stop {
    /// At this element, which the caller asked to stop at; its value is not read.
    At(Tag),
    /// At the end of the bytes, on an element boundary.
    EndOfBytes,
}

pub(super) struct Walker<'a> {
    bytes: &'a [u8],
    position: usize,
    headers_left: u32,
}

impl<'a> Walker<'a> {
    pub fn new(bytes: &'a [u8], position: usize) -> Self {
        Self {
            bytes,
            position,
            headers_left: MAX_HEADER_ELEMENTS,
        }
    }

    pub fn position(&self) -> usize {
        self.position
    }

    fn rest(&self) -> &'a [u8] {
        &self.bytes[self.position..]
    }

    /// Walks the top level of a data set. `keep` sees each element with a defined
    /// length and its value; the walk ends before the first tag `stop_at` accepts.
    pub fn top_level(
        &mut self,
        encoding: Encoding,
        stop_at: impl Fn(Tag) -> bool,
        mut keep: impl FnMut(Tag, &'a [u8]),
    ) -> Result<Stop, Skip> {
        let decoder = decoder_for(encoding)?;
        loop {
            let start = self.position;
            let Some(header) = self.next_header(&decoder)? else {
                return Ok(Stop::EndOfBytes);
            };
            if stop_at(header.tag) {
                return Ok(Stop::At(header.tag));
            }
            if header.tag.group() == 0xFFFE {
                return Err(Skip::malformed(format!(
                    "{} outside a sequence at byte {start}",
                    header.tag
                )));
            }
            match header.len.get() {
                Some(length) => keep(header.tag, self.take(length)?),
                None => self.skip_sequence(&decoder, encoding, 1)?,
            }
        }
    }

    /// The next element header, or `None` when the bytes end exactly here.
    pub fn next_header(
        &mut self,
        decoder: &ElementDecoder,
    ) -> Result<Option<DataElementHeader>, Skip> {
        if self.position == self.bytes.len() {
            return Ok(None);
        }
        self.count_header()?;
        let mut source = self.rest();
        let (header, size) = decoder.header(&mut source).map_err(|_| Skip::truncated())?;
        self.position += size;
        Ok(Some(header))
    }

    /// The value of `length` bytes at the current position, which is then stepped over.
    pub fn take(&mut self, length: u32) -> Result<&'a [u8], Skip> {
        let length = usize::try_from(length).map_err(|_| Skip::truncated())?;
        let value = self.rest().get(..length).ok_or_else(Skip::truncated)?;
        self.position += length;
        Ok(value)
    }

    fn count_header(&mut self) -> Result<(), Skip> {
        if self.position > MAX_HEADER_BYTES {
            return Err(Skip::too_large());
        }
        self.headers_left = self.headers_left.checked_sub(1).ok_or_else(|| {
            Skip::new(
                SkipCode::TooComplex,
                format!("the header holds more than {MAX_HEADER_ELEMENTS} elements and items"),
            )
        })?;
        Ok(())
    }

    fn next_item(&mut self, decoder: &ElementDecoder) -> Result<SequenceItemHeader, Skip> {
        self.count_header()?;
        let start = self.position;
        let mut source = self.rest();
        let item = decoder
            .item_header(&mut source)
            .map_err(|error| match error {
                DecodeError::BadSequenceHeader { .. } => Skip::malformed(format!(
                    "expected an item or a sequence delimiter at byte {start}"
                )),
                _ => Skip::truncated(),
            })?;
        self.position += 8;
        Ok(item)
    }

    /// Steps over the items of an undefined-length sequence, up to its delimiter.
    fn skip_sequence(
        &mut self,
        decoder: &ElementDecoder,
        encoding: Encoding,
        depth: u32,
    ) -> Result<(), Skip> {
        if depth > MAX_SEQUENCE_DEPTH {
            return Err(Skip::new(
                SkipCode::TooComplex,
                format!("sequences nest more than {MAX_SEQUENCE_DEPTH} levels deep"),
            ));
        }
        loop {
            match self.next_item(decoder)? {
                SequenceItemHeader::Item { len } => match len.get() {
                    Some(length) => {
                        self.take(length)?;
                    }
                    None => self.skip_item(encoding, depth)?,
                },
                SequenceItemHeader::SequenceDelimiter => return Ok(()),
                SequenceItemHeader::ItemDelimiter => {
                    return Err(Skip::malformed(format!(
                        "an item delimiter where an item should start at byte {}",
                        self.position - 8
                    )));
                }
            }
        }
    }

    /// Steps over the elements of an undefined-length item, up to its delimiter.
    fn skip_item(&mut self, parent: Encoding, depth: u32) -> Result<(), Skip> {
        let encoding = item_encoding(parent, self.rest());
        let decoder = decoder_for(encoding)?;
        loop {
            let start = self.position;
            let header = self.next_header(&decoder)?.ok_or_else(Skip::truncated)?;
            if header.tag == ITEM_DELIMITER {
                return Ok(());
            }
            if header.tag.group() == 0xFFFE {
                return Err(Skip::malformed(format!(
                    "{} inside an item at byte {start}",
                    header.tag
                )));
            }
            match header.len.get() {
                Some(length) => {
                    self.take(length)?;
                }
                None => self.skip_sequence(&decoder, encoding, depth + 1)?,
            }
        }
    }
}

/// Items may be written in implicit VR inside an explicit VR data set (PS3.5 §6.2.2 for
/// undefined-length UN; some writers do it for any sequence). As pydicom does, an item
/// of an explicit VR data set is read as implicit VR little endian when its first
/// element carries no VR.
fn item_encoding(parent: Encoding, item: &[u8]) -> Encoding {
    if parent.explicit_vr && !looks_like_vr(item.get(4..).unwrap_or_default()) {
        Encoding::IMPLICIT_LITTLE
    } else {
        parent
    }
}

pub(super) fn decoder_for(encoding: Encoding) -> Result<ElementDecoder, Skip> {
    ElementDecoder::new(encoding).ok_or_else(|| {
        Skip::malformed("the data set is implicit VR big endian, which DICOM does not define")
    })
}
