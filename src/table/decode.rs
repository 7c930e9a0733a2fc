//! The decoders of the text reader: encoding_rs with the `gbk` feature
//! (default); without it (a browser module that decodes GBK with the
//! browser's own `TextDecoder('gb18030')` and keeps ~150 KB gzip of tables
//! out of its wasm), UTF-8 and UTF-16 only, and GBK input is an error.

#[cfg(not(feature = "gbk"))]
use super::{TableError, TableErrorKind};
use std::io;

/// A streaming decoder to UTF-8, with U+FFFD for invalid input.
#[cfg(feature = "gbk")]
pub(crate) struct Dec(encoding_rs::Decoder);

#[cfg(feature = "gbk")]
impl Dec {
    pub(crate) fn utf8() -> Self {
        Dec(encoding_rs::UTF_8.new_decoder_without_bom_handling())
    }

    pub(crate) fn utf16(little_endian: bool) -> Self {
        let e = if little_endian { encoding_rs::UTF_16LE } else { encoding_rs::UTF_16BE };
        Dec(e.new_decoder_without_bom_handling())
    }

    pub(crate) fn gbk() -> Self {
        Dec(encoding_rs::GB18030.new_decoder_without_bom_handling())
    }

    /// Decodes `src` onto `out` (`last`: the end of the input; the decoder
    /// is not used after that); returns the bytes of `src` read.
    pub(crate) fn decode(&mut self, src: &[u8], out: &mut Vec<u8>, last: bool) -> io::Result<usize> {
        let room = self.0.max_utf8_buffer_length(src.len()).unwrap_or(src.len() * 3 + 16);
        let start = out.len();
        out.resize(start + room, 0);
        let (_, read, written, _) =
            self.0.decode_to_utf8(src, out.get_mut(start..).unwrap_or_default(), last);
        out.truncate(start + written);
        Ok(read)
    }
}

/// A streaming decoder to UTF-8, with U+FFFD for invalid input.
#[cfg(not(feature = "gbk"))]
pub(crate) enum Dec {
    Utf8(Vec<u8>),
    Utf16(bool, Vec<u8>),
    Gbk,
}

#[cfg(not(feature = "gbk"))]
impl Dec {
    pub(crate) fn utf8() -> Self {
        Dec::Utf8(Vec::new())
    }

    pub(crate) fn utf16(little_endian: bool) -> Self {
        Dec::Utf16(little_endian, Vec::new())
    }

    pub(crate) fn gbk() -> Self {
        Dec::Gbk
    }

    /// Decodes `src` onto `out` (`last`: the end of the input); returns the
    /// bytes of `src` read (all of them: incomplete sequences are kept here).
    pub(crate) fn decode(&mut self, src: &[u8], out: &mut Vec<u8>, last: bool) -> io::Result<usize> {
        const REPLACEMENT: &[u8] = "\u{FFFD}".as_bytes();
        match self {
            Dec::Gbk => Err(io::Error::other(TableError::new(
                TableErrorKind::Encoding,
                "输入是 GBK 编码，此版本只读 UTF-8 和 UTF-16：请先转换为 UTF-8",
                "輸入是 GBK 編碼，此版本只讀 UTF-8 和 UTF-16：請先轉換為 UTF-8",
                "the input is GBK, and this build reads UTF-8 and UTF-16 only: convert it to UTF-8 first",
            ))),
            Dec::Utf8(pending) => {
                pending.extend_from_slice(src);
                let mut at = 0;
                loop {
                    let rest = pending.get(at..).unwrap_or_default();
                    match std::str::from_utf8(rest) {
                        Ok(s) => {
                            out.extend_from_slice(s.as_bytes());
                            at = pending.len();
                            break;
                        }
                        Err(e) => {
                            out.extend_from_slice(rest.get(..e.valid_up_to()).unwrap_or_default());
                            at += e.valid_up_to();
                            match e.error_len() {
                                Some(n) => {
                                    out.extend_from_slice(REPLACEMENT);
                                    at += n;
                                }
                                None if last => {
                                    out.extend_from_slice(REPLACEMENT);
                                    at = pending.len();
                                    break;
                                }
                                None => break,
                            }
                        }
                    }
                }
                pending.drain(..at.min(pending.len()));
                Ok(src.len())
            }
            Dec::Utf16(little_endian, pending) => {
                pending.extend_from_slice(src);
                let unit = |pair: &[u8]| match (pair, *little_endian) {
                    ([a, b], true) => u16::from_le_bytes([*a, *b]),
                    ([a, b], false) => u16::from_be_bytes([*a, *b]),
                    _ => 0xFFFD,
                };
                let mut units: Vec<u16> = pending.chunks_exact(2).map(unit).collect();
                let mut keep = pending.len() % 2;
                if !last && units.last().is_some_and(|u| (0xD800..0xDC00).contains(u)) {
                    units.pop(); // a high surrogate waits for its pair
                    keep += 2;
                }
                for c in char::decode_utf16(units) {
                    let c = c.unwrap_or(char::REPLACEMENT_CHARACTER);
                    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                }
                if last && keep > 0 {
                    out.extend_from_slice(REPLACEMENT);
                    keep = 0;
                }
                let done = pending.len() - keep;
                pending.drain(..done);
                Ok(src.len())
            }
        }
    }
}
