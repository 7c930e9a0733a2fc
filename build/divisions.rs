//! Build-time generator for the GB/T 2260 division table (`src/divisions/`).
//!
//! Reads `data/divisions.tsv` and `data/s2t.tsv` (paths relative to
//! `CARGO_MANIFEST_DIR`) and writes `$OUT_DIR/divisions.bin`, the table as one
//! binary blob that `src/divisions/table.rs` decodes (embedded with
//! `include_bytes!` under the `divisions` feature, or installed at run time).
//! Written with or without the feature, so every build has it. Panics on
//! malformed input (build time only).
//!
//! It also writes one blob per province prefix, `$OUT_DIR/divisions/NN.bin`
//! (same layout, SCOPE = the prefix): the province's rows plus the rows its
//! lookups read elsewhere (successors in other provinces with their province
//! and prefecture rows, see [`province_rows`]), so that a page installs only
//! the province of the code it shows; and `$OUT_DIR/division_provinces.rs`,
//! the set of prefixes that have rows, compiled into the runtime (a code of
//! any other prefix is unknown without fetching anything).
//!
//! Blob layout (all integers little-endian): the magic `XYDV`, a format
//! version byte ([`FORMAT_VERSION`]), `ROWS` (u16), `TOP` (u16), `S2T_N`
//! (u16), the section count (u8, [`SECTIONS`]), then each section's length
//! (u32), then the sections back to back, nothing after:
//! SUFFIX, OFFS, EXTRA_SUCC, PSEUDO, SUFFIXES, TOP_CHARS, REST_DELTA, CODES,
//! NAMES, FROM, TO, BLOCKS, NOTES, SOURCES, NOTE_ROWS, SOURCE_ROWS, S2T_FROM,
//! S2T_TO, S2T_NAMES, SCOPE (empty: the whole table; one byte: the province
//! prefix of a province blob; added in format 2). String lists are `\n`-terminated UTF-8; PSEUDO is
//! (suffix, stem length, stem bytes) per name; TOP_CHARS u16 each; BLOCKS
//! (prefix u8, row u16, code offset u16) each; NOTE_ROWS and SOURCE_ROWS
//! (row u16, value u8) each.
//!
//! Encoding: column-oriented byte streams, chosen by measuring `gzip -9` of a
//! release wasm32 build (tools/wasm-probe); the runtime expands them once into a
//! random-access index (`src/divisions/table.rs`).
//! - rows sorted by code, one block per 2-digit province prefix (`BLOCKS`);
//! - `CODES`: per row, LEB128 delta from the previous code of the block (first row:
//!   delta from `prefix * 10000`); same code twice = delta 0 (a code's history);
//! - successors (`Division::successor`) are computed here, not at run time. A row
//!   that is the successor of an earlier-ended row takes its name from it:
//! - `NAMES`: per row either a literal stem (1-byte frequent / 2-byte rare
//!   character codes from `NAME_BASE` up, ended by 0), or `REF_SAME` (same name
//!   as the predecessor row) or `REF_STEM` (predecessor's stem, own suffix);
//! - `SUFFIX`: the type suffix (县, 区, 市, 自治县, ... or "") of every literal and
//!   `REF_STEM` row, as an index into `SUFFIXES` (a separate stream gzips better);
//! - `OFFS`: for each referring row, its predecessor as a position in the list
//!   of rows ending the year it starts or the year before (row order), relative
//!   to where the referring row would sit in that list, delta-coded against the
//!   previous reference, zigzag LEB128; `EXTRA_SUCC`: the few rows that share a
//!   successor with another predecessor (LEB128 row delta, zigzag target offset);
//! - `FROM`/`TO`: one byte per row, `year - 1979`, 0 = empty;
//! - level and the province column are derived from the code, the `pseudo` note
//!   from the name (`PSEUDO_NAMES`), all checked here;
//! - other `note` and `source` values: exception lists (row index, value index);
//! - s2t: simplified code points as LEB128 deltas, traditional ones as zigzag
//!   offsets; whole-name overrides as one `key\tvalue\n` string.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::Path;

/// Type suffixes tokenised out of names (longest match first).
const SUFFIXES: &[&str] = &[
    "",
    "县",
    "区",
    "市",
    "旗",
    "自治县",
    "地区",
    "自治州",
    "自治旗",
    "盟",
    "市辖区",
    "林区",
    "矿区",
    "特区",
    "行政委员会",
    "省",
    "自治区",
    "州",
    "行政区",
    "办事处",
    "直辖县级行政单位",
];

const YEAR_BASE: u32 = 1979;
/// Names of grouping rows (note `pseudo`): the note is derived from these.
const PSEUDO_NAMES: &[&str] = &["市辖区", "县", "市区", "省直辖县级行政单位", "自治区直辖县级行政单位"];
/// Name stream markers (see `generate`).
const REF_SAME: u8 = 1;
const REF_STEM: u8 = 2;
const NAME_BASE: usize = 3;
const DEFAULT_SOURCE: &str = "stdnum-2.2";
/// Blob format version: `src/divisions/table.rs` refuses any other.
pub const FORMAT_VERSION: u8 = 2;
/// Number of sections in the blob.
pub const SECTIONS: u8 = 20;

struct Row {
    code: u32,
    name: String,
    from: u8,
    to: u8,
    note: String,
    source: String,
}

fn year(field: &str, line: usize) -> u8 {
    if field.is_empty() {
        return 0;
    }
    let y: u32 = field.parse().unwrap_or_else(|_| panic!("divisions.tsv line {line}: bad year {field:?}"));
    assert!(
        (YEAR_BASE + 1..=YEAR_BASE + 255).contains(&y),
        "divisions.tsv line {line}: year {y} out of range"
    );
    (y - YEAR_BASE) as u8
}

fn level_of(code: u32) -> &'static str {
    if code == 100000 {
        "national"
    } else if code % 10000 == 0 {
        "province"
    } else if code % 100 == 0 {
        "prefecture"
    } else {
        "county"
    }
}

fn split_suffix(name: &str) -> (&str, usize) {
    let mut best = (name, 0usize);
    let mut best_len = 0;
    for (i, s) in SUFFIXES.iter().enumerate() {
        if !s.is_empty() && name.ends_with(s) && s.len() > best_len {
            best = (&name[..name.len() - s.len()], i);
            best_len = s.len();
        }
    }
    best
}

fn leb(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn zigzag(d: i64) -> u32 {
    u32::try_from((d << 1) ^ (d >> 63)).expect("zigzag range")
}

fn str_list(data: &[&str]) -> Vec<u8> {
    let mut out = Vec::new();
    for v in data {
        assert!(!v.contains('\n'));
        out.extend_from_slice(v.as_bytes());
        out.push(b'\n');
    }
    out
}

fn u16_le(v: usize) -> [u8; 2] {
    u16::try_from(v).expect("fits u16").to_le_bytes()
}

fn read_rows(path: &Path) -> Vec<Row> {
    let text = std::fs::read_to_string(path).expect("read data/divisions.tsv");
    let mut lines = text.lines();
    let header = lines.next().expect("divisions.tsv: empty");
    assert_eq!(
        header, "code\tname\tlevel\tvalid_from\tvalid_to\tprovince\tnote\tsource",
        "divisions.tsv: unexpected header"
    );
    let mut rows = Vec::new();
    for (i, line) in lines.enumerate() {
        let n = i + 2;
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 8, "divisions.tsv line {n}: expected 8 columns");
        assert!(
            f[0].len() == 6 && f[0].bytes().all(|b| b.is_ascii_digit()),
            "divisions.tsv line {n}: bad code"
        );
        let code: u32 = f[0].parse().expect("code");
        assert_eq!(level_of(code), f[2], "divisions.tsv line {n}: level not derivable");
        assert!(!f[1].is_empty(), "divisions.tsv line {n}: empty name");
        rows.push(Row {
            code,
            name: f[1].to_string(),
            from: year(f[3], n),
            to: year(f[4], n),
            note: f[6].to_string(),
            source: f[7].to_string(),
        });
        let prev = rows.len().checked_sub(2).map(|j| rows[j].code).unwrap_or(0);
        assert!(prev <= code, "divisions.tsv line {n}: not sorted by code");
        // The province column must equal the province row's (latest) name: checked below.
        let _ = f[5];
    }
    // province column check
    let mut prov: HashMap<u32, String> = HashMap::new();
    for r in &rows {
        if level_of(r.code) == "province" {
            prov.insert(r.code / 10000, r.name.clone());
        }
    }
    for (i, line) in text.lines().skip(1).enumerate() {
        let f: Vec<&str> = line.split('\t').collect();
        let r = &rows[i];
        let expect = if r.code == 100000 {
            String::new()
        } else {
            prov.get(&(r.code / 10000)).cloned().unwrap_or_default()
        };
        assert_eq!(f[5], expect, "divisions.tsv line {}: province column not derivable", i + 2);
    }
    rows
}

/// Derived successor of row `i` (see `Division::successor`): a row starting the
/// year row `i` ended (or the next), not a grouping row, same level (or county ->
/// prefecture), with the same name (same province first, then anywhere) or the
/// same stem in the same province; only when exactly one candidate exists in the
/// first non-empty tier.
fn successor(rows: &[Row], by_from: &BTreeMap<u8, Vec<usize>>, i: usize) -> Option<usize> {
    let r = &rows[i];
    if r.to == 0 || r.note == "pseudo" || split_suffix(&r.name).0.is_empty() {
        return None;
    }
    let level = level_of(r.code);
    let prefix = r.code / 10000;
    let mut best: [(usize, Option<usize>); 3] = [(0, None); 3];
    let cands = [Some(r.to), r.to.checked_add(1)];
    for &j in cands.iter().flatten().filter_map(|y| by_from.get(y)).flatten() {
        let q = &rows[j];
        let starts = q.from != 0 && (q.from == r.to || u32::from(q.from) == u32::from(r.to) + 1);
        let l = level_of(q.code);
        let level_ok = l == level || (level == "county" && l == "prefecture");
        if q.code == r.code || !starts || !level_ok || q.note == "pseudo" {
            continue;
        }
        let same_prov = q.code / 10000 == prefix;
        let tier = if q.name == r.name {
            if same_prov {
                0
            } else {
                1
            }
        } else if same_prov && split_suffix(&q.name).0 == split_suffix(&r.name).0 {
            2
        } else {
            continue;
        };
        best[tier].0 += 1;
        best[tier].1 = Some(j);
    }
    for (n, q) in best {
        match n {
            0 => continue,
            1 => return q,
            _ => return None,
        }
    }
    None
}

/// The parsed `data/s2t.tsv`: changed characters and whole-name overrides.
struct S2t {
    chars: BTreeMap<u16, u16>,
    names: BTreeMap<String, String>,
}

fn read_s2t(path: &Path, rows: &[Row]) -> S2t {
    let s2t_text = std::fs::read_to_string(path).expect("read data/s2t.tsv");
    let mut chars: BTreeMap<u16, u16> = BTreeMap::new();
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    let mut all: BTreeSet<char> = BTreeSet::new();
    for (i, line) in s2t_text.lines().enumerate() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 3, "s2t.tsv line {}: expected 3 columns", i + 1);
        match f[0] {
            "char" => {
                let mut a = f[1].chars();
                let mut b = f[2].chars();
                let (Some(x), None, Some(y), None) = (a.next(), a.next(), b.next(), b.next()) else {
                    panic!("s2t.tsv line {}: expected single characters", i + 1)
                };
                all.insert(x);
                if x != y {
                    chars
                        .insert(u16::try_from(x as u32).expect("BMP"), u16::try_from(y as u32).expect("BMP"));
                }
            }
            "name" => {
                names.insert(f[1].to_string(), f[2].to_string());
            }
            k => panic!("s2t.tsv line {}: unknown kind {k:?}", i + 1),
        }
    }
    for r in rows {
        for c in r.name.chars() {
            assert!(all.contains(&c), "s2t.tsv lacks {c:?} (from {}); re-run tools/gen_hant.py", r.name);
        }
    }
    S2t { chars, names }
}

/// The rows a province blob holds: every row of the province, and for each of
/// its rows with a successor elsewhere, every row of the successor's code, of
/// its province code and of its prefecture code (what `Ref::full_name` reads).
/// Sorted (row order).
fn province_rows(rows: &[Row], succ: &[Option<usize>], prefix: u32) -> Vec<usize> {
    let mut keep: BTreeSet<usize> = BTreeSet::new();
    let mut codes: BTreeSet<u32> = BTreeSet::new();
    for (i, _) in rows.iter().enumerate().filter(|(_, r)| r.code / 10000 == prefix) {
        keep.insert(i);
        if let Some(j) = succ[i] {
            let q = rows[j].code;
            codes.extend([q, q / 10000 * 10000, q / 100 * 100]);
        }
    }
    keep.extend(rows.iter().enumerate().filter(|(_, r)| codes.contains(&r.code)).map(|(i, _)| i));
    keep.into_iter().collect()
}

/// Generate `$OUT_DIR/divisions.bin` (the whole table), one blob per province
/// prefix in `$OUT_DIR/divisions/NN.bin`, and `$OUT_DIR/division_provinces.rs`
/// (the prefixes that have a blob, a list compiled into the runtime).
/// See the module docs for the layout.
pub fn generate() {
    let dir = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let out_dir = std::env::var("OUT_DIR").expect("OUT_DIR");
    let tsv = Path::new(&dir).join("data/divisions.tsv");
    let s2t = Path::new(&dir).join("data/s2t.tsv");
    println!("cargo:rerun-if-changed={}", tsv.display());
    println!("cargo:rerun-if-changed={}", s2t.display());
    let rows = read_rows(&tsv);
    let s2t = read_s2t(&s2t, &rows);
    let mut by_from: BTreeMap<u8, Vec<usize>> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        by_from.entry(r.from).or_default().push(i);
    }
    let succ: Vec<Option<usize>> = (0..rows.len()).map(|i| successor(&rows, &by_from, i)).collect();
    let all: Vec<usize> = (0..rows.len()).collect();
    let out = Path::new(&out_dir);
    std::fs::write(out.join("divisions.bin"), encode(&rows, &succ, &all, &s2t, None))
        .expect("write divisions.bin");
    let shards = out.join("divisions");
    let _ = std::fs::remove_dir_all(&shards);
    std::fs::create_dir_all(&shards).expect("create OUT_DIR/divisions");
    let prefixes: BTreeSet<u32> = rows.iter().map(|r| r.code / 10000).collect();
    for &p in &prefixes {
        let keep = province_rows(&rows, &succ, p);
        let blob = encode(&rows, &succ, &keep, &s2t, Some(u8::try_from(p).expect("2-digit prefix")));
        std::fs::write(shards.join(format!("{p:02}.bin")), blob).expect("write a province blob");
    }
    let list: Vec<String> = prefixes.iter().map(|p| p.to_string()).collect();
    std::fs::write(
        out.join("division_provinces.rs"),
        format!(
            "/// The province prefixes that have rows (and a blob, `divisions/NN.bin`). Generated by build/divisions.rs.\npub(super) const PROVINCES: &[u8] = &[{}];\n",
            list.join(", ")
        ),
    )
    .expect("write division_provinces.rs");
}

/// Encodes rows `keep` (indices into `rows`, sorted) as one blob. `succ` holds
/// the successors computed over the whole table; only links between kept rows
/// are stored. `scope`: `None` for the whole table, `Some(prefix)` for a
/// province blob (its s2t tables then only cover its own names).
fn encode(rows: &[Row], succ: &[Option<usize>], keep: &[usize], s2t: &S2t, scope: Option<u8>) -> Vec<u8> {
    let mut new_of: HashMap<usize, usize> = HashMap::new();
    for (n, &i) in keep.iter().enumerate() {
        new_of.insert(i, n);
    }
    let succ: Vec<Option<usize>> =
        keep.iter().map(|&i| succ[i].and_then(|j| new_of.get(&j).copied())).collect();
    let rows: Vec<&Row> = keep.iter().map(|&i| &rows[i]).collect();

    // Character coding: frequency-ranked; top `top` chars take one byte.
    let mut freq: BTreeMap<char, usize> = BTreeMap::new();
    for r in &rows {
        for c in split_suffix(&r.name).0.chars() {
            *freq.entry(c).or_default() += 1;
        }
    }
    let mut ranked: Vec<(char, usize)> = freq.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    // Name stream bytes: 0 ends a literal stem, 1 = same name as the predecessor
    // row, 2 = predecessor's stem with a new suffix; character codes start at 3.
    let s = NAME_BASE;
    let n = ranked.len();
    let mut esc = 0usize;
    while 256 - s - esc + esc * 256 < n {
        esc += 1;
    }
    let top = (256 - s - esc).min(n);
    let top_chars: Vec<u16> =
        ranked[..top].iter().map(|&(c, _)| u16::try_from(c as u32).expect("BMP")).collect();
    let mut rest: Vec<char> = ranked[top..].iter().map(|&(c, _)| c).collect();
    rest.sort();
    let mut code_of: HashMap<char, Vec<u8>> = HashMap::new();
    for (i, &(c, _)) in ranked[..top].iter().enumerate() {
        code_of.insert(c, vec![(s + i) as u8]);
    }
    let mut rest_delta = Vec::new();
    let mut prev = 0u32;
    for (i, &c) in rest.iter().enumerate() {
        code_of.insert(c, vec![(s + top + i / 256) as u8, (i % 256) as u8]);
        leb(&mut rest_delta, c as u32 - prev);
        prev = c as u32;
    }

    // Successors. A row that is the successor of another row refers to it for its
    // name (REF_SAME / REF_STEM); the reference (predecessor row) is stored as a
    // signed position in the candidate list: rows ending the year this one starts
    // or the year before, in row order, relative to where this row would sit in it.
    let mut preds: Vec<Vec<usize>> = vec![Vec::new(); rows.len()];
    for (i, s) in succ.iter().enumerate() {
        if let Some(j) = *s {
            preds[j].push(i);
        }
    }
    let mut ends: BTreeMap<u8, Vec<usize>> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        if r.to != 0 {
            ends.entry(r.to).or_default().push(i);
        }
    }
    let mut offs = Vec::new();
    let mut prev_d = 0i64;
    let mut extra_succ = Vec::new();

    // Streams.
    let mut codes = Vec::new();
    let mut names = Vec::new();
    let mut suffixes = Vec::new();
    let mut from = Vec::new();
    let mut to = Vec::new();
    let mut block_list = Vec::new();
    let mut notes: Vec<&str> = Vec::new();
    let mut note_rows = Vec::new();
    let mut sources: Vec<&str> = vec![DEFAULT_SOURCE];
    let mut source_rows = Vec::new();
    let mut prev_code = 0u32;
    let mut cur_prefix = u32::MAX;
    for (i, r) in rows.iter().enumerate() {
        let prefix = r.code / 10000;
        if prefix != cur_prefix {
            cur_prefix = prefix;
            prev_code = prefix * 10000;
            block_list.push((prefix, i, codes.len(), names.len()));
        }
        leb(&mut codes, r.code - prev_code);
        prev_code = r.code;
        let (stem, suf) = split_suffix(&r.name);
        if let Some((&p, more)) = preds[i].split_first() {
            let f = r.from;
            let mut cand: Vec<usize> =
                [f - 1, f].iter().filter_map(|y| ends.get(y)).flatten().copied().collect();
            cand.sort();
            let pos = cand.partition_point(|&x| x < i) as i64;
            let at = cand.iter().position(|&x| x == p).expect("candidate") as i64;
            let d = at - pos - prev_d;
            prev_d = at - pos;
            leb(&mut offs, zigzag(d));
            if rows[p].name == r.name {
                names.push(REF_SAME);
            } else {
                assert_eq!(split_suffix(&rows[p].name).0, stem);
                names.push(REF_STEM);
                suffixes.push(suf as u8);
            }
            for &q in more {
                extra_succ.push((q, i));
            }
        } else {
            for c in stem.chars() {
                names.extend_from_slice(&code_of[&c]);
            }
            names.push(0);
            suffixes.push(suf as u8);
        }
        from.push(r.from);
        to.push(r.to);
        assert_eq!(
            r.note == "pseudo",
            PSEUDO_NAMES.contains(&r.name.as_str()),
            "divisions.tsv row {i}: pseudo note not derivable from the name"
        );
        if !r.note.is_empty() && r.note != "pseudo" {
            let k = notes.iter().position(|n| *n == r.note).unwrap_or_else(|| {
                notes.push(&r.note);
                notes.len() - 1
            });
            note_rows.push((i, k));
        }
        if r.source != DEFAULT_SOURCE {
            let k = sources.iter().position(|n| *n == r.source).unwrap_or_else(|| {
                sources.push(&r.source);
                sources.len() - 1
            });
            source_rows.push((i, k));
        }
    }
    assert!(names.len() < 65536 && codes.len() < 65536 && rows.len() < 65536);
    let mut blocks = Vec::new();
    for &(p, row, co, _) in &block_list {
        blocks.push(u8::try_from(p).expect("2-digit prefix"));
        blocks.extend_from_slice(&u16_le(row));
        blocks.extend_from_slice(&u16_le(co));
    }

    // s2t tables: the whole table's, or (province blobs) the entries its names use.
    let used: BTreeSet<char> = rows.iter().flat_map(|r| r.name.chars()).collect();
    let names_here: BTreeSet<&str> = rows.iter().map(|r| r.name.as_str()).collect();
    let s2t_chars: BTreeMap<u16, u16> = s2t
        .chars
        .iter()
        .filter(|(&a, _)| scope.is_none() || char::from_u32(u32::from(a)).is_some_and(|c| used.contains(&c)))
        .map(|(&a, &b)| (a, b))
        .collect();
    let s2t_names: BTreeMap<&String, &String> =
        s2t.names.iter().filter(|(a, _)| scope.is_none() || names_here.contains(a.as_str())).collect();
    // Successors: (old row, new row) pairs; old rows as LEB128 deltas, new rows as
    // zigzag LEB128 offsets from the old row (moves are mostly local).
    extra_succ.sort();
    let mut extra = Vec::new();
    let mut prev_old = 0usize;
    for &(old, new) in &extra_succ {
        leb(&mut extra, (old - prev_old) as u32);
        prev_old = old;
        leb(&mut extra, zigzag(new as i64 - old as i64));
    }
    let mut pseudo = Vec::new();
    for name in PSEUDO_NAMES {
        let (stem, suf) = split_suffix(name);
        // A province blob leaves out the grouping names none of its rows has.
        let Some(enc) = stem.chars().map(|c| code_of.get(&c).cloned()).collect::<Option<Vec<Vec<u8>>>>()
        else {
            assert!(scope.is_some() && !rows.iter().any(|r| r.name == *name));
            continue;
        };
        let enc = enc.concat();
        pseudo.push(suf as u8);
        pseudo.push(u8::try_from(enc.len()).expect("short stem"));
        pseudo.extend_from_slice(&enc);
    }
    let top_bytes: Vec<u8> = top_chars.iter().flat_map(|c| c.to_le_bytes()).collect();
    let pairs = |list: &[(usize, usize)]| -> Vec<u8> {
        let mut out = Vec::new();
        for &(r, k) in list {
            out.extend_from_slice(&u16_le(r));
            out.push(u8::try_from(k).expect("few values"));
        }
        out
    };
    // s2t characters: simplified code points as LEB128 deltas, traditional ones
    // as zigzag LEB128 offsets from the simplified one.
    let (mut s2t_from, mut s2t_to, mut prev) = (Vec::new(), Vec::new(), 0u16);
    for (&a, &b) in &s2t_chars {
        leb(&mut s2t_from, u32::from(a - prev));
        prev = a;
        leb(&mut s2t_to, zigzag(i64::from(b) - i64::from(a)));
    }
    // Whole-name overrides: "simplified\ttraditional\n" lines sorted by key.
    let mut text = String::new();
    for (a, b) in &s2t_names {
        assert!(!a.contains(['\t', '\n']) && !b.contains(['\t', '\n']));
        let _ = writeln!(text, "{a}\t{b}");
    }
    let sections: [Vec<u8>; SECTIONS as usize] = [
        suffixes,
        offs,
        extra,
        pseudo,
        str_list(SUFFIXES),
        top_bytes,
        rest_delta,
        codes,
        names,
        from,
        to,
        blocks,
        str_list(&notes),
        str_list(&sources),
        pairs(&note_rows),
        pairs(&source_rows),
        s2t_from,
        s2t_to,
        text.into_bytes(),
        scope.map(|p| vec![p]).unwrap_or_default(),
    ];
    let mut blob = b"XYDV".to_vec();
    blob.push(FORMAT_VERSION);
    blob.extend_from_slice(&u16_le(rows.len()));
    blob.extend_from_slice(&u16_le(top));
    blob.extend_from_slice(&u16_le(s2t_chars.len()));
    blob.push(SECTIONS);
    for section in &sections {
        blob.extend_from_slice(&u32::try_from(section.len()).expect("small").to_le_bytes());
    }
    for section in &sections {
        blob.extend_from_slice(section);
    }
    blob
}
