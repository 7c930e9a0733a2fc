//! One error model for every identifier.
//!
//! An [`IdError`] has a stable [`ErrorKind`] (the machine-readable part a
//! portal may switch on), the 1-based position in the normalized code where it
//! applies, what was expected and found, and a message in three languages.
//! Validation collects every error it finds, not only the first.

use crate::i18n::Text;
use serde::Serialize;

/// The kind of a validation error. Serialized in snake_case (`check_char`).
///
/// New kinds may be added; match with a wildcard arm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// Nothing left after normalization.
    Empty,
    /// Wrong number of characters.
    Length,
    /// A character that may not stand at this position (for a USCC: outside
    /// the 31-character alphabet, which never uses I, O, S, V, Z).
    Character,
    /// Position 1 of a USCC is not a defined registration authority.
    Authority,
    /// Position 2 of a USCC is not an entity type defined for its authority.
    EntityType,
    /// Positions 3-8 of a USCC are not six digits.
    DivisionFormat,
    /// Positions 9-17 of a USCC fail the GB 11714 organization-code check.
    OrgCodeCheck,
    /// The check character (or check digit) is wrong.
    CheckChar,
    /// The birth date of a resident identity number (positions 7-14) is not
    /// a real day: month outside 01-12, a day the month does not have
    /// (29 February outside leap years), or a year before 1800.
    BirthDate,
}

impl ErrorKind {
    /// The stable snake_case name, as serialized.
    ///
    /// ```
    /// assert_eq!(xinyong::ErrorKind::CheckChar.as_str(), "check_char");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Empty => "empty",
            ErrorKind::Length => "length",
            ErrorKind::Character => "character",
            ErrorKind::Authority => "authority",
            ErrorKind::EntityType => "entity_type",
            ErrorKind::DivisionFormat => "division_format",
            ErrorKind::OrgCodeCheck => "org_code_check",
            ErrorKind::CheckChar => "check_char",
            ErrorKind::BirthDate => "birth_date",
        }
    }
}

impl std::fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One thing wrong with an identifier.
///
/// ```
/// let r = xinyong::uscc::validate("91350100M000100Y4A");
/// let e = &r.errors[0];
/// assert_eq!(e.kind, xinyong::ErrorKind::CheckChar);
/// assert_eq!(e.position, Some(18));
/// assert_eq!(e.expected.as_deref(), Some("3"));
/// assert_eq!(e.found.as_deref(), Some("A"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
#[serde(rename_all = "camelCase")]
pub struct IdError {
    /// What is wrong.
    pub kind: ErrorKind,
    /// 1-based character position in the normalized code, where one applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<usize>,
    /// What should be there (a character, a list of characters, a length).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// What is there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found: Option<String>,
    /// A localized, human-readable message.
    pub message: Text,
}

impl std::fmt::Display for IdError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message.en)
    }
}

impl std::error::Error for IdError {}
