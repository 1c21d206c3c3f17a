//! The three element encodings a DICOM header can be read in, over dicom-rs's decoders.

use dicom_core::Tag;
use dicom_core::dictionary::{DataDictionary, DataDictionaryEntryRef};
use dicom_core::header::{DataElementHeader, SequenceItemHeader};
use dicom_encoding::decode::explicit_be::ExplicitVRBigEndianDecoder;
use dicom_encoding::decode::explicit_le::ExplicitVRLittleEndianDecoder;
use dicom_encoding::decode::implicit_le::ImplicitVRLittleEndianDecoder;
use dicom_encoding::decode::{Decode, Error};

/// Byte order and VR explicitness of a data set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Encoding {
    pub big_endian: bool,
    pub explicit_vr: bool,
}

impl Encoding {
    pub const EXPLICIT_LITTLE: Encoding = Encoding {
        big_endian: false,
        explicit_vr: true,
    };
    pub const IMPLICIT_LITTLE: Encoding = Encoding {
        big_endian: false,
        explicit_vr: false,
    };
    pub const EXPLICIT_BIG: Encoding = Encoding {
        big_endian: true,
        explicit_vr: true,
    };

    /// The 16-bit number at the start of `bytes` in this byte order (a tag's group, a US value).
    pub fn u16_at(self, bytes: &[u8]) -> Option<u16> {
        let pair = [*bytes.first()?, *bytes.get(1)?];
        Some(if self.big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        })
    }
}

/// Whether the two bytes after a tag read as a VR: pydicom's test (two capital letters),
/// so both readers agree on which data sets declare one encoding but use the other.
pub(super) fn looks_like_vr(bytes: &[u8]) -> bool {
    matches!(bytes, [first, second, ..] if first.is_ascii_uppercase() && second.is_ascii_uppercase())
}

/// Implicit VR elements are walked by their length alone, so their VR is never looked
/// up: no dictionary means no hashing per element and no dictionary to build on first use.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct NoDictionary;

impl DataDictionary for NoDictionary {
    type Entry = DataDictionaryEntryRef<'static>;

    fn by_tag(&self, _tag: Tag) -> Option<&Self::Entry> {
        None
    }

    fn by_name(&self, _name: &str) -> Option<&Self::Entry> {
        None
    }
}

pub(super) enum ElementDecoder {
    ExplicitLittle(ExplicitVRLittleEndianDecoder),
    ImplicitLittle(ImplicitVRLittleEndianDecoder<NoDictionary>),
    ExplicitBig(ExplicitVRBigEndianDecoder),
}

impl ElementDecoder {
    /// `None` for implicit VR big endian, which no standard transfer syntax uses.
    pub fn new(encoding: Encoding) -> Option<Self> {
        match (encoding.big_endian, encoding.explicit_vr) {
            (false, true) => Some(Self::ExplicitLittle(
                ExplicitVRLittleEndianDecoder::default(),
            )),
            (false, false) => Some(Self::ImplicitLittle(
                ImplicitVRLittleEndianDecoder::with_dict(NoDictionary),
            )),
            (true, true) => Some(Self::ExplicitBig(ExplicitVRBigEndianDecoder::default())),
            (true, false) => None,
        }
    }

    /// The element header at the start of `source`, and its size in bytes.
    pub fn header(&self, source: &mut &[u8]) -> Result<(DataElementHeader, usize), Error> {
        match self {
            Self::ExplicitLittle(decoder) => decoder.decode_header(source),
            Self::ImplicitLittle(decoder) => decoder.decode_header(source),
            Self::ExplicitBig(decoder) => decoder.decode_header(source),
        }
    }

    /// The item, item delimiter or sequence delimiter at the start of `source` (8 bytes).
    pub fn item_header(&self, source: &mut &[u8]) -> Result<SequenceItemHeader, Error> {
        match self {
            Self::ExplicitLittle(decoder) => decoder.decode_item_header(source),
            Self::ImplicitLittle(decoder) => decoder.decode_item_header(source),
            Self::ExplicitBig(decoder) => decoder.decode_item_header(source),
        }
    }
}
