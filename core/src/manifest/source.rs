//! Where an input's data set starts and how it is encoded: from the File Meta group's
//! transfer syntax when there is one, else inferred from the first element as pydicom
//! does, so that both read the same files the same way.

use std::io::{ErrorKind, Read};

use dicom_core::Tag;
use dicom_encoding::{Codec, Endianness, TransferSyntaxIndex};
use dicom_transfer_syntax_registry::TransferSyntaxRegistry;
use dicom_transfer_syntax_registry::entries::IMPLICIT_VR_LITTLE_ENDIAN;

use super::decoder::{ElementDecoder, Encoding, looks_like_vr};
use super::skip::{Skip, SkipCode};
use super::walk::{MAX_HEADER_BYTES, Walker};

const PREAMBLE: usize = 128;
const MAGIC: &[u8; 4] = b"DICM";
const META_GROUP: u16 = 0x0002;
/// Without a File Meta group, a data set must open with group 0008 (it holds the SOP
/// Class UID every object has, and no standard group sorts before it): this tells a
/// DICOM data set from any other bytes.
const FIRST_DATA_SET_GROUP: u16 = 0x0008;
const TRANSFER_SYNTAX_UID: Tag = Tag(0x0002, 0x0010);

/// The data set of an input, still to be walked.
pub(super) enum DataSet<'a> {
    /// Stored as is, from `start` on.
    Plain {
        bytes: &'a [u8],
        start: usize,
        declared: Option<Encoding>,
    },
    /// Deflated (PS3.5 §A.5); inflated on demand.
    Deflated(Inflater<'a>),
}

/// Finds the data set in `bytes`.
pub(super) fn locate(bytes: &[u8]) -> Result<DataSet<'_>, Skip> {
    if bytes.is_empty() {
        return Err(Skip::new(SkipCode::NotDicom, "the input is empty"));
    }
    let has_preamble = bytes.get(PREAMBLE..PREAMBLE + MAGIC.len()) == Some(MAGIC.as_slice());
    let meta_start = if has_preamble {
        Some(PREAMBLE + MAGIC.len())
    } else if Encoding::EXPLICIT_LITTLE.u16_at(bytes) == Some(META_GROUP) {
        Some(0)
    } else {
        None
    };
    let Some(meta_start) = meta_start else {
        if opens_data_set(bytes) {
            return Ok(DataSet::Plain {
                bytes,
                start: 0,
                declared: None,
            });
        }
        let reason = if bytes.len() < PREAMBLE + MAGIC.len() {
            format!(
                "{} bytes are too few for the preamble and DICM prefix (132), and they do not start a DICOM data set",
                bytes.len()
            )
        } else {
            "no DICM prefix at byte 128, and the bytes do not start a DICOM data set".to_owned()
        };
        return Err(Skip::new(SkipCode::NotDicom, reason));
    };
    let (transfer_syntax, start) = read_file_meta(bytes, meta_start)?;
    let Some(uid) = transfer_syntax else {
        return Ok(DataSet::Plain {
            bytes,
            start,
            declared: None,
        });
    };
    let explicit_vr = uid != IMPLICIT_VR_LITTLE_ENDIAN.uid();
    let Some(syntax) = TransferSyntaxRegistry.get(&uid) else {
        // PS3.5 §10: every transfer syntax but the default one is explicit VR little endian
        // unless it says otherwise, which an unknown one cannot.
        return Ok(DataSet::Plain {
            bytes,
            start,
            declared: Some(Encoding {
                big_endian: false,
                explicit_vr,
            }),
        });
    };
    let declared = Encoding {
        big_endian: syntax.endianness() == Endianness::Big,
        explicit_vr,
    };
    match syntax.codec() {
        Codec::Dataset(Some(adapter)) => {
            let reader = adapter.adapt_reader(Box::new(&bytes[start..]));
            Ok(DataSet::Deflated(Inflater {
                reader,
                inflated: Vec::new(),
                state: InflateState::More,
                declared,
            }))
        }
        Codec::Dataset(None) => Err(Skip::malformed(format!(
            "transfer syntax {uid} has no known data set encoding"
        ))),
        _ => Ok(DataSet::Plain {
            bytes,
            start,
            declared: Some(declared),
        }),
    }
}

/// Whether `bytes` open with a group 0008 element in either byte order.
fn opens_data_set(bytes: &[u8]) -> bool {
    [Encoding::EXPLICIT_LITTLE, Encoding::EXPLICIT_BIG]
        .iter()
        .any(|encoding| encoding.u16_at(bytes) == Some(FIRST_DATA_SET_GROUP))
}

/// Reads the group 0002 elements from `start`: the transfer syntax UID they name, and
/// where the data set begins. Like pydicom, it relies on the tags rather than on the
/// group length, which some writers omit.
fn read_file_meta(bytes: &[u8], start: usize) -> Result<(Option<String>, usize), Skip> {
    let decoder = ElementDecoder::new(Encoding::EXPLICIT_LITTLE)
        .expect("explicit VR little endian is supported");
    let mut walker = Walker::new(bytes, start);
    let mut transfer_syntax = None;
    loop {
        let here = walker.position();
        if Encoding::EXPLICIT_LITTLE.u16_at(&bytes[here..]) != Some(META_GROUP) {
            if here == bytes.len() || here + 1 == bytes.len() {
                return Err(Skip::truncated());
            }
            return Ok((transfer_syntax, here));
        }
        let header = walker.next_header(&decoder)?.ok_or_else(Skip::truncated)?;
        let length = header.len.get().ok_or_else(|| {
            Skip::malformed(format!(
                "File Meta element {} has an undefined length",
                header.tag
            ))
        })?;
        let value = walker.take(length)?;
        if header.tag == TRANSFER_SYNTAX_UID {
            transfer_syntax =
                Some(super::values::latin1_first_value(value)).filter(|uid| !uid.is_empty());
        }
    }
}

/// The encoding of the data set that starts `bytes`.
///
/// With no transfer syntax, pydicom's inference: a VR after the first tag means
/// explicit VR, and explicit VR with a group that only reads small in big endian means
/// big endian. With one, pydicom's correction for writers that declare one VR mode
/// and write the other: the first element decides.
pub(super) fn resolve_encoding(declared: Option<Encoding>, bytes: &[u8]) -> Encoding {
    let has_vr = looks_like_vr(bytes.get(4..).unwrap_or_default());
    match declared {
        None if has_vr => {
            let big_endian = Encoding::EXPLICIT_LITTLE
                .u16_at(bytes)
                .is_some_and(|group| group >= 0x0400);
            Encoding {
                big_endian,
                explicit_vr: true,
            }
        }
        None => Encoding::IMPLICIT_LITTLE,
        Some(declared) if bytes.len() < 6 => declared,
        Some(declared) => Encoding {
            explicit_vr: has_vr,
            ..declared
        },
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum InflateState {
    /// Inflating stopped at the requested size; more may follow.
    More,
    /// The deflate stream ended.
    Finished,
    /// The compressed bytes ended before the stream did.
    CutShort,
    /// The compressed bytes are not a deflate stream.
    Corrupt,
}

/// A deflated data set, inflated in growing steps so that a header near the start
/// costs little even when the pixel data behind it is large.
pub(super) struct Inflater<'a> {
    reader: Box<dyn Read + 'a>,
    pub inflated: Vec<u8>,
    pub state: InflateState,
    pub declared: Encoding,
}

impl Inflater<'_> {
    /// Inflates until `size` bytes are out (never past [`MAX_HEADER_BYTES`]) or the stream stops.
    pub fn fill(&mut self, size: usize) {
        let size = size.min(MAX_HEADER_BYTES + 1);
        if self.state != InflateState::More || self.inflated.len() >= size {
            return;
        }
        let wanted = (size - self.inflated.len()) as u64;
        self.state = match self
            .reader
            .by_ref()
            .take(wanted)
            .read_to_end(&mut self.inflated)
        {
            Ok(read) if (read as u64) < wanted => InflateState::Finished,
            Ok(_) => InflateState::More,
            Err(error) if error.kind() == ErrorKind::UnexpectedEof => InflateState::CutShort,
            Err(_) => InflateState::Corrupt,
        };
    }

    /// What the end of the inflated bytes means once a walk reaches it.
    pub fn end_problem(&self) -> Option<Skip> {
        match self.state {
            InflateState::Finished => None,
            InflateState::CutShort => Some(Skip::truncated()),
            InflateState::Corrupt => Some(Skip::malformed("the deflated data set is corrupt")),
            InflateState::More => Some(Skip::too_large()),
        }
    }
}
