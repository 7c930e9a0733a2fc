//! Rule sets as data: one table per rule set, each row with its citation and
//! confidence. The built-in tables live in `rulesets/*.json` beside this file
//! and use exactly the JSON format a portal uses for its own rule sets
//! ([`parse_rule_set_json`]); both go through the same validation.
//!
//! A row applies to a record when the record's kind is in `kinds` and its
//! severity, sector, SPC item and (per measure) measure are in the row's lists
//! (an absent or null list accepts anything). Rows are tried in table order and
//! the first that applies wins, once for every measure of the record (once for
//! the whole record when it lists none); when several rows apply to one record
//! (several measures in one decision) the longest periods win (Order 58: "the
//! longest period applies").

use super::dates::{self, Period};
use super::error::{RepairError, RepairErrorKind};
use super::json::Value;
use super::json::{self, Obj};
use crate::json::read::each_indexed;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Which system a record belongs to.
///
/// ```
/// use xinyong::repair::Track;
/// assert_eq!(serde_json::to_string(&Track::Samr).unwrap(), "\"samr\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Track {
    /// NDRC / 信用中国 (national credit platform).
    Ndrc,
    /// SAMR / 国家企业信用信息公示系统 (market regulation).
    Samr,
    /// Courts (Supreme People's Court list of dishonest judgment debtors).
    Court,
}

/// What kind of record is to be repaired.
///
/// ```
/// use xinyong::repair::RecordKind;
/// let k: RecordKind = serde_json::from_str("\"dishonest_judgment_debtor\"").unwrap();
/// assert_eq!(k, RecordKind::DishonestJudgmentDebtor);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// 行政处罚信息.
    AdministrativePenalty,
    /// 经营异常名录 (SAMR).
    AbnormalOperations,
    /// 严重违法失信名单 (SAMR).
    SeriousViolationList,
    /// 严重失信主体名单 (NDRC and other departments).
    SeriousDishonestyList,
    /// 失信被执行人 (courts).
    DishonestJudgmentDebtor,
}

impl RecordKind {
    /// The tracks a record of this kind can belong to.
    ///
    /// ```
    /// use xinyong::repair::{RecordKind, Track};
    /// assert_eq!(RecordKind::AbnormalOperations.tracks(), &[Track::Samr]);
    /// ```
    pub fn tracks(self) -> &'static [Track] {
        match self {
            RecordKind::AdministrativePenalty => &[Track::Ndrc, Track::Samr],
            RecordKind::AbnormalOperations | RecordKind::SeriousViolationList => &[Track::Samr],
            RecordKind::SeriousDishonestyList => &[Track::Ndrc],
            RecordKind::DishonestJudgmentDebtor => &[Track::Court],
        }
    }

    /// True for the list kinds, whose periods count from `listedOn`.
    ///
    /// ```
    /// use xinyong::repair::RecordKind;
    /// assert!(!RecordKind::AdministrativePenalty.is_list());
    /// ```
    pub fn is_list(self) -> bool {
        !matches!(self, RecordKind::AdministrativePenalty)
    }
}

/// The severity of the dishonest conduct, as the deciding authority classed it.
///
/// ```
/// use xinyong::repair::Severity;
/// let s: Severity = serde_json::from_str("\"specific_serious\"").unwrap();
/// assert_eq!(s, Severity::SpecificSerious);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// 轻微.
    Minor,
    /// 一般.
    General,
    /// 严重.
    Serious,
    /// 特定严重 (527号 only).
    SpecificSerious,
}

/// The regulated field, where a rule depends on it.
///
/// ```
/// use xinyong::repair::Sector;
/// let s: Sector = serde_json::from_str("\"special_equipment\"").unwrap();
/// assert_eq!(s, Sector::SpecialEquipment);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    /// 食品.
    Food,
    /// 药品.
    Drugs,
    /// 特种设备.
    SpecialEquipment,
    /// 安全生产.
    WorkSafety,
    /// 消防.
    Fire,
    /// 生态环境.
    Environment,
    /// 工程质量.
    ConstructionQuality,
    /// Any other field.
    Other,
}

/// One measure of a penalty decision.
///
/// `fine` is classed as `low_fine` (较低数额罚款) when the rule set has a
/// `low_fine` row, using the record's `fineAmountYuan` and the portal's
/// `params.lowFineThresholdYuan` (amount ≤ threshold).
///
/// ```
/// use xinyong::repair::Measure;
/// let m: Measure = serde_json::from_str("\"revoke_business_licence\"").unwrap();
/// assert_eq!(m, Measure::RevokeBusinessLicence);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// 警告.
    Warning,
    /// 通报批评.
    CirculatedCriticism,
    /// 罚款 (classed as low or not by amount where the rule set needs it).
    Fine,
    /// 较低数额罚款, already classed by the portal.
    LowFine,
    /// 没收违法所得、没收非法财物.
    Confiscation,
    /// 责令停产停业.
    SuspendProduction,
    /// 限制开展生产经营活动.
    RestrictBusiness,
    /// 限制从业.
    RestrictEmployment,
    /// 降低资质等级.
    DowngradeQualification,
    /// 吊销许可证件.
    RevokePermit,
    /// 吊销营业执照.
    RevokeBusinessLicence,
    /// 行政拘留.
    Detention,
    /// Any other measure.
    Other,
}

/// How sure the sources are: A = official wording read; B = secondary summaries
/// only; C = not confirmed (never built in; a portal may use it in its own sets).
///
/// ```
/// use xinyong::repair::Confidence;
/// assert_eq!(serde_json::to_string(&Confidence::A).unwrap(), "\"A\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Confidence {
    /// Wording read on an official page or a full-text copy.
    A,
    /// Only secondary summaries say it.
    B,
    /// Not confirmed.
    C,
}

/// The day a row's periods count from.
///
/// ```
/// use xinyong::repair::Anchor;
/// assert_eq!(serde_json::to_string(&Anchor::DecisionOrPublication).unwrap(), "\"decision_or_publication\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Anchor {
    /// `record.publishedOn`.
    Publication,
    /// `record.decidedOn` where given, else `record.publishedOn` (Order 36: periods
    /// count from the date of the decision document, B).
    DecisionOrPublication,
    /// `record.listedOn`.
    Listing,
}

impl Anchor {
    /// The record field this anchor reads first.
    ///
    /// ```
    /// use xinyong::repair::Anchor;
    /// assert_eq!(Anchor::Listing.field(), "record.listedOn");
    /// ```
    pub fn field(self) -> &'static str {
        match self {
            Anchor::Publication | Anchor::DecisionOrPublication => "record.publishedOn",
            Anchor::Listing => "record.listedOn",
        }
    }
}

/// When early repair (or exit) may first be applied for.
///
/// ```
/// use xinyong::repair::{dates::Period, Earliest};
/// let e: Earliest = serde_json::from_str(r#"{"after": {"months": 3}}"#).unwrap();
/// assert_eq!(e, Earliest::After(Period::months(3)));
/// let n: Earliest = serde_json::from_str("\"never\"").unwrap();
/// assert_eq!(n, Earliest::Never);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Earliest {
    /// From the anchor day itself, once the conditions are met.
    AtOnce,
    /// From the day after the period counted from the anchor has run.
    After(Period),
    /// Early repair is excluded: publication ends only by itself.
    Never,
    /// Not published or only briefly: early repair neither needed nor available.
    NotNeeded,
    /// Set by the listing unit: read from `record.listingUnitRepairFrom`.
    SetByListingUnit,
    /// Not stated by the sources: the portal parameter of this name (one of
    /// [`Earliest::PARAMS`]) supplies `{"after": period}` or `"never"`; with none,
    /// the answer is undetermined (`parameter_missing`).
    Param(String),
}

impl Earliest {
    /// The portal parameters an `{"param": name}` earliest may name.
    ///
    /// ```
    /// assert!(xinyong::repair::Earliest::PARAMS.contains(&"samrSectorMinimum"));
    /// ```
    pub const PARAMS: [&'static str; 2] = ["samrSectorMinimum", "samrRestrictiveMeasuresMinimum"];
}

/// When publication (or listing) ends by itself.
///
/// ```
/// use xinyong::repair::{dates::Period, Publication};
/// let p: Publication = serde_json::from_str(r#"{"fixed": {"years": 3}}"#).unwrap();
/// assert_eq!(p, Publication::Fixed(Period::years(3)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Publication {
    /// Not published at all.
    NotPublished,
    /// Published for this period counted from the anchor; the answer reports its last day.
    Fixed(Period),
    /// No end by time.
    NeverByTime,
    /// Set by the listing unit: read from `record.listingUnitExitOn`.
    SetByListingUnit,
}

/// A precondition for repair, checked against the record's facts.
///
/// ```
/// use xinyong::repair::Condition;
/// assert_eq!(Condition::CommitmentSigned.field(), "record.commitmentSigned");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// `record.corrected` is true.
    Corrected,
    /// `record.obligationsPerformed` is true.
    ObligationsPerformed,
    /// `record.commitmentSigned` is true.
    CommitmentSigned,
    /// `record.harmRemoved` is true.
    HarmRemoved,
    /// `record.trainingCompleted` is true.
    TrainingCompleted,
    /// `record.creditReportSubmitted` is true.
    CreditReportSubmitted,
    /// `record.newSimilarPenalty` is false.
    NoNewSimilarPenalty,
    /// `record.onAbnormalList` is false.
    NotOnAbnormalList,
    /// `record.onSeriousViolationList` is false.
    NotOnSeriousViolationList,
    /// `record.newSeriousPenalty` is false.
    NoNewSeriousPenalty,
    /// `record.cureGround` is given (one of the four grounds of 3号 Art 5).
    CauseCured,
    /// `record.deletionEvents` is non-empty, or `record.obligationsPerformed` is true.
    DeletionEvent,
    /// `record.obligationsPerformed` or `record.corrected` is true.
    PerformedOrCorrected,
}

impl Condition {
    /// The record field that states whether the condition holds.
    ///
    /// ```
    /// use xinyong::repair::Condition;
    /// assert_eq!(Condition::NoNewSimilarPenalty.field(), "record.newSimilarPenalty");
    /// ```
    pub fn field(self) -> &'static str {
        match self {
            Condition::Corrected => "record.corrected",
            Condition::ObligationsPerformed => "record.obligationsPerformed",
            Condition::CommitmentSigned => "record.commitmentSigned",
            Condition::HarmRemoved => "record.harmRemoved",
            Condition::TrainingCompleted => "record.trainingCompleted",
            Condition::CreditReportSubmitted => "record.creditReportSubmitted",
            Condition::NoNewSimilarPenalty => "record.newSimilarPenalty",
            Condition::NotOnAbnormalList => "record.onAbnormalList",
            Condition::NotOnSeriousViolationList => "record.onSeriousViolationList",
            Condition::NoNewSeriousPenalty => "record.newSeriousPenalty",
            Condition::CauseCured => "record.cureGround",
            Condition::DeletionEvent => "record.deletionEvents",
            Condition::PerformedOrCorrected => "record.obligationsPerformed",
        }
    }
}

/// A reason that excludes repair whatever the periods say.
///
/// ```
/// use xinyong::repair::Exclusion;
/// let e: Exclusion = serde_json::from_str("\"declared_unrepairable\"").unwrap();
/// assert_eq!(e, Exclusion::DeclaredUnrepairable);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Exclusion {
    /// `record.declaredUnrepairable` is true: law or central policy declares it unrepairable.
    DeclaredUnrepairable,
}

/// A ground on which the rule set lets the authority refuse repair.
///
/// ```
/// use xinyong::repair::RefusalGround;
/// let g: RefusalGround = serde_json::from_str("\"false_materials\"").unwrap();
/// assert_eq!(g, RefusalGround::FalseMaterials);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RefusalGround {
    /// Repair was refused for false materials on `record.refusedForFalseMaterialsOn`;
    /// no new application for `params.falseMaterialsBanYears` years (a C item:
    /// portal-supplied, no default).
    FalseMaterials,
    /// `record.repeatOffence` is true: the authority may refuse.
    RepeatOffence,
}

/// A refusal ground of a rule set, with its source.
///
/// ```
/// use xinyong::repair::{Confidence, RefusalGround, RefusalRule};
/// let r: RefusalRule = serde_json::from_str(
///     r#"{"id":"refusal-repeat","ground":"repeat_offence","citation":"Order 36","confidence":"B"}"#).unwrap();
/// assert_eq!(r.ground, RefusalGround::RepeatOffence);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RefusalRule {
    /// Stable id inside the rule set.
    pub id: String,
    /// The ground.
    pub ground: RefusalGround,
    /// The article behind it.
    pub citation: String,
    /// How sure the sources are.
    pub confidence: Confidence,
}

/// A step of the repair procedure with a deadline in working days.
///
/// ```
/// use xinyong::repair::ProcedureStep;
/// assert_eq!(serde_json::to_string(&ProcedureStep::Decision).unwrap(), "\"decision\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ProcedureStep {
    /// The platform (信用中国) reports the result to the applicant.
    Feedback,
    /// The authority decides on the application.
    Decision,
}

/// The day a procedure deadline counts from (that day does not count).
///
/// ```
/// use xinyong::repair::ProcedureStart;
/// assert_eq!(ProcedureStart::ReceivedOn.field(), "receivedOn");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProcedureStart {
    /// The case's `appliedOn`: the day the application was made.
    AppliedOn,
    /// The case's `receivedOn`: the day the deciding authority received it.
    ReceivedOn,
}

impl ProcedureStart {
    /// The case field it reads.
    pub fn field(self) -> &'static str {
        match self {
            ProcedureStart::AppliedOn => "appliedOn",
            ProcedureStart::ReceivedOn => "receivedOn",
        }
    }
}

/// A procedure deadline of a rule set: `workingDays` working days after the
/// day named by `from` (State Council holiday calendar, fail closed).
///
/// ```
/// use xinyong::repair::{builtin_rule_set, BuiltinRuleSet};
/// let rs = builtin_rule_set(BuiltinRuleSet::Samr2025).unwrap();
/// assert_eq!(rs.procedures[0].working_days, 7);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProcedureRule {
    /// Stable id inside the rule set.
    pub id: String,
    /// Which step.
    pub step: ProcedureStep,
    /// The day it counts from.
    pub from: ProcedureStart,
    /// Working days allowed (1-365).
    pub working_days: u32,
    /// The article behind it.
    pub citation: String,
    /// How sure the sources are.
    pub confidence: Confidence,
}

/// One row of a rule-set table.
///
/// ```
/// use xinyong::repair::{builtin_rule_set, BuiltinRuleSet, Earliest};
/// let rs = builtin_rule_set(BuiltinRuleSet::Ndrc2026).unwrap();
/// let row = rs.rows.iter().find(|r| r.id == "penalty-general").unwrap();
/// assert!(matches!(row.earliest, Earliest::After(_)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RuleRow {
    /// Stable id inside the rule set (reported as `<ruleSet>/<id>`).
    pub id: String,
    /// Record kinds the row covers (non-empty).
    pub kinds: Vec<RecordKind>,
    /// Severities covered; absent = any.
    #[serde(default)]
    pub severities: Option<Vec<Severity>>,
    /// Sectors covered; absent = any (including none).
    #[serde(default)]
    pub sectors: Option<Vec<Sector>>,
    /// Measures covered; absent = any (including none).
    #[serde(default)]
    pub measures: Option<Vec<Measure>>,
    /// SPC 法释〔2017〕7号 Art 1 items covered (1-6); absent = any.
    #[serde(default)]
    pub spc_items: Option<Vec<u8>>,
    /// The day the periods count from.
    pub anchor: Anchor,
    /// When early repair may be applied for.
    pub earliest: Earliest,
    /// When publication ends by itself.
    pub publication: Publication,
    /// Publication lasts at least until `record.restrictionEndsOn` (SAMR: "or the
    /// length of a production/employment ban if longer").
    #[serde(default)]
    pub extend_to_restriction_end: bool,
    /// No application before `record.restrictionEndsOn` has passed (SAMR 3号 Art 7).
    #[serde(default)]
    pub restriction_must_end: bool,
    /// A missing `record.publishedOn` means "not published" instead of an error.
    #[serde(default)]
    pub published_optional: bool,
    /// `record.extensionYears` (0..=this) may lengthen a fixed publication period.
    #[serde(default)]
    pub max_extension_years: Option<u32>,
    /// Preconditions, all required.
    #[serde(default)]
    pub conditions: Vec<Condition>,
    /// Exclusions that make the record unrepairable.
    #[serde(default)]
    pub exclusions: Vec<Exclusion>,
    /// The article behind the row.
    pub citation: String,
    /// How sure the sources are (the weakest part of the row).
    pub confidence: Confidence,
}

/// A rule set: a versioned table of rows with its effective-date range.
///
/// ```
/// use xinyong::repair::{builtin_rule_set, BuiltinRuleSet, Track};
/// let rs = builtin_rule_set(BuiltinRuleSet::Samr2021).unwrap();
/// assert_eq!(rs.track, Track::Samr);
/// assert_eq!(rs.id, "samr-2021");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RuleSet {
    /// Id: lowercase letters, digits and `-`, at most 64 characters.
    pub id: String,
    /// The track it governs.
    pub track: Track,
    /// The instrument(s) it encodes.
    pub citation: String,
    /// First day in force.
    #[serde(with = "dates::serde_date")]
    pub effective_from: NaiveDate,
    /// Last day in force; null = open-ended.
    #[serde(default, with = "dates::serde_opt_date")]
    pub effective_until: Option<NaiveDate>,
    /// Where the anchor `decision_or_publication` comes from, when a row uses it.
    #[serde(default)]
    pub anchor_citation: Option<String>,
    /// Confidence of `anchorCitation`.
    #[serde(default)]
    pub anchor_confidence: Option<Confidence>,
    /// Grounds for refusing repair.
    #[serde(default)]
    pub refusals: Vec<RefusalRule>,
    /// Deadlines of the repair procedure, counted in working days.
    #[serde(default)]
    pub procedures: Vec<ProcedureRule>,
    /// The table.
    pub rows: Vec<RuleRow>,
    /// Free-text remark (e.g. that a newer rule may apply).
    #[serde(default)]
    pub note: Option<String>,
    /// Where the sources leave open which rule set governs a record dated before
    /// `effectiveFrom` and asked about after: the portal parameter `samrTransition`
    /// decides under `ruleSet: "auto"` (without it the answer is undetermined).
    /// The text says what is known.
    #[serde(default)]
    pub transition_note: Option<String>,
    /// The last day the sources of this rule set were checked; a repair answer
    /// for a later `asOf` carries a warning (newer rules may apply).
    #[serde(default, with = "dates::serde_opt_date")]
    pub reviewed_on: Option<NaiveDate>,
}

impl RuleSet {
    /// True when the rule set is in force on `day`.
    ///
    /// ```
    /// use xinyong::repair::{builtin_rule_set, dates::parse_date, BuiltinRuleSet};
    /// let rs = builtin_rule_set(BuiltinRuleSet::Ndrc2023).unwrap();
    /// assert!(rs.in_force(parse_date("2026-03-31").unwrap()));
    /// assert!(!rs.in_force(parse_date("2026-04-01").unwrap()));
    /// ```
    pub fn in_force(&self, day: NaiveDate) -> bool {
        day >= self.effective_from && self.effective_until.is_none_or(|u| day <= u)
    }

    /// Checks the rule set; `path` prefixes every error's field (e.g. `customRuleSets[0]`).
    /// Built-in rule sets pass the same checks (and also carry no C row).
    ///
    /// ```
    /// use xinyong::repair::{builtin_rule_set, BuiltinRuleSet};
    /// let mut rs = builtin_rule_set(BuiltinRuleSet::Ndrc2026).unwrap().clone();
    /// assert!(rs.validate("").is_ok());
    /// rs.rows.clear();
    /// assert_eq!(rs.validate("").unwrap_err().field, "rows");
    /// ```
    pub fn validate(&self, path: &str) -> Result<(), RepairError> {
        let bad = |field: &str, hans: &str, hant: &str, en: &str| {
            Err(RepairError::new(RepairErrorKind::InvalidRuleSet, json::join(path, field), hans, hant, en))
        };
        if !valid_id(&self.id) {
            return bad(
                "id",
                "仅限小写字母、数字和 -，1 至 64 个字符",
                "僅限小寫字母、數字和 -，1 至 64 個字元",
                "use 1-64 characters a-z, 0-9 and -",
            );
        }
        if self.citation.trim().is_empty() || char_count(&self.citation) > 2000 {
            return bad(
                "citation",
                "出处不能为空",
                "出處不能為空",
                "citation must be non-empty (at most 2000 characters)",
            );
        }
        if let Some(until) = self.effective_until {
            if until < self.effective_from {
                return bad(
                    "effectiveUntil",
                    "早于 effectiveFrom",
                    "早於 effectiveFrom",
                    "is before effectiveFrom",
                );
            }
        }
        if self.rows.is_empty() || self.rows.len() > 500 {
            return bad("rows", "应有 1 至 500 行", "應有 1 至 500 列", "must have 1 to 500 rows");
        }
        let uses_decision = self.rows.iter().any(|r| r.anchor == Anchor::DecisionOrPublication);
        if uses_decision && (self.anchor_citation.is_none() || self.anchor_confidence.is_none()) {
            return bad(
                "anchorCitation",
                "有行以决定日期起算时必须给出出处和可信度",
                "有列以決定日期起算時必須給出出處和可信度",
                "required (with anchorConfidence) when a row uses the decision_or_publication anchor",
            );
        }
        for (i, refusal) in self.refusals.iter().enumerate() {
            let p = format!("refusals[{i}]");
            if !valid_id(&refusal.id) {
                return bad(&format!("{p}.id"), "id 无效", "id 無效", "use 1-64 characters a-z, 0-9 and -");
            }
            if refusal.citation.trim().is_empty() {
                return bad(
                    &format!("{p}.citation"),
                    "出处不能为空",
                    "出處不能為空",
                    "citation must be non-empty",
                );
            }
            if self.refusals.iter().take(i).any(|r| r.ground == refusal.ground || r.id == refusal.id) {
                return bad(&format!("{p}.ground"), "重复", "重複", "duplicate ground or id");
            }
        }
        for (i, proc) in self.procedures.iter().enumerate() {
            let p = format!("procedures[{i}]");
            if !valid_id(&proc.id) || self.procedures.iter().take(i).any(|o| o.id == proc.id) {
                return bad(&format!("{p}.id"), "id 无效或重复", "id 無效或重複", "invalid or duplicate id");
            }
            if !(1..=365).contains(&proc.working_days) {
                return bad(
                    &format!("{p}.workingDays"),
                    "应为 1 至 365",
                    "應為 1 至 365",
                    "must be 1 to 365",
                );
            }
            if proc.citation.trim().is_empty() {
                return bad(
                    &format!("{p}.citation"),
                    "出处不能为空",
                    "出處不能為空",
                    "citation must be non-empty",
                );
            }
        }
        for (i, row) in self.rows.iter().enumerate() {
            let p = format!("rows[{i}]");
            if !valid_id(&row.id) {
                return bad(&format!("{p}.id"), "id 无效", "id 無效", "use 1-64 characters a-z, 0-9 and -");
            }
            if self.rows.iter().take(i).any(|r| r.id == row.id) {
                return bad(&format!("{p}.id"), "行 id 重复", "列 id 重複", "duplicate row id");
            }
            if row.citation.trim().is_empty() || char_count(&row.citation) > 2000 {
                return bad(
                    &format!("{p}.citation"),
                    "出处不能为空",
                    "出處不能為空",
                    "citation must be non-empty (at most 2000 characters)",
                );
            }
            if row.kinds.is_empty() {
                return bad(&format!("{p}.kinds"), "不能为空", "不能為空", "must not be empty");
            }
            for (k, kind) in row.kinds.iter().enumerate() {
                if !kind.tracks().contains(&self.track) {
                    return bad(
                        &format!("{p}.kinds[{k}]"),
                        "与规则集领域不符",
                        "與規則集領域不符",
                        "kind does not belong to the rule set's track",
                    );
                }
                let anchor_ok = match row.anchor {
                    Anchor::Listing => kind.is_list(),
                    Anchor::Publication | Anchor::DecisionOrPublication => !kind.is_list(),
                };
                if !anchor_ok {
                    return bad(
                        &format!("{p}.anchor"),
                        "名单类用 listing，行政处罚用 publication 或 decision_or_publication",
                        "名單類用 listing，行政處罰用 publication 或 decision_or_publication",
                        "lists use listing; administrative penalties use publication or decision_or_publication",
                    );
                }
            }
            let empty_list = [
                ("severities", row.severities.as_ref().is_some_and(Vec::is_empty)),
                ("sectors", row.sectors.as_ref().is_some_and(Vec::is_empty)),
                ("measures", row.measures.as_ref().is_some_and(Vec::is_empty)),
                ("spcItems", row.spc_items.as_ref().is_some_and(Vec::is_empty)),
            ];
            for (name, empty) in empty_list {
                if empty {
                    return bad(
                        &format!("{p}.{name}"),
                        "不能为空数组（不限请省略）",
                        "不能為空陣列（不限請省略）",
                        "must not be an empty list (omit it to accept any)",
                    );
                }
            }
            if row.spc_items.as_ref().is_some_and(|items| items.iter().any(|&n| !(1..=6).contains(&n))) {
                return bad(&format!("{p}.spcItems"), "应为 1 至 6", "應為 1 至 6", "items are 1 to 6");
            }
            if let Earliest::Param(name) = &row.earliest {
                if !Earliest::PARAMS.contains(&name.as_str()) {
                    return bad(
                        &format!("{p}.earliest"),
                        "未知的门户参数",
                        "未知的門戶參數",
                        "unknown portal parameter (samrSectorMinimum, samrRestrictiveMeasuresMinimum)",
                    );
                }
            }
            if let Earliest::After(period) = row.earliest {
                if !period.is_bounded() || period.is_zero() {
                    return bad(&format!("{p}.earliest"), "期间超出范围", "期間超出範圍", "period must be non-zero and within 200 years, 2400 months, 73000 days (use at_once for none)");
                }
            }
            if let Publication::Fixed(period) = row.publication {
                if !period.is_bounded() {
                    return bad(
                        &format!("{p}.publication"),
                        "期间超出范围",
                        "期間超出範圍",
                        "period must be within 200 years, 2400 months, 73000 days",
                    );
                }
                if let Earliest::After(min) = row.earliest {
                    if !dates::ends_strictly_before(min, period) {
                        return bad(
                            &format!("{p}.earliest"),
                            "最短期限必须短于最长公示期",
                            "最短期限必須短於最長公示期",
                            "the minimum period must end before the publication period for every start day",
                        );
                    }
                }
            }
            if row.earliest == Earliest::NotNeeded
                && !matches!(row.publication, Publication::NotPublished | Publication::Fixed(_))
            {
                return bad(
                    &format!("{p}.earliest"),
                    "not_needed 只能配合 not_published 或 fixed",
                    "not_needed 只能配合 not_published 或 fixed",
                    "not_needed requires a not_published or fixed publication",
                );
            }
            if let Some(max) = row.max_extension_years {
                if max > 10 || !matches!(row.publication, Publication::Fixed(_)) {
                    return bad(
                        &format!("{p}.maxExtensionYears"),
                        "至多 10，且仅用于 fixed 公示期",
                        "至多 10，且僅用於 fixed 公示期",
                        "at most 10, and only with a fixed publication",
                    );
                }
            }
            for (c, cond) in row.conditions.iter().enumerate() {
                if row.conditions.iter().take(c).any(|x| x == cond) {
                    return bad(&format!("{p}.conditions[{c}]"), "重复", "重複", "duplicate condition");
                }
            }
        }
        Ok(())
    }
}

/// The number of characters of `s` (its bytes that do not continue a UTF-8
/// sequence): what `s.chars().count()` gives, without core's 0.9 KB
/// word-at-a-time counter in the browser's status module.
fn char_count(s: &str) -> usize {
    s.bytes().filter(|b| b & 0xC0 != 0x80).count()
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The built-in rule sets. Serialized by their kebab ids (`ndrc-2023`).
///
/// ```
/// use xinyong::repair::BuiltinRuleSet;
/// let id: BuiltinRuleSet = serde_json::from_str("\"ndrc-2023\"").unwrap();
/// assert_eq!(id, BuiltinRuleSet::Ndrc2023);
/// assert_eq!(BuiltinRuleSet::Spc2017.id(), "spc-2017");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BuiltinRuleSet {
    /// NDRC 发改办财金〔2019〕527号, 2019-07-01 .. 2023-04-30.
    #[serde(rename = "ndrc-2019")]
    Ndrc2019,
    /// NDRC Order No. 58 (2023), 2023-05-01 .. 2026-03-31.
    #[serde(rename = "ndrc-2023")]
    Ndrc2023,
    /// NDRC Order No. 36 (2025) / 国办发〔2025〕22号, from 2026-04-01.
    #[serde(rename = "ndrc-2026")]
    Ndrc2026,
    /// SAMR 国市监信规〔2021〕3号 + Orders 45 and 44, 2021-09-01 .. 2025-12-24.
    #[serde(rename = "samr-2021")]
    Samr2021,
    /// SAMR Order No. 107 《市场监督管理信用修复管理办法》, from 2025-12-25 (B: its
    /// official text was not found; portal parameters for what no source states).
    #[serde(rename = "samr-2025")]
    Samr2025,
    /// SPC 法释〔2017〕7号 (dishonest judgment debtors), from 2017-05-01.
    #[serde(rename = "spc-2017")]
    Spc2017,
}

impl BuiltinRuleSet {
    /// Every built-in rule set.
    ///
    /// ```
    /// assert_eq!(xinyong::repair::BuiltinRuleSet::ALL.len(), 6);
    /// ```
    pub const ALL: [BuiltinRuleSet; 6] = [
        BuiltinRuleSet::Ndrc2019,
        BuiltinRuleSet::Ndrc2023,
        BuiltinRuleSet::Ndrc2026,
        BuiltinRuleSet::Samr2021,
        BuiltinRuleSet::Samr2025,
        BuiltinRuleSet::Spc2017,
    ];

    /// The kebab id.
    ///
    /// ```
    /// assert_eq!(xinyong::repair::BuiltinRuleSet::Ndrc2026.id(), "ndrc-2026");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            BuiltinRuleSet::Ndrc2019 => "ndrc-2019",
            BuiltinRuleSet::Ndrc2023 => "ndrc-2023",
            BuiltinRuleSet::Ndrc2026 => "ndrc-2026",
            BuiltinRuleSet::Samr2021 => "samr-2021",
            BuiltinRuleSet::Samr2025 => "samr-2025",
            BuiltinRuleSet::Spc2017 => "spc-2017",
        }
    }

    /// Looks a built-in up by id.
    ///
    /// ```
    /// use xinyong::repair::BuiltinRuleSet;
    /// assert_eq!(BuiltinRuleSet::from_id("samr-2021"), Some(BuiltinRuleSet::Samr2021));
    /// assert_eq!(BuiltinRuleSet::from_id("auto"), None);
    /// ```
    pub fn from_id(id: &str) -> Option<Self> {
        BuiltinRuleSet::ALL.into_iter().find(|b| b.id() == id)
    }

    /// The table's JSON (`src/repair/rulesets/`, whitespace removed by
    /// `build/rulesets.rs`). The browser's status module embeds the copy
    /// without the texts it never returns (`note`, `transitionNote`'s text;
    /// see `build/rulesets.rs`).
    #[cfg(not(card_module))]
    fn json(self) -> &'static str {
        macro_rules! table {
            ($id:literal) => {{
                #[cfg(not(status_module))]
                let text = include_str!(concat!(env!("OUT_DIR"), "/rulesets/", $id, ".json"));
                #[cfg(status_module)]
                let text = include_str!(concat!(env!("OUT_DIR"), "/rulesets-web/", $id, ".json"));
                text
            }};
        }
        match self {
            BuiltinRuleSet::Ndrc2019 => table!("ndrc-2019"),
            BuiltinRuleSet::Ndrc2023 => table!("ndrc-2023"),
            BuiltinRuleSet::Ndrc2026 => table!("ndrc-2026"),
            BuiltinRuleSet::Samr2021 => table!("samr-2021"),
            BuiltinRuleSet::Samr2025 => table!("samr-2025"),
            BuiltinRuleSet::Spc2017 => table!("spc-2017"),
        }
    }
}

#[cfg(not(card_module))]
fn load_builtins() -> Result<Vec<RuleSet>, RepairError> {
    // A loop, not a `collect::<Result<Vec<_>, _>>()` (less code in the browser's status module).
    let mut all = Vec::new();
    for b in BuiltinRuleSet::ALL {
        let value = json::parse_text(b.json())?;
        let rs = rule_set_from_value(&value, b.id())?;
        rs.validate(b.id())?;
        if rs.id != b.id() || rs.rows.iter().any(|r| r.confidence == Confidence::C) {
            return Err(RepairError::plain(
                RepairErrorKind::InvalidRuleSet,
                b.id(),
                "built-in table: wrong id or a C row",
            ));
        }
        all.push(rs);
    }
    Ok(all)
}

/// The card module's built-in tables: compiled into static data at build time
/// (`build/rulesets.rs`) and decoded here (`builtin.rs`), without the JSON
/// rule-set reader or [`RuleSet::validate`]. The data is the JSON tables that
/// every other build reads and validates: `builtin.rs`'s unit test checks the
/// two field by field.
#[cfg(card_module)]
fn load_builtins() -> Result<Vec<RuleSet>, RepairError> {
    let mut all = Vec::new();
    for (i, b) in BuiltinRuleSet::ALL.into_iter().enumerate() {
        let rs = super::builtin::decode(i).filter(|rs| rs.id == b.id()).ok_or_else(|| {
            RepairError::plain(RepairErrorKind::InvalidRuleSet, b.id(), "built-in table: undecodable")
        })?;
        all.push(rs);
    }
    Ok(all)
}

/// All built-in rule sets, parsed and validated once.
///
/// ```
/// let all = xinyong::repair::builtin_rule_sets().unwrap();
/// assert_eq!(all.len(), 6);
/// ```
pub fn builtin_rule_sets() -> Result<&'static [RuleSet], RepairError> {
    crate::once::lazy_ref! {
        fn loaded() -> &'static Result<Vec<RuleSet>, RepairError> { load_builtins() }
    }
    match loaded() {
        Ok(v) => Ok(v.as_slice()),
        Err(e) => Err(e.clone()),
    }
}

/// One built-in rule set.
///
/// ```
/// use xinyong::repair::{builtin_rule_set, BuiltinRuleSet};
/// assert_eq!(builtin_rule_set(BuiltinRuleSet::Spc2017).unwrap().rows.len(), 2);
/// ```
pub fn builtin_rule_set(id: BuiltinRuleSet) -> Result<&'static RuleSet, RepairError> {
    builtin_rule_sets()?
        .iter()
        .find(|rs| rs.id == id.id())
        .ok_or_else(|| RepairError::plain(RepairErrorKind::UnknownRuleSet, id.id(), "built-in table missing"))
}

/// Parses and validates a portal-supplied rule set (the same format as the
/// built-in tables in `src/repair/rulesets/`). Its id must not be `auto` or a
/// built-in id. Errors name the field path (`rows[2].earliest`).
///
/// ```
/// use xinyong::repair::{parse_rule_set_json, RepairErrorKind};
/// let rs = parse_rule_set_json(r#"{
///   "id": "samr-local", "track": "samr", "citation": "某省市场监管信用修复细则",
///   "effectiveFrom": "2025-12-25",
///   "rows": [{"id": "penalty", "kinds": ["administrative_penalty"], "anchor": "publication",
///             "earliest": {"after": {"months": 6}}, "publication": {"fixed": {"years": 3}},
///             "conditions": ["obligations_performed"], "citation": "Art 6", "confidence": "B"}]
/// }"#).unwrap();
/// assert_eq!(rs.id, "samr-local");
/// let e = parse_rule_set_json(r#"{"id":"x","track":"samr","citation":"c","effectiveFrom":"2025-12-25",
///   "rows":[{"id":"r","kinds":["administrative_penalty"],"anchor":"publication",
///   "earliest":{"after":{"years":5}},"publication":{"fixed":{"years":3}},"citation":"c","confidence":"B"}]}"#)
///   .unwrap_err();
/// assert_eq!((e.kind, e.field.as_str()), (RepairErrorKind::InvalidRuleSet, "rows[0].earliest"));
/// ```
pub fn parse_rule_set_json(text: &str) -> Result<RuleSet, RepairError> {
    let value = json::parse_text(text)?;
    let rs = rule_set_from_value(&value, "")?;
    validate_custom(&rs, "")?;
    Ok(rs)
}

/// Validation of a portal-supplied rule set: [`RuleSet::validate`] plus a free id.
pub(crate) fn validate_custom(rs: &RuleSet, path: &str) -> Result<(), RepairError> {
    rs.validate(path)?;
    if rs.id == "auto" || BuiltinRuleSet::from_id(&rs.id).is_some() {
        return Err(RepairError::new(
            RepairErrorKind::InvalidRuleSet,
            json::join(path, "id"),
            "不能使用 auto 或内置规则集的 id",
            "不能使用 auto 或內建規則集的 id",
            "must not be auto or a built-in id",
        ));
    }
    Ok(())
}

/// Reads a rule set from a JSON value field by field, so errors carry paths.
pub(crate) fn rule_set_from_value(v: &Value, path: &str) -> Result<RuleSet, RepairError> {
    let o = Obj::new(v, path)?;
    o.deny_unknown(&[
        "id",
        "track",
        "citation",
        "effectiveFrom",
        "effectiveUntil",
        "anchorCitation",
        "anchorConfidence",
        "refusals",
        "procedures",
        "rows",
        "note",
        "transitionNote",
        "reviewedOn",
    ])?;
    let rows_path = o.path("rows");
    let rows = match o.raw("rows") {
        None => return Err(json::missing(&rows_path)),
        Some(Value::Array(items)) => {
            let mut rows = Vec::new();
            each_indexed(items, &rows_path, &mut |r, p| row_from_value(r, p).map(|row| rows.push(row)))?;
            rows
        }
        Some(_) => {
            return Err(RepairError::plain(RepairErrorKind::InvalidValue, rows_path, "expected an array"))
        }
    };
    let refusals_path = o.path("refusals");
    let refusals = match o.raw("refusals") {
        None => Vec::new(),
        Some(Value::Array(items)) => {
            let mut refusals = Vec::new();
            each_indexed(items, &refusals_path, &mut |r, p| {
                let ro = Obj::new(r, p)?;
                ro.deny_unknown(&["id", "ground", "citation", "confidence"])?;
                refusals.push(RefusalRule {
                    id: ro.req("id")?,
                    ground: ro.req("ground")?,
                    citation: ro.req("citation")?,
                    confidence: ro.req("confidence")?,
                });
                Ok(())
            })?;
            refusals
        }
        Some(_) => {
            return Err(RepairError::plain(RepairErrorKind::InvalidValue, refusals_path, "expected an array"))
        }
    };
    let procedures_path = o.path("procedures");
    let procedures = match o.raw("procedures") {
        None => Vec::new(),
        Some(Value::Array(items)) => {
            let mut procedures = Vec::new();
            each_indexed(items, &procedures_path, &mut |r, p| {
                let po = Obj::new(r, p)?;
                po.deny_unknown(&["id", "step", "from", "workingDays", "citation", "confidence"])?;
                procedures.push(ProcedureRule {
                    id: po.req("id")?,
                    step: po.req("step")?,
                    from: po.req("from")?,
                    working_days: po.req("workingDays")?,
                    citation: po.req("citation")?,
                    confidence: po.req("confidence")?,
                });
                Ok(())
            })?;
            procedures
        }
        Some(_) => {
            return Err(RepairError::plain(
                RepairErrorKind::InvalidValue,
                procedures_path,
                "expected an array",
            ))
        }
    };
    Ok(RuleSet {
        id: o.req("id")?,
        track: o.req("track")?,
        citation: o.req("citation")?,
        effective_from: o.req_date("effectiveFrom")?,
        effective_until: o.opt_date("effectiveUntil")?,
        anchor_citation: o.opt("anchorCitation")?,
        anchor_confidence: o.opt("anchorConfidence")?,
        refusals,
        procedures,
        rows,
        note: o.opt("note")?,
        transition_note: o.opt("transitionNote")?,
        reviewed_on: o.opt_date("reviewedOn")?,
    })
}

fn row_from_value(v: &Value, path: &str) -> Result<RuleRow, RepairError> {
    let o = Obj::new(v, path)?;
    o.deny_unknown(&[
        "id",
        "kinds",
        "severities",
        "sectors",
        "measures",
        "spcItems",
        "anchor",
        "earliest",
        "publication",
        "extendToRestrictionEnd",
        "restrictionMustEnd",
        "publishedOptional",
        "maxExtensionYears",
        "conditions",
        "exclusions",
        "citation",
        "confidence",
    ])?;
    Ok(RuleRow {
        id: o.req("id")?,
        kinds: o.opt_list("kinds")?.ok_or_else(|| json::missing(&o.path("kinds")))?,
        severities: o.opt_list("severities")?,
        sectors: o.opt_list("sectors")?,
        measures: o.opt_list("measures")?,
        spc_items: o.opt_list("spcItems")?,
        anchor: o.req("anchor")?,
        earliest: o.req("earliest")?,
        publication: o.req("publication")?,
        extend_to_restriction_end: o.opt("extendToRestrictionEnd")?.unwrap_or(false),
        restriction_must_end: o.opt("restrictionMustEnd")?.unwrap_or(false),
        published_optional: o.opt("publishedOptional")?.unwrap_or(false),
        max_extension_years: o.opt("maxExtensionYears")?,
        conditions: o.opt_list("conditions")?.unwrap_or_default(),
        exclusions: o.opt_list("exclusions")?.unwrap_or_default(),
        citation: o.req("citation")?,
        confidence: o.req("confidence")?,
    })
}

#[cfg(test)]
mod tests {
    /// The status module's copy of every built-in table (`rulesets-web`) is
    /// the full table without `note` and with an empty `transitionNote`
    /// (present exactly where the full table has one).
    #[test]
    fn web_tables_differ_only_in_notes() {
        use super::*;
        macro_rules! both {
            ($id:literal) => {
                (
                    $id,
                    include_str!(concat!(env!("OUT_DIR"), "/rulesets/", $id, ".json")),
                    include_str!(concat!(env!("OUT_DIR"), "/rulesets-web/", $id, ".json")),
                )
            };
        }
        for (id, full, web) in [
            both!("ndrc-2019"),
            both!("ndrc-2023"),
            both!("ndrc-2026"),
            both!("samr-2021"),
            both!("samr-2025"),
            both!("spc-2017"),
        ] {
            let full = rule_set_from_value(&json::parse_text(full).unwrap(), id).unwrap();
            let web = rule_set_from_value(&json::parse_text(web).unwrap(), id).unwrap();
            assert!(full.note.as_deref().is_some_and(|n| n.len() > 100), "{id}");
            assert_eq!(web.note, None, "{id}");
            assert_eq!(web.transition_note.is_some(), full.transition_note.is_some(), "{id}");
            assert_eq!(web.transition_note.as_deref().unwrap_or_default(), "", "{id}");
            let mut expected = full.clone();
            expected.note = None;
            expected.transition_note = full.transition_note.as_ref().map(|_| String::new());
            assert_eq!(web, expected, "{id}");
        }
    }

    #[test]
    fn char_count_is_chars_count() {
        for s in ["", "a", "出处", "é😀x", "国家发展改革委令2023年第58号"] {
            assert_eq!(super::char_count(s), s.chars().count());
        }
    }
}
