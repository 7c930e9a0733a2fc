//! Differential test: a deliberately simple, independent implementation of
//! the USCC rules (GB 32100-2015 check character, the GB 11714 organization
//! code in positions 9-17, the authority/entity-type table, digits in the
//! division code), written from `shared/domain/uscc.md` and sharing no code
//! with the crate, against the crate on generated strings: valid codes,
//! single and double mutations, random junk, full-width and mixed-case
//! variants. Any disagreement fails the test with the input.
//!
//! The default run checks 200,000 cases (a few seconds in a debug build);
//! `cargo test --release --test differential -- --ignored` runs a million.

/// The reference implementation. Slow and obvious on purpose.
mod reference {
    pub const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// uscc.md, "Registration authority (position 1) and entity type (position 2)".
    pub const TYPES: &[(char, &str)] = &[
        ('1', "1239"),
        ('2', "19"),
        ('3', "123459"),
        ('4', "19"),
        ('5', "1239"),
        ('6', "129"),
        ('7', "129"),
        ('8', "19"),
        ('9', "123"),
        ('A', "19"),
        ('N', "1239"),
        ('Y', "1"),
    ];

    /// What the generator produces needs only this much normalization:
    /// full-width forms to ASCII, lower to upper case, spaces (also U+3000)
    /// and hyphens removed.
    pub fn normalize(input: &str) -> String {
        let mut out = String::new();
        for c in input.chars() {
            let c = if ('\u{FF01}'..='\u{FF5E}').contains(&c) {
                char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap()
            } else {
                c
            };
            if c == ' ' || c == '-' || c == '\u{3000}' {
                continue;
            }
            out.push(c.to_ascii_uppercase());
        }
        out
    }

    pub fn uscc_value(c: char) -> Option<u32> {
        ALPHABET.chars().position(|a| a == c).map(|p| p as u32)
    }

    /// `C18 = (31 - sum(C_i * 3^(i-1) mod 31) mod 31) mod 31`.
    pub fn uscc_check(first17: &[char]) -> Option<char> {
        let mut sum = 0;
        let mut weight = 1;
        for &c in first17 {
            sum += uscc_value(c)? * weight;
            weight = weight * 3 % 31;
        }
        let check = (31 - sum % 31) % 31;
        ALPHABET.chars().nth(check as usize)
    }

    /// GB 11714: body values 0-9, A=10 .. Z=35; weights 3 7 9 10 5 8 4 2;
    /// `C9 = 11 - sum mod 11`, 10 written X, 11 written 0.
    pub fn org_check(body: &[char]) -> Option<char> {
        let weights = [3, 7, 9, 10, 5, 8, 4, 2];
        if body.len() != 8 {
            return None;
        }
        let mut sum = 0;
        for (c, w) in body.iter().zip(weights) {
            let v = match c {
                '0'..='9' => *c as u32 - '0' as u32,
                'A'..='Z' => *c as u32 - 'A' as u32 + 10,
                _ => return None,
            };
            sum += v * w;
        }
        Some(match 11 - sum % 11 {
            10 => 'X',
            11 => '0',
            d => char::from_digit(d, 10).unwrap(),
        })
    }

    pub fn org_valid(code: &str) -> bool {
        let c: Vec<char> = normalize(code).chars().collect();
        c.len() == 9 && org_check(&c[..8]) == Some(c[8])
    }

    pub fn uscc_valid(input: &str) -> bool {
        let c: Vec<char> = normalize(input).chars().collect();
        if c.len() != 18 || !c.iter().all(|&x| uscc_value(x).is_some()) {
            return false;
        }
        let type_ok = TYPES.iter().any(|&(a, types)| a == c[0] && types.contains(c[1]));
        let division_ok = c[2..8].iter().all(|x| x.is_ascii_digit());
        let org_ok = org_check(&c[8..16]) == Some(c[16]);
        type_ok && division_ok && org_ok && uscc_check(&c[..17]) == Some(c[17])
    }
}

/// SplitMix64: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick(&mut self, s: &[char]) -> char {
        s[self.below(s.len())]
    }
}

/// Characters mutations draw from: the alphabet, the five letters it never
/// uses, lower case, separators, full-width forms and a few others.
const POOL: &[char] = &[
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L',
    'M', 'N', 'P', 'Q', 'R', 'T', 'U', 'W', 'X', 'Y', 'I', 'O', 'S', 'V', 'Z', 'a', 'b', 'c', 'x', 'y', 'z',
    'i', 'o', 's', ' ', '-', '０', '９', 'Ａ', 'Ｍ', 'Ｙ', 'ｍ', '－', '\u{3000}', '中', 'é', '#', '.',
];
const DIGITS: &[char] = &['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

fn valid_code(rng: &mut Rng) -> String {
    let (authority, types) = reference::TYPES[rng.below(reference::TYPES.len())];
    let types: Vec<char> = types.chars().collect();
    let mut c = vec![authority, rng.pick(&types)];
    for _ in 0..6 {
        c.push(rng.pick(DIGITS));
    }
    for _ in 0..8 {
        c.push(rng.pick(&POOL[..31]));
    }
    c.push(reference::org_check(&c[8..16]).unwrap());
    c.push(reference::uscc_check(&c).unwrap());
    c.into_iter().collect()
}

fn mutate(rng: &mut Rng, s: &str) -> String {
    let mut c: Vec<char> = s.chars().collect();
    match rng.below(4) {
        0 if !c.is_empty() => {
            let i = rng.below(c.len());
            c[i] = rng.pick(POOL);
        }
        1 if c.len() >= 2 => {
            let i = rng.below(c.len() - 1);
            c.swap(i, i + 1);
        }
        2 => {
            let i = rng.below(c.len() + 1);
            c.insert(i, rng.pick(POOL));
        }
        _ if !c.is_empty() => {
            let i = rng.below(c.len());
            c.remove(i);
        }
        _ => c.push(rng.pick(POOL)),
    }
    c.into_iter().collect()
}

fn junk(rng: &mut Rng) -> String {
    let len = rng.below(24);
    (0..len).map(|_| rng.pick(POOL)).collect()
}

/// Full-width, lower-case, spaced or hyphenated forms of the same text.
fn variant(rng: &mut Rng, s: &str) -> String {
    let kind = rng.below(4);
    let mut out = String::new();
    for c in s.chars() {
        let change = rng.below(2) == 0;
        match kind {
            0 if change && c.is_ascii_graphic() => {
                out.push(char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap())
            }
            1 if change => out.push(c.to_ascii_lowercase()),
            2 if rng.below(6) == 0 => {
                out.push(c);
                out.push([' ', '-', '\u{3000}', '－'][rng.below(4)]);
            }
            _ => out.push(c),
        }
    }
    out
}

fn case(rng: &mut Rng) -> String {
    let base = valid_code(rng);
    let s = match rng.below(10) {
        0 | 1 => base,
        2..=4 => mutate(rng, &base),
        5 | 6 => {
            let once = mutate(rng, &base);
            mutate(rng, &once)
        }
        7 => junk(rng),
        _ => {
            let m = if rng.below(2) == 0 { base } else { mutate(rng, &base) };
            variant(rng, &m)
        }
    };
    if rng.below(8) == 0 {
        variant(rng, &s)
    } else {
        s
    }
}

fn run(cases: usize) {
    let mut rng = Rng(0x5EED_2015_3210_0001);
    let options = xinyong::ValidateOptions { suggestions: false, ..xinyong::ValidateOptions::default() };
    let (mut valid, mut disagreements) = (0usize, Vec::new());
    for _ in 0..cases {
        let s = case(&mut rng);
        let expected = reference::uscc_valid(&s);
        valid += usize::from(expected);
        let fast = xinyong::uscc::is_valid(&s);
        let full = xinyong::uscc::validate_with(&s, &options);
        let mut agree = fast == expected && full.valid == expected;
        let n: Vec<char> = full.normalized.chars().collect();
        agree &= full.normalized == reference::normalize(&s);
        if n.len() == 18 {
            let org: String = n[8..17].iter().collect();
            agree &= xinyong::orgcode::is_valid(&org) == reference::org_valid(&org);
        }
        if n.len() >= 17 {
            let first17: String = n[..17].iter().collect();
            agree &= xinyong::uscc::check_char(&first17).ok() == reference::uscc_check(&n[..17]);
        }
        if !agree && disagreements.len() < 20 {
            disagreements
                .push(format!("{s:?}: reference {expected}, isValid {fast}, validate {}", full.valid));
        }
    }
    // The generator must exercise both outcomes substantially.
    assert!(valid > cases / 5 && valid < cases * 4 / 5, "{valid} valid of {cases}");
    assert!(disagreements.is_empty(), "disagreements:\n{}", disagreements.join("\n"));
    eprintln!("differential: {cases} cases, {valid} valid, 0 disagreements");
}

#[test]
fn crate_agrees_with_reference() {
    run(200_000);
}

#[test]
#[ignore = "a million cases: cargo test --release --test differential -- --ignored"]
fn crate_agrees_with_reference_million() {
    run(1_000_000);
}

#[test]
fn reference_knows_the_worked_examples() {
    assert!(reference::uscc_valid("91350100M000100Y43"));
    assert!(reference::uscc_valid("531000005000160090"));
    assert!(reference::uscc_valid("９１３５０１００ｍ０００１００ｙ４３"));
    assert!(!reference::uscc_valid("91350100M000100Y4A"));
    assert!(reference::org_valid("D2143569-X"));
}
