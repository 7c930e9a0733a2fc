//! The division-table blob parser and decoder (`divisions::install`'s input,
//! the browser's `installDivisions`): never panics. The first byte picks the
//! mode: even, the rest is the blob; odd, the rest is a list of patches
//! (2-byte offset, 1-byte XOR) applied to the real blob, which reaches the
//! decoder behind the header checks.
#![no_main]
use libfuzzer_sys::fuzz_target;
use xinyong::divisions::{decode_all, embedded_blob, BlobError};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let blob = match embedded_blob() {
        Some(real) if mode & 1 == 1 => {
            let mut blob = real.to_vec();
            for patch in rest.chunks_exact(3) {
                let at = usize::from(u16::from_le_bytes([patch[0], patch[1]])) * 7 % blob.len();
                blob[at] ^= patch[2];
            }
            blob
        }
        _ => rest.to_vec(),
    };
    match decode_all(&blob) {
        Ok(rows) => assert!(rows <= usize::from(u16::MAX)),
        Err(e) => {
            assert!(!e.to_string().is_empty() && !e.message().zh_hans.is_empty());
            if blob.len() < 4 {
                assert_eq!(e, BlobError::NotATable);
            }
        }
    }
});
