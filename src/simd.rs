//! The USCC check on 16 lanes at once, for targets with 128-bit SIMD that is
//! always there: x86-64 (SSE2), AArch64 (NEON) and wasm32 built with
//! `simd128` (the Node build of the npm package; browser builds keep the
//! scalar kernel, since older browsers lack wasm SIMD). Lanes are the
//! portable vectors of the `wide` crate; no `unsafe` here.
//!
//! Positions 1-16 are checked in the vector: upper-casing, membership of the
//! USCC alphabet, the digits of positions 3-8, each character's USCC value
//! (its GB 11714 value minus the letters I, O, S, V skipped before it) and
//! GB 11714 value, and both weighted sums (two dot products). Positions 17
//! and 18 and the authority/entity-type pair are scalar. It answers exactly
//! what `uscc::kernel_scalar` answers; tests/kernels.rs compares them.

use crate::orgcode;
use crate::uscc::{raw_value, INVALID, WEIGHTS};
use wide::{i16x8, i8x16, u8x16};

/// Bytes as signed lanes: every byte at or above 0x80 is negative, so below
/// `'0'` and outside every range tested here.
fn lanes(bytes: &[u8; 16]) -> i8x16 {
    i8x16::new(bytes.map(|b| b as i8))
}

fn splat(c: u8) -> i8x16 {
    i8x16::splat(c as i8)
}

/// `lo <= x <= hi` per lane, as a mask (-1 or 0).
fn within(x: i8x16, lo: u8, hi: u8) -> i8x16 {
    x.simd_gt(splat(lo - 1)) & x.simd_lt(splat(hi + 1))
}

/// USCC weights of positions 1-8 and 9-16, and the GB 11714 weights of the
/// organization code's body (positions 9-16), as 16-bit lanes.
const USCC_LOW: [i16; 8] = eight(&WEIGHTS, 0);
const USCC_HIGH: [i16; 8] = eight(&WEIGHTS, 8);
const ORG: [i16; 8] = eight(&orgcode::WEIGHTS, 0);

/// `weights[from..from + 8]` as 16-bit lanes.
#[allow(clippy::indexing_slicing)] // evaluated at compile time: out of bounds fails the build
const fn eight(weights: &[u32], from: usize) -> [i16; 8] {
    let mut w = [0i16; 8];
    let mut i = 0;
    while i < 8 {
        w[i] = weights[from + i] as i16;
        i += 1;
    }
    w
}

/// The structural check of exactly 18 bytes (upper or lower case): the same
/// answer as the scalar kernel.
pub(crate) fn kernel(code: &[u8; 18]) -> bool {
    let [head @ .., p17, p18] = *code;
    let x = lanes(&head);
    let lower = within(x, b'a', b'z');
    let up = x - (lower & splat(0x20));
    let digit = within(up, b'0', b'9');
    let letter = within(up, b'A', b'Z');
    let excluded = up.simd_eq(splat(b'I'))
        | up.simd_eq(splat(b'O'))
        | up.simd_eq(splat(b'S'))
        | up.simd_eq(splat(b'V'))
        | up.simd_eq(splat(b'Z'));
    let in_alphabet = digit | (letter & !excluded);
    // Digits 0-9, letters 10-35 (GB 11714); other lanes are garbage and
    // rejected through `in_alphabet`, but masked to 0 so sums stay small.
    let gb = ((up - splat(b'0')) - (letter & splat(7))) & in_alphabet;
    // A mask lane is -1: adding it subtracts one per skipped letter.
    let uscc = gb
        + up.simd_gt(splat(b'I'))
        + up.simd_gt(splat(b'O'))
        + up.simd_gt(splat(b'S'))
        + up.simd_gt(splat(b'V'));
    let uscc = uscc & in_alphabet;
    let uscc: u8x16 = bytemuck::cast(uscc);
    let gb: u8x16 = bytemuck::cast(gb);
    let sum = i16x8::from_u8x16_low(uscc).dot(i16x8::new(USCC_LOW))
        + i16x8::from_u8x16_high(uscc).dot(i16x8::new(USCC_HIGH));
    let org_sum = i16x8::from_u8x16_high(gb).dot(i16x8::new(ORG)).reduce_add();
    // Positions 3-8 (lanes 2-7) must be digits; all 16 lanes in the alphabet.
    const DIVISION_LANES: u32 = 0b1111_1100;
    let lanes_ok =
        in_alphabet.to_bitmask() == 0xFFFF && digit.to_bitmask() & DIVISION_LANES == DIVISION_LANES;
    let v17 = raw_value(p17);
    let v18 = raw_value(p18);
    let sum = sum.reduce_add() as u32 + u32::from(v17) * WEIGHTS[16];
    let [a, e, ..] = head;
    lanes_ok
        & (v17 != INVALID)
        & (u32::from(v18) == (31 - sum % 31) % 31)
        & (p17.to_ascii_uppercase() == orgcode::check_of_sum(org_sum as u32))
        & crate::tables::pair_defined(a.to_ascii_uppercase(), e)
}

#[cfg(test)]
mod tests {
    use super::kernel;
    use crate::uscc::kernel_scalar;
    use proptest::prelude::*;

    /// The valid codes of the shared vectors (first column; `#` lines are sources).
    fn valid_codes() -> Vec<[u8; 18]> {
        include_str!("../tests/vectors/uscc-valid.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .skip(1)
            .filter_map(|l| l.split('\t').next()?.as_bytes().try_into().ok())
            .collect()
    }

    fn same(code: &[u8; 18]) {
        assert_eq!(kernel(code), kernel_scalar(code), "{:?}", String::from_utf8_lossy(code));
    }

    /// Every byte value at every position of valid codes: each character
    /// class boundary (digits, both cases, I O S V Z, bytes >= 0x80).
    #[test]
    fn every_byte_at_every_position() {
        let codes = valid_codes();
        assert!(codes.len() > 100);
        for code in codes.iter().take(40) {
            assert!(kernel(code), "{:?}", String::from_utf8_lossy(code));
            for i in 0..18 {
                for b in 0..=255u8 {
                    let mut c = *code;
                    c[i] = b;
                    same(&c);
                }
            }
        }
    }

    fn interesting() -> impl Strategy<Value = u8> {
        prop_oneof![
            4 => prop::sample::select(b"0123456789ABCDEFGHJKLMNPQRTUWXYabcdefghjklmnpqrtuwxyIOSVZiosvz-@[`{/:".to_vec()),
            1 => any::<u8>(),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn agrees_with_the_scalar_kernel(bytes in prop::array::uniform18(interesting())) {
            same(&bytes);
        }

        /// Codes that pass every structural rule but perhaps the checks.
        #[test]
        fn agrees_on_well_formed_codes(
            head in prop::sample::select(b"123456789ANY".to_vec()),
            kind in b'0'..=b'9',
            division in prop::array::uniform6(b'0'..=b'9'),
            rest in prop::array::uniform10(prop::sample::select(b"0123456789ABCDEFGHJKLMNPQRTUWXYx".to_vec())),
        ) {
            let mut c = [0u8; 18];
            c[0] = head;
            c[1] = kind;
            c[2..8].copy_from_slice(&division);
            c[8..].copy_from_slice(&rest);
            same(&c);
            // And with the right USCC check character.
            if let Some(check) = crate::uscc::solve_check(&c, 17) {
                c[17] = check;
                same(&c);
            }
        }
    }
}
