//! The one normalization every entry point uses.
//!
//! What people paste into a form or a spreadsheet is rarely the bare code:
//! full-width characters from a Chinese input method, spaces and hyphens from
//! printed certificates, lower case, invisible characters from web pages.
//! [`normalize`] turns all of these into the bare upper-case ASCII code and
//! says what it changed, as [`Note`]s — never as errors, and never by
//! guessing at a look-alike (`O` stays `O`; suggestions deal with typos).

use crate::i18n::Text;
use serde::Serialize;

/// What normalization changed in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// Full-width characters (`９１３５`, `Ａ`, `－`) were mapped to ASCII.
    FullWidth,
    /// Spaces, tabs, line breaks or the ideographic space U+3000 were removed.
    WhitespaceRemoved,
    /// Hyphens and dashes were removed (as in `D2143569-X`).
    HyphenRemoved,
    /// Invisible characters (zero-width space, byte-order mark) were removed.
    InvisibleRemoved,
    /// Lower-case letters were upper-cased.
    Uppercased,
}

impl NoteKind {
    /// The stable snake_case name, as serialized.
    ///
    /// ```
    /// assert_eq!(xinyong::normalize::NoteKind::FullWidth.as_str(), "full_width");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            NoteKind::FullWidth => "full_width",
            NoteKind::WhitespaceRemoved => "whitespace_removed",
            NoteKind::HyphenRemoved => "hyphen_removed",
            NoteKind::InvisibleRemoved => "invisible_removed",
            NoteKind::Uppercased => "uppercased",
        }
    }
}

/// One kind of change normalization made, how often, and where it first
/// happened (1-based character position in the original input).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Note {
    /// What was changed.
    pub kind: NoteKind,
    /// How many characters were changed this way.
    pub count: usize,
    /// 1-based position in the input of the first character changed this way.
    pub first_position: usize,
    /// A localized description.
    pub message: Text,
}

/// The normalized text and what normalization changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Normalized {
    /// The input with full-width mapped to ASCII, separators removed and
    /// letters upper-cased. Characters that are none of these are kept as
    /// they are, so validation can point at them.
    pub value: String,
    /// What was changed, in the order first seen.
    pub notes: Vec<Note>,
}

/// What normalization does with one input character.
enum Action {
    Keep(char),
    Map(char, NoteKind),
    Drop(NoteKind),
}

fn classify(c: char) -> Action {
    match c {
        'a'..='z' => Action::Map(c.to_ascii_uppercase(), NoteKind::Uppercased),
        '0'..='9' | 'A'..='Z' => Action::Keep(c),
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' => {
            Action::Drop(NoteKind::HyphenRemoved)
        }
        '\u{FF0D}' => Action::Drop(NoteKind::HyphenRemoved),
        // Full-width digits and letters (U+FF10..FF19, FF21..FF3A, FF41..FF5A).
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            let ascii = char::from_u32(c as u32 - 0xFEE0).unwrap_or(c);
            Action::Map(ascii.to_ascii_uppercase(), NoteKind::FullWidth)
        }
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {
            Action::Drop(NoteKind::InvisibleRemoved)
        }
        c if c.is_whitespace() => Action::Drop(NoteKind::WhitespaceRemoved),
        // Other full-width punctuation is mapped so that it shows up as the
        // ASCII character it stands for in error messages.
        '\u{FF01}'..='\u{FF5E}' => {
            Action::Map(char::from_u32(c as u32 - 0xFEE0).unwrap_or(c), NoteKind::FullWidth)
        }
        _ => Action::Keep(c),
    }
}

/// Normalizes an identifier as typed or pasted.
///
/// Full-width digits, letters and hyphen become ASCII; whitespace (including
/// the ideographic space U+3000), hyphens, dashes and invisible characters
/// are removed; letters are upper-cased. Anything else is kept, so the
/// validator can report it with its position. Normalizing twice changes
/// nothing the second time.
///
/// ```
/// use xinyong::normalize::{normalize, NoteKind};
/// let n = normalize("９１３５ 0100m000-100y43");
/// assert_eq!(n.value, "91350100M000100Y43");
/// let kinds: Vec<_> = n.notes.iter().map(|note| note.kind).collect();
/// assert_eq!(kinds, [NoteKind::FullWidth, NoteKind::WhitespaceRemoved,
///                    NoteKind::Uppercased, NoteKind::HyphenRemoved]);
/// ```
pub fn normalize(input: &str) -> Normalized {
    // Fast path: already normalized (the common case in batch data).
    if input.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase()) {
        return Normalized { value: input.to_owned(), notes: Vec::new() };
    }
    let mut value = String::with_capacity(input.len().min(64));
    let mut notes: Vec<Note> = Vec::new();
    for (index, c) in input.chars().enumerate() {
        let kind = match classify(c) {
            Action::Keep(c) => {
                value.push(c);
                continue;
            }
            Action::Map(mapped, kind) => {
                value.push(mapped);
                kind
            }
            Action::Drop(kind) => kind,
        };
        match notes.iter_mut().find(|n| n.kind == kind) {
            Some(note) => note.count += 1,
            None => notes.push(Note { kind, count: 1, first_position: index + 1, message: Text::default() }),
        }
    }
    for note in &mut notes {
        note.message = note_message(note.kind, note.count);
    }
    Normalized { value, notes }
}

fn note_message(kind: NoteKind, count: usize) -> Text {
    match kind {
        NoteKind::FullWidth => Text::new(
            format!("已将 {count} 个全角字符转换为半角"),
            format!("已將 {count} 個全形字元轉換為半形"),
            format!("converted {count} full-width character(s) to ASCII"),
        ),
        NoteKind::WhitespaceRemoved => Text::new(
            format!("已删除 {count} 个空白字符"),
            format!("已刪除 {count} 個空白字元"),
            format!("removed {count} space(s)"),
        ),
        NoteKind::HyphenRemoved => Text::new(
            format!("已删除 {count} 个连字符"),
            format!("已刪除 {count} 個連字號"),
            format!("removed {count} hyphen(s)"),
        ),
        NoteKind::InvisibleRemoved => Text::new(
            format!("已删除 {count} 个不可见字符"),
            format!("已刪除 {count} 個不可見字元"),
            format!("removed {count} invisible character(s)"),
        ),
        NoteKind::Uppercased => Text::new(
            format!("已将 {count} 个小写字母转换为大写"),
            format!("已將 {count} 個小寫字母轉換為大寫"),
            format!("upper-cased {count} letter(s)"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ideographic_space_and_full_width_hyphen_are_removed() {
        let n = normalize("Ｄ２１４３５６９－Ｘ\u{3000}");
        assert_eq!(n.value, "D2143569X");
        assert!(n.notes.iter().any(|x| x.kind == NoteKind::HyphenRemoved));
        assert!(n.notes.iter().any(|x| x.kind == NoteKind::WhitespaceRemoved));
    }

    #[test]
    fn look_alikes_are_not_corrected() {
        assert_eq!(normalize("9135O1").value, "9135O1");
        assert_eq!(normalize("é中").value, "É中".replace('É', "é"));
    }

    #[test]
    fn positions_and_counts() {
        let n = normalize(" ab");
        assert_eq!(n.notes[0].kind, NoteKind::WhitespaceRemoved);
        assert_eq!(n.notes[0].first_position, 1);
        assert_eq!(n.notes[1].kind, NoteKind::Uppercased);
        assert_eq!(n.notes[1].count, 2);
        assert_eq!(n.notes[1].first_position, 2);
    }
}
