//! Red/black-list status (红黑名单状态) of an entity on a given day: the state of
//! each list entry, the measures in force, and one overall verdict, each with
//! the rule that decided it and that rule's source.
//!
//! The core is pure: it reads no clock (`as_of` is a parameter: a civil date in
//! Asia/Shanghai) and no JavaScript.
//!
//! # Rules, in the order they are applied
//!
//! For each entry, on `as_of` (the first rule that matches decides):
//!
//! | rule id | state | when | source |
//! |---|---|---|---|
//! | `not-yet-listed` | `upcoming` | `listedOn` is after `as_of` | the record's own dates: no effect before listing |
//! | `objection-upheld` | `voided` | an objection was upheld on or before `as_of` | seed plan (贺州 2018): wrong records are corrected or revoked (错误信息予以更正或撤销) |
//! | `exited` | `exited` | `exitedOn` is on or before `as_of` | seed plan: red and black lists have exit mechanisms and measures stop on exit; 发改财金规〔2017〕1798号 |
//! | `repaired` | `repaired` | `repairedOn` is on or before `as_of` | NDRC Order 36 (2025) Art 3 (A): repair ends publication and lifts punishment measures; Order 58 (2023) |
//! | `period-ended` | `expired` | `expiresOn` (the last day in force) is before `as_of` | Civil Code Arts 201-203: the last day of a period counts; SPC 法释〔2017〕7号 Art 2 and 10, SAMR 3号 (list periods) |
//! | `objection-pending` | `suspended` | an objection filed on or before `as_of` is not resolved on `as_of` | seed plan quoting 国发〔2016〕33号: 联合惩戒措施在信息核实期间暂不执行 |
//! | `red-suspended-by-dishonesty` | `suspended` | a red entry while a punitive entry is `active` | project rule (issue 5, confidence C: no national text found): red-list incentives go to trustworthy entities (seed plan), so an entity under joint punishment gets none |
//! | `listed` | `active` | otherwise | the listing decision (`basis`) |
//!
//! Punitive lists are `black`, `serious_violation` and `dishonest_judgment_debtor`;
//! `abnormal_operations` (经营异常名录) is a warning list, not a dishonesty list
//! (SAMR 3号 Art 5: left at any time once the cause is cured).
//!
//! Verdict (the first that matches):
//!
//! | rule id | verdict | when | source |
//! |---|---|---|---|
//! | `punitive-entry-active` | `restricted` | a punitive entry is `active` | seed plan: black lists bring restrictions (procurement, bidding, subsidies, licences, …) |
//! | `objection-suspends-measures` | `suspended` | a punitive entry is `suspended` by a pending objection | seed plan quoting 国发〔2016〕33号: show "under verification, measures suspended", not the black-list verdict |
//! | `abnormal-operations-active` | `attention` | an `abnormal_operations` entry is `active` | SAMR 3号 Art 5 |
//! | `red-entry-active` | `trustworthy` | a `red` entry is `active` | seed plan: red lists earn fast-track approval (绿色通道), 容缺受理 |
//! | `nothing-in-force` | `clear` | otherwise | — |
//!
//! An entry with `decidedOn` and no `publishedOn` also gets its publication
//! deadline (公示截止) from [`crate::workdays`] (with the `workdays` feature);
//! an entry with a `repair` record (the `record` of [`crate::repair`]) gets its
//! repair eligibility on `as_of` (with the `repair` feature).
//!
//! ```
//! use chrono::NaiveDate;
//! use xinyong::status::{parse_entity_json, resolve_status, EntryState, Verdict};
//! let entity = parse_entity_json(r#"{
//!   "code": "91350100M000100Y43", "name": "福建某某科技有限公司",
//!   "entries": [
//!     {"list": "red", "label": "A 级纳税人", "listingUnit": "税务局", "basis": "纳税信用管理办法",
//!      "listedOn": "2025-04-01", "measures": [{"kind": "recommended", "text": "绿色通道"}]},
//!     {"list": "black", "label": "重大税收违法", "listingUnit": "税务局", "basis": "…",
//!      "listedOn": "2026-03-01", "expiresOn": "2029-02-28",
//!      "measures": [{"kind": "mandatory", "text": "限制参与政府采购"}]}
//!   ]}"#).unwrap();
//! let r = resolve_status(&entity, NaiveDate::from_ymd_opt(2026, 11, 26).unwrap());
//! assert_eq!(r.verdict, Verdict::Restricted);
//! assert_eq!(r.entries[0].state, EntryState::Suspended);
//! assert_eq!(r.entries[0].rule.id, "red-suspended-by-dishonesty");
//! assert_eq!(r.entries[1].days_remaining, Some(825));
//! assert_eq!(r.measures_in_force.len(), 1);
//! ```

mod error;
mod parse;

pub use error::{StatusError, StatusErrorKind};

use crate::i18n::Text;
use chrono::NaiveDate;
use parse::iso;
use serde::{Deserialize, Serialize};

/// The list an entry is on.
///
/// ```
/// use xinyong::status::ListKind;
/// assert_eq!(ListKind::from_id("serious_violation"), Some(ListKind::SeriousViolation));
/// assert!(ListKind::Black.is_punitive());
/// assert!(!ListKind::AbnormalOperations.is_punitive());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ListKind {
    /// 守信红名单 (trustworthy: incentives).
    Red,
    /// 失信黑名单 / 严重失信主体名单 (serious dishonesty: punishment).
    Black,
    /// 经营异常名录 (abnormal operations: a warning list).
    AbnormalOperations,
    /// 严重违法失信名单 (market regulation: serious violations).
    SeriousViolation,
    /// 失信被执行人名单 (dishonest judgment debtors).
    DishonestJudgmentDebtor,
}

impl ListKind {
    /// Every list id, as written in the JSON.
    pub const IDS: &'static [&'static str] =
        &["red", "black", "abnormal_operations", "serious_violation", "dishonest_judgment_debtor"];

    /// Parses a list id.
    ///
    /// ```
    /// use xinyong::status::ListKind;
    /// assert_eq!(ListKind::from_id("red"), Some(ListKind::Red));
    /// assert_eq!(ListKind::from_id("grey"), None);
    /// ```
    pub fn from_id(id: &str) -> Option<ListKind> {
        Some(match id {
            "red" => ListKind::Red,
            "black" => ListKind::Black,
            "abnormal_operations" => ListKind::AbnormalOperations,
            "serious_violation" => ListKind::SeriousViolation,
            "dishonest_judgment_debtor" => ListKind::DishonestJudgmentDebtor,
            _ => return None,
        })
    }

    /// Whether entries on this list carry joint punishment (失信联合惩戒).
    ///
    /// ```
    /// use xinyong::status::ListKind;
    /// assert!(ListKind::DishonestJudgmentDebtor.is_punitive());
    /// assert!(!ListKind::Red.is_punitive());
    /// ```
    pub fn is_punitive(self) -> bool {
        matches!(self, ListKind::Black | ListKind::SeriousViolation | ListKind::DishonestJudgmentDebtor)
    }

    /// The list's name in three languages.
    ///
    /// ```
    /// use xinyong::status::ListKind;
    /// assert_eq!(ListKind::Red.name().zh_hans, "守信红名单");
    /// ```
    pub fn name(self) -> Text {
        match self {
            ListKind::Red => Text::new("守信红名单", "守信紅名單", "red list (trustworthy)"),
            ListKind::Black => Text::new("失信黑名单", "失信黑名單", "black list (serious dishonesty)"),
            ListKind::AbnormalOperations => {
                Text::new("经营异常名录", "經營異常名錄", "abnormal-operations list")
            }
            ListKind::SeriousViolation => {
                Text::new("严重违法失信名单", "嚴重違法失信名單", "serious-violation list")
            }
            ListKind::DishonestJudgmentDebtor => {
                Text::new("失信被执行人名单", "失信被執行人名單", "dishonest judgment debtors")
            }
        }
    }
}

/// Whether a measure must be applied or is recommended (强制性 / 推荐性).
///
/// ```
/// use xinyong::status::MeasureKind;
/// assert_eq!(serde_json::to_string(&MeasureKind::Mandatory).unwrap(), "\"mandatory\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum MeasureKind {
    /// 强制性.
    Mandatory,
    /// 推荐性.
    Recommended,
}

/// One incentive or punishment measure of an entry.
///
/// ```
/// use xinyong::status::{Measure, MeasureKind};
/// let m = Measure { kind: MeasureKind::Recommended, text: "容缺受理".into() };
/// assert_eq!(serde_json::to_string(&m).unwrap(), r#"{"kind":"recommended","text":"容缺受理"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Measure {
    /// Mandatory or recommended.
    pub kind: MeasureKind,
    /// What the measure is, as the listing unit words it.
    pub text: String,
}

/// The state of an objection (异议).
///
/// ```
/// use xinyong::status::ObjectionStatus;
/// assert_eq!(serde_json::to_string(&ObjectionStatus::Upheld).unwrap(), "\"upheld\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ObjectionStatus {
    /// Being verified: the entry's measures are suspended.
    Pending,
    /// Found right: the entry is void.
    Upheld,
    /// Found wrong: the entry stands.
    Rejected,
}

/// An objection to an entry: filed on a day, and (unless pending) resolved on one.
///
/// ```
/// use chrono::NaiveDate;
/// use xinyong::status::{Objection, ObjectionStatus};
/// let o = Objection { filed_on: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
///                     status: ObjectionStatus::Pending, resolved_on: None };
/// assert!(o.resolved_on.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Objection {
    /// The day the objection was filed.
    pub filed_on: NaiveDate,
    /// Its outcome so far.
    pub status: ObjectionStatus,
    /// The day it was decided (required unless pending).
    pub resolved_on: Option<NaiveDate>,
}

/// A publication-deadline rule for entries with `decidedOn` and no `publishedOn`.
///
/// ```
/// use xinyong::status::PublicationRule;
/// assert_eq!(PublicationRule::from_id("samr-20wd"), Some(PublicationRule::Samr20wd));
/// assert_eq!(PublicationRule::default(), PublicationRule::DoublePublicity7wd);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum PublicationRule {
    /// 双公示: 7 working days (the default).
    #[default]
    DoublePublicity7wd,
    /// SAMR Order 45: 20 working days.
    Samr20wd,
}

impl PublicationRule {
    /// The rule ids, as written in the JSON (`publicationRule`).
    pub const IDS: &'static [&'static str] = &["double-publicity-7wd", "samr-20wd"];

    /// Parses a rule id.
    ///
    /// ```
    /// use xinyong::status::PublicationRule;
    /// assert_eq!(PublicationRule::from_id("7wd"), None);
    /// ```
    pub fn from_id(id: &str) -> Option<PublicationRule> {
        match id {
            "double-publicity-7wd" => Some(PublicationRule::DoublePublicity7wd),
            "samr-20wd" => Some(PublicationRule::Samr20wd),
            _ => None,
        }
    }

    /// The rule id.
    ///
    /// ```
    /// use xinyong::status::PublicationRule;
    /// assert_eq!(PublicationRule::Samr20wd.id(), "samr-20wd");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            PublicationRule::DoublePublicity7wd => "double-publicity-7wd",
            PublicationRule::Samr20wd => "samr-20wd",
        }
    }
}

/// One entry of an entity record (see the module docs for the JSON).
///
/// ```
/// use xinyong::status::{parse_entity_json, ListKind};
/// let e = parse_entity_json(r#"{"code": "x", "name": "y", "entries": [{"list": "abnormal_operations",
///   "label": "未按时年报", "listingUnit": "市场监管局", "basis": "SAMR 3号", "listedOn": "2025-07-01"}]}"#).unwrap();
/// assert_eq!(e.entries[0].list, ListKind::AbnormalOperations);
/// assert!(e.entries[0].measures.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The list.
    pub list: ListKind,
    /// What the entry is for, as the listing unit words it.
    pub label: String,
    /// The unit that listed the entity (列入单位).
    pub listing_unit: String,
    /// The legal basis (citation).
    pub basis: String,
    /// The day of listing.
    pub listed_on: NaiveDate,
    /// The last day the entry is in force, when it has a term.
    pub expires_on: Option<NaiveDate>,
    /// The day the entity left the list.
    pub exited_on: Option<NaiveDate>,
    /// Why it left.
    pub exit_reason: Option<String>,
    /// The day credit repair took effect.
    pub repaired_on: Option<NaiveDate>,
    /// The measures of the entry.
    pub measures: Vec<Measure>,
    /// An objection to the entry.
    pub objection: Option<Objection>,
    /// The day of the decision (for the publication deadline).
    pub decided_on: Option<NaiveDate>,
    /// The day it was published.
    pub published_on: Option<NaiveDate>,
    /// Which publication deadline applies (default: 双公示 7 working days).
    pub publication_rule: Option<PublicationRule>,
    /// A repair record (the `record` of [`crate::repair`]), read and checked
    /// with the entry (with the `repair` feature; without it, ignored).
    #[cfg(feature = "repair")]
    pub repair: Option<crate::repair::Record>,
}

/// An entity record: code, name and list entries.
///
/// ```
/// use xinyong::status::parse_entity_json;
/// let e = parse_entity_json(r#"{"code": "91350100M000100Y43", "name": "某公司", "entries": []}"#).unwrap();
/// assert_eq!(e.name, "某公司");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// The Unified Social Credit Code (not validated here).
    pub code: String,
    /// The entity's name (plain text; never HTML).
    pub name: String,
    /// The list entries.
    pub entries: Vec<Entry>,
}

/// Parses an entity record from JSON text. Every error names its field.
///
/// ```
/// use xinyong::status::{parse_entity_json, StatusErrorKind};
/// let e = parse_entity_json(r#"{"code": "x", "name": "y", "entries": [{"list": "red", "label": "l",
///   "listingUnit": "u", "basis": "b", "listedOn": "2025-02-30"}]}"#).unwrap_err();
/// assert_eq!((e.kind, e.field.as_str()), (StatusErrorKind::InvalidDate, "entries[0].listedOn"));
/// ```
///
/// # Errors
/// `invalid_json`, `missing_field`, `invalid_value`, `invalid_date` or
/// `inconsistent_dates`, with the path of the field.
pub fn parse_entity_json(text: &str) -> Result<Entity, StatusError> {
    let value = crate::json::read::parse(text)
        .map_err(|e| StatusError::new(StatusErrorKind::InvalidJson, "", &e, &e, &e))?;
    parse::entity_from_value(&value)
}

/// Reads an entity record from an already parsed JSON value.
///
/// ```
/// use xinyong::status::parse_entity_value;
/// let v = serde_json::json!({"code": "x", "name": "y", "entries": []});
/// assert!(parse_entity_value(&v).is_ok());
/// ```
///
/// # Errors
/// As [`parse_entity_json`].
#[cfg(feature = "serde-json")]
pub fn parse_entity_value(value: &serde_json::Value) -> Result<Entity, StatusError> {
    parse_entity_json(&value.to_string())
}

/// Parses a `YYYY-MM-DD` date given as `field` (e.g. the `as-of` attribute).
///
/// ```
/// use xinyong::status::parse_date;
/// assert!(parse_date("2024-02-29", "asOf").is_ok());
/// assert_eq!(parse_date("2023-02-29", "asOf").unwrap_err().field, "asOf");
/// ```
///
/// # Errors
/// `invalid_date` naming `field`.
pub fn parse_date(text: &str, field: &str) -> Result<NaiveDate, StatusError> {
    parse::parse_iso_date(text.trim()).ok_or_else(|| {
        let shown: String = text.chars().take(40).collect();
        StatusError::new(
            StatusErrorKind::InvalidDate,
            field,
            &format!("收到“{shown}”"),
            &format!("收到「{shown}」"),
            &format!("got \"{shown}\""),
        )
    })
}

/// The state of one entry on `as_of`.
///
/// ```
/// use xinyong::status::EntryState;
/// assert_eq!(serde_json::to_string(&EntryState::Suspended).unwrap(), "\"suspended\"");
/// assert!(EntryState::Active.in_force());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum EntryState {
    /// Listed after `as_of`: no effect yet.
    Upcoming,
    /// In force: its measures apply.
    Active,
    /// Listed, but its measures are suspended (objection pending, or red benefits
    /// while a punitive entry is active).
    Suspended,
    /// Its term ended before `as_of`.
    Expired,
    /// The entity left the list.
    Exited,
    /// Credit repair took effect.
    Repaired,
    /// An objection was upheld: the entry is void.
    Voided,
}

impl EntryState {
    /// Whether the entry's measures apply.
    ///
    /// ```
    /// use xinyong::status::EntryState;
    /// assert!(!EntryState::Suspended.in_force());
    /// ```
    pub fn in_force(self) -> bool {
        self == EntryState::Active
    }

    /// The state's name in three languages.
    ///
    /// ```
    /// use xinyong::status::EntryState;
    /// assert_eq!(EntryState::Repaired.label().en, "repaired");
    /// ```
    pub fn label(self) -> Text {
        match self {
            EntryState::Upcoming => Text::new("尚未生效", "尚未生效", "not yet in force"),
            EntryState::Active => Text::new("生效中", "生效中", "in force"),
            EntryState::Suspended => Text::new("措施暂停", "措施暫停", "measures suspended"),
            EntryState::Expired => Text::new("期满", "期滿", "expired"),
            EntryState::Exited => Text::new("已移出", "已移出", "exited"),
            EntryState::Repaired => Text::new("已信用修复", "已信用修復", "repaired"),
            EntryState::Voided => Text::new("异议成立，已撤销", "異議成立，已撤銷", "objection upheld: void"),
        }
    }
}

/// The overall verdict on `as_of`.
///
/// ```
/// use xinyong::status::Verdict;
/// assert_eq!(serde_json::to_string(&Verdict::Attention).unwrap(), "\"attention\"");
/// assert_eq!(Verdict::Clear.label().zh_hans, "无生效中的名单记录");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// A punitive entry is in force: joint punishment applies.
    Restricted,
    /// A punitive entry is under objection: its measures are suspended.
    Suspended,
    /// On the abnormal-operations list.
    Attention,
    /// On the red list, nothing against it.
    Trustworthy,
    /// No entry in force.
    Clear,
}

impl Verdict {
    /// The verdict in words (never conveyed by colour alone).
    ///
    /// ```
    /// use xinyong::status::Verdict;
    /// assert_eq!(Verdict::Restricted.label().en, "Restricted: joint punishment in force");
    /// ```
    pub fn label(self) -> Text {
        match self {
            Verdict::Restricted => Text::new(
                "受限：失信惩戒措施生效中",
                "受限：失信懲戒措施生效中",
                "Restricted: joint punishment in force",
            ),
            Verdict::Suspended => Text::new(
                "异议核实中，惩戒措施暂停",
                "異議核實中，懲戒措施暫停",
                "Under verification: measures suspended",
            ),
            Verdict::Attention => Text::new(
                "需关注：列入经营异常名录",
                "需關注：列入經營異常名錄",
                "Attention: on the abnormal-operations list",
            ),
            Verdict::Trustworthy => Text::new(
                "守信：红名单激励适用",
                "守信：紅名單激勵適用",
                "Trustworthy: red-list incentives apply",
            ),
            Verdict::Clear => {
                Text::new("无生效中的名单记录", "無生效中的名單記錄", "Clear: no list entry in force")
            }
        }
    }
}

/// The rule that decided a state or verdict, with its source.
///
/// ```
/// use xinyong::status::Rule;
/// let r = Rule::by_id("objection-pending").unwrap();
/// assert!(r.source.contains("国发〔2016〕33号"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Rule {
    /// A stable id (see the module docs).
    pub id: String,
    /// Where the rule comes from, with its confidence where not A.
    pub source: String,
    /// What the rule says, in three languages.
    pub text: Text,
}

const SEED: &str = "贺州市《建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设实施方案》(2018-07-27)";

/// The rules `Rule::by_id` knows: id, source (before SEED, whether SEED
/// follows, after it), and the text in zh-Hans, zh-Hant and en. A table, not
/// a `match` of `format!`s: less code in the browser's status module.
#[rustfmt::skip]
const RULE_TABLE: [(&str, &str, bool, &str, &str, &str, &str); 13] = [
    ("not-yet-listed", "the record's own dates", false, "", "列入日期在查询日之后，尚无效力", "列入日期在查詢日之後，尚無效力", "listed after the as-of date: no effect yet"),
    ("objection-upheld", "", true, ": 经核实有误的信息予以更正或撤销", "异议成立，记录已更正或撤销", "異議成立，記錄已更正或撤銷", "objection upheld: the record was corrected or revoked"),
    ("exited", "", true, ": 红黑名单退出机制，退出后措施停止; 发改财金规〔2017〕1798号", "已移出名单，相关措施停止", "已移出名單，相關措施停止", "left the list: its measures stopped"),
    ("repaired", "NDRC Order No. 36 (2025)《信用修复管理办法》Art 3 (A); NDRC Order No. 58 (2023)", false, "", "信用修复后终止公示、解除惩戒措施", "信用修復後終止公示、解除懲戒措施", "credit repair ended publication and lifted the measures"),
    ("period-ended", "民法典 Arts 201-203 (the last day counts); 法释〔2017〕7号 Arts 2, 10; 国市监信规〔2021〕3号", false, "", "期限届满，不再生效", "期限屆滿，不再生效", "its term has ended"),
    ("objection-pending", "", true, ", quoting 国发〔2016〕33号: 联合惩戒措施在信息核实期间暂不执行", "异议核实期间，联合惩戒措施暂不执行", "異議核實期間，聯合懲戒措施暫不執行", "while the objection is verified, joint punishment measures are suspended"),
    ("red-suspended-by-dishonesty", "project rule (issue 5; confidence C, no national text found), after ", true, ": incentives for the trustworthy, punishment for the dishonest", "存在生效中的失信记录，红名单激励暂停", "存在生效中的失信記錄，紅名單激勵暫停", "a dishonesty entry is in force: red-list incentives are suspended"),
    ("listed", "the listing decision (see basis)", false, "", "已列入，措施生效中", "已列入，措施生效中", "listed: its measures apply"),
    ("punitive-entry-active", "", true, ": 失信联合惩戒 (procurement, bidding, subsidies, licences, honours, …)", "存在生效中的失信名单记录，适用联合惩戒", "存在生效中的失信名單記錄，適用聯合懲戒", "a dishonesty entry is in force: joint punishment applies"),
    ("objection-suspends-measures", "", true, ", quoting 国发〔2016〕33号", "失信记录异议核实中，惩戒措施暂停；核实结果出来前不得按失信处理", "失信記錄異議核實中，懲戒措施暫停；核實結果出來前不得按失信處理", "a dishonesty entry is under verification: its measures are suspended and it must not be treated as dishonest meanwhile"),
    ("abnormal-operations-active", "国市监信规〔2021〕3号 Art 5 (A): 经营异常名录, left once the cause is cured", false, "", "列入经营异常名录（非严重失信），纠正后可申请移出", "列入經營異常名錄（非嚴重失信），糾正後可申請移出", "on the abnormal-operations list (not serious dishonesty); it may leave once the cause is cured"),
    ("red-entry-active", "", true, ": 守信联合激励（绿色通道、容缺受理、优先办理）", "列入红名单，可享受守信联合激励", "列入紅名單，可享受守信聯合激勵", "on the red list: trustworthiness incentives apply"),
    ("nothing-in-force", "no entry in force on the as-of date", false, "", "查询日无生效中的名单记录", "查詢日無生效中的名單記錄", "no list entry is in force on the as-of date"),
];

impl Rule {
    /// A rule by id (`None` for an unknown id).
    ///
    /// ```
    /// use xinyong::status::Rule;
    /// assert_eq!(Rule::by_id("listed").unwrap().id, "listed");
    /// assert!(Rule::by_id("nope").is_none());
    /// ```
    pub fn by_id(id: &str) -> Option<Rule> {
        // The source is `pre`, then SEED when `seed`, then `post`.
        let &(_, pre, seed, post, hans, hant, en) = RULE_TABLE.iter().find(|r| r.0 == id)?;
        let mut source = String::from(pre);
        if seed {
            source.push_str(SEED);
        }
        source.push_str(post);
        Some(Rule { id: id.to_string(), source, text: Text::new(hans, hant, en) })
    }

    fn get(id: &str) -> Rule {
        Rule::by_id(id).unwrap_or_else(|| Rule {
            id: id.to_string(),
            source: String::new(),
            text: Text::default(),
        })
    }
}

/// The objection on an entry, as of the day, with a notice for the card.
///
/// ```
/// use xinyong::status::{ObjectionNotice, ObjectionStatus};
/// let n = ObjectionNotice { filed_on: "2026-11-01".into(), status: ObjectionStatus::Pending,
///                           resolved_on: None, notice: Default::default() };
/// assert_eq!(n.status, ObjectionStatus::Pending);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
#[serde(rename_all = "camelCase")]
pub struct ObjectionNotice {
    /// The day it was filed (`YYYY-MM-DD`).
    pub filed_on: String,
    /// Its status on `as_of` (an objection decided after `as_of` is still pending then).
    pub status: ObjectionStatus,
    /// The day it was decided, when decided by `as_of`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_on: Option<String>,
    /// What it means for the entry.
    pub notice: Text,
}

/// The publication deadline (公示截止) of an entry decided but not yet published.
///
/// ```
/// use xinyong::status::Publication;
/// let p = Publication { rule: "samr-20wd".into(), decided_on: "2026-03-02".into(), due: None,
///                       working_days: 20, overdue: false, citation: String::new(),
///                       calendar_missing_year: Some(2027), message: Default::default() };
/// assert!(p.due.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
#[serde(rename_all = "camelCase")]
pub struct Publication {
    /// `double-publicity-7wd` or `samr-20wd`.
    pub rule: String,
    /// The day of the decision.
    pub decided_on: String,
    /// The last day to publish; absent when the calendar does not cover the year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    /// Working days allowed.
    pub working_days: u32,
    /// Whether `due` is before `as_of`.
    pub overdue: bool,
    /// The rule's source.
    pub citation: String,
    /// The year the calendar lacks, when the deadline cannot be computed (never guessed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar_missing_year: Option<i32>,
    /// "Publication due by …" or "calendar not available", in three languages.
    pub message: Text,
}

/// One entry resolved on `as_of`.
///
/// ```
/// use chrono::NaiveDate;
/// use xinyong::status::{parse_entity_json, resolve_status, EntryState};
/// let e = parse_entity_json(r#"{"code": "x", "name": "y", "entries": [{"list": "black", "label": "l",
///   "listingUnit": "u", "basis": "b", "listedOn": "2025-01-01", "expiresOn": "2025-12-31"}]}"#).unwrap();
/// let r = resolve_status(&e, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
/// assert_eq!(r.entries[0].state, EntryState::Expired);
/// assert_eq!(r.entries[0].ends_on.as_deref(), Some("2025-12-31"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
#[serde(rename_all = "camelCase")]
pub struct EntryStatus {
    /// The entry's index in the record.
    pub index: u32,
    /// The list.
    pub list: ListKind,
    /// The list's name.
    pub list_name: Text,
    /// The entry's label.
    pub label: String,
    /// The listing unit.
    pub listing_unit: String,
    /// The legal basis.
    pub basis: String,
    /// The day of listing.
    pub listed_on: String,
    /// The state on `as_of`.
    pub state: EntryState,
    /// The state in words.
    pub state_label: Text,
    /// The rule that decided the state.
    pub rule: Rule,
    /// The day the entry stops being in force (its `expiresOn`), when it has a term.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends_on: Option<String>,
    /// Days from `as_of` to `ends_on` (0: its last day is today), for entries still listed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub days_remaining: Option<i64>,
    /// The day it left the list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exited_on: Option<String>,
    /// Why it left.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exit_reason: Option<String>,
    /// The day repair took effect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repaired_on: Option<String>,
    /// The measures that apply on `as_of`.
    pub measures_in_force: Vec<Measure>,
    /// The measures that would apply but are suspended.
    pub measures_suspended: Vec<Measure>,
    /// Measures that no longer apply (expired, exited, repaired, voided, upcoming).
    pub measures_inactive: Vec<Measure>,
    /// The objection, as of the day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objection: Option<ObjectionNotice>,
    /// The publication deadline, for an entry decided and not yet published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publication: Option<Publication>,
    /// Repair eligibility on `as_of` (entries in force with a `repair` record).
    #[cfg(feature = "repair")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repair: Option<crate::repair::RepairAnswer>,
    /// Why repair eligibility could not be determined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repair_error: Option<Text>,
}

/// A measure in force, with the entry it comes from.
///
/// ```
/// use xinyong::status::{MeasureInForce, MeasureKind};
/// let m = MeasureInForce { entry: 0, kind: MeasureKind::Mandatory, text: "限制招投标".into() };
/// assert_eq!(m.entry, 0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MeasureInForce {
    /// The index of the entry.
    pub entry: u32,
    /// Mandatory or recommended.
    pub kind: MeasureKind,
    /// The measure.
    pub text: String,
}

/// The resolved status of an entity on a day.
///
/// ```
/// use chrono::NaiveDate;
/// use xinyong::status::{parse_entity_json, resolve_status, Verdict};
/// let e = parse_entity_json(r#"{"code": "x", "name": "y", "entries": []}"#).unwrap();
/// let r = resolve_status(&e, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
/// assert_eq!(r.verdict, Verdict::Clear);
/// assert_eq!(r.rule.id, "nothing-in-force");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct StatusReport {
    /// The entity's code.
    pub code: String,
    /// The entity's name.
    pub name: String,
    /// The day resolved for.
    pub as_of: String,
    /// The verdict.
    pub verdict: Verdict,
    /// The verdict in words.
    pub verdict_label: Text,
    /// The rule that decided the verdict.
    pub rule: Rule,
    /// Whether red-list incentives are suspended by an active dishonesty entry.
    pub red_benefits_suspended: bool,
    /// Every entry, in record order.
    pub entries: Vec<EntryStatus>,
    /// Every measure that applies on the day.
    pub measures_in_force: Vec<MeasureInForce>,
}

fn state_of(entry: &Entry, as_of: NaiveDate) -> (EntryState, &'static str) {
    let objection_decided = |s: ObjectionStatus| {
        entry.objection.as_ref().is_some_and(|o| o.status == s && o.resolved_on.is_some_and(|r| r <= as_of))
    };
    let objection_pending = entry.objection.as_ref().is_some_and(|o| {
        o.filed_on <= as_of
            && (o.status == ObjectionStatus::Pending || o.resolved_on.is_some_and(|r| r > as_of))
    });
    if entry.listed_on > as_of {
        (EntryState::Upcoming, "not-yet-listed")
    } else if objection_decided(ObjectionStatus::Upheld) {
        (EntryState::Voided, "objection-upheld")
    } else if entry.exited_on.is_some_and(|d| d <= as_of) {
        (EntryState::Exited, "exited")
    } else if entry.repaired_on.is_some_and(|d| d <= as_of) {
        (EntryState::Repaired, "repaired")
    } else if entry.expires_on.is_some_and(|d| d < as_of) {
        (EntryState::Expired, "period-ended")
    } else if objection_pending {
        (EntryState::Suspended, "objection-pending")
    } else {
        (EntryState::Active, "listed")
    }
}

fn objection_notice(o: &Objection, as_of: NaiveDate) -> Option<ObjectionNotice> {
    if o.filed_on > as_of {
        return None;
    }
    let decided = o.resolved_on.filter(|r| *r <= as_of);
    let status = if decided.is_some() { o.status } else { ObjectionStatus::Pending };
    let f = iso(o.filed_on);
    let notice = match (status, decided) {
        (ObjectionStatus::Upheld, Some(r)) => {
            let r = iso(r);
            Text::new(
                format!("{f} 提出异议，{r} 核实成立，该记录已更正或撤销"),
                format!("{f} 提出異議，{r} 核實成立，該記錄已更正或撤銷"),
                format!("objection filed {f}, upheld {r}: the record was corrected or revoked"),
            )
        }
        (ObjectionStatus::Rejected, Some(r)) => {
            let r = iso(r);
            Text::new(
                format!("{f} 提出异议，{r} 核实不成立，记录维持"),
                format!("{f} 提出異議，{r} 核實不成立，記錄維持"),
                format!("objection filed {f}, rejected {r}: the record stands"),
            )
        }
        _ => Text::new(
            format!("{f} 提出异议，正在核实：联合惩戒措施暂不执行"),
            format!("{f} 提出異議，正在核實：聯合懲戒措施暫不執行"),
            format!("objection filed {f}, under verification: joint punishment measures are suspended"),
        ),
    };
    Some(ObjectionNotice { filed_on: f, status, resolved_on: decided.map(iso), notice })
}

#[cfg(feature = "workdays")]
fn publication_of(entry: &Entry, as_of: NaiveDate) -> Option<Publication> {
    use crate::workdays::{publication_deadline, DeadlineRule};
    let decided_on = entry.decided_on?;
    if entry.published_on.is_some() {
        return None;
    }
    let rule = match entry.publication_rule.unwrap_or_default() {
        PublicationRule::DoublePublicity7wd => DeadlineRule::DoublePublicity7wd,
        PublicationRule::Samr20wd => DeadlineRule::Samr20wd,
    };
    let d = iso(decided_on);
    let base = Publication {
        rule: rule.id().to_string(),
        decided_on: d,
        due: None,
        working_days: rule.working_days(),
        overdue: false,
        citation: rule.citation().to_string(),
        calendar_missing_year: None,
        message: Text::default(),
    };
    Some(match publication_deadline(decided_on, rule) {
        Ok(dl) => {
            let due = iso(dl.due);
            let n = rule.working_days();
            let overdue = dl.due < as_of;
            let (late_h, late_t, late_e) =
                if overdue { ("，已逾期", "，已逾期", ", overdue") } else { ("", "", "") };
            Publication {
                due: Some(due.clone()),
                overdue,
                message: Text::new(
                    format!("公示截止 {due}（{n} 个工作日{late_h}）"),
                    format!("公示截止 {due}（{n} 個工作日{late_t}）"),
                    format!("publication due by {due} ({n} working days{late_e})"),
                ),
                ..base
            }
        }
        Err(e) => {
            let year = e.year;
            let y = year.map(|y| y.to_string()).unwrap_or_default();
            Publication {
                calendar_missing_year: year,
                message: Text::new(
                    format!("公示截止：{y} 年节假日安排尚未收录，无法计算（不作推测）"),
                    format!("公示截止：{y} 年節假日安排尚未收錄，無法計算（不作推測）"),
                    format!("publication due by: calendar not available for {y} (no date is guessed)"),
                ),
                ..base
            }
        }
    })
}

#[cfg(not(feature = "workdays"))]
fn publication_of(_entry: &Entry, _as_of: NaiveDate) -> Option<Publication> {
    None
}

/// Resolves the status of `entity` on `as_of` (a civil date in Asia/Shanghai):
/// each entry's state, days left, measures in force, and the verdict, each
/// with the rule that decided it (see the module docs for the rules).
///
/// ```
/// use chrono::NaiveDate;
/// use xinyong::status::{parse_entity_json, resolve_status, EntryState, Verdict};
/// let e = parse_entity_json(r#"{"code": "x", "name": "y", "entries": [{"list": "black", "label": "l",
///   "listingUnit": "u", "basis": "b", "listedOn": "2026-01-05",
///   "measures": [{"kind": "mandatory", "text": "限制参与招投标"}],
///   "objection": {"filedOn": "2026-11-01", "status": "rejected", "resolvedOn": "2026-12-01"}}]}"#).unwrap();
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let r = resolve_status(&e, day(11, 26)); // the objection was still pending then
/// assert_eq!((r.verdict, r.entries[0].state), (Verdict::Suspended, EntryState::Suspended));
/// assert!(r.measures_in_force.is_empty());
/// let r = resolve_status(&e, day(12, 2));
/// assert_eq!(r.verdict, Verdict::Restricted);
/// ```
pub fn resolve_status(entity: &Entity, as_of: NaiveDate) -> StatusReport {
    let mut entries: Vec<EntryStatus> = Vec::with_capacity(entity.entries.len());
    for (i, entry) in entity.entries.iter().enumerate() {
        let (state, rule) = state_of(entry, as_of);
        let listed = matches!(state, EntryState::Active | EntryState::Suspended);
        let days_remaining =
            entry.expires_on.filter(|_| listed).map(|d| d.signed_duration_since(as_of).num_days());
        let (in_force, suspended, inactive) = match state {
            EntryState::Active => (entry.measures.clone(), Vec::new(), Vec::new()),
            EntryState::Suspended => (Vec::new(), entry.measures.clone(), Vec::new()),
            _ => (Vec::new(), Vec::new(), entry.measures.clone()),
        };
        entries.push(EntryStatus {
            index: u32::try_from(i).unwrap_or(u32::MAX),
            list: entry.list,
            list_name: entry.list.name(),
            label: entry.label.clone(),
            listing_unit: entry.listing_unit.clone(),
            basis: entry.basis.clone(),
            listed_on: iso(entry.listed_on),
            state,
            state_label: state.label(),
            rule: Rule::get(rule),
            ends_on: entry.expires_on.map(iso),
            days_remaining,
            exited_on: entry.exited_on.filter(|d| *d <= as_of).map(iso),
            exit_reason: entry.exit_reason.clone().filter(|_| entry.exited_on.is_some_and(|d| d <= as_of)),
            repaired_on: entry.repaired_on.filter(|d| *d <= as_of).map(iso),
            measures_in_force: in_force,
            measures_suspended: suspended,
            measures_inactive: inactive,
            objection: entry.objection.as_ref().and_then(|o| objection_notice(o, as_of)),
            publication: publication_of(entry, as_of),
            #[cfg(feature = "repair")]
            repair: None,
            repair_error: None,
        });
        #[cfg(feature = "repair")]
        if let (Some(record), true, Some(last)) = (&entry.repair, listed, entries.last_mut()) {
            match crate::repair::record_case(as_of, record)
                .and_then(|c| crate::repair::repair_eligibility(&c))
            {
                Ok(answer) => last.repair = Some(answer),
                Err(e) => last.repair_error = Some(e.message),
            }
        }
    }

    // Red benefits are suspended while a punitive entry is active.
    let punitive_active = entries.iter().any(|e| e.list.is_punitive() && e.state == EntryState::Active);
    let mut red_benefits_suspended = false;
    if punitive_active {
        for e in entries.iter_mut().filter(|e| e.list == ListKind::Red && e.state == EntryState::Active) {
            e.state = EntryState::Suspended;
            e.state_label = EntryState::Suspended.label();
            e.rule = Rule::get("red-suspended-by-dishonesty");
            e.measures_suspended = std::mem::take(&mut e.measures_in_force);
            red_benefits_suspended = true;
        }
    }

    let any = |pred: &dyn Fn(&EntryStatus) -> bool| entries.iter().any(pred);
    let (verdict, rule) = if punitive_active {
        (Verdict::Restricted, "punitive-entry-active")
    } else if any(&|e| e.list.is_punitive() && e.state == EntryState::Suspended) {
        (Verdict::Suspended, "objection-suspends-measures")
    } else if any(&|e| e.list == ListKind::AbnormalOperations && e.state == EntryState::Active) {
        (Verdict::Attention, "abnormal-operations-active")
    } else if any(&|e| e.list == ListKind::Red && e.state == EntryState::Active) {
        (Verdict::Trustworthy, "red-entry-active")
    } else {
        (Verdict::Clear, "nothing-in-force")
    };

    let measures_in_force = entries
        .iter()
        .flat_map(|e| {
            e.measures_in_force.iter().map(|m| MeasureInForce {
                entry: e.index,
                kind: m.kind,
                text: m.text.clone(),
            })
        })
        .collect();
    StatusReport {
        code: entity.code.clone(),
        name: entity.name.clone(),
        as_of: iso(as_of),
        verdict,
        verdict_label: verdict.label(),
        rule: Rule::get(rule),
        red_benefits_suspended,
        entries,
        measures_in_force,
    }
}
