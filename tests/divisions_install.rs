//! The division table installed at run time (`xinyong::divisions::install`,
//! the browser's `installDivisions`). Run in both configurations:
//! `cargo test --test divisions_install` (table compiled in: installing is a
//! no-op) and `cargo test --no-default-features --features divisions-runtime --test divisions_install`
//! (no table until the test installs `$OUT_DIR/divisions.bin`). Either way
//! the same checks against `data/divisions.tsv` and the hand-written vectors
//! follow, so the installed table answers as the compiled-in one.
//! One test function installs: the table is process-wide state.
//! Needs `divisions-runtime` (implied by `divisions`):
//! `cargo test --no-default-features --features divisions-runtime --test divisions_install`.
#![cfg(feature = "divisions-runtime")]

use xinyong::divisions::{division, division_status, install, rows, BlobError, Status, UnknownReason};
use xinyong::{regno, uscc};

const BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/divisions.bin"));
const TSV: &str = include_str!("../data/divisions.tsv");
const VECTORS: &str = include_str!("vectors/divisions.tsv");

fn year(s: &str) -> Option<u16> {
    if s.is_empty() {
        None
    } else {
        Some(s.parse().unwrap())
    }
}

/// Every prefix of the blob shorter than the whole, and the header with each
/// byte changed, is refused with a typed error (no panic, nothing installed).
fn refuses_damaged_blobs() {
    for n in 0..BLOB.len().min(400) {
        let e = install(BLOB[..n].to_vec()).unwrap_err();
        assert!(matches!(e, BlobError::NotATable | BlobError::Truncated), "prefix {n}: {e:?}");
    }
    for n in [BLOB.len() / 2, BLOB.len() - 1] {
        assert_eq!(install(BLOB[..n].to_vec()), Err(BlobError::Truncated), "prefix {n}");
    }
    let mut longer = BLOB.to_vec();
    longer.push(0);
    assert_eq!(install(longer), Err(BlobError::Malformed));
    // Magic, version, counts, section count and lengths: 4 + 1 + 7 + 20 * 4 bytes.
    for i in 0..92 {
        let mut bad = BLOB.to_vec();
        bad[i] ^= 0x5a;
        let e = install(bad).unwrap_err();
        match i {
            0..=3 => assert_eq!(e, BlobError::NotATable),
            4 => assert_eq!(e, BlobError::Version(BLOB[4] ^ 0x5a)),
            _ => assert!(matches!(e, BlobError::Malformed | BlobError::Truncated), "byte {i}: {e:?}"),
        }
        assert!(!e.message().zh_hans.is_empty() && !e.to_string().is_empty());
    }
}

#[test]
fn installed_table_answers_like_the_compiled_in_one() {
    let embedded = cfg!(feature = "divisions");
    if !embedded {
        let d = division("451102");
        assert_eq!(d.reason, Some(UnknownReason::TableUnavailable));
        assert_eq!(rows().count(), 0);
        assert!(uscc::validate("91350100M000100Y43").parts.division.is_none());
    }
    refuses_damaged_blobs();
    if !embedded {
        assert_eq!(
            division("451102").reason,
            Some(UnknownReason::TableUnavailable),
            "refused blobs install nothing"
        );
    }
    install(BLOB.to_vec()).unwrap();
    install(BLOB.to_vec()).unwrap(); // a second install is a no-op
    install(BLOB[..BLOB.len() - 1].to_vec()).unwrap_err(); // still checked

    // Every TSV row, through rows() and through the public lookup.
    let mut lines = TSV.lines();
    lines.next();
    let tsv: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    let table: Vec<_> = rows().collect();
    assert_eq!(table.len(), tsv.len());
    let mut by_code: std::collections::BTreeMap<&str, Vec<&Vec<&str>>> = Default::default();
    for (f, row) in tsv.iter().zip(&table) {
        assert_eq!((row.code.as_str(), row.name.as_str()), (f[0], f[1]));
        assert_eq!((row.valid_from, row.valid_to), (year(f[3]), year(f[4])), "{}", f[0]);
        assert_eq!((row.province.as_str(), row.note, row.source), (f[5], f[6], f[7]), "{}", f[0]);
        by_code.entry(f[0]).or_default().push(f);
    }
    for (code, fs) in &by_code {
        let d = division(code);
        assert_ne!(d.status, Status::Unknown, "{code}");
        assert_eq!(division_status(code), d.status, "{code}");
        let names: Vec<&str> = d.history.iter().map(|h| h.name.zh_hans.as_str()).collect();
        let want: Vec<&str> = fs.iter().map(|f| f[1]).collect();
        assert_eq!(names, want, "{code}");
    }

    // The hand-written division vectors.
    for line in VECTORS.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let d = division(f[0]);
        assert_eq!(serde_json::to_value(d.status).unwrap(), f[1], "{}", f[0]);
        let full = d.full_name.as_ref();
        if f[3] != "-" {
            assert_eq!(full.map(|n| n.zh_hans.as_str()), Some(f[3]), "{}", f[0]);
        }
        if f[4] != "-" {
            assert_eq!(full.map(|n| n.zh_hant.as_str()), Some(f[4]), "{}", f[0]);
        }
    }

    // Names and warnings in identifier results.
    let r = uscc::validate("91350100M000100Y43");
    let full = r.parts.division.as_ref().and_then(|d| d.full_name.as_ref()).unwrap();
    assert_eq!(full.zh_hans, "福建省福州市");
    let parts = |division: &str| uscc::UsccParts {
        authority: "9".into(),
        entity_type: "1".into(),
        division: division.into(),
        org_body: "MA1FL0LY".into(),
    };
    let r = uscc::validate(&uscc::generate(&parts("451102")).unwrap());
    assert!(r.valid && r.warnings.is_empty());
    let full = r.parts.division.as_ref().and_then(|d| d.full_name.as_ref()).unwrap();
    assert_eq!(full.zh_hans, "广西壮族自治区贺州市八步区");
    // An abolished division (310103 卢湾区, to 2011) warns but stays valid.
    let r = uscc::validate(&uscc::generate(&parts("310103")).unwrap());
    assert!(r.valid && r.warnings.len() == 1);
    assert_eq!(r.warnings[0].kind, xinyong::WarningKind::DivisionAbolished);
    assert!(r.warnings[0].message.zh_hans.contains("2011"));
    let r = regno::validate("310115600985533");
    assert_eq!(r.parts.division.as_ref().and_then(|d| d.name.as_ref()).unwrap().zh_hans, "浦东新区");
    // Suggestion ranking uses the table: candidates whose division is not in
    // it come after those whose division is.
    let valid = include_str!("vectors/uscc-valid.tsv");
    let mut mixed = 0;
    for code in valid.lines().filter(|l| !l.starts_with('#')).skip(1).filter_map(|l| l.split('\t').next()) {
        let typo = format!("{}{}", &code[..17], if code.ends_with('0') { '1' } else { '0' });
        let unknown: Vec<bool> = uscc::validate(&typo)
            .suggestions
            .iter()
            .map(|s| division_status(&s.code[2..8]) == Status::Unknown)
            .collect();
        assert!(unknown.windows(2).all(|w| w[0] <= w[1]), "{typo}: {unknown:?}");
        mixed += usize::from(unknown.contains(&true) && unknown.contains(&false));
    }
    assert!(mixed > 0, "no suggestion list had both kinds");
}

/// The decoder takes any damage to a blob that passes the header checks
/// without panicking (the fuzz target `divisions_blob` does more of this).
#[test]
fn damaged_streams_never_panic() {
    const ROUNDS: usize = 300;
    assert_eq!(xinyong::divisions::decode_all(BLOB), Ok(TSV.lines().count() - 1));
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for round in 0..ROUNDS {
        let mut blob = BLOB.to_vec();
        for _ in 0..1 + round % 8 {
            let at = 92 + (next() as usize) % (blob.len() - 92);
            blob[at] ^= (next() as u8) | 1;
        }
        let _ = xinyong::divisions::decode_all(&blob);
    }
}
