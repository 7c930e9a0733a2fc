//! Decoder for the compact division table that `build/divisions.rs` writes as
//! one blob (`divisions.bin`; layout in that file's docs). Never panics: all
//! indexing uses `.get()`, and a blob is checked ([`parse`]) before use.
//!
//! The blob comes from one of two places: with the `divisions` feature it is
//! compiled in (`include_bytes!`); without it, [`install`] takes one at run
//! time (the browser's identifier module fetches it), and until then there is
//! no table (`available()` is false).
//!
//! The streams are laid out for gzip (column-oriented byte streams), not for
//! random access. On first use they are expanded once into a small [`Index`]
//! (row codes, name positions, successors, grouping flags, a 4-digit-prefix
//! table, zh-Hant tables: about 100 KB of heap, a few hundred µs once); every
//! lookup after that is a short binary search within one prefecture's rows plus
//! decoding of the few names actually needed.

use std::ops::Range;
use std::sync::OnceLock;

/// One province block of the row streams.
#[derive(Clone, Copy)]
pub(super) struct Block {
    pub prefix: u32,
    pub row: usize,
    pub code_at: usize,
}

/// The blob format this decoder reads (see `build/divisions.rs`).
pub const FORMAT_VERSION: u8 = 1;
const MAGIC: &[u8; 4] = b"XYDV";
const SECTIONS: usize = 19;
/// First byte value of a character code in the name stream.
const NAME_BASE: usize = 3;

/// The blob compiled in with the `divisions` feature.
#[cfg(feature = "divisions")]
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/divisions.bin"));

/// The streams of one blob, borrowed from it.
pub(super) struct Table<'a> {
    rows: usize,
    top: usize,
    s2t_n: usize,
    suffix: &'a [u8],
    offs: &'a [u8],
    extra_succ: &'a [u8],
    /// (suffix, stem length, stem bytes) per grouping name.
    pseudo: &'a [u8],
    /// `\n`-terminated lines.
    suffixes: &'a str,
    /// u16 each.
    top_chars: &'a [u8],
    rest_delta: &'a [u8],
    codes: &'a [u8],
    names: &'a [u8],
    from: &'a [u8],
    to: &'a [u8],
    /// (prefix u8, row u16, code offset u16) each.
    blocks: &'a [u8],
    notes: &'a str,
    sources: &'a str,
    /// (row u16, value u8) each, sorted by row.
    note_rows: &'a [u8],
    source_rows: &'a [u8],
    s2t_from: &'a [u8],
    s2t_to: &'a [u8],
    s2t_names: &'a str,
}

/// Why a blob was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlobError {
    /// Not a division table (wrong magic bytes).
    NotATable,
    /// A table in another format version.
    Version(u8),
    /// Shorter than its header says.
    Truncated,
    /// Longer than its header says, or inconsistent sections.
    Malformed,
}

impl BlobError {
    /// What went wrong, in zh-Hans, zh-Hant and en.
    pub fn message(&self) -> crate::Text {
        let (hans, hant) = match self {
            BlobError::NotATable => {
                ("不是区划表（文件头不符）".to_string(), "不是區劃表（檔頭不符）".to_string())
            }
            BlobError::Version(v) => (
                format!("区划表格式 {v} 不受支持（本版本读取格式 {FORMAT_VERSION}）"),
                format!("區劃表格式 {v} 不受支援（本版本讀取格式 {FORMAT_VERSION}）"),
            ),
            BlobError::Truncated => ("区划表不完整".to_string(), "區劃表不完整".to_string()),
            BlobError::Malformed => ("区划表格式错误".to_string(), "區劃表格式錯誤".to_string()),
        };
        crate::Text::new(hans, hant, self.to_string())
    }
}

impl std::fmt::Display for BlobError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BlobError::NotATable => f.write_str("not a division table (bad magic bytes)"),
            BlobError::Version(v) => {
                write!(f, "division table format {v} is not supported (this build reads {FORMAT_VERSION})")
            }
            BlobError::Truncated => f.write_str("division table is truncated"),
            BlobError::Malformed => f.write_str("division table is malformed"),
        }
    }
}

fn take<'a>(data: &mut &'a [u8], n: usize) -> Result<&'a [u8], BlobError> {
    if data.len() < n {
        return Err(BlobError::Truncated);
    }
    let (head, rest) = data.split_at(n);
    *data = rest;
    Ok(head)
}

fn u16_at(b: &[u8], i: usize) -> u16 {
    u16::from_le_bytes([b.get(i).copied().unwrap_or(0), b.get(i + 1).copied().unwrap_or(0)])
}

fn text(b: &[u8]) -> Result<&str, BlobError> {
    std::str::from_utf8(b).map_err(|_| BlobError::Malformed)
}

/// Line `k` of `\n`-terminated lines.
fn line(text: &str, k: usize) -> &str {
    text.split_terminator('\n').nth(k).unwrap_or("")
}

/// Checks a blob's header and sections and borrows its streams. Refuses
/// anything whose sizes do not add up; stream contents are decoded defensively
/// later (a damaged stream gives wrong names, never a panic).
pub(super) fn parse(blob: &[u8]) -> Result<Table<'_>, BlobError> {
    let mut data = blob;
    let magic = take(&mut data, 4).map_err(|_| BlobError::NotATable)?;
    if magic != MAGIC {
        return Err(BlobError::NotATable);
    }
    let version = take(&mut data, 1)?.first().copied().unwrap_or(0);
    if version != FORMAT_VERSION {
        return Err(BlobError::Version(version));
    }
    let head = take(&mut data, 7)?;
    let (rows, top, s2t_n) =
        (usize::from(u16_at(head, 0)), usize::from(u16_at(head, 2)), usize::from(u16_at(head, 4)));
    if head.get(6).map(|&n| usize::from(n)) != Some(SECTIONS) || top + NAME_BASE > 256 {
        return Err(BlobError::Malformed);
    }
    let lengths = take(&mut data, 4 * SECTIONS)?;
    let mut s: Vec<&[u8]> = Vec::with_capacity(SECTIONS);
    for len in lengths.chunks_exact(4) {
        let len = u32::from_le_bytes([
            len.first().copied().unwrap_or(0),
            len.get(1).copied().unwrap_or(0),
            len.get(2).copied().unwrap_or(0),
            len.get(3).copied().unwrap_or(0),
        ]);
        s.push(take(&mut data, usize::try_from(len).map_err(|_| BlobError::Truncated)?)?);
    }
    let [suffix, offs, extra_succ, pseudo, suffixes, top_chars, rest_delta, codes, names, from, to, blocks, notes, sources, note_rows, source_rows, s2t_from, s2t_to, s2t_names] =
        s.as_slice()
    else {
        return Err(BlobError::Malformed);
    };
    if !data.is_empty()
        || from.len() != rows
        || to.len() != rows
        || top_chars.len() != 2 * top
        || blocks.len() % 5 != 0
        || note_rows.len() % 3 != 0
        || source_rows.len() % 3 != 0
        || s2t_n > s2t_from.len()
    {
        return Err(BlobError::Malformed);
    }
    Ok(Table {
        rows,
        top,
        s2t_n,
        suffix,
        offs,
        extra_succ,
        pseudo,
        suffixes: text(suffixes)?,
        top_chars,
        rest_delta,
        codes,
        names,
        from,
        to,
        blocks,
        notes: text(notes)?,
        sources: text(sources)?,
        note_rows,
        source_rows,
        s2t_from,
        s2t_to,
        s2t_names: text(s2t_names)?,
    })
}

/// The table in use, with its index (built on first use).
struct Loaded {
    table: Table<'static>,
    index: OnceLock<Index<'static>>,
}

static LOADED: OnceLock<Loaded> = OnceLock::new();

fn loaded() -> Option<&'static Loaded> {
    #[cfg(feature = "divisions")]
    if LOADED.get().is_none() {
        if let Ok(table) = parse(EMBEDDED) {
            let _ = LOADED.set(Loaded { table, index: OnceLock::new() });
        }
    }
    // Without a way to get a table (neither compiled in nor installable), the
    // lookup code is dead and left out of the module.
    if cfg!(feature = "divisions-runtime") {
        LOADED.get()
    } else {
        None
    }
}

/// Whether a table is there (compiled in or installed).
pub(super) fn available() -> bool {
    loaded().is_some()
}

/// Installs a blob at run time (see the module docs). The blob is checked
/// first; when a table is already there (compiled in or installed before),
/// nothing changes. The blob's memory is kept for the life of the program.
/// (Feature `divisions-runtime`, which `divisions` implies.)
#[cfg(feature = "divisions-runtime")]
pub fn install(blob: Vec<u8>) -> Result<(), BlobError> {
    parse(&blob)?;
    if available() {
        return Ok(());
    }
    let blob: &'static [u8] = Vec::leak(blob);
    let table = parse(blob)?;
    // A concurrent install may win the race: then this one is a no-op.
    let _ = LOADED.set(Loaded { table, index: OnceLock::new() });
    Ok(())
}

/// The compiled-in blob (`None` without the `divisions` feature).
pub fn embedded_blob() -> Option<&'static [u8]> {
    #[cfg(feature = "divisions")]
    return Some(EMBEDDED);
    #[cfg(not(feature = "divisions"))]
    None
}

/// Decodes a whole blob without installing it: checks it ([`parse`]), builds
/// its index and decodes every row's name in both scripts. Returns the number
/// of rows. For the fuzz target and tests: never panics, whatever the bytes.
#[doc(hidden)]
pub fn decode_all(blob: &[u8]) -> Result<usize, BlobError> {
    let t = parse(blob)?;
    let ix = build_index(&t);
    for &(at, len, suffix) in &ix.name {
        let at = usize::from(at);
        let stem = t.names.get(at..at + usize::from(len)).unwrap_or(&[]);
        let name = decode_name_in(&t, &ix, stem, suffix);
        std::hint::black_box(to_hant_in(&ix, &name));
    }
    Ok(ix.code.len())
}

fn table() -> Option<&'static Table<'static>> {
    loaded().map(|l| &l.table)
}

/// One decoded row (name still encoded).
#[derive(Clone, Copy, Debug)]
pub(super) struct Raw {
    pub index: usize,
    pub code: u32,
    /// Encoded stem (character codes) and suffix index.
    pub name: (&'static [u8], u8),
    pub from: Option<u16>,
    pub to: Option<u16>,
}

impl Raw {
    /// Decoded simplified name.
    pub fn name(&self) -> String {
        decode_name(self.name.0, self.name.1)
    }
    /// `note` column (empty when none).
    pub fn note(&self) -> &'static str {
        if self.is_pseudo() {
            return "pseudo";
        }
        let Some(t) = table() else { return "" };
        lookup_pair(t.note_rows, self.index).map_or("", |k| line(t.notes, k))
    }
    /// `source` column.
    pub fn source(&self) -> &'static str {
        let Some(t) = table() else { return "" };
        line(t.sources, lookup_pair(t.source_rows, self.index).unwrap_or(0))
    }
    /// Grouping (市辖区/县) row.
    pub fn is_pseudo(&self) -> bool {
        index().and_then(|ix| ix.pseudo.get(self.index)).copied().unwrap_or(false)
    }
    /// Precomputed successor row (see `Division::successor`).
    pub fn successor(&self) -> Option<Raw> {
        let s = *index()?.succ.get(self.index)?;
        if s == NO_SUCC {
            return None;
        }
        raw(usize::from(s))
    }
}

/// The value of `row` in a list of (row u16, value u8) records sorted by row.
fn lookup_pair(list: &[u8], row: usize) -> Option<usize> {
    let (mut lo, mut hi) = (0usize, list.len() / 3);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let r = usize::from(u16_at(list, mid * 3));
        if r == row {
            return list.get(mid * 3 + 2).map(|&k| usize::from(k));
        }
        if r < row {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    None
}

fn year(b: Option<&u8>) -> Option<u16> {
    match b {
        Some(&v) if v != 0 => Some(1979 + u16::from(v)),
        _ => None,
    }
}

const NO_SUCC: u16 = u16::MAX;
/// Name stream markers (see `build/divisions.rs`).
const REF_SAME: u8 = 1;
const REF_STEM: u8 = 2;

/// Random-access view of the streams, built once.
pub(super) struct Index<'a> {
    /// Code of each row (sorted, as in the TSV).
    code: Vec<u32>,
    /// Each row's name: stem position in `NAMES`, stem length, suffix index.
    name: Vec<(u16, u8, u8)>,
    /// Successor row of each row, `NO_SUCC` when none.
    succ: Vec<u16>,
    /// Characters behind the 2-byte name codes.
    rest: Vec<char>,
    /// Grouping rows (note `pseudo`, derived from the name).
    pseudo: Vec<bool>,
    /// zh-Hans -> zh-Hant characters (sorted by the first).
    s2t: Vec<(u16, u16)>,
    /// Whole-name overrides (sorted by the first).
    s2t_names: Vec<(&'a str, &'a str)>,
    /// `first[p]`: first row whose code is `>= p * 100` (`p` = 4-digit prefix,
    /// 0..=10000), so a lookup only searches one prefecture's rows.
    first: Vec<u16>,
}

/// Read one LEB128 value at `*pos`.
fn leb(data: &[u8], pos: &mut usize) -> Option<u32> {
    let mut v = 0u32;
    let mut shift = 0u32;
    loop {
        let b = *data.get(*pos)?;
        *pos += 1;
        v |= u32::from(b & 0x7f).checked_shl(shift)?;
        shift += 7;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
}

fn unzigzag(z: u32) -> i64 {
    i64::from(z >> 1) ^ -i64::from(z & 1)
}

pub(super) fn build_index<'a>(t: &Table<'a>) -> Index<'a> {
    let rows = t.rows;
    let mut ix = Index {
        code: Vec::with_capacity(rows),
        name: Vec::with_capacity(rows),
        succ: vec![NO_SUCC; rows],
        rest: Vec::new(),
        first: Vec::new(),
        pseudo: Vec::new(),
        s2t: Vec::with_capacity(t.s2t_n),
        s2t_names: Vec::new(),
    };
    // Codes.
    let blocks: Vec<Block> = t
        .blocks
        .chunks_exact(5)
        .map(|b| Block {
            prefix: u32::from(b.first().copied().unwrap_or(0)),
            row: usize::from(u16_at(b, 1)),
            code_at: usize::from(u16_at(b, 3)),
        })
        .collect();
    let mut pseudo: Vec<(&[u8], u8)> = Vec::new();
    let mut p = t.pseudo;
    while let [suffix, len, rest @ ..] = p {
        let (stem, tail) = rest.split_at(usize::from(*len).min(rest.len()));
        pseudo.push((stem, *suffix));
        p = tail;
    }
    for (i, b) in blocks.iter().enumerate() {
        let end = blocks.get(i + 1).map_or(rows, |n| n.row);
        let mut code = b.prefix * 10000;
        let mut code_at = b.code_at;
        for _ in b.row..end {
            let Some(delta) = leb(t.codes, &mut code_at) else {
                break;
            };
            code = code.saturating_add(delta);
            ix.code.push(code);
        }
    }
    // Names: literal stems, or references to the predecessor row (resolved below).
    let (mut at, mut suf_at, mut off_at) = (0usize, 0usize, 0usize);
    let mut refs: Vec<(usize, u8, i64)> = Vec::new();
    let mut d = 0i64;
    for row in 0..ix.code.len() {
        let start = at;
        let Some(&first) = t.names.get(at) else {
            break;
        };
        at += 1;
        if first == REF_SAME || first == REF_STEM {
            let suffix = if first == REF_STEM {
                suf_at += 1;
                t.suffix.get(suf_at - 1).copied().unwrap_or(0)
            } else {
                0
            };
            d += unzigzag(leb(t.offs, &mut off_at).unwrap_or(0));
            refs.push((row, first, d));
            ix.name.push((0, 0, suffix));
            continue;
        }
        let mut c = first;
        while c != 0 {
            if usize::from(c) >= NAME_BASE + t.top {
                at += 1;
            }
            c = t.names.get(at).copied().unwrap_or(0);
            at += 1;
        }
        let len = u8::try_from(at - 1 - start).unwrap_or(0);
        let suffix = t.suffix.get(suf_at).copied().unwrap_or(0);
        suf_at += 1;
        ix.name.push((u16::try_from(start).unwrap_or(0), len, suffix));
    }
    // Predecessors: rows ending the year a referring row starts or the year before.
    // Counting sort of the ended rows by end year (row order kept within a year).
    let mut start = [0usize; 257];
    for &t in t.to.iter().filter(|&&t| t != 0) {
        if let Some(n) = start.get_mut(usize::from(t) + 1) {
            *n += 1;
        }
    }
    let mut total = 0usize;
    for n in start.iter_mut() {
        total += *n;
        *n = total;
    }
    let mut fill = start;
    let mut by_end = vec![0u16; total];
    for (r, &t) in t.to.iter().enumerate().filter(|(_, &t)| t != 0) {
        if let Some(k) = fill.get_mut(usize::from(t)) {
            if let Some(slot) = by_end.get_mut(*k) {
                *slot = u16::try_from(r).unwrap_or(NO_SUCC);
            }
            *k += 1;
        }
    }
    let group = |y: usize| -> &[u16] {
        match (start.get(y), y.checked_add(1).and_then(|z| start.get(z))) {
            (Some(&lo), Some(&hi)) if y != 0 => by_end.get(lo..hi).unwrap_or(&[]),
            _ => &[],
        }
    };
    let mut pred: Vec<(usize, usize, u8)> = Vec::with_capacity(refs.len());
    for &(row, kind, d) in &refs {
        let f = usize::from(t.from.get(row).copied().unwrap_or(0));
        // The two row-ordered groups, merged on the fly from the insertion point
        // of `row`, |d| steps (references are mostly local).
        let (a, b) = (group(f.wrapping_sub(1)), group(f));
        let mut i = a.partition_point(|&r| usize::from(r) < row);
        let mut j = b.partition_point(|&r| usize::from(r) < row);
        let p = if d >= 0 {
            let mut k = d;
            loop {
                let x = match (a.get(i), b.get(j)) {
                    (Some(&x), Some(&y)) if x < y => {
                        i += 1;
                        x
                    }
                    (_, Some(&y)) => {
                        j += 1;
                        y
                    }
                    (Some(&x), None) => {
                        i += 1;
                        x
                    }
                    (None, None) => break None,
                };
                if k == 0 {
                    break Some(x);
                }
                k -= 1;
            }
        } else {
            let mut k = d;
            loop {
                let prev_a = i.checked_sub(1).and_then(|t| a.get(t));
                let prev_b = j.checked_sub(1).and_then(|t| b.get(t));
                let x = match (prev_a, prev_b) {
                    (Some(&x), Some(&y)) if x > y => {
                        i -= 1;
                        x
                    }
                    (_, Some(&y)) => {
                        j -= 1;
                        y
                    }
                    (Some(&x), None) => {
                        i -= 1;
                        x
                    }
                    (None, None) => break None,
                };
                k += 1;
                if k == 0 {
                    break Some(x);
                }
            }
        };
        if let Some(p) = p {
            if let Some(slot) = ix.succ.get_mut(usize::from(p)) {
                *slot = u16::try_from(row).unwrap_or(NO_SUCC);
            }
            pred.push((row, usize::from(p), kind));
        }
    }
    let (mut pos, mut old) = (0usize, 0i64);
    while let (Some(a), Some(b)) = (leb(t.extra_succ, &mut pos), leb(t.extra_succ, &mut pos)) {
        old += i64::from(a);
        let new = u16::try_from(old + unzigzag(b)).unwrap_or(NO_SUCC);
        if let Some(slot) = usize::try_from(old).ok().and_then(|o| ix.succ.get_mut(o)) {
            *slot = new;
        }
    }
    // Resolve reference names (chains are short; bounded passes, no recursion).
    let mut done: Vec<bool> = vec![true; ix.name.len()];
    for &(row, _, _) in &pred {
        if let Some(d) = done.get_mut(row) {
            *d = false;
        }
    }
    for _ in 0..32 {
        let mut progress = false;
        for &(row, p, kind) in &pred {
            if done.get(row) != Some(&false) || done.get(p) != Some(&true) {
                continue;
            }
            let (Some(&src), Some(dst)) = (ix.name.get(p), ix.name.get(row).copied()) else {
                continue;
            };
            let suffix = if kind == REF_SAME { src.2 } else { dst.2 };
            if let Some(n) = ix.name.get_mut(row) {
                *n = (src.0, src.1, suffix);
            }
            if let Some(d) = done.get_mut(row) {
                *d = true;
            }
            progress = true;
        }
        if !progress {
            break;
        }
    }
    ix.pseudo = ix
        .name
        .iter()
        .map(|&(at, len, suffix)| {
            let at = usize::from(at);
            let stem = t.names.get(at..at + usize::from(len)).unwrap_or(&[]);
            pseudo.iter().any(|&(s, x)| s == stem && x == suffix)
        })
        .collect();
    // zh-Hant tables.
    let (mut pa, mut pb, mut a) = (0usize, 0usize, 0u32);
    for _ in 0..t.s2t_n {
        let (Some(da), Some(db)) = (leb(t.s2t_from, &mut pa), leb(t.s2t_to, &mut pb)) else {
            break;
        };
        a = a.saturating_add(da);
        let b = i64::from(a) + unzigzag(db);
        if let (Ok(a), Ok(b)) = (u16::try_from(a), u16::try_from(b)) {
            ix.s2t.push((a, b));
        }
    }
    // "key\tvalue\n" lines; split on the two ASCII separators by hand.
    let (mut start, mut tab) = (0usize, 0usize);
    for (i, b) in t.s2t_names.bytes().enumerate() {
        if b == b'\t' {
            tab = i;
        } else if b == b'\n' {
            if let (Some(k), Some(v)) = (t.s2t_names.get(start..tab), t.s2t_names.get(tab + 1..i)) {
                ix.s2t_names.push((k, v));
            }
            start = i + 1;
        }
    }
    // First row of each 4-digit prefix.
    let mut row = 0usize;
    ix.first = (0..=10000u32)
        .map(|p| {
            while ix.code.get(row).is_some_and(|&c| c < p * 100) {
                row += 1;
            }
            u16::try_from(row).unwrap_or(u16::MAX)
        })
        .collect();
    // Characters behind the 2-byte codes.
    let (mut pos, mut cp) = (0usize, 0u32);
    while let Some(d) = leb(t.rest_delta, &mut pos) {
        cp = cp.saturating_add(d);
        ix.rest.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
    }
    ix
}

fn index() -> Option<&'static Index<'static>> {
    let l = loaded()?;
    Some(l.index.get_or_init(|| build_index(&l.table)))
}

/// Row `i` (`None` past the end).
pub(super) fn raw(i: usize) -> Option<Raw> {
    let (t, ix) = (table()?, index()?);
    let code = *ix.code.get(i)?;
    let &(at, len, suffix) = ix.name.get(i)?;
    let at = usize::from(at);
    Some(Raw {
        index: i,
        code,
        name: (t.names.get(at..at + usize::from(len))?, suffix),
        from: year(t.from.get(i)),
        to: year(t.to.get(i)),
    })
}

/// Number of rows.
pub(super) fn len() -> usize {
    index().map_or(0, |ix| ix.code.len())
}

/// All rows in TSV order.
pub(super) fn all() -> impl Iterator<Item = Raw> {
    (0..len()).filter_map(raw)
}

/// Row indices of one code (its history, oldest first; empty when unknown).
pub(super) fn range_of(code: u32) -> Range<usize> {
    let Some(ix) = index() else { return 0..0 };
    let p = (code / 100) as usize;
    let lo = ix.first.get(p).map_or(0, |&r| usize::from(r));
    let hi = ix.first.get(p + 1).map_or(lo, |&r| usize::from(r));
    let block = ix.code.get(lo..hi).unwrap_or(&[]);
    let start = lo + block.partition_point(|&c| c < code);
    let mut end = start;
    while ix.code.get(end) == Some(&code) {
        end += 1;
    }
    start..end
}

/// Latest row of one code.
pub(super) fn last_of(code: u32) -> Option<Raw> {
    let r = range_of(code);
    if r.is_empty() {
        return None;
    }
    raw(r.end - 1)
}

/// Decode an encoded name (stem codes + suffix index) to simplified Chinese.
pub(super) fn decode_name(stem: &[u8], suffix: u8) -> String {
    match (table(), index()) {
        (Some(t), Some(ix)) => decode_name_in(t, ix, stem, suffix),
        _ => String::new(),
    }
}

fn decode_name_in(t: &Table<'_>, ix: &Index<'_>, stem: &[u8], suffix: u8) -> String {
    let mut out = String::with_capacity(stem.len() * 3 + 9);
    let s = NAME_BASE;
    let rest = &ix.rest;
    let mut i = 0;
    while let Some(&b) = stem.get(i) {
        let b = usize::from(b);
        i += 1;
        if b < s {
            break;
        } else if b < s + t.top {
            if let Some(c) = char::from_u32(u32::from(u16_at(t.top_chars, 2 * (b - s)))) {
                out.push(c);
            }
        } else {
            let lo = stem.get(i).map_or(0, |&x| usize::from(x));
            i += 1;
            if let Some(&c) = rest.get((b - s - t.top) * 256 + lo) {
                out.push(c);
            }
        }
    }
    out.push_str(line(t.suffixes, usize::from(suffix)));
    out
}

/// Simplified -> traditional using the generated OpenCC table (`data/s2t.tsv`).
pub(super) fn to_hant(s: &str) -> String {
    match index() {
        Some(ix) => to_hant_in(ix, s),
        None => s.to_string(),
    }
}

fn to_hant_in(ix: &Index<'_>, s: &str) -> String {
    if let Some(&(_, t)) =
        ix.s2t_names.binary_search_by_key(&s, |&(a, _)| a).ok().and_then(|i| ix.s2t_names.get(i))
    {
        return t.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        let t = u16::try_from(u32::from(c))
            .ok()
            .and_then(|u| ix.s2t.binary_search_by_key(&u, |&(a, _)| a).ok())
            .and_then(|i| ix.s2t.get(i))
            .and_then(|&(_, t)| char::from_u32(u32::from(t)))
            .unwrap_or(c);
        out.push(t);
    }
    out
}
