//! Province blobs (`$OUT_DIR/divisions/NN.bin`, the browser's
//! `divisions/NN.bin`): with only some provinces installed, every lookup of
//! a code of an installed province answers exactly as with the whole table,
//! and every other code exactly as with no table. Installing is process-wide
//! and cannot be undone, so each plan (a sequence of installs) runs in a child
//! process (this test binary run again with `XINYONG_SHARDS_PLAN` set); the
//! child prints every answer, the parent compares them with the answers of the
//! whole table and of no table, both also printed by children.
//!
//! Probes: every code of `data/divisions.tsv`, every 4-digit prefix
//! (`PPPP00`) and 2-digit prefix (`PP0000`) of them, unknown codes in each
//! known province, codes of prefixes that have no province, malformed codes;
//! the identifier results of typos of the USCC vectors (names, warnings and
//! suggestion ranking); `rows()`.
//!
//! `cargo test --no-default-features --features divisions-runtime --test divisions_shards`
//! (with the table compiled in there is nothing to install: the file is empty then).
#![cfg(all(feature = "divisions-runtime", not(feature = "divisions")))]

use std::collections::{BTreeMap, BTreeSet};
use xinyong::divisions::{division, division_status, install, rows, table_available_for, BlobError};

const PLAN: &str = "XINYONG_SHARDS_PLAN";
const TSV: &str = include_str!("../data/divisions.tsv");
const USCC: &str = include_str!("vectors/uscc-valid.tsv");

/// `full`: divisions.bin; `NN`: divisions/NN.bin.
fn blob(name: &str) -> Vec<u8> {
    let path = match name {
        "full" => format!("{}/divisions.bin", env!("OUT_DIR")),
        p => format!("{}/divisions/{p}.bin", env!("OUT_DIR")),
    };
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The province prefixes that have a blob.
fn provinces() -> Vec<String> {
    let mut list: Vec<String> = std::fs::read_dir(format!("{}/divisions", env!("OUT_DIR")))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().trim_end_matches(".bin").to_string())
        .collect();
    list.sort();
    list
}

fn probe_codes() -> Vec<String> {
    let mut codes: BTreeSet<String> = BTreeSet::new();
    for line in TSV.lines().skip(1) {
        let code = &line[..6];
        codes.insert(code.to_string());
        codes.insert(format!("{}00", &code[..4]));
        codes.insert(format!("{}0000", &code[..2]));
        // Unknown codes in a known province and prefecture.
        codes.insert(format!("{}99", &code[..4]));
        codes.insert(format!("{}9899", &code[..2]));
    }
    for p in [
        "00", "01", "09", "16", "20", "24", "30", "38", "40", "47", "49", "55", "60", "66", "70", "72", "80",
        "83", "90", "99",
    ] {
        for rest in ["0000", "0100", "0101", "9999"] {
            codes.insert(format!("{p}{rest}"));
        }
    }
    let mut codes: Vec<String> = codes.into_iter().collect();
    codes.extend(["12345", "abcdef", "", "1100001", " 110101 "].map(String::from));
    codes
}

/// Typos of the USCC vectors: the check character, and the first division
/// digit (candidates then lie in several provinces).
fn typos() -> Vec<String> {
    let mut out = Vec::new();
    for code in USCC.lines().filter(|l| !l.starts_with('#')).skip(1).filter_map(|l| l.split('\t').next()) {
        out.push(format!("{}{}", &code[..17], if code.ends_with('0') { '1' } else { '0' }));
        let d = code.as_bytes()[2];
        out.push(format!("{}{}{}", &code[..2], if d == b'9' { '1' } else { char::from(d + 1) }, &code[3..]));
    }
    out
}

/// What a child prints: `D code …` per probe code, `V code …` per typo, `R …` per row.
fn report() -> String {
    let mut out = String::new();
    for code in probe_codes() {
        let d = serde_json::to_string(&division(&code)).unwrap();
        out += &format!("D\t{code}\t{:?}\t{}\t{d}\n", division_status(&code), table_available_for(&code));
    }
    for code in typos() {
        out += &format!("V\t{code}\t{}\n", serde_json::to_string(&xinyong::uscc::validate(&code)).unwrap());
    }
    for r in rows() {
        out += &format!("R\t{}\t{}\n", r.code, serde_json::to_string(&r).unwrap());
    }
    out
}

/// The child: installs the plan's blobs in order (`NN!`: that blob truncated,
/// which must be refused), then prints the report between markers.
#[test]
fn child() {
    let Ok(plan) = std::env::var(PLAN) else { return };
    for step in plan.split(',').filter(|s| !s.is_empty()) {
        if let Some(name) = step.strip_suffix('!') {
            let b = blob(name);
            assert_eq!(install(b[..b.len() - 1].to_vec()), Err(BlobError::Truncated));
            let mut bad = b.clone();
            bad.push(0);
            assert_eq!(install(bad), Err(BlobError::Malformed));
        } else {
            install(blob(step)).unwrap();
        }
    }
    println!("<<<\n{}>>>", report());
}

/// Runs a plan in a child process; its report as (kind, code) -> line.
fn run(plan: &str) -> BTreeMap<(String, String), String> {
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child", "--nocapture", "--test-threads=1"])
        .env(PLAN, plan)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "plan {plan:?}: {}", String::from_utf8_lossy(&out.stderr));
    let body = text.split("<<<\n").nth(1).and_then(|t| t.split(">>>").next()).expect("a report");
    let mut map = BTreeMap::new();
    for line in body.lines() {
        let mut f = line.splitn(3, '\t');
        let (kind, code, rest) = (f.next().unwrap(), f.next().unwrap(), f.next().unwrap_or(""));
        map.insert((kind.to_string(), code.to_string()), rest.to_string());
    }
    map
}

/// The province prefix of a probe (`None` for malformed probes).
fn prefix_of(code: &str) -> Option<&str> {
    code.trim_start().get(..2).filter(|p| p.bytes().all(|b| b.is_ascii_digit()))
}

struct Reference {
    full: BTreeMap<(String, String), String>,
    none: BTreeMap<(String, String), String>,
    /// Prefixes with a blob.
    provinces: BTreeSet<String>,
}

impl Reference {
    fn new() -> Reference {
        Reference { full: run("full"), none: run(""), provinces: provinces().into_iter().collect() }
    }

    /// Checks a child's report, `installed` being the provinces it installed
    /// (`None`: the whole table).
    /// Returns how many division probes, typos answered as the whole table and
    /// typos answered as no table were compared.
    fn check(
        &self,
        plan: &str,
        got: &BTreeMap<(String, String), String>,
        installed: Option<&BTreeSet<String>>,
    ) -> [usize; 3] {
        let has = |p: &str| installed.is_none_or(|s| s.contains(p));
        // A prefix without a blob answers alike with or without a table.
        let known = |p: &str| self.provinces.contains(p);
        let mut compared = [0usize; 3];
        assert_eq!(
            got.keys().filter(|k| k.0 != "R").collect::<Vec<_>>(),
            self.full.keys().filter(|k| k.0 != "R").collect::<Vec<_>>()
        );
        for (key, line) in got.iter().filter(|(k, _)| k.0 == "D") {
            let want = match prefix_of(&key.1) {
                Some(p) if has(p) || !known(p) => &self.full[key],
                _ => &self.none[key],
            };
            assert_eq!(line, want, "plan {plan:?}, code {:?}", key.1);
            compared[0] += 1;
        }
        // Identifier results: the typo's own province and every candidate's
        // (in either reference) all installed: as the whole table; none: as no table.
        for (key, line) in got.iter().filter(|(k, _)| k.0 == "V") {
            let mut provinces: BTreeSet<String> = [key.1[2..4].to_string()].into();
            for reference in [&self.full[key], &self.none[key]] {
                let v: serde_json::Value = serde_json::from_str(reference).unwrap();
                for s in v["suggestions"].as_array().unwrap() {
                    provinces.insert(s["code"].as_str().unwrap()[2..4].to_string());
                }
            }
            if provinces.iter().all(|p| has(p) || !known(p)) {
                assert_eq!(line, &self.full[key], "plan {plan:?}, typo {}", key.1);
                compared[1] += 1;
            } else if provinces.iter().all(|p| !has(p)) {
                assert_eq!(line, &self.none[key], "plan {plan:?}, typo {}", key.1);
                compared[2] += 1;
            }
        }
        // rows(): the installed provinces' rows of the whole table.
        let want: Vec<(&(String, String), &String)> =
            self.full.iter().filter(|(k, _)| k.0 == "R" && prefix_of(&k.1).is_some_and(has)).collect();
        let rows: Vec<(&(String, String), &String)> = got.iter().filter(|(k, _)| k.0 == "R").collect();
        assert_eq!(rows, want, "plan {plan:?}: rows()");
        assert!(compared[0] > 7000, "plan {plan:?}: {compared:?}");
        compared
    }
}

#[test]
fn each_province_alone_answers_like_the_whole_table() {
    if std::env::var(PLAN).is_ok() {
        return;
    }
    let r = Reference::new();
    // The references differ where they should.
    assert_ne!(r.full, r.none);
    assert!(r.full.iter().filter(|(k, _)| k.0 == "D").any(|(_, l)| l.contains("\"current\"")));
    assert!(!r.none.iter().filter(|(k, _)| k.0 == "D").any(|(_, l)| l.contains("\"current\"")));
    assert_eq!(r.provinces.len(), 35, "{:?}", r.provinces);
    // A prefix without a province is unknown with or without a table.
    for code in ["990101", "000000", "720000", "200101"] {
        let key = ("D".to_string(), code.to_string());
        assert_eq!(r.full[&key], r.none[&key], "{code}");
        assert!(r.none[&key].contains("\"reason\":\"not_found\""), "{}", r.none[&key]);
    }
    let mut compared = [0usize; 3];
    for p in &r.provinces {
        let got = run(p);
        let installed: BTreeSet<String> = [p.clone()].into();
        let n = r.check(p, &got, Some(&installed));
        (0..3).for_each(|i| compared[i] += n[i]);
    }
    // Typos compared both ways (as the whole table, as no table).
    assert!(compared[1] > 20 && compared[2] > 20, "{compared:?}");
    // A second install of the same blob, refused blobs, then the whole table.
    let got = run("35,35,11!,35,full,44");
    r.check("35,35,11!,35,full,44", &got, None);
}

mod property {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 10, ..ProptestConfig::default() })]
        /// Any subset of provinces, installed in any order (with repeats,
        /// refused damaged blobs in between, and maybe the whole table at some
        /// point), answers as the whole table for those provinces and as no
        /// table for the rest.
        #[test]
        fn any_subset_in_any_order(
            picks in proptest::collection::vec((0usize..35, 0u8..8), 0..10),
            whole in proptest::option::of(0usize..10),
        ) {
            if std::env::var(PLAN).is_ok() {
                return Ok(());
            }
            let list = provinces();
            let mut steps: Vec<String> = Vec::new();
            let mut installed: BTreeSet<String> = BTreeSet::new();
            for (i, &(p, flag)) in picks.iter().enumerate() {
                if whole == Some(i) {
                    steps.push("full".into());
                }
                let name = &list[p % list.len()];
                if flag == 0 {
                    steps.push(format!("{name}!"));
                } else {
                    steps.push(name.clone());
                    installed.insert(name.clone());
                }
            }
            let full = whole.is_some_and(|w| w < picks.len());
            let plan = steps.join(",");
            let reference = REFERENCE.get_or_init(Reference::new);
            let got = run(&plan);
            let _ = reference.check(&plan, &got, (!full).then_some(&installed));
        }
    }

    static REFERENCE: std::sync::OnceLock<Reference> = std::sync::OnceLock::new();
}

/// Damaged province blobs are refused with the typed errors (nothing is
/// installed, so this runs in the parent process too); each blob decodes,
/// holding its province's rows and a few of others (Sichuan, 51, the most:
/// 44 rows of Chongqing, where its codes moved in 1997).
#[test]
fn damaged_province_blobs_are_refused() {
    for p in provinces() {
        let b = blob(&p);
        let own = TSV.lines().skip(1).filter(|l| l.starts_with(p.as_str())).count();
        let rows = xinyong::divisions::decode_all(&b).unwrap();
        assert!(rows >= own && rows <= own + 60, "{p}: {rows} rows, {own} of its own");
        for n in (0..b.len()).step_by(7) {
            let e = install(b[..n].to_vec()).unwrap_err();
            assert!(matches!(e, BlobError::NotATable | BlobError::Truncated), "{p}, prefix {n}: {e:?}");
        }
        // The SCOPE section is the last byte: a prefix of 100 or more is no province.
        for bad in [100u8, 0xff] {
            let mut d = b.clone();
            *d.last_mut().unwrap() = bad;
            assert_eq!(install(d), Err(BlobError::Malformed), "{p}");
        }
        let mut v1 = b.clone();
        v1[4] = 1;
        assert_eq!(install(v1), Err(BlobError::Version(1)), "{p}");
    }
    // Still no table: every refused blob installed nothing.
    assert_eq!(division("350203").reason, Some(xinyong::divisions::UnknownReason::TableUnavailable));
}
