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
export type ErrorKind = "empty" | "length" | "character" | "authority" | "entity_type" | "division_format" | "org_code_check" | "check_char" | "birth_date";
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
export type IdKind = "uscc" | "org_code" | "registration_number" | "resident_id";
export type Named = { 
/**
 * The code character, e.g. `9`.
 */
code: string, 
/**
 * Its name, e.g. 市场监督管理（原工商）.
 */
name: Text, };
export type Name = { 
/**
 * Simplified Chinese.
 */
"zh-Hans": string, 
/**
 * Traditional Chinese (OpenCC `s2t`; equal to `zh_hans` without the `divisions` feature).
 */
"zh-Hant": string, };
export type Status = "current" | "abolished" | "renamed" | "grouping" | "special" | "unknown";
export type Level = "national" | "province" | "prefecture" | "county";
export type UnknownReason = "malformed" | "not_found" | "table_unavailable";
export type Ref = { 
/**
 * The 6-digit code.
 */
code: string, 
/**
 * Its name (as of the relevant year).
 */
name: Name, 
/**
 * Province-to-itself name.
 */
fullName: Name, 
/**
 * First year of that name, if recorded.
 */
validFrom?: number, 
/**
 * Year that name ended, if it did.
 */
validTo?: number, };
export type HistoryEntry = { 
/**
 * Name during this period.
 */
name: Name, 
/**
 * First year (`None`: before records start, 1980).
 */
validFrom?: number, 
/**
 * Year the name/code ended (`None`: still valid).
 */
validTo?: number, 
/**
 * Derived successor when this region moved to another code
 * (see [`Division::successor`]).
 */
successor?: Ref, };
export type Division = { 
/**
 * What the code denotes.
 */
status: Status, 
/**
 * The normalized 6-digit code (`None` when malformed).
 */
code?: string, 
/**
 * Level derived from the code (`None` when unknown).
 */
level?: Level, 
/**
 * Current name, or last name if abolished (grouping: 市辖区 etc.).
 */
name?: Name, 
/**
 * Province through county, e.g. 广西壮族自治区贺州市八步区 (grouping rows
 * are skipped; abolished codes use the parents' names of the year they ended).
 */
fullName?: Name, 
/**
 * Province-level name (for unknown codes: when the first two digits are one).
 */
province?: Name, 
/**
 * Prefecture-level name (absent under a grouping row such as 北京市市辖区).
 */
prefecture?: Name, 
/**
 * County-level name.
 */
county?: Name, 
/**
 * First year of the current/last name (`None`: before 1980 or unrecorded).
 */
validFrom?: number, 
/**
 * Year the code ended (abolished; groupings no longer listed).
 */
validTo?: number, 
/**
 * Abolished codes: a successor derived from the data — a code starting the
 * year the old one ended (or the next) with the same name (any province) or
 * the same name stem and a new type suffix (same province, e.g. 繁昌县 →
 * 繁昌区), when exactly one such code exists. Merges (崇文区) have none.
 */
successor?: Ref, 
/**
 * Grouping codes: the prefecture (or province) they belong to.
 */
parent?: Ref, 
/**
 * Every row of this code, oldest first (renames and reuse).
 */
history: Array<HistoryEntry>, 
/**
 * `note` column of the last row when set (`nbs-only`: statistical code).
 */
note?: string, 
/**
 * Unknown codes: why.
 */
reason?: UnknownReason, };
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
 * positions 3-8, registration number positions 1-6) or a resident
 * identity number's address code (positions 1-6), when it is six digits.
 */
divisionCode?: string, 
/**
 * What the division table says about `divisionCode`: names (province
 * through county, zh-Hans and zh-Hant), status and history. Absent when
 * the crate is built without the `divisions` feature.
 */
division?: Division, 
/**
 * A resident identity number's birth date (positions 7-14, or 7-12 of a
 * legacy 15-digit number), `YYYY-MM-DD`, when it is a real day.
 */
birthDate?: string, 
/**
 * The organization code written `XXXXXXXX-X` (USCC positions 9-17, or the
 * whole organization code), when its characters could be read.
 */
orgCode?: string, 
/**
 * The check character as written (last position).
 */
checkChar?: string, };
export type DiagnosisKind = "float_truncation" | "scientific_notation" | "resident_id" | "pilot_era" | "org_code" | "registration_number" | "uscc" | "legacy_resident_id";
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
export type WarningKind = "pilot_era_accepted" | "division_unknown" | "division_abolished";
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
 * The 1-based positions changed: in the corrected code, except for a
 * deletion, whose position is that of the removed character in the input.
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
 * Things the user should know that do not make the code invalid
 * (an accepted pilot-era code, an unknown or abolished division).
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
unmet: Array<Unmet>, 
/**
 * Due dates of the repair procedure (given `appliedOn`; empty otherwise).
 */
procedureDeadlines?: Array<ProcedureDeadline>, 
/**
 * Warnings (e.g. `rules_may_be_outdated`).
 */
warnings?: Array<RepairWarning>, };
export type ProcedureStep = "feedback" | "decision";
export type ProcedureDeadline = { 
/**
 * `<ruleSet>/<procedure id>`.
 */
id: string, 
/**
 * Which step.
 */
step: ProcedureStep, 
/**
 * The case field counted from: `appliedOn` or `receivedOn`.
 */
from: string, 
/**
 * That day (it does not count); null when the case does not give it.
 */
start?: string, 
/**
 * Working days allowed.
 */
workingDays: number, 
/**
 * The last day (a working day); null when it cannot be computed.
 */
due?: string, 
/**
 * Why `due` is null although `start` is given (e.g. `year_not_covered`).
 */
unavailable?: WorkdayError, 
/**
 * The article behind it.
 */
citation: string, 
/**
 * How sure the sources are.
 */
confidence: Confidence, };
export type RepairWarningKind = "rules_may_be_outdated";
export type RepairWarning = { 
/**
 * Stable kind.
 */
kind: RepairWarningKind, 
/**
 * The date it concerns.
 */
date: string, 
/**
 * Localized message.
 */
message: Text, };
export type Track = "ndrc" | "samr" | "court";
export type RuleSetInfo = { 
/**
 * Id (`samr-2025`).
 */
id: string, 
/**
 * Track.
 */
track: Track, 
/**
 * The instrument(s) it encodes.
 */
citation: string, 
/**
 * First day in force.
 */
effectiveFrom: string, 
/**
 * Last day in force; null = open-ended.
 */
effectiveUntil?: string, 
/**
 * The weakest confidence of its rows (`A` or `B`).
 */
confidence: Confidence, 
/**
 * Rows per confidence level: `[A, B]`.
 */
rows: [number, number], 
/**
 * The last day its sources were checked.
 */
reviewedOn?: string, };
export type RulesInfo = { 
/**
 * The built-in rule sets, by track and date.
 */
ruleSets: Array<RuleSetInfo>, 
/**
 * The years the working-day calendar covers, ascending (empty without the
 * `workdays` feature).
 */
calendarYears: Array<number>, };
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
export type DeadlineRule = "double-publicity-7wd" | "samr-20wd";
export type Deadline = { 
/**
 * The day of the decision (does not count).
 */
decidedOn: string, 
/**
 * The last day on which publication is on time (always a working day).
 */
due: string, 
/**
 * The rule applied.
 */
rule: DeadlineRule, 
/**
 * The rule's number of working days.
 */
workingDays: number, 
/**
 * The rule's source, see [`DeadlineRule::citation`].
 */
citation: string, 
/**
 * The confidence of the source, see [`DeadlineRule::confidence`].
 */
confidence: string, 
/**
 * How the deadline was counted, in three languages.
 */
note: Text, };
export type WorkdayErrorKind = "year_not_covered" | "invalid_json" | "invalid_year" | "invalid_date" | "date_outside_year" | "duplicate_date" | "conflicting_date" | "not_a_weekend" | "weekend_holiday" | "empty_holidays" | "year_already_covered" | "out_of_range";
export type WorkdayError = { 
/**
 * What went wrong (stable, machine-readable).
 */
kind: WorkdayErrorKind, 
/**
 * For portal JSON: the path of the offending value, e.g. `2027.holidays[3]`.
 */
field?: string, 
/**
 * The year concerned, where there is one (always set for `year_not_covered`).
 */
year?: number, 
/**
 * A human-readable message in three languages.
 */
message: Text, };
export type ListKind = "red" | "black" | "abnormal_operations" | "serious_violation" | "dishonest_judgment_debtor";
export type MeasureKind = "mandatory" | "recommended";
export type Measure = { 
/**
 * Mandatory or recommended.
 */
kind: MeasureKind, 
/**
 * What the measure is, as the listing unit words it.
 */
text: string, };
export type ObjectionStatus = "pending" | "upheld" | "rejected";
export type EntryState = "upcoming" | "active" | "suspended" | "expired" | "exited" | "repaired" | "voided";
export type Verdict = "restricted" | "suspended" | "attention" | "trustworthy" | "clear";
export type Rule = { 
/**
 * A stable id (see the module docs).
 */
id: string, 
/**
 * Where the rule comes from, with its confidence where not A.
 */
source: string, 
/**
 * What the rule says, in three languages.
 */
text: Text, };
export type ObjectionNotice = { 
/**
 * The day it was filed (`YYYY-MM-DD`).
 */
filedOn: string, 
/**
 * Its status on `as_of` (an objection decided after `as_of` is still pending then).
 */
status: ObjectionStatus, 
/**
 * The day it was decided, when decided by `as_of`.
 */
resolvedOn?: string, 
/**
 * What it means for the entry.
 */
notice: Text, };
export type Publication = { 
/**
 * `double-publicity-7wd` or `samr-20wd`.
 */
rule: string, 
/**
 * The day of the decision.
 */
decidedOn: string, 
/**
 * The last day to publish; absent when the calendar does not cover the year.
 */
due?: string, 
/**
 * Working days allowed.
 */
workingDays: number, 
/**
 * Whether `due` is before `as_of`.
 */
overdue: boolean, 
/**
 * The rule's source.
 */
citation: string, 
/**
 * The year the calendar lacks, when the deadline cannot be computed (never guessed).
 */
calendarMissingYear?: number, 
/**
 * "Publication due by …" or "calendar not available", in three languages.
 */
message: Text, };
export type EntryStatus = { 
/**
 * The entry's index in the record.
 */
index: number, 
/**
 * The list.
 */
list: ListKind, 
/**
 * The list's name.
 */
listName: Text, 
/**
 * The entry's label.
 */
label: string, 
/**
 * The listing unit.
 */
listingUnit: string, 
/**
 * The legal basis.
 */
basis: string, 
/**
 * The day of listing.
 */
listedOn: string, 
/**
 * The state on `as_of`.
 */
state: EntryState, 
/**
 * The state in words.
 */
stateLabel: Text, 
/**
 * The rule that decided the state.
 */
rule: Rule, 
/**
 * The day the entry stops being in force (its `expiresOn`), when it has a term.
 */
endsOn?: string, 
/**
 * Days from `as_of` to `ends_on` (0: its last day is today), for entries still listed.
 */
daysRemaining?: number, 
/**
 * The day it left the list.
 */
exitedOn?: string, 
/**
 * Why it left.
 */
exitReason?: string, 
/**
 * The day repair took effect.
 */
repairedOn?: string, 
/**
 * The measures that apply on `as_of`.
 */
measuresInForce: Array<Measure>, 
/**
 * The measures that would apply but are suspended.
 */
measuresSuspended: Array<Measure>, 
/**
 * Measures that no longer apply (expired, exited, repaired, voided, upcoming).
 */
measuresInactive: Array<Measure>, 
/**
 * The objection, as of the day.
 */
objection?: ObjectionNotice, 
/**
 * The publication deadline, for an entry decided and not yet published.
 */
publication?: Publication, 
/**
 * Repair eligibility on `as_of` (entries in force with a `repair` record).
 */
repair?: RepairAnswer, 
/**
 * Why repair eligibility could not be determined.
 */
repairError?: Text, };
export type MeasureInForce = { 
/**
 * The index of the entry.
 */
entry: number, 
/**
 * Mandatory or recommended.
 */
kind: MeasureKind, 
/**
 * The measure.
 */
text: string, };
export type StatusReport = { 
/**
 * The entity's code.
 */
code: string, 
/**
 * The entity's name.
 */
name: string, 
/**
 * The day resolved for.
 */
asOf: string, 
/**
 * The verdict.
 */
verdict: Verdict, 
/**
 * The verdict in words.
 */
verdictLabel: Text, 
/**
 * The rule that decided the verdict.
 */
rule: Rule, 
/**
 * Whether red-list incentives are suspended by an active dishonesty entry.
 */
redBenefitsSuspended: boolean, 
/**
 * Every entry, in record order.
 */
entries: Array<EntryStatus>, 
/**
 * Every measure that applies on the day.
 */
measuresInForce: Array<MeasureInForce>, };
export type StatusErrorKind = "invalid_json" | "missing_field" | "invalid_value" | "invalid_date" | "inconsistent_dates";
export type StatusError = { 
/**
 * What went wrong.
 */
kind: StatusErrorKind, 
/**
 * The JSON path of the field concerned (`""` for the whole document).
 */
field: string, 
/**
 * The message in zh-Hans, zh-Hant and en; it names the field.
 */
message: Text, };
export type RecordKind = "penalty" | "licence";
export type Severity = "error" | "warning";
export type FindingKind = "unknown_field" | "required" | "too_long" | "not_in_code_list" | "other_unnamed" | "invalid_uscc" | "placeholder_uscc" | "invalid_org_code" | "invalid_reg_no" | "invalid_id_number" | "legacy_id_number" | "birth_after_decision" | "id_division_unknown" | "id_shape" | "invalid_date" | "date_format" | "decision_in_future" | "validity_before_decision" | "publication_end_mismatch" | "invalid_amount" | "amount_looks_like_yuan" | "duplicate_decision_number" | "formula_value";
export type Finding = { 
/**
 * The field code (`CF_XDR_SHXYM`); empty for the record as a whole.
 */
field: string, 
/**
 * What is wrong.
 */
kind: FindingKind, 
/**
 * Error or warning.
 */
severity: Severity, 
/**
 * 1-based character position inside the value, where one applies.
 */
position?: number, 
/**
 * For identifier findings: the identifier's own error kind (`check_char`, …).
 */
errorKind?: ErrorKind, 
/**
 * Localized message (never an ID number or birth date).
 */
message: Text, };
export type PublicationStatus = "due" | "overdue" | "uncovered";
export type RecordPublication = { 
/**
 * The last day to publish (`null` when the calendar does not cover it).
 */
due: string | null, 
/**
 * Due, overdue or uncovered.
 */
status: PublicationStatus, 
/**
 * Working days after the due date up to and including `as_of` (overdue
 * only; 0 when `as_of` is a day off right after the due date).
 */
workingDaysLate?: number, };
export type RecordReport = { 
/**
 * Header as given → value; ID-document numbers masked unless `reveal_ids`.
 */
fields: { [key in string]: string }, 
/**
 * True when there is no error finding.
 */
valid: boolean, 
/**
 * Every finding, in field order.
 */
findings: Array<Finding>, 
/**
 * The publication deadline, when the decision date is known.
 */
publication: RecordPublication | null, };
export type RowReport = { 
/**
 * 1-based row number (in a file: the data row after the header).
 */
row: number, 
/**
 * Header as given → value; ID-document numbers masked unless `reveal_ids`.
 */
fields: { [key in string]: string }, 
/**
 * True when there is no error finding.
 */
valid: boolean, 
/**
 * Every finding, in field order.
 */
findings: Array<Finding>, 
/**
 * The publication deadline, when the decision date is known.
 */
publication: RecordPublication | null, };
export type RecordsSummary = { 
/**
 * Rows checked.
 */
rows: number, 
/**
 * Rows without an error finding.
 */
valid: number, 
/**
 * Rows with an error finding.
 */
invalid: number, 
/**
 * Error findings.
 */
errors: number, 
/**
 * Warning findings.
 */
warnings: number, 
/**
 * Findings by kind.
 */
byKind: Record<string, number>, 
/**
 * Rows whose publication is not yet overdue.
 */
due: number, 
/**
 * Rows overdue.
 */
overdue: number, 
/**
 * Rows the calendar does not cover.
 */
uncovered: number, };
export type RecordsReport = { 
/**
 * One report per record, numbered from 1.
 */
records: Array<RowReport>, 
/**
 * Counts.
 */
summary: RecordsSummary, };
export type RecordsErrorKind = "invalid_json" | "invalid_schema" | "invalid_options" | "unknown_kind" | "no_known_columns" | "duplicate_column";
export type RecordsError = { 
/**
 * What went wrong.
 */
kind: RecordsErrorKind, 
/**
 * The path or column concerned.
 */
field?: string, 
/**
 * Localized message.
 */
message: Text, };
