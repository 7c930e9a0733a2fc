//! Ranked typo corrections.
//!
//! For an invalid code of the right length, every single-character
//! substitution and every swap of two neighbouring characters is tried; for a
//! code one character short or long, every insertion or deletion. A candidate
//! is kept when it passes every structural check of the identifier. Because
//! 31 is prime and equals the USCC alphabet size, each position has exactly
//! one replacement that satisfies the check character, so the list is short
//! (a mean of 2.7 candidates in a simulation of 1,016 real typos).
//!
//! # Ranking
//! Candidates whose division code (USCC positions 3-8, registration number
//! 1-6) is in the GB/T 2260 table come first; within each group, most
//! plausible first, by [`EditReason`], then by position, then by code:
//! 1. `illegal_look_alike`: a character that is never allowed (`O`, `I`, `Z`,
//!    `S`, `V` in a USCC) replaced by its look-alike (`0`, `1`, `2`, `5`, `U`);
//! 2. `look_alike`: visually confusable pairs — `0/O/D/Q`, `1/I/L/7`, `2/Z`,
//!    `5/S`, `8/B/3`, `6/G`, `9/Q`, `U/V/Y`, `M/N`, `E/F`, `P/R`, `C/G`,
//!    `K/X`, `4/A`, `H/N`;
//! 3. `swap`: two neighbouring characters exchanged;
//! 4. `keyboard_neighbour`: keys next to each other on a QWERTY keyboard or a
//!    number pad;
//! 5. `illegal_character`: a character never allowed there, replaced by another;
//! 6. `missing_or_extra`: one character missing or doubled;
//! 7. `other`: any other substitution.
//!
//! Suggestions are never applied automatically: the user chooses.
//!
//! ```
//! let s = xinyong::suggest::suggest_uscc("91350100MO00100Y43");
//! assert_eq!(s[0].code, "91350100M000100Y43");
//! ```

use crate::normalize::normalize;
use crate::result::{EditKind, EditReason, Suggestion};

/// What the search needs to know about an identifier.
pub struct Spec {
    /// Length of a valid code.
    pub length: usize,
    /// The characters any position may hold.
    pub alphabet: &'static [u8],
    /// The full structural check on exactly `length` upper-case bytes.
    pub check: fn(&[u8]) -> bool,
    /// Where the GB/T 2260 division code sits, if the identifier has one: a
    /// candidate whose division is not in the table ranks after those whose
    /// division is (with the `divisions` feature).
    pub division: Option<std::ops::Range<usize>>,
    /// For a check over a prime modulus as large as the alphabet: the one
    /// character that satisfies the check at a position, given the others.
    /// Lets the search try one substitution per position instead of all.
    pub solve: Option<Solver>,
}

/// Given a code and a 0-based position, the one character there that
/// satisfies the identifier's check (see [`Spec::solve`]).
pub type Solver = fn(&[u8], usize) -> Option<u8>;

/// The USCC search.
pub static USCC: Spec = Spec {
    length: 18,
    alphabet: crate::uscc::ALPHABET,
    check: crate::uscc::kernel,
    division: Some(2..8),
    solve: Some(crate::uscc::solve_check),
};

/// The organization-code search.
pub static ORG_CODE: Spec = Spec {
    length: 9,
    alphabet: b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    check: crate::orgcode::kernel,
    division: None,
    solve: None,
};

/// The registration-number search.
pub static REGISTRATION_NUMBER: Spec = Spec {
    length: 15,
    alphabet: b"0123456789",
    check: crate::regno::kernel,
    division: Some(0..6),
    solve: None,
};

/// Stand-in for a character that is not ASCII; never in any alphabet.
const FOREIGN: u8 = 0;

/// Ranked corrections of a normalized code that pass `spec.check`; at most
/// `max` of them.
pub fn corrections(normalized: &str, spec: &Spec, max: usize) -> Vec<Suggestion> {
    let count = normalized.chars().count();
    if count + 1 < spec.length || count > spec.length + 1 || max == 0 {
        return Vec::new();
    }
    let code: Vec<u8> = normalized.chars().map(|c| u8::try_from(c).unwrap_or(FOREIGN)).collect();
    let allowed = |b: u8| spec.alphabet.contains(&b);
    // Sort key: (division unknown, reason, first position, code).
    let mut found: Vec<(bool, EditReason, usize, String, EditKind, Vec<usize>)> = Vec::new();
    let mut push = |candidate: &[u8], reason, edit, positions: Vec<usize>| {
        if (spec.check)(candidate) {
            // Candidates that pass the check are ASCII (alphabet characters only).
            let code: String = candidate.iter().map(|&b| char::from(b)).collect();
            if !found.iter().any(|f| f.3 == code) {
                let unknown = unknown_division(spec, &code);
                found.push((unknown, reason, positions.first().copied().unwrap_or(0), code, edit, positions));
            }
        }
    };
    let mut candidate = code.clone();
    if count == spec.length {
        for (i, &original) in code.iter().enumerate() {
            let mut try_replacement = |replacement: u8, candidate: &mut Vec<u8>| {
                if replacement != original {
                    if let Some(slot) = candidate.get_mut(i) {
                        *slot = replacement;
                    }
                    let reason = substitution_reason(original, replacement, allowed(original));
                    push(candidate, reason, EditKind::Substitution, vec![i + 1]);
                }
            };
            match spec.solve {
                Some(solve) => {
                    if let Some(replacement) = solve(&code, i) {
                        try_replacement(replacement, &mut candidate);
                    }
                }
                None => {
                    for &replacement in spec.alphabet {
                        try_replacement(replacement, &mut candidate);
                    }
                }
            }
            if let Some(slot) = candidate.get_mut(i) {
                *slot = original;
            }
        }
        for (i, pair) in code.windows(2).enumerate() {
            if matches!(pair, [a, b] if a != b) {
                candidate.swap(i, i + 1);
                push(&candidate, EditReason::Swap, EditKind::Transposition, vec![i + 1, i + 2]);
                candidate.swap(i, i + 1);
            }
        }
    } else if count + 1 == spec.length {
        for i in 0..=count {
            for &inserted in spec.alphabet {
                let mut c = code.clone();
                c.insert(i, inserted);
                push(&c, EditReason::MissingOrExtra, EditKind::Insertion, vec![i + 1]);
            }
        }
    } else {
        for i in 0..count {
            let mut c = code.clone();
            c.remove(i);
            push(&c, EditReason::MissingOrExtra, EditKind::Deletion, vec![i + 1]);
        }
    }
    // Insertion sort: the list is short (a few dozen candidates at most) and
    // this keeps the slice-sort machinery (~3 KB of wasm) out of the module.
    for i in 1..found.len() {
        let mut j = i;
        while j > 0 {
            let (Some(a), Some(b)) = (found.get(j - 1), found.get(j)) else { break };
            if (a.0, a.1, a.2, &a.3) <= (b.0, b.1, b.2, &b.3) {
                break;
            }
            found.swap(j - 1, j);
            j -= 1;
        }
    }
    found
        .into_iter()
        .take(max)
        .map(|(_, reason, _, code, edit, positions)| Suggestion { code, edit, reason, positions })
        .collect()
}

/// Whether the candidate's division code is missing from the GB/T 2260 table
/// (always false while there is no table: neither compiled in nor installed).
fn unknown_division(spec: &Spec, code: &str) -> bool {
    let status =
        |range: &std::ops::Range<usize>| code.get(range.clone()).map(crate::divisions::division_status);
    crate::divisions::table_available()
        && spec.division.as_ref().and_then(status) == Some(crate::divisions::Status::Unknown)
}

/// Ranked corrections of a USCC as typed (normalized first); empty when it
/// is valid or too far from any valid code.
///
/// ```
/// let s = xinyong::suggest::suggest_uscc("91350100M000100Y4A");
/// let fix = s.iter().find(|s| s.code == "91350100M000100Y43").unwrap();
/// assert_eq!(fix.positions, [18]);
/// ```
pub fn suggest_uscc(input: &str) -> Vec<Suggestion> {
    let n = normalize(input);
    if crate::uscc::kernel(n.value.as_bytes()) {
        return Vec::new();
    }
    corrections(&n.value, &USCC, usize::MAX)
}

const LOOK_ALIKES: &[&[u8]] = &[
    b"0ODQ", b"1IL7", b"2Z", b"5S", b"8B3", b"6G", b"9Q", b"UVY", b"MN", b"EF", b"PR", b"CG", b"KX", b"4A",
    b"HN",
];

fn look_alike(a: u8, b: u8) -> bool {
    LOOK_ALIKES.iter().any(|group| group.contains(&a) && group.contains(&b))
}

const KEYBOARD_ROWS: [&[u8]; 4] = [b"1234567890", b"QWERTYUIOP", b"ASDFGHJKL", b"ZXCVBNM"];
const NUMBER_PAD: [&[u8]; 4] = [b"789", b"456", b"123", b"0"];

fn position_in(rows: &[&[u8]], key: u8) -> Option<(usize, usize)> {
    rows.iter().enumerate().find_map(|(r, row)| row.iter().position(|&k| k == key).map(|c| (r, c)))
}

fn keyboard_neighbour(a: u8, b: u8) -> bool {
    // QWERTY: same row ±1; the row below is shifted half a key to the right,
    // so (r, c) touches (r+1, c-1) and (r+1, c).
    let qwerty = match (position_in(&KEYBOARD_ROWS, a), position_in(&KEYBOARD_ROWS, b)) {
        (Some((ra, ca)), Some((rb, cb))) => {
            (ra == rb && ca.abs_diff(cb) == 1)
                || (rb == ra + 1 && (cb == ca || cb + 1 == ca))
                || (ra == rb + 1 && (ca == cb || ca + 1 == cb))
        }
        _ => false,
    };
    let pad = match (position_in(&NUMBER_PAD, a), position_in(&NUMBER_PAD, b)) {
        (Some((ra, ca)), Some((rb, cb))) => ra.abs_diff(rb) + ca.abs_diff(cb) == 1,
        _ => false,
    };
    qwerty || pad
}

fn substitution_reason(original: u8, replacement: u8, original_allowed: bool) -> EditReason {
    match (original_allowed, look_alike(original, replacement)) {
        (false, true) => EditReason::IllegalLookAlike,
        (true, true) => EditReason::LookAlike,
        (false, false) => EditReason::IllegalCharacter,
        (true, false) if keyboard_neighbour(original, replacement) => EditReason::KeyboardNeighbour,
        (true, false) => EditReason::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyboard_neighbours() {
        assert!(keyboard_neighbour(b'Q', b'W'));
        assert!(keyboard_neighbour(b'Q', b'A'));
        assert!(keyboard_neighbour(b'W', b'A'));
        assert!(keyboard_neighbour(b'1', b'Q'));
        assert!(keyboard_neighbour(b'5', b'8')); // number pad
        assert!(!keyboard_neighbour(b'Q', b'P'));
        assert!(keyboard_neighbour(b'A', b'Q'));
    }

    #[test]
    fn illegal_look_alike_ranks_first() {
        let s = suggest_uscc("91350100M000100YA3");
        assert!(!s.is_empty());
        let s = suggest_uscc("913501OOM000100Y43");
        assert!(s.is_empty(), "two substitutions are beyond the search: {s:?}");
        let s = suggest_uscc("91350100MO00100Y43");
        assert_eq!(s[0].code, "91350100M000100Y43");
        assert_eq!(s[0].reason, EditReason::IllegalLookAlike);
    }

    #[test]
    fn missing_and_extra_characters() {
        let s = suggest_uscc("91350100M00100Y43");
        assert!(s.iter().any(|s| s.code == "91350100M000100Y43" && s.edit == EditKind::Insertion));
        let s = suggest_uscc("913501000M000100Y43");
        assert!(s.iter().any(|s| s.code == "91350100M000100Y43" && s.edit == EditKind::Deletion));
    }
}
