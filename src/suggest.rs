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
//! 1-6) is not in the GB/T 2260 table come last (with the table). Otherwise
//! the most plausible first, by a cost in half-bits that adds how unlikely
//! the typo is to how unlikely the candidate is as a real code (a USCC
//! only; details and sources in docs/suggestions.md):
//! - the typo, by [`EditReason`], likeliest first: `illegal_look_alike` (a
//!   character never allowed, `O`, `I`, `Z`, `S`, `V` in a USCC, replaced by
//!   its look-alike `0`, `1`, `2`, `5`, `U`); `swap` (two neighbouring
//!   characters exchanged); `look_alike` (visually confusable pairs —
//!   `0/O/D/Q`, `1/I/L/7`, `2/Z`, `5/S`, `8/B/3`, `6/G`, `9/Q`, `U/V/Y`, `M/N`,
//!   `E/F`, `P/R`, `C/G`, `K/X`, `4/A`, `H/N`); `keyboard_neighbour` (keys next
//!   to each other on a QWERTY keyboard or a number pad); `illegal_character`
//!   and `missing_or_extra`; `other` (any other substitution);
//! - the code ([`uscc_prior_cost`]): its registration authority and entity
//!   type by how many entities hold them (market-regulation enterprises and
//!   individual businesses are the great majority; trade unions, foreign
//!   news agencies, the army are rare), its division (current codes before
//!   abolished or grouping ones; without the table, a known province and
//!   prefecture), its organization-code body (8 digits or the `MA` series
//!   before other shapes).
//!
//! On equal cost a new check character comes first, then the earlier
//! position. Measured on single typos of the real codes in the test vectors
//! (tests/suggest_quality.rs): the real code is first for 94% and in the top
//! three for 99.8%.
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
    /// How implausible a candidate is as a real code, in half-bits, given
    /// its division's status in the table (`None` without a table); see
    /// [`uscc_prior_cost`]. `None` ranks by the typo alone.
    pub prior: Option<Prior>,
}

/// Given a code and a 0-based position, the one character there that
/// satisfies the identifier's check (see [`Spec::solve`]).
pub type Solver = fn(&[u8], usize) -> Option<u8>;

/// How implausible a candidate is as a real code (see [`Spec::prior`]).
pub type Prior = fn(&[u8], Option<crate::divisions::Status>) -> u32;

/// The USCC search.
pub static USCC: Spec = Spec {
    length: 18,
    alphabet: crate::uscc::ALPHABET,
    check: crate::uscc::kernel,
    division: Some(2..8),
    solve: Some(crate::uscc::solve_check),
    prior: Some(uscc_prior_cost),
};

/// The organization-code search.
pub static ORG_CODE: Spec = Spec {
    length: 9,
    alphabet: b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    check: crate::orgcode::kernel,
    division: None,
    solve: None,
    prior: None,
};

/// The registration-number search.
pub static REGISTRATION_NUMBER: Spec = Spec {
    length: 15,
    alphabet: b"0123456789",
    check: crate::regno::kernel,
    division: Some(0..6),
    solve: None,
    prior: None,
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
    // Sort key: (division unknown, cost, not the check character, first
    // position, code), where the cost adds how unlikely the typo is to how
    // unlikely the candidate is as a real code (both in half-bits). On equal
    // cost a new check character comes first (docs/suggestions.md).
    type Found = (bool, u32, bool, usize, String, EditKind, Vec<usize>, EditReason);
    let mut found: Vec<Found> = Vec::new();
    let mut push = |candidate: &[u8], reason: EditReason, edit, positions: Vec<usize>| {
        if (spec.check)(candidate) {
            // Candidates that pass the check are ASCII (alphabet characters only).
            let code: String = candidate.iter().map(|&b| char::from(b)).collect();
            if !found.iter().any(|f| f.4 == code) {
                let division = division_status(spec, &code);
                let unknown = division == Some(crate::divisions::Status::Unknown);
                let cost = typo_cost(reason) + spec.prior.map_or(0, |prior| prior(candidate, division));
                let first = positions.first().copied().unwrap_or(0);
                let elsewhere = !(edit == EditKind::Substitution && first == spec.length);
                found.push((unknown, cost, elsewhere, first, code, edit, positions, reason));
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
            if (a.0, a.1, a.2, a.3, &a.4) <= (b.0, b.1, b.2, b.3, &b.4) {
                break;
            }
            found.swap(j - 1, j);
            j -= 1;
        }
    }
    found
        .into_iter()
        .take(max)
        .map(|(_, _, _, _, code, edit, positions, reason)| Suggestion { code, edit, reason, positions })
        .collect()
}

/// The status of the candidate's division code in the GB/T 2260 table, or
/// `None` while that code's province has no table (neither the whole table,
/// compiled in or installed, nor its province blob:
/// [`crate::divisions::table_available_for`]). So, with only some provinces
/// installed, candidates of those provinces are ranked by division status and
/// the others by division shape, as with no table.
fn division_status(spec: &Spec, code: &str) -> Option<crate::divisions::Status> {
    let division = code.get(spec.division.clone()?)?;
    crate::divisions::table_available_for(division).then(|| crate::divisions::division_status(division))
}

/// How unlikely a kind of typo is, in half-bits (`2·log2` of how much rarer
/// it is than the likeliest): an illegal character for its look-alike is the
/// likeliest; a swap of neighbours is one specific edit among 17, an
/// arbitrary substitution one among 540 (5 bits apart); look-alikes and
/// keyboard neighbours lie between. See docs/suggestions.md.
fn typo_cost(reason: EditReason) -> u32 {
    match reason {
        EditReason::IllegalLookAlike => 0,
        EditReason::Swap => 2,
        EditReason::LookAlike => 4,
        EditReason::KeyboardNeighbour => 6,
        EditReason::IllegalCharacter | EditReason::MissingOrExtra => 8,
        EditReason::Other => 12,
    }
}

/// `2·log2(count)` rounded down: half-bits.
const fn half_bits(count: u32) -> u32 {
    (count as u64 * count as u64).ilog2()
}

/// Registered entities per authority and type (USCC positions 1-2), in
/// thousands: public counts where they exist, else estimates; a pair not
/// listed counts 1. Sources in docs/suggestions.md.
#[rustfmt::skip]
const ENTITIES: &[([u8; 2], u32)] = &[
    (*b"92", 107_000), // 个体工商户, SAMR, May 2022
    (*b"91", 50_119),  // 企业, SAMR, May 2022
    (*b"93", 2_227),   // 农民专业合作社, SAMR, May 2022
    (*b"81", 2_476),   // 基层工会组织, ACFTU, 2020 (an upper bound)
    (*b"12", 1_110),   // 事业单位, the count quoted for the 2011 reform (unchecked)
    (*b"N2", 560),     // 村级集体经济组织 (estimate)
    (*b"52", 512),     // 民办非企业单位, end of 2022
    (*b"51", 370),     // 社会团体, end of 2022
    (*b"11", 250),     // 机关 (estimate)
    (*b"N1", 250),     // 组级集体经济组织 (estimate)
    (*b"71", 144),     // 宗教活动场所, 2018 white paper
    (*b"31", 38),      // 律师事务所, Ministry of Justice, end of 2022
    (*b"33", 13),      // 基层法律服务机构, Ministry of Justice, end of 2022
    (*b"19", 10),      // 其他机构编制 (estimate)
    (*b"N3", 10),      // 乡镇级集体经济组织 (estimate)
    (*b"53", 9),       // 基金会, end of 2022
    (*b"32", 3),       // 公证处 (estimate)
    (*b"34", 3),       // 司法鉴定机构 (estimate)
];

/// The half-bits of the most common pair, 92.
const MOST_COMMON: u32 = half_bits(107_000);

/// How implausible an 18-character candidate is as a real USCC, in
/// half-bits: its authority and entity type (by how many entities hold
/// each), its division (abolished or grouping codes, or no province at all
/// without the table) and the shape of its organization-code body (8 digits,
/// or `M` and a letter as in the series assigned since 2015).
pub fn uscc_prior_cost(code: &[u8], division: Option<crate::divisions::Status>) -> u32 {
    let [authority, entity_type, d1, d2, d3, d4, d5, d6, body @ ..] = code else { return 0 };
    let count = ENTITIES.iter().find(|e| e.0 == [*authority, *entity_type]).map_or(1, |e| e.1);
    let pair = MOST_COMMON.saturating_sub(half_bits(count));
    let division_cost = match division {
        Some(status) => status_cost(status),
        None => shape_cost(&[*d1, *d2, *d3, *d4, *d5, *d6]),
    };
    pair + division_cost + body_cost(body.get(..8).unwrap_or_default())
}

/// Division plausibility from the table: abolished, grouping and special
/// codes are rarer than current ones, unknown ones rarest (and ranked last
/// anyway).
fn status_cost(status: crate::divisions::Status) -> u32 {
    use crate::divisions::Status;
    match status {
        Status::Current | Status::Renamed => 0,
        Status::Abolished | Status::Grouping => 4,
        Status::Special => 8,
        Status::Unknown => 16,
    }
}

/// [`status_cost`] without the table: the province and prefecture parts
/// must be ones the table has ([`PREFECTURES`]) and the county part in its
/// usual ranges.
fn shape_cost(division: &[u8; 6]) -> u32 {
    let [a, b, c, d, e, f] = *division;
    let pair = |x: u8, y: u8| x.wrapping_sub(b'0').wrapping_mul(10).wrapping_add(y.wrapping_sub(b'0'));
    let (province, part, county) = (pair(a, b), pair(c, d), pair(e, f));
    let Some(&(_, cities, regions)) = PREFECTURES.iter().find(|p| p.0 == province) else { return 24 };
    let prefecture = match (province, part) {
        (_, 0 | 90) | (44, 51..=53) | (65, 40..=43) => 0,
        _ if part <= cities || (21..=regions).contains(&part) => 0,
        _ => 12,
    };
    // The ranges the table's county parts fall in.
    let county = match county {
        0..=43 | 51..=64 | 81..=88 => 0,
        _ => 6,
    };
    let national = if province == 10 { 8 } else { 0 };
    national + prefecture + county
}

/// Per province (the first two digits of a division code): the last city
/// part (`01..=n`) and the last prefecture-level region part (`21..=m`) in
/// the GB/T 2260 table (data/divisions.tsv, all years), for ranking without
/// the table. Besides these, `90` (county-level units under the province)
/// and Guangdong's 51-53 and Xinjiang's 40-43 occur.
#[rustfmt::skip]
const PREFECTURES: &[(u8, u8, u8)] = &[
    (10, 0, 0), (11, 2, 0), (12, 2, 0), (13, 11, 30), (14, 11, 27), (15, 9, 29), (21, 14, 22), (22, 8, 26),
    (23, 12, 27), (31, 2, 0), (32, 13, 27), (33, 11, 28), (34, 18, 29), (35, 9, 27), (36, 11, 26), (37, 17, 29),
    (41, 17, 30), (42, 13, 29), (43, 13, 31), (44, 29, 0), (45, 14, 28), (46, 4, 0), (50, 3, 0), (51, 39, 0),
    (52, 6, 27), (53, 9, 35), (54, 6, 27), (61, 10, 27), (62, 12, 30), (63, 2, 28), (64, 5, 22), (65, 5, 32),
    (71, 0, 0), (81, 0, 0), (82, 0, 0),
];

/// Organization-code body shape: 8 digits (codes assigned before 2015) or
/// `M`, a letter and a digit (the series assigned since, `MA1…`) are the
/// common shapes; `M` and a digit (Fujian pilot) or any other letter pattern
/// are rarer.
fn body_cost(body: &[u8]) -> u32 {
    match body {
        _ if body.iter().all(u8::is_ascii_digit) => 0,
        [b'M', b'A', third, ..] if third.is_ascii_digit() => 0,
        [b'M', second, ..] if second.is_ascii_uppercase() => 4,
        [b'M', ..] => 6,
        _ => 10,
    }
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
    fn the_issue_examples_rank_the_real_fix_first() {
        // Issue 18: the check character typed wrong. Before, 21350100M000100Y4A
        // (authority 2, a foreign news agency) came first and the fix third.
        let s = suggest_uscc("91350100M000100Y4A");
        assert_eq!(s[0].code, "91350100M000100Y43", "{s:?}");
        assert_eq!(s[0].positions, [18]);
        // Before, 81350100M000100Y44 (a trade union) came first.
        let s = suggest_uscc("91350100M000100Y44");
        assert!(!s.is_empty());
        assert_ne!(s[0].code.as_bytes()[0], b'8', "{s:?}");
        assert_eq!(&s[0].code[..2], "91", "{s:?}");
    }

    #[test]
    fn priors_order_authorities_divisions_and_bodies() {
        let status = |code: &str| crate::divisions::division_status(&code[2..8]);
        let with_table = |code: &str| crate::divisions::table_available_for(&code[2..8]);
        let cost = |code: &str| uscc_prior_cost(code.as_bytes(), with_table(code).then(|| status(code)));
        // Enterprises and individual businesses are the common kinds; a
        // trade union, a foreign news agency, the army are rarer, in order.
        assert!(cost("92350100M000100Y43") <= cost("91350100M000100Y43"));
        assert!(cost("91350100M000100Y43") < cost("93350100M000100Y43"));
        assert!(cost("93350100M000100Y43") < cost("51350100M000100Y43"));
        assert!(cost("81350100M000100Y43") < cost("51350100M000100Y43"));
        assert!(cost("51350100M000100Y43") < cost("21350100M000100Y43"));
        assert_eq!(cost("21350100M000100Y43"), cost("A1350100M000100Y43"));
        // Bodies: digits or the MA series; an M series of another letter, a
        // pilot-era M-and-digit, anything else are rarer.
        assert_eq!(cost("913501000783774490"), cost("91350100MA2PBM9H00"));
        assert!(cost("91350100MA2PBM9H00") < cost("91350100MB2PBM9H00"));
        assert!(cost("91350100MB2PBM9H00") < cost("91350100M0001TGQ00"));
        assert!(cost("91350100M0001TGQ00") < cost("91350100XA2PBM9H00"));
        // No province 99.
        assert!(cost("91350100MA2PBM9H00") < cost("91990100MA2PBM9H00"));
    }

    #[test]
    fn typo_costs_follow_the_reasons() {
        let order = [
            EditReason::IllegalLookAlike,
            EditReason::Swap,
            EditReason::LookAlike,
            EditReason::KeyboardNeighbour,
            EditReason::IllegalCharacter,
            EditReason::Other,
        ];
        assert!(order.windows(2).all(|w| typo_cost(w[0]) < typo_cost(w[1])));
    }

    #[test]
    fn missing_and_extra_characters() {
        let s = suggest_uscc("91350100M00100Y43");
        assert!(s.iter().any(|s| s.code == "91350100M000100Y43" && s.edit == EditKind::Insertion));
        let s = suggest_uscc("913501000M000100Y43");
        assert!(s.iter().any(|s| s.code == "91350100M000100Y43" && s.edit == EditKind::Deletion));
    }
}
