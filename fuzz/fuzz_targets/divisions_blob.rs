//! The division-table blob parser and decoder (`divisions::install`'s input,
//! the browser's `installDivisions`): never panics. The first byte picks the
//! mode: even, the rest is the blob; odd, the rest is a list of patches
//! (2-byte offset, 1-byte XOR) applied to the real blob, which reaches the
//! decoder behind the header checks. Province blobs (`divisions/NN.bin`, same
//! format with a SCOPE section) come in through the seeds (fuzz/seed.mjs).
//! `install` takes exactly the blobs the decoder takes (with the table compiled
//! in, as here, an accepted blob changes nothing).
#![no_main]
use libfuzzer_sys::fuzz_target;
use xinyong::divisions::{decode_all, embedded_blob, install, BlobError};

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
    let decoded = decode_all(&blob);
    assert_eq!(install(blob.clone()).err(), decoded.err());
    match decoded {
        Ok(rows) => assert!(rows <= usize::from(u16::MAX)),
        Err(e) => {
            assert!(!e.to_string().is_empty() && !e.message().zh_hans.is_empty());
            if blob.len() < 4 {
                assert_eq!(e, BlobError::NotATable);
            }
        }
    }
});
