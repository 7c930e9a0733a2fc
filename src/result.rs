//! The result shape shared by the identifiers.

use crate::error::IdError;
use crate::i18n::Text;
use crate::normalize::Note;
use serde::{Deserialize, Serialize};

/// Which identifier a result is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum IdKind {
    /// Unified Social Credit Code, 18 characters (GB 32100-2015).
    Uscc,
    /// Organization code, 9 characters (GB 11714-1997).
    OrgCode,
    /// Business registration number, 15 digits (GS15-2006).
    RegistrationNumber,
    /// Resident identity number, 18 characters (GB 11643-1999).
    ResidentId,
}

impl IdKind {
    /// The stable snake_case name, as serialized.
    ///
    /// ```
    /// assert_eq!(xinyong::IdKind::OrgCode.as_str(), "org_code");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            IdKind::Uscc => "uscc",
            IdKind::OrgCode => "org_code",
            IdKind::RegistrationNumber => "registration_number",
            IdKind::ResidentId => "resident_id",
        }
    }
}

/// A code with its localized name, such as a registration authority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Named {
    /// The code character, e.g. `9`.
    pub code: String,
    /// Its name, e.g. 市场监督管理（原工商）.
    pub name: Text,
}

/// The parts an identifier is made of, as far as they could be read.
/// Fields that do not apply to an identifier, or could not be read, are absent.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
#[serde(rename_all = "camelCase")]
pub struct Parts {
    /// USCC position 1: the registration authority, when it is a defined one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authority: Option<Named>,
    /// USCC position 2: the entity type, when it is defined for the authority.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity_type: Option<Named>,
    /// The GB/T 2260 division code of the registering authority (USCC
    /// positions 3-8, registration number positions 1-6) or a resident
    /// identity number's address code (positions 1-6), when it is six digits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub division_code: Option<String>,
    /// What the division table says about `divisionCode`: names (province
    /// through county, zh-Hans and zh-Hant), status and history. Absent when
    /// the crate is built without the `divisions` feature.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub division: Option<crate::divisions::Division>,
    /// A resident identity number's birth date (positions 7-14, or 7-12 of a
    /// legacy 15-digit number), `YYYY-MM-DD`, when it is a real day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<String>,
    /// The organization code written `XXXXXXXX-X` (USCC positions 9-17, or the
    /// whole organization code), when its characters could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub org_code: Option<String>,
    /// The check character as written (last position).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_char: Option<String>,
}

/// Something about the input worth telling the user beyond its errors: a
/// recognizable real-world shape such as a spreadsheet-truncated number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DiagnosisKind {
    /// An 18-digit code stored as a floating-point number in a spreadsheet
    /// lost its last digits (they became zeros).
    FloatTruncation,
    /// The value is in spreadsheet scientific notation (`9.16201E+17`).
    ScientificNotation,
    /// The value looks like a resident identity card number.
    ResidentId,
    /// A Fujian/Xiamen code issued in the pilot before GB 32100-2015, whose
    /// check character does not follow the standard.
    PilotEra,
    /// The value is a valid 9-character organization code, not a USCC.
    OrgCode,
    /// The value is a valid 15-digit registration number, not a USCC.
    RegistrationNumber,
    /// The value is a valid USCC (which contains an organization code).
    Uscc,
    /// The value is a legacy 15-digit resident identity number; the
    /// candidate is its upgraded 18-character form.
    LegacyResidentId,
}

impl DiagnosisKind {
    /// The stable snake_case name, as serialized.
    ///
    /// ```
    /// assert_eq!(xinyong::result::DiagnosisKind::FloatTruncation.as_str(), "float_truncation");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            DiagnosisKind::FloatTruncation => "float_truncation",
            DiagnosisKind::ScientificNotation => "scientific_notation",
            DiagnosisKind::ResidentId => "resident_id",
            DiagnosisKind::PilotEra => "pilot_era",
            DiagnosisKind::OrgCode => "org_code",
            DiagnosisKind::RegistrationNumber => "registration_number",
            DiagnosisKind::Uscc => "uscc",
            DiagnosisKind::LegacyResidentId => "legacy_resident_id",
        }
    }
}

/// A recognized real-world shape of the input, with an explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Diagnosis {
    /// What the input looks like.
    pub kind: DiagnosisKind,
    /// A localized explanation.
    pub message: Text,
    /// Codes the input may have been before it was damaged (for
    /// [`DiagnosisKind::FloatTruncation`]: every valid code that rounds to it).
    pub candidates: Vec<String>,
}

/// A kind of warning: the code is accepted, but the portal should know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WarningKind {
    /// A pilot-era code was accepted because `acceptPilotCodes` is set.
    PilotEraAccepted,
    /// The division code (positions 3-8) is not in the GB/T 2260 table.
    /// Real codes carry development-zone and other unlisted codes, so this
    /// never makes a code invalid.
    DivisionUnknown,
    /// The division code was abolished; real codes registered before the
    /// change keep it, so this never makes a code invalid.
    DivisionAbolished,
}

impl WarningKind {
    /// The stable snake_case name, as serialized.
    ///
    /// ```
    /// assert_eq!(xinyong::result::WarningKind::DivisionUnknown.as_str(), "division_unknown");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            WarningKind::PilotEraAccepted => "pilot_era_accepted",
            WarningKind::DivisionUnknown => "division_unknown",
            WarningKind::DivisionAbolished => "division_abolished",
        }
    }
}

/// A warning: something the portal should know about the code, valid or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    /// What the warning is about.
    pub kind: WarningKind,
    /// A localized explanation.
    pub message: Text,
}

/// How a suggested correction differs from the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum EditKind {
    /// One character replaced.
    Substitution,
    /// Two neighbouring characters swapped.
    Transposition,
    /// One character added (the input was one short).
    Insertion,
    /// One character removed (the input was one too long).
    Deletion,
}

impl EditKind {
    /// The stable snake_case name, as serialized.
    ///
    /// ```
    /// assert_eq!(xinyong::result::EditKind::Transposition.as_str(), "transposition");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            EditKind::Substitution => "substitution",
            EditKind::Transposition => "transposition",
            EditKind::Insertion => "insertion",
            EditKind::Deletion => "deletion",
        }
    }
}

/// Why a correction is thought plausible; suggestions are ranked by this,
/// most plausible first (see [`crate::suggest`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum EditReason {
    /// A character that is never allowed there replaced by its look-alike (`O`→`0`).
    IllegalLookAlike,
    /// Visually confusable characters (`B`/`8`, `Z`/`2`).
    LookAlike,
    /// Neighbouring characters swapped.
    Swap,
    /// Neighbouring keys on a keyboard or number pad.
    KeyboardNeighbour,
    /// A character that is never allowed there replaced by another.
    IllegalCharacter,
    /// A character missing or doubled.
    MissingOrExtra,
    /// Any other single substitution.
    Other,
}

impl EditReason {
    /// The stable snake_case name, as serialized.
    ///
    /// ```
    /// assert_eq!(xinyong::result::EditReason::KeyboardNeighbour.as_str(), "keyboard_neighbour");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            EditReason::IllegalLookAlike => "illegal_look_alike",
            EditReason::LookAlike => "look_alike",
            EditReason::Swap => "swap",
            EditReason::KeyboardNeighbour => "keyboard_neighbour",
            EditReason::IllegalCharacter => "illegal_character",
            EditReason::MissingOrExtra => "missing_or_extra",
            EditReason::Other => "other",
        }
    }
}

/// A correction that passes every structural check. Never applied
/// automatically: the user chooses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    /// The corrected code.
    pub code: String,
    /// The edit that turns the input into it.
    pub edit: EditKind,
    /// Why it is plausible.
    pub reason: EditReason,
    /// The 1-based positions changed: in the corrected code, except for a
    /// deletion, whose position is that of the removed character in the input.
    pub positions: Vec<usize>,
}

/// The full result of validating one identifier.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Validation {
    /// Which identifier was checked.
    pub kind: IdKind,
    /// Whether the identifier is valid under the options given.
    pub valid: bool,
    /// The input after [`crate::normalize::normalize`].
    pub normalized: String,
    /// What normalization changed.
    pub notes: Vec<Note>,
    /// The parts, as far as they could be read.
    pub parts: Parts,
    /// Every error found; empty exactly when `valid`.
    pub errors: Vec<IdError>,
    /// Things the user should know that do not make the code invalid
    /// (an accepted pilot-era code, an unknown or abolished division).
    pub warnings: Vec<Warning>,
    /// Recognized real-world shapes of the input.
    pub diagnoses: Vec<Diagnosis>,
    /// Ranked corrections, when the code is invalid.
    pub suggestions: Vec<Suggestion>,
}

/// Options for validation. In JSON/JS: `{ "acceptPilotCodes": true }`.
///
/// ```
/// let opts = xinyong::ValidateOptions { accept_pilot_codes: true, ..Default::default() };
/// assert!(xinyong::uscc::validate_with("91350211M0000XUF46", &opts).valid);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ValidateOptions {
    /// Accept Fujian/Xiamen pilot-era codes (valid, with a warning). Default false.
    #[cfg_attr(feature = "ts", ts(as = "Option<bool>", optional))]
    pub accept_pilot_codes: bool,
    /// Compute suggestions for invalid codes. Default true.
    #[cfg_attr(feature = "ts", ts(as = "Option<bool>", optional))]
    pub suggestions: bool,
    /// At most this many suggestions. Default 10.
    #[cfg_attr(feature = "ts", ts(as = "Option<u32>", optional))]
    pub max_suggestions: usize,
}

impl ValidateOptions {
    /// The JSON field names, for boundaries whose deserializer cannot notice
    /// unknown fields on their own (the WASM boundary checks the keys against it).
    ///
    /// ```
    /// let json = serde_json::to_value(xinyong::ValidateOptions::default()).unwrap();
    /// let keys: Vec<_> = json.as_object().unwrap().keys().cloned().collect();
    /// let mut fields = xinyong::ValidateOptions::FIELDS.to_vec();
    /// fields.sort();
    /// assert_eq!(keys, fields);
    /// ```
    pub const FIELDS: &'static [&'static str] = &["acceptPilotCodes", "maxSuggestions", "suggestions"];
}

impl Default for ValidateOptions {
    fn default() -> Self {
        ValidateOptions { accept_pilot_codes: false, suggestions: true, max_suggestions: 10 }
    }
}
