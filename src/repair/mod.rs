//! Credit repair (信用修复): may an entity apply now, from which date if not,
//! when does publication end by itself, and which conditions are still unmet —
//! with the article behind each answer.
//!
//! The core is pure: it reads no clock (`asOf` is input) and no time zone; all
//! dates are Asia/Shanghai civil dates (see [`dates`] for the Civil Code
//! arithmetic). Rules are data: one table per rule set ([`RuleSet`], built-in
//! tables in `rulesets/*.json`), each row with its citation and confidence.
//! Only A and B rules are built in; items the sources leave open (C) are
//! portal parameters in [`Params`] with no default — when a case needs one
//! that is missing, the answer says so with an unmet item of kind
//! `parameter_missing` and `determined: false` (not an error: the portal can
//! still show the rest).
//!
//! SAMR Order 107 (`samr-2025`, issue 16): a general penalty (fine) published
//! 2026-01-10 may be repaired from 2026-04-11 (3 months), and its publication
//! ends by itself after 2027-01-10 (1 year).
//!
//! ```
//! use xinyong::repair::{parse_case_json, repair_eligibility};
//! let case = parse_case_json(r#"{"asOf": "2026-04-10", "ruleSet": "auto",
//!   "record": {"kind": "administrative_penalty", "track": "samr", "severity": "general",
//!              "measures": ["fine"], "publishedOn": "2026-01-10"}}"#).unwrap();
//! let a = repair_eligibility(&case).unwrap();
//! assert_eq!(a.rule_set, "samr-2025");
//! assert_eq!(a.earliest_apply_date.map(|d| d.to_string()), Some("2026-04-11".into()));
//! ```
//!
//! Worked example (Order 36, general penalty published 2026-05-10):
//!
//! ```
//! use xinyong::repair::{parse_case_json, repair_eligibility};
//! let case = parse_case_json(r#"{"asOf": "2026-11-26", "ruleSet": "auto",
//!   "record": {"kind": "administrative_penalty", "track": "ndrc", "severity": "general",
//!              "sector": null, "measures": ["fine"], "publishedOn": "2026-05-10",
//!              "listedOn": null, "obligationsPerformed": true, "corrected": true,
//!              "commitmentSigned": true, "harmRemoved": true}}"#).unwrap();
//! let a = repair_eligibility(&case).unwrap();
//! assert!(a.eligible);
//! assert_eq!(a.rule_set, "ndrc-2026");
//! let json = serde_json::to_value(&a).unwrap();
//! assert_eq!(json["earliestApplyDate"], "2026-08-11");
//! assert_eq!(json["publicationEnds"], "2027-05-10");
//! ```

// The built-in rule sets compiled into static data: the card module's (and
// its unit test's); every other build reads their JSON.
#[cfg(any(card_module, test))]
mod builtin;
pub mod dates;
mod engine;
mod error;
mod json;
mod messages;
mod rules;

pub use error::{RepairError, RepairErrorKind};
pub use rules::{
    builtin_rule_set, builtin_rule_sets, parse_rule_set_json, Anchor, BuiltinRuleSet, Condition, Confidence,
    Earliest, Exclusion, Measure, ProcedureRule, ProcedureStart, ProcedureStep, Publication, RecordKind,
    RefusalGround, RefusalRule, RuleRow, RuleSet, Sector, Severity, Track,
};

use crate::i18n::Text;
use chrono::NaiveDate;
use json::Obj;
use json::Value;
use serde::{Deserialize, Serialize};

/// Which rule set to apply: `"auto"` (the default: the newest rule set of the
/// record's track in force on `asOf`, custom ones included and preferred on a
/// tie), a built-in id (`"ndrc-2023"`), or the id of a rule set supplied in
/// `customRuleSets`. An explicit id is applied whatever `asOf` is (for
/// "what would the old rules say" questions); only `auto` looks at dates.
///
/// ```
/// use xinyong::repair::{BuiltinRuleSet, RuleSetSelector};
/// let s: RuleSetSelector = serde_json::from_str("\"ndrc-2019\"").unwrap();
/// assert_eq!(s, RuleSetSelector::Builtin(BuiltinRuleSet::Ndrc2019));
/// assert_eq!(serde_json::to_string(&RuleSetSelector::Auto).unwrap(), "\"auto\"");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum RuleSetSelector {
    /// The rule set of the record's track in force on `asOf`.
    #[default]
    Auto,
    /// A built-in rule set.
    Builtin(BuiltinRuleSet),
    /// A rule set from `customRuleSets`, by id.
    Custom(String),
}

impl TryFrom<String> for RuleSetSelector {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        if s == "auto" {
            Ok(RuleSetSelector::Auto)
        } else if let Some(b) = BuiltinRuleSet::from_id(&s) {
            Ok(RuleSetSelector::Builtin(b))
        } else if !s.is_empty()
            && s.len() <= 64
            && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            Ok(RuleSetSelector::Custom(s))
        } else {
            Err("expected \"auto\", a built-in id (ndrc-2019, ndrc-2023, ndrc-2026, samr-2021, samr-2025, spc-2017) or a custom id (a-z, 0-9, -)".into())
        }
    }
}

impl From<RuleSetSelector> for String {
    fn from(s: RuleSetSelector) -> String {
        match s {
            RuleSetSelector::Auto => "auto".into(),
            RuleSetSelector::Builtin(b) => b.id().into(),
            RuleSetSelector::Custom(id) => id,
        }
    }
}

/// Why an entity left the abnormal-operations list (SAMR 3号 Art 5).
///
/// ```
/// use xinyong::repair::CureGround;
/// let g: CureGround = serde_json::from_str("\"annual_report_filed\"").unwrap();
/// assert_eq!(g, CureGround::AnnualReportFiled);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CureGround {
    /// 补报未报年份的年度报告.
    AnnualReportFiled,
    /// 履行即时信息公示义务（补充公示）.
    DisclosureMade,
    /// 更正隐瞒真实情况、弄虚作假的公示信息.
    FalseDisclosureCorrected,
    /// 依法办理住所变更登记或恢复联系.
    AddressResolved,
}

/// An event after which a dishonest judgment debtor is deleted (SPC 2017 Art 10).
///
/// ```
/// use xinyong::repair::DeletionEvent;
/// let e: DeletionEvent = serde_json::from_str("\"execution_terminated\"").unwrap();
/// assert_eq!(e, DeletionEvent::ExecutionTerminated);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeletionEvent {
    /// 已履行.
    Paid,
    /// 和解协议已履行.
    SettlementPerformed,
    /// 申请执行人申请删除且法院同意.
    CreditorApplied,
    /// 终结本次执行后两次查询无财产.
    NoAssetsAfterSearches,
    /// 中止执行.
    ExecutionSuspended,
    /// 不予执行.
    EnforcementRefused,
    /// 终结执行.
    ExecutionTerminated,
}

/// Numbers the sources leave to the portal (C items or regional settings).
/// None has a built-in default; unknown keys are rejected.
///
/// ```
/// use xinyong::repair::Params;
/// let p: Params = serde_json::from_str(r#"{"lowFineThresholdYuan": 3000}"#).unwrap();
/// assert_eq!(p.low_fine_threshold_yuan, Some(3000.0));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Params {
    /// SAMR: a fine at or below this amount (yuan) is a 较低数额罚款 (set by each province).
    #[serde(default)]
    pub low_fine_threshold_yuan: Option<f64>,
    /// NDRC Order 36: years during which a re-application is barred after a
    /// refusal for false materials (C: number not found). 0-100.
    #[serde(default)]
    pub false_materials_ban_years: Option<u32>,
    /// SAMR Order 107 (`samr-2025`): the minimum period of general penalties in food,
    /// drugs and special equipment (1 year under 3号; not found for Order 107, C):
    /// `{"after": {"months": 12}}` or `"never"`.
    #[serde(default)]
    pub samr_sector_minimum: Option<Earliest>,
    /// SAMR Order 107 (`samr-2025`): when penalties with the measures Order 45 Art 14
    /// never let stop early (licence revocation, bans, …) may be repaired (not found
    /// for Order 107, C): `{"after": {"years": 1}}` or `"never"`.
    #[serde(default)]
    pub samr_restrictive_measures_minimum: Option<Earliest>,
    /// Which SAMR rule set governs a record published (listed) before Order 107 came
    /// into force on 2025-12-25 and asked about after (no transitional provision
    /// found, C). Only `ruleSet: "auto"` reads it.
    #[serde(default)]
    pub samr_transition: Option<Transition>,
}

impl Params {
    /// The value of an `{"param": name}` earliest ([`Earliest::PARAMS`]).
    ///
    /// ```
    /// use xinyong::repair::{Earliest, Params};
    /// let p = Params { samr_sector_minimum: Some(Earliest::Never), ..Params::default() };
    /// assert_eq!(p.earliest_param("samrSectorMinimum"), Some(&Earliest::Never));
    /// assert_eq!(p.earliest_param("nope"), None);
    /// ```
    pub fn earliest_param(&self, name: &str) -> Option<&Earliest> {
        match name {
            "samrSectorMinimum" => self.samr_sector_minimum.as_ref(),
            "samrRestrictiveMeasuresMinimum" => self.samr_restrictive_measures_minimum.as_ref(),
            _ => None,
        }
    }
}

/// How a record dated before a new rule set's `effectiveFrom` is treated when
/// asked about after it (portal parameter `samrTransition`).
///
/// ```
/// use xinyong::repair::Transition;
/// let t: Transition = serde_json::from_str("\"publication_date\"").unwrap();
/// assert_eq!(t, Transition::PublicationDate);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Transition {
    /// The rule set in force on `asOf` governs every record (the regime follows
    /// the day the repair is applied for).
    ApplicationDate,
    /// A record published (listed) before the new rule set stays under the rule
    /// set in force on that day.
    PublicationDate,
}

/// The dated record to evaluate. Booleans are facts: `null`/absent means "not
/// stated" (reported as an unmet condition with status `not_stated`).
/// Unknown keys are ignored.
///
/// ```
/// use xinyong::repair::{Record, RecordKind};
/// let r: Record = serde_json::from_str(
///     r#"{"kind": "abnormal_operations", "track": "samr", "listedOn": "2025-03-01"}"#).unwrap();
/// assert_eq!(r.kind, RecordKind::AbnormalOperations);
/// assert!(r.measures.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Record {
    /// What kind of record.
    pub kind: RecordKind,
    /// Which system it belongs to.
    pub track: Track,
    /// Severity as classed by the deciding authority.
    #[serde(default)]
    pub severity: Option<Severity>,
    /// Regulated field, where rules depend on it.
    #[serde(default)]
    pub sector: Option<Sector>,
    /// Measures of the penalty decision.
    #[serde(default)]
    pub measures: Vec<Measure>,
    /// Fine amount in yuan (classes `fine` as low or not where the rule set needs it).
    #[serde(default)]
    pub fine_amount_yuan: Option<f64>,
    /// Date of the decision document.
    #[serde(default, with = "dates::serde_opt_date")]
    pub decided_on: Option<NaiveDate>,
    /// Date publication began.
    #[serde(default, with = "dates::serde_opt_date")]
    pub published_on: Option<NaiveDate>,
    /// Date of listing (for list kinds).
    #[serde(default, with = "dates::serde_opt_date")]
    pub listed_on: Option<NaiveDate>,
    /// Last day of a production / employment ban or other statutory restriction.
    #[serde(default, with = "dates::serde_opt_date")]
    pub restriction_ends_on: Option<NaiveDate>,
    /// SPC 法释〔2017〕7号 Art 1 item (1-6) the listing rests on.
    #[serde(default)]
    pub spc_item: Option<u8>,
    /// Years by which the court extended the listing (0-3).
    #[serde(default)]
    pub extension_years: Option<u32>,
    /// Legal obligations (the penalty, the judgment) performed.
    #[serde(default)]
    pub obligations_performed: Option<bool>,
    /// Dishonest conduct corrected.
    #[serde(default)]
    pub corrected: Option<bool>,
    /// Credit commitment (承诺书) signed.
    #[serde(default)]
    pub commitment_signed: Option<bool>,
    /// Harmful effects removed.
    #[serde(default)]
    pub harm_removed: Option<bool>,
    /// Credit-repair training certificate obtained (527号 serious).
    #[serde(default)]
    pub training_completed: Option<bool>,
    /// Credit report submitted (527号 serious).
    #[serde(default)]
    pub credit_report_submitted: Option<bool>,
    /// A new SAMR penalty of the same type since.
    #[serde(default)]
    pub new_similar_penalty: Option<bool>,
    /// A new serious SAMR penalty since.
    #[serde(default)]
    pub new_serious_penalty: Option<bool>,
    /// Currently on the abnormal-operations list.
    #[serde(default)]
    pub on_abnormal_list: Option<bool>,
    /// Currently on the serious-violation list.
    #[serde(default)]
    pub on_serious_violation_list: Option<bool>,
    /// Ground on which the abnormal-operations cause was cured.
    #[serde(default)]
    pub cure_ground: Option<CureGround>,
    /// SPC deletion events that occurred.
    #[serde(default)]
    pub deletion_events: Option<Vec<DeletionEvent>>,
    /// First day the listing unit allows an exit application (serious-dishonesty list).
    #[serde(default, with = "dates::serde_opt_date")]
    pub listing_unit_repair_from: Option<NaiveDate>,
    /// Last day of listing set by the listing unit (serious-dishonesty list).
    #[serde(default, with = "dates::serde_opt_date")]
    pub listing_unit_exit_on: Option<NaiveDate>,
    /// Law or central policy declares the record unrepairable.
    #[serde(default)]
    pub declared_unrepairable: Option<bool>,
    /// The conduct is a repeat offence.
    #[serde(default)]
    pub repeat_offence: Option<bool>,
    /// Date an earlier repair application was refused for false materials.
    #[serde(default, with = "dates::serde_opt_date")]
    pub refused_for_false_materials_on: Option<NaiveDate>,
}

/// The whole input: `asOf`, the rule-set choice, the record, portal parameters
/// and any portal-supplied rule sets.
///
/// ```
/// use xinyong::repair::{parse_case_json, RuleSetSelector};
/// let c = parse_case_json(r#"{"asOf":"2026-11-26","record":{"kind":"dishonest_judgment_debtor",
///   "track":"court","spcItem":2,"listedOn":"2025-01-15"}}"#).unwrap();
/// assert_eq!(c.rule_set, RuleSetSelector::Auto);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RepairCase {
    /// The civil date (Asia/Shanghai) the question is asked for.
    #[serde(with = "dates::serde_date")]
    pub as_of: NaiveDate,
    /// Which rule set.
    #[serde(default)]
    pub rule_set: RuleSetSelector,
    /// The record.
    pub record: Record,
    /// Portal parameters.
    #[serde(default)]
    pub params: Params,
    /// Portal-supplied rule sets (validated like [`parse_rule_set_json`]).
    #[serde(default)]
    pub custom_rule_sets: Vec<RuleSet>,
    /// The day the repair application was made: the answer then names the
    /// procedure's due dates (`procedureDeadlines`).
    #[serde(default, with = "dates::serde_opt_date")]
    pub applied_on: Option<NaiveDate>,
    /// The day the deciding authority received the application (from 信用中国),
    /// for the deadlines counted from receipt.
    #[serde(default, with = "dates::serde_opt_date")]
    pub received_on: Option<NaiveDate>,
}

/// A due date of the repair procedure: `workingDays` working days after the
/// `from` day under the State Council holiday calendar (built-in years plus
/// any added with `addHolidayYears`). `due` is null when the start day is not
/// given, or — failing closed — when the calendar does not cover the years
/// (`unavailable` says which).
///
/// ```
/// use xinyong::repair::{parse_case_json, repair_eligibility};
/// let case = parse_case_json(r#"{"asOf":"2026-09-28","appliedOn":"2026-09-28","receivedOn":"2026-09-30",
///   "record":{"kind":"administrative_penalty","track":"ndrc","severity":"general","publishedOn":"2026-05-10"}}"#).unwrap();
/// let a = repair_eligibility(&case).unwrap();
/// let due: Vec<String> = a.procedure_deadlines.iter().map(|d| d.due.unwrap().to_string()).collect();
/// assert_eq!(due, ["2026-10-16", "2026-10-10"]); // over the National Day holiday; Saturday 10-10 is worked
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
#[serde(rename_all = "camelCase")]
pub struct ProcedureDeadline {
    /// `<ruleSet>/<procedure id>`.
    pub id: String,
    /// Which step.
    pub step: ProcedureStep,
    /// The case field counted from: `appliedOn` or `receivedOn`.
    pub from: String,
    /// That day (it does not count); null when the case does not give it.
    #[serde(with = "dates::serde_opt_date")]
    #[cfg_attr(feature = "ts", ts(as = "Option<String>"))]
    pub start: Option<NaiveDate>,
    /// Working days allowed.
    pub working_days: u32,
    /// The last day (a working day); null when it cannot be computed.
    #[serde(with = "dates::serde_opt_date")]
    #[cfg_attr(feature = "ts", ts(as = "Option<String>"))]
    pub due: Option<NaiveDate>,
    /// Why `due` is null although `start` is given (e.g. `year_not_covered`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg(feature = "workdays")]
    pub unavailable: Option<crate::workdays::WorkdayError>,
    /// The article behind it.
    pub citation: String,
    /// How sure the sources are.
    pub confidence: Confidence,
}

/// Kinds of [`RepairWarning`].
///
/// ```
/// use xinyong::repair::RepairWarningKind;
/// assert_eq!(serde_json::to_string(&RepairWarningKind::RulesMayBeOutdated).unwrap(), "\"rules_may_be_outdated\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RepairWarningKind {
    /// `asOf` is after the newest built-in rule set's last review: rules that came
    /// into force since are not in this version (`date` = that review day).
    RulesMayBeOutdated,
}

/// Something the reader of an answer should know that does not change it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RepairWarning {
    /// Stable kind.
    pub kind: RepairWarningKind,
    /// The date it concerns.
    #[serde(with = "dates::serde_date")]
    #[cfg_attr(feature = "ts", ts(as = "String"))]
    pub date: NaiveDate,
    /// Localized message.
    pub message: Text,
}

/// A rule the answer rests on.
///
/// ```
/// use xinyong::repair::{Confidence, RuleUsed};
/// let r = RuleUsed { id: "ndrc-2026/penalty-general".into(), citation: "Order 36".into(), confidence: Confidence::A };
/// assert_eq!(serde_json::to_value(&r).unwrap()["confidence"], "A");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RuleUsed {
    /// `<ruleSet>/<row id>`.
    pub id: String,
    /// The article behind it.
    pub citation: String,
    /// How sure the sources are.
    pub confidence: Confidence,
}

/// Stable kinds of unmet items. Condition kinds have the names of [`Condition`].
///
/// ```
/// use xinyong::repair::UnmetKind;
/// assert_eq!(serde_json::to_string(&UnmetKind::WaitingPeriod).unwrap(), "\"waiting_period\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum UnmetKind {
    /// The minimum period has not run (`date` = first day one may apply).
    WaitingPeriod,
    /// A statutory restriction still runs (`date` = its last day).
    RestrictionRunning,
    /// A re-application ban after false materials runs (`date` = first day one may apply).
    ReapplyBan,
    /// Early repair is excluded; publication ends only by itself.
    EarlyRepairExcluded,
    /// Law or central policy declares the record unrepairable.
    DeclaredUnrepairable,
    /// Not published, or only briefly: nothing to apply for.
    RepairNotNeeded,
    /// The earliest date falls after publication ends.
    NoEarlyWindow,
    /// Publication already ended by itself (`date` = its last day).
    PublicationEnded,
    /// A repeat offence: a ground for refusal.
    RepeatOffence,
    /// A portal parameter the case needs is missing (`field` = `params.…`).
    ParameterMissing,
    /// A record field the case needs is missing (`field` = `record.…`).
    RecordFieldMissing,
    /// Condition [`Condition::Corrected`].
    Corrected,
    /// Condition [`Condition::ObligationsPerformed`].
    ObligationsPerformed,
    /// Condition [`Condition::CommitmentSigned`].
    CommitmentSigned,
    /// Condition [`Condition::HarmRemoved`].
    HarmRemoved,
    /// Condition [`Condition::TrainingCompleted`].
    TrainingCompleted,
    /// Condition [`Condition::CreditReportSubmitted`].
    CreditReportSubmitted,
    /// Condition [`Condition::NoNewSimilarPenalty`].
    NoNewSimilarPenalty,
    /// Condition [`Condition::NotOnAbnormalList`].
    NotOnAbnormalList,
    /// Condition [`Condition::NotOnSeriousViolationList`].
    NotOnSeriousViolationList,
    /// Condition [`Condition::NoNewSeriousPenalty`].
    NoNewSeriousPenalty,
    /// Condition [`Condition::CauseCured`].
    CauseCured,
    /// Condition [`Condition::DeletionEvent`].
    DeletionEvent,
    /// Condition [`Condition::PerformedOrCorrected`].
    PerformedOrCorrected,
}

impl From<Condition> for UnmetKind {
    fn from(c: Condition) -> Self {
        match c {
            Condition::Corrected => UnmetKind::Corrected,
            Condition::ObligationsPerformed => UnmetKind::ObligationsPerformed,
            Condition::CommitmentSigned => UnmetKind::CommitmentSigned,
            Condition::HarmRemoved => UnmetKind::HarmRemoved,
            Condition::TrainingCompleted => UnmetKind::TrainingCompleted,
            Condition::CreditReportSubmitted => UnmetKind::CreditReportSubmitted,
            Condition::NoNewSimilarPenalty => UnmetKind::NoNewSimilarPenalty,
            Condition::NotOnAbnormalList => UnmetKind::NotOnAbnormalList,
            Condition::NotOnSeriousViolationList => UnmetKind::NotOnSeriousViolationList,
            Condition::NoNewSeriousPenalty => UnmetKind::NoNewSeriousPenalty,
            Condition::CauseCured => UnmetKind::CauseCured,
            Condition::DeletionEvent => UnmetKind::DeletionEvent,
            Condition::PerformedOrCorrected => UnmetKind::PerformedOrCorrected,
        }
    }
}

/// Whether a condition is known to fail or simply not stated.
///
/// ```
/// use xinyong::repair::ConditionStatus;
/// assert_eq!(serde_json::to_string(&ConditionStatus::NotStated).unwrap(), "\"not_stated\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ConditionStatus {
    /// The record says it does not hold.
    NotMet,
    /// The record does not say.
    NotStated,
}

/// One thing that stands between the entity and a repair application.
///
/// ```
/// use xinyong::{i18n::Text, repair::{Unmet, UnmetKind}};
/// let u = Unmet { kind: UnmetKind::RepeatOffence, field: None, status: None, date: None,
///                 citation: None, message: Text::new("重复", "重複", "repeat") };
/// assert_eq!(serde_json::to_value(&u).unwrap()["kind"], "repeat_offence");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
#[serde(rename_all = "camelCase")]
pub struct Unmet {
    /// Stable kind.
    pub kind: UnmetKind,
    /// The input field that would change it, where one does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// For conditions: not met, or not stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ConditionStatus>,
    /// The date the item concerns (see [`UnmetKind`]).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "dates::serde_opt_date")]
    #[cfg_attr(feature = "ts", ts(as = "Option<String>"))]
    pub date: Option<NaiveDate>,
    /// The article behind it, where one rule is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
    /// Localized message.
    pub message: Text,
}

/// The answer.
///
/// - `eligible`: an application may be made on `asOf` (periods run, conditions
///   met, nothing excluded or undetermined, publication not yet over).
/// - `determined`: false when a portal parameter or record field the case
///   needs is missing; the affected dates are then null.
/// - `earliestApplyDate`: first day an application may be made, by time alone
///   (never before `publishedOn`/`listedOn`); null when never by time, not
///   needed, or undetermined.
/// - `publicationEnds`: last day of publication (listing) when it ends by itself;
///   null when there is no end by time, nothing is published, or undetermined.
///   Never before `earliestApplyDate`.
/// - `neverEarly`: early repair is excluded (never, not needed, or no window).
///
/// ```
/// use xinyong::repair::{parse_case_json, repair_eligibility, UnmetKind};
/// let case = parse_case_json(r#"{"asOf":"2026-06-01","record":{"kind":"administrative_penalty",
///   "track":"ndrc","severity":"general","publishedOn":"2026-05-10"}}"#).unwrap();
/// let a = repair_eligibility(&case).unwrap();
/// assert!(!a.eligible);
/// assert_eq!(a.unmet[0].kind, UnmetKind::WaitingPeriod);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RepairAnswer {
    /// May apply on `asOf`.
    pub eligible: bool,
    /// All dates could be determined.
    pub determined: bool,
    /// First day an application may be made (by time).
    #[serde(with = "dates::serde_opt_date")]
    #[cfg_attr(feature = "ts", ts(as = "Option<String>"))]
    pub earliest_apply_date: Option<NaiveDate>,
    /// Last day of publication when it ends by itself.
    #[serde(with = "dates::serde_opt_date")]
    #[cfg_attr(feature = "ts", ts(as = "Option<String>"))]
    pub publication_ends: Option<NaiveDate>,
    /// Early repair excluded.
    pub never_early: bool,
    /// Id of the rule set applied.
    pub rule_set: String,
    /// Rules used, with citation and confidence.
    pub rules: Vec<RuleUsed>,
    /// What is still unmet (empty when eligible).
    pub unmet: Vec<Unmet>,
    /// Due dates of the repair procedure (given `appliedOn`; empty otherwise).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<ProcedureDeadline>>", optional))]
    pub procedure_deadlines: Vec<ProcedureDeadline>,
    /// Warnings (e.g. `rules_may_be_outdated`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<RepairWarning>>", optional))]
    pub warnings: Vec<RepairWarning>,
}

/// Evaluates a case. Never panics and never reads a clock; bad input (also in
/// a case built in Rust rather than parsed) is a typed [`RepairError`] naming
/// the field.
///
/// ```
/// use xinyong::repair::{parse_case_json, repair_eligibility};
/// // SAMR 3号: confiscation from a food business, published 2025-11-30: 1 year minimum.
/// let case = parse_case_json(r#"{"asOf":"2026-11-30","ruleSet":"samr-2021","record":{"kind":"administrative_penalty",
///   "track":"samr","sector":"food","measures":["confiscation"],"publishedOn":"2025-11-30",
///   "obligationsPerformed":true,"harmRemoved":true,"newSimilarPenalty":false,
///   "onAbnormalList":false,"onSeriousViolationList":false}}"#).unwrap();
/// let a = repair_eligibility(&case).unwrap();
/// assert_eq!(a.earliest_apply_date.map(|d| d.to_string()), Some("2026-12-01".into()));
/// assert!(!a.eligible);
/// ```
pub fn repair_eligibility(case: &RepairCase) -> Result<RepairAnswer, RepairError> {
    engine::evaluate(case)
}

/// Parses a case from JSON (camelCase keys), naming the field of any error
/// (`record.publishedOn`, `customRuleSets[0].rows[1].earliest`). Unknown keys
/// are ignored at the top level and in `record`, rejected in `params` and in
/// rule sets. The parsed case is also validated as [`repair_eligibility`] would.
///
/// ```
/// use xinyong::repair::{parse_case_json, RepairErrorKind};
/// let e = parse_case_json(r#"{"asOf":"2026-11-26","record":{"kind":"penalty","track":"ndrc"}}"#).unwrap_err();
/// assert_eq!((e.kind, e.field.as_str()), (RepairErrorKind::InvalidValue, "record.kind"));
/// let e = parse_case_json("[1,2]").unwrap_err();
/// assert_eq!(e.kind, RepairErrorKind::InvalidJson);
/// ```
pub fn parse_case_json(text: &str) -> Result<RepairCase, RepairError> {
    parse_case(&json::parse_text(text)?)
}

/// The repair case of an entity's `repair` record on `as_of` (the status
/// module's entries): the built-in rule sets, no parameters; checked as
/// [`parse_case_json`] checks a case.
#[cfg(feature = "status")]
pub(crate) fn record_case(as_of: NaiveDate, record: &Record) -> Result<RepairCase, RepairError> {
    let case = RepairCase {
        as_of,
        rule_set: RuleSetSelector::Auto,
        record: record.clone(),
        params: Params::default(),
        custom_rule_sets: Vec::new(),
        applied_on: None,
        received_on: None,
    };
    engine::validate_case(&case)?;
    Ok(case)
}

/// Reads a case's `record` (errors name `record.…`).
pub(crate) fn record_from_value(record_value: &Value) -> Result<Record, RepairError> {
    let r = Obj::new(record_value, "record")?;
    Ok(Record {
        kind: r.req("kind")?,
        track: r.req("track")?,
        severity: r.opt("severity")?,
        sector: r.opt("sector")?,
        measures: r.opt_list("measures")?.unwrap_or_default(),
        fine_amount_yuan: r.opt("fineAmountYuan")?,
        decided_on: r.opt_date("decidedOn")?,
        published_on: r.opt_date("publishedOn")?,
        listed_on: r.opt_date("listedOn")?,
        restriction_ends_on: r.opt_date("restrictionEndsOn")?,
        spc_item: r.opt("spcItem")?,
        extension_years: r.opt("extensionYears")?,
        obligations_performed: r.opt("obligationsPerformed")?,
        corrected: r.opt("corrected")?,
        commitment_signed: r.opt("commitmentSigned")?,
        harm_removed: r.opt("harmRemoved")?,
        training_completed: r.opt("trainingCompleted")?,
        credit_report_submitted: r.opt("creditReportSubmitted")?,
        new_similar_penalty: r.opt("newSimilarPenalty")?,
        new_serious_penalty: r.opt("newSeriousPenalty")?,
        on_abnormal_list: r.opt("onAbnormalList")?,
        on_serious_violation_list: r.opt("onSeriousViolationList")?,
        cure_ground: r.opt("cureGround")?,
        deletion_events: r.opt_list("deletionEvents")?,
        listing_unit_repair_from: r.opt_date("listingUnitRepairFrom")?,
        listing_unit_exit_on: r.opt_date("listingUnitExitOn")?,
        declared_unrepairable: r.opt("declaredUnrepairable")?,
        repeat_offence: r.opt("repeatOffence")?,
        refused_for_false_materials_on: r.opt_date("refusedForFalseMaterialsOn")?,
    })
}

fn parse_case(value: &Value) -> Result<RepairCase, RepairError> {
    let top = Obj::new(value, "")?;
    let as_of = top.req_date("asOf")?;
    let rule_set = top.opt("ruleSet")?.unwrap_or_default();
    let record_value = top.raw("record").ok_or_else(|| json::missing("record"))?;
    let record = record_from_value(record_value)?;
    let params = match top.opt_obj("params")? {
        None => Params::default(),
        Some(p) => {
            p.deny_unknown(&[
                "lowFineThresholdYuan",
                "falseMaterialsBanYears",
                "samrSectorMinimum",
                "samrRestrictiveMeasuresMinimum",
                "samrTransition",
            ])?;
            Params {
                low_fine_threshold_yuan: p.opt("lowFineThresholdYuan")?,
                false_materials_ban_years: p.opt("falseMaterialsBanYears")?,
                samr_sector_minimum: p.opt("samrSectorMinimum")?,
                samr_restrictive_measures_minimum: p.opt("samrRestrictiveMeasuresMinimum")?,
                samr_transition: p.opt("samrTransition")?,
            }
        }
    };
    let custom_rule_sets = match top.raw("customRuleSets") {
        None => Vec::new(),
        Some(Value::Array(items)) => {
            let mut sets = Vec::new();
            crate::json::read::each_indexed(items, "customRuleSets", &mut |v, p| {
                rules::rule_set_from_value(v, p).map(|set| sets.push(set))
            })?;
            sets
        }
        Some(_) => {
            return Err(RepairError::plain(
                RepairErrorKind::InvalidValue,
                "customRuleSets",
                "expected an array",
            ))
        }
    };
    let applied_on = top.opt_date("appliedOn")?;
    let received_on = top.opt_date("receivedOn")?;
    let case = RepairCase { as_of, rule_set, record, params, custom_rule_sets, applied_on, received_on };
    engine::validate_case(&case)?;
    Ok(case)
}

/// One built-in rule set, as [`rules_info`] lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
#[serde(rename_all = "camelCase")]
pub struct RuleSetInfo {
    /// Id (`samr-2025`).
    pub id: String,
    /// Track.
    pub track: Track,
    /// The instrument(s) it encodes.
    pub citation: String,
    /// First day in force.
    #[serde(with = "dates::serde_date")]
    #[cfg_attr(feature = "ts", ts(as = "String"))]
    pub effective_from: NaiveDate,
    /// Last day in force; null = open-ended.
    #[serde(with = "dates::serde_opt_date")]
    #[cfg_attr(feature = "ts", ts(as = "Option<String>"))]
    pub effective_until: Option<NaiveDate>,
    /// The weakest confidence of its rows (`A` or `B`).
    pub confidence: Confidence,
    /// Rows per confidence level: `[A, B]`.
    pub rows: [usize; 2],
    /// The last day its sources were checked.
    #[serde(with = "dates::serde_opt_date")]
    #[cfg_attr(feature = "ts", ts(as = "Option<String>"))]
    pub reviewed_on: Option<NaiveDate>,
}

/// Which rules answer: every built-in rule set and the working-day calendar's
/// years (built in, plus any added with `addHolidayYears`). JS `rulesInfo()`,
/// `xinyong --version`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RulesInfo {
    /// The built-in rule sets, by track and date.
    pub rule_sets: Vec<RuleSetInfo>,
    /// The years the working-day calendar covers, ascending (empty without the
    /// `workdays` feature).
    pub calendar_years: Vec<i32>,
}

/// Lists the built-in rule sets and the calendar's years.
///
/// ```
/// let info = xinyong::repair::rules_info().unwrap();
/// let samr = info.rule_sets.iter().find(|r| r.id == "samr-2025").unwrap();
/// assert_eq!(samr.effective_from.to_string(), "2025-12-25");
/// assert_eq!(samr.confidence, xinyong::repair::Confidence::B);
/// assert_eq!(info.calendar_years.first(), Some(&2004));
/// ```
pub fn rules_info() -> Result<RulesInfo, RepairError> {
    let rule_sets = builtin_rule_sets()?
        .iter()
        .map(|rs| {
            let count = |c| rs.rows.iter().filter(|r| r.confidence == c).count();
            RuleSetInfo {
                id: rs.id.clone(),
                track: rs.track,
                citation: rs.citation.clone(),
                effective_from: rs.effective_from,
                effective_until: rs.effective_until,
                confidence: rs.rows.iter().map(|r| r.confidence).max().unwrap_or(Confidence::A),
                rows: [count(Confidence::A), count(Confidence::B)],
                reviewed_on: rs.reviewed_on,
            }
        })
        .collect();
    #[cfg(feature = "workdays")]
    let calendar_years = crate::workdays::covered_years();
    #[cfg(not(feature = "workdays"))]
    let calendar_years = Vec::new();
    Ok(RulesInfo { rule_sets, calendar_years })
}

impl RulesInfo {
    /// The readable listing `xinyong --version` prints after the version line.
    ///
    /// ```
    /// let text = xinyong::repair::rules_info().unwrap().to_text();
    /// assert!(text.contains("samr-2025  samr   2025-12-25 ..            confidence B"));
    /// assert!(text.ends_with("working-day calendar: 2004-2026\n"));
    /// ```
    pub fn to_text(&self) -> String {
        let mut out = String::from("rule sets (reviewed on the date shown):\n");
        for r in &self.rule_sets {
            let until = r.effective_until.map(|d| d.to_string()).unwrap_or_default();
            let track = crate::json::to_string(&r.track);
            let track = track.trim_matches('"');
            let reviewed = r.reviewed_on.map(|d| format!("  reviewed {d}")).unwrap_or_default();
            out.push_str(&format!(
                "  {:<10} {:<6} {} .. {:<10} confidence {:?}{reviewed}\n",
                r.id, track, r.effective_from, until, r.confidence
            ));
        }
        match (self.calendar_years.first(), self.calendar_years.last()) {
            (Some(first), Some(last)) if (last - first) as usize + 1 == self.calendar_years.len() => {
                out.push_str(&format!("working-day calendar: {first}-{last}\n"))
            }
            _ => {
                let years: Vec<String> = self.calendar_years.iter().map(i32::to_string).collect();
                out.push_str(&format!("working-day calendar: {}\n", years.join(", ")))
            }
        }
        out
    }
}
