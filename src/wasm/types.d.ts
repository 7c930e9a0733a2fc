// Generated from the Rust types by ts-rs (tests/ts_types.rs); do not edit.
// Regenerate: UPDATE_TS_TYPES=1 cargo test --features ts --test ts_types
export type Text = { 
/**
 * Simplified Chinese.
 */
"zh-Hans": string, 
/**
 * Traditional Chinese.
 */
"zh-Hant": string, 
/**
 * English.
 */
en: string, };
export type Lang = "zh-Hans" | "zh-Hant" | "en";
export type NoteKind = "full_width" | "whitespace_removed" | "hyphen_removed" | "invisible_removed" | "uppercased";
export type Note = { 
/**
 * What was changed.
 */
kind: NoteKind, 
/**
 * How many characters were changed this way.
 */
count: number, 
/**
 * 1-based position in the input of the first character changed this way.
 */
firstPosition: number, 
/**
 * A localized description.
 */
message: Text, };
export type Normalized = { 
/**
 * The input with full-width mapped to ASCII, separators removed and
 * letters upper-cased. Characters that are none of these are kept as
 * they are, so validation can point at them.
 */
value: string, 
/**
 * What was changed, in the order first seen.
 */
notes: Array<Note>, };
export type ErrorKind = "empty" | "length" | "character" | "authority" | "entity_type" | "division_format" | "org_code_check" | "check_char";
export type IdError = { 
/**
 * What is wrong.
 */
kind: ErrorKind, 
/**
 * 1-based character position in the normalized code, where one applies.
 */
position?: number, 
/**
 * What should be there (a character, a list of characters, a length).
 */
expected?: string, 
/**
 * What is there.
 */
found?: string, 
/**
 * A localized, human-readable message.
 */
message: Text, };
export type IdKind = "uscc" | "org_code" | "registration_number";
export type Named = { 
/**
 * The code character, e.g. `9`.
 */
code: string, 
/**
 * Its name, e.g. 市场监督管理（原工商）.
 */
name: Text, };
export type Parts = { 
/**
 * USCC position 1: the registration authority, when it is a defined one.
 */
authority?: Named, 
/**
 * USCC position 2: the entity type, when it is defined for the authority.
 */
entityType?: Named, 
/**
 * The GB/T 2260 division code of the registering authority (USCC
 * positions 3-8, registration number positions 1-6), when it is six digits.
 */
divisionCode?: string, 
/**
 * The organization code written `XXXXXXXX-X` (USCC positions 9-17, or the
 * whole organization code), when its characters could be read.
 */
orgCode?: string, 
/**
 * The check character as written (last position).
 */
checkChar?: string, };
export type DiagnosisKind = "float_truncation" | "scientific_notation" | "resident_id" | "pilot_era" | "org_code" | "registration_number" | "uscc";
export type Diagnosis = { 
/**
 * What the input looks like.
 */
kind: DiagnosisKind, 
/**
 * A localized explanation.
 */
message: Text, 
/**
 * Codes the input may have been before it was damaged (for
 * [`DiagnosisKind::FloatTruncation`]: every valid code that rounds to it).
 */
candidates: Array<string>, };
export type WarningKind = "pilot_era_accepted";
export type Warning = { 
/**
 * What the warning is about.
 */
kind: WarningKind, 
/**
 * A localized explanation.
 */
message: Text, };
export type EditKind = "substitution" | "transposition" | "insertion" | "deletion";
export type EditReason = "illegal_look_alike" | "look_alike" | "swap" | "keyboard_neighbour" | "illegal_character" | "missing_or_extra" | "other";
export type Suggestion = { 
/**
 * The corrected code.
 */
code: string, 
/**
 * The edit that turns the input into it.
 */
edit: EditKind, 
/**
 * Why it is plausible.
 */
reason: EditReason, 
/**
 * The 1-based positions changed (in the corrected code).
 */
positions: Array<number>, };
export type Validation = { 
/**
 * Which identifier was checked.
 */
kind: IdKind, 
/**
 * Whether the identifier is valid under the options given.
 */
valid: boolean, 
/**
 * The input after [`crate::normalize::normalize`].
 */
normalized: string, 
/**
 * What normalization changed.
 */
notes: Array<Note>, 
/**
 * The parts, as far as they could be read.
 */
parts: Parts, 
/**
 * Every error found; empty exactly when `valid`.
 */
errors: Array<IdError>, 
/**
 * Things a valid code's user should know.
 */
warnings: Array<Warning>, 
/**
 * Recognized real-world shapes of the input.
 */
diagnoses: Array<Diagnosis>, 
/**
 * Ranked corrections, when the code is invalid.
 */
suggestions: Array<Suggestion>, };
export type ValidateOptions = { 
/**
 * Accept Fujian/Xiamen pilot-era codes (valid, with a warning). Default false.
 */
acceptPilotCodes?: boolean, 
/**
 * Compute suggestions for invalid codes. Default true.
 */
suggestions?: boolean, 
/**
 * At most this many suggestions. Default 10.
 */
maxSuggestions?: number, };
export type UsccParts = { 
/**
 * Position 1, a defined registration authority (`9`).
 */
authority: string, 
/**
 * Position 2, an entity type defined for it (`1`).
 */
entityType: string, 
/**
 * Positions 3-8, six digits (`350100`).
 */
division: string, 
/**
 * Positions 9-16, the eight organization-code body characters, from the
 * USCC alphabet (`M000100Y`).
 */
orgBody: string, };
export type Confidence = "A" | "B" | "C";
export type RuleUsed = { 
/**
 * `<ruleSet>/<row id>`.
 */
id: string, 
/**
 * The article behind it.
 */
citation: string, 
/**
 * How sure the sources are.
 */
confidence: Confidence, };
export type UnmetKind = "waiting_period" | "restriction_running" | "reapply_ban" | "early_repair_excluded" | "declared_unrepairable" | "repair_not_needed" | "no_early_window" | "publication_ended" | "repeat_offence" | "parameter_missing" | "record_field_missing" | "corrected" | "obligations_performed" | "commitment_signed" | "harm_removed" | "training_completed" | "credit_report_submitted" | "no_new_similar_penalty" | "not_on_abnormal_list" | "not_on_serious_violation_list" | "no_new_serious_penalty" | "cause_cured" | "deletion_event" | "performed_or_corrected";
export type ConditionStatus = "not_met" | "not_stated";
export type Unmet = { 
/**
 * Stable kind.
 */
kind: UnmetKind, 
/**
 * The input field that would change it, where one does.
 */
field?: string, 
/**
 * For conditions: not met, or not stated.
 */
status?: ConditionStatus, 
/**
 * The date the item concerns (see [`UnmetKind`]).
 */
date?: string, 
/**
 * The article behind it, where one rule is.
 */
citation?: string, 
/**
 * Localized message.
 */
message: Text, };
export type RepairAnswer = { 
/**
 * May apply on `asOf`.
 */
eligible: boolean, 
/**
 * All dates could be determined.
 */
determined: boolean, 
/**
 * First day an application may be made (by time).
 */
earliestApplyDate: string | null, 
/**
 * Last day of publication when it ends by itself.
 */
publicationEnds: string | null, 
/**
 * Early repair excluded.
 */
neverEarly: boolean, 
/**
 * Id of the rule set applied.
 */
ruleSet: string, 
/**
 * Rules used, with citation and confidence.
 */
rules: Array<RuleUsed>, 
/**
 * What is still unmet (empty when eligible).
 */
unmet: Array<Unmet>, };
export type RepairErrorKind = "invalid_json" | "missing_field" | "invalid_value" | "invalid_date" | "date_out_of_range" | "inconsistent_dates" | "unknown_rule_set" | "no_rule_set_in_force" | "track_mismatch" | "no_rule_for_record" | "invalid_rule_set";
export type RepairError = { 
/**
 * What went wrong.
 */
kind: RepairErrorKind, 
/**
 * The JSON path of the field concerned, in the input's camelCase spelling.
 */
field: string, 
/**
 * A localized, human-readable message.
 */
message: Text, };
