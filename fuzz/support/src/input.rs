//! The byte layout every target reads its structured input from.
//!
//! A target reads fields front to back: single bytes, little-endian integers and
//! length-prefixed chunks, then keeps the rest. Reading past the end yields zeros and
//! empty chunks, so every byte string is a valid input, and `seeds.py` can write seeds
//! that reach past the checks at the front (a signature, a route) without knowing
//! libFuzzer's mutations.

pub struct Input<'a> {
    data: &'a [u8],
}

impl<'a> Input<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Self { data }
    }

    pub fn byte(&mut self) -> u8 {
        self.take(1).first().copied().unwrap_or(0)
    }

    pub fn u16(&mut self) -> u16 {
        let mut bytes = [0; 2];
        let taken = self.take(2);
        bytes[..taken.len()].copy_from_slice(taken);
        u16::from_le_bytes(bytes)
    }

    pub fn u64(&mut self) -> u64 {
        let mut bytes = [0; 8];
        let taken = self.take(8);
        bytes[..taken.len()].copy_from_slice(taken);
        u64::from_le_bytes(bytes)
    }

    /// A chunk of at most 255 bytes: one length byte, then the bytes.
    pub fn chunk(&mut self) -> &'a [u8] {
        let length = usize::from(self.byte());
        self.take(length)
    }

    /// A chunk of at most 65 535 bytes: a little-endian `u16` length, then the bytes.
    pub fn long_chunk(&mut self) -> &'a [u8] {
        let length = usize::from(self.u16());
        self.take(length)
    }

    /// [`Input::chunk`] as text; invalid UTF-8 is replaced, as a host's header map would.
    pub fn text(&mut self) -> String {
        String::from_utf8_lossy(self.chunk()).into_owned()
    }

    pub fn rest(&mut self) -> &'a [u8] {
        self.take(self.data.len())
    }

    fn take(&mut self, count: usize) -> &'a [u8] {
        let (taken, rest) = self.data.split_at(count.min(self.data.len()));
        self.data = rest;
        taken
    }
}

#[cfg(test)]
mod tests {
    use super::Input;

    #[test]
    fn reads_fields_in_order_and_zeros_past_the_end() {
        let mut input = Input::new(b"\x07\x02ab\x03\x00xyzrest");
        assert_eq!(input.byte(), 7);
        assert_eq!(input.chunk(), b"ab");
        assert_eq!(input.long_chunk(), b"xyz");
        assert_eq!(input.rest(), b"rest");
        assert_eq!((input.byte(), input.u64(), input.chunk()), (0, 0, &b""[..]));
    }

    #[test]
    fn a_chunk_longer_than_the_data_is_cut() {
        let mut input = Input::new(b"\x09abc");
        assert_eq!(input.chunk(), b"abc");
        assert_eq!(input.rest(), b"");
    }
}
