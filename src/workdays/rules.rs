//! Built-in publication-deadline rules.

use super::calendar::format_iso_date;
use crate::i18n::Text;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize, Serializer};

/// A built-in publication-deadline rule. Serialized by its id
/// (`double-publicity-7wd`, `samr-20wd`).
///
/// ```
/// use xinyong::workdays::DeadlineRule;
/// let r: DeadlineRule = serde_json::from_str("\"samr-20wd\"").unwrap();
/// assert_eq!(r, DeadlineRule::Samr20wd);
/// assert_eq!(r.working_days(), 20);
/// assert_eq!(serde_json::to_string(&DeadlineRule::DoublePublicity7wd).unwrap(), "\"double-publicity-7wd\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[non_exhaustive]
pub enum DeadlineRule {
    /// 双公示: administrative licensing and penalty decisions are published within 7
    /// working days of the decision.
    #[serde(rename = "double-publicity-7wd")]
    DoublePublicity7wd,
    /// Market regulation (SAMR): penalty information is published within 20 working days.
    #[serde(rename = "samr-20wd")]
    Samr20wd,
}

impl DeadlineRule {
    /// Every built-in rule.
    ///
    /// ```
    /// use xinyong::workdays::DeadlineRule;
    /// assert_eq!(DeadlineRule::ALL.len(), 2);
    /// ```
    pub const ALL: [DeadlineRule; 2] = [DeadlineRule::DoublePublicity7wd, DeadlineRule::Samr20wd];

    /// The rule's id, as serialized.
    ///
    /// ```
    /// use xinyong::workdays::DeadlineRule;
    /// assert_eq!(DeadlineRule::Samr20wd.id(), "samr-20wd");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            DeadlineRule::DoublePublicity7wd => "double-publicity-7wd",
            DeadlineRule::Samr20wd => "samr-20wd",
        }
    }

    /// Looks a rule up by id.
    ///
    /// ```
    /// use xinyong::workdays::DeadlineRule;
    /// assert_eq!(DeadlineRule::from_id("double-publicity-7wd"), Some(DeadlineRule::DoublePublicity7wd));
    /// assert_eq!(DeadlineRule::from_id("7wd"), None);
    /// ```
    pub fn from_id(id: &str) -> Option<DeadlineRule> {
        DeadlineRule::ALL.into_iter().find(|r| r.id() == id)
    }

    /// The number of working days the rule allows after the decision day.
    ///
    /// ```
    /// use xinyong::workdays::DeadlineRule;
    /// assert_eq!(DeadlineRule::DoublePublicity7wd.working_days(), 7);
    /// ```
    pub fn working_days(self) -> u32 {
        match self {
            DeadlineRule::DoublePublicity7wd => 7,
            DeadlineRule::Samr20wd => 20,
        }
    }

    /// Where the rule comes from, as the project's notes (`shared/domain/seed.md`,
    /// `shared/domain/repair-rules.md`) give it, with their confidence.
    ///
    /// ```
    /// use xinyong::workdays::DeadlineRule;
    /// assert!(DeadlineRule::Samr20wd.citation().contains("第45号"));
    /// ```
    pub fn citation(self) -> &'static str {
        match self {
            DeadlineRule::DoublePublicity7wd => {
                "双公示 7 个工作日: 贺州市《建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设实施方案》\
                 (2018-07-27) requires licensing and penalty decisions to be published within 7 working days; \
                 national basis per the project's notes: 国办发〔2015〕51号, 国办发〔2018〕118号 \
                 (their exact wording was not confirmed, confidence C)"
            }
            DeadlineRule::Samr20wd => {
                "国家市场监督管理总局令第45号 (SAMR Order No. 45): market-regulation penalty information \
                 is published within 20 working days (project notes, confidence A)"
            }
        }
    }

    /// The confidence the project's notes give the rule's source: `A` = wording read
    /// on an official page or full text, `C` = not confirmed.
    ///
    /// ```
    /// use xinyong::workdays::DeadlineRule;
    /// assert_eq!(DeadlineRule::Samr20wd.confidence(), "A");
    /// ```
    pub fn confidence(self) -> &'static str {
        match self {
            DeadlineRule::DoublePublicity7wd => "C",
            DeadlineRule::Samr20wd => "A",
        }
    }
}

impl std::fmt::Display for DeadlineRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

fn ser_date<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format_iso_date(*d))
}

/// A computed publication deadline. Serialized in camelCase with dates as `YYYY-MM-DD`.
///
/// ```
/// use chrono::NaiveDate;
/// use xinyong::workdays::{publication_deadline, DeadlineRule};
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let dl = publication_deadline(d(2024, 2, 5), DeadlineRule::DoublePublicity7wd).unwrap();
/// assert_eq!(dl.due, d(2024, 2, 20)); // 02-06..09, 02-18 (Sun, worked), 02-19, 02-20
/// let json = serde_json::to_value(&dl).unwrap();
/// assert_eq!(json["due"], "2024-02-20");
/// assert_eq!(json["rule"], "double-publicity-7wd");
/// assert_eq!(json["workingDays"], 7);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Deadline {
    /// The day of the decision (does not count).
    #[serde(serialize_with = "ser_date")]
    #[cfg_attr(feature = "ts", ts(as = "String"))]
    pub decided_on: NaiveDate,
    /// The last day on which publication is on time (always a working day).
    #[serde(serialize_with = "ser_date")]
    #[cfg_attr(feature = "ts", ts(as = "String"))]
    pub due: NaiveDate,
    /// The rule applied.
    pub rule: DeadlineRule,
    /// The rule's number of working days.
    pub working_days: u32,
    /// The rule's source, see [`DeadlineRule::citation`].
    pub citation: String,
    /// The confidence of the source, see [`DeadlineRule::confidence`].
    pub confidence: String,
    /// How the deadline was counted, in three languages.
    pub note: Text,
}

impl Deadline {
    pub(crate) fn new(decided_on: NaiveDate, due: NaiveDate, rule: DeadlineRule) -> Deadline {
        let n = rule.working_days();
        let (d, e) = (format_iso_date(decided_on), format_iso_date(due));
        Deadline {
            decided_on,
            due,
            rule,
            working_days: n,
            citation: rule.citation().to_string(),
            confidence: rule.confidence().to_string(),
            note: Text::new(
                format!(
                    "{d} 作出决定，当日不计入；按国务院节假日安排（含调休）计 {n} 个工作日，最迟 {e} 公示"
                ),
                format!(
                    "{d} 作出決定，當日不計入；按國務院節假日安排（含調休）計 {n} 個工作日，最遲 {e} 公示"
                ),
                format!(
                    "decided on {d} (that day does not count); {n} working days under the State Council \
                     holiday calendar (with make-up working days) end on {e}, the last day to publish"
                ),
            ),
        }
    }
}
