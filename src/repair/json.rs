//! Field-by-field reading of a JSON object, so that every error names the path
//! of the field it concerns (a JSON parser alone reports only a line and column).

use super::dates::parse_date;
use super::error::{RepairError, RepairErrorKind};
pub(crate) use crate::json::read::Value;
use crate::json::read::{json_names, FromJson};
use chrono::NaiveDate;

/// A JSON object being read, with its path for error messages.
pub(crate) struct Obj<'a> {
    value: &'a Value,
    members: &'a [(String, Value)],
    path: String,
}

/// Joins a parent path and a key: `record` + `publishedOn` → `record.publishedOn`.
pub(crate) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn type_name(v: &Value) -> &'static str {
    v.type_name()
}

impl<'a> Obj<'a> {
    /// Reads `v` as an object; anything else is an error at `path`.
    pub(crate) fn new(v: &'a Value, path: &str) -> Result<Self, RepairError> {
        match v {
            Value::Object(members) => Ok(Obj { value: v, members, path: path.to_string() }),
            other => Err(RepairError::new(
                if path.is_empty() { RepairErrorKind::InvalidJson } else { RepairErrorKind::InvalidValue },
                path,
                &format!("应为 JSON 对象，实为 {}", type_name(other)),
                &format!("應為 JSON 物件，實為 {}", type_name(other)),
                &format!("expected an object, found {}", type_name(other)),
            )),
        }
    }

    /// The path of `key` inside this object.
    pub(crate) fn path(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// Rejects keys outside `allowed`, naming the first unknown one in sorted
    /// order (the smallest: no sort, whose code the browser module would carry).
    pub(crate) fn deny_unknown(&self, allowed: &[&str]) -> Result<(), RepairError> {
        let unknown = self.members.iter().map(|(k, _)| k).filter(|k| !allowed.contains(&k.as_str())).min();
        if let Some(key) = unknown {
            let list = crate::json::read::join(allowed, ", ");
            return Err(RepairError::new(
                RepairErrorKind::InvalidValue,
                self.path(key),
                &format!("未知字段；允许的字段：{list}"),
                &format!("未知欄位；允許的欄位：{list}"),
                &format!("unknown field; allowed: {list}"),
            ));
        }
        Ok(())
    }

    /// The raw value of `key`, or `None` when absent or null.
    pub(crate) fn raw(&self, key: &str) -> Option<&'a Value> {
        match self.value.get(key) {
            None | Some(Value::Null) => None,
            Some(v) => Some(v),
        }
    }

    /// Reads `key` if present and not null.
    pub(crate) fn opt<T: FromJson>(&self, key: &str) -> Result<Option<T>, RepairError> {
        let mut out = None;
        self.one(key, false, &mut |v| T::from_json(v).map(|item| out = Some(item)))?;
        Ok(out)
    }

    /// Reads a required `key`.
    pub(crate) fn req<T: FromJson>(&self, key: &str) -> Result<T, RepairError> {
        let mut out = None;
        self.one(key, true, &mut |v| T::from_json(v).map(|item| out = Some(item)))?;
        out.ok_or_else(|| self.missing(key))
    }

    /// Runs `f` on the value of `key` when present and not null (when absent
    /// and `required`, a `missing_field`); `f`'s error becomes an
    /// `invalid_value` at `key`. Non-generic, like [`Obj::each`].
    #[inline(never)]
    fn one(
        &self,
        key: &str,
        required: bool,
        f: &mut dyn FnMut(&Value) -> Result<(), String>,
    ) -> Result<(), RepairError> {
        match self.raw(key) {
            None if required => Err(self.missing(key)),
            None => Ok(()),
            Some(v) => f(v).map_err(|e| self.invalid(key, None, &e)),
        }
    }

    /// An optional list, each element read with its own index path.
    pub(crate) fn opt_list<T: FromJson>(&self, key: &str) -> Result<Option<Vec<T>>, RepairError> {
        let mut out = Vec::new();
        let present = self.each(key, &mut |v| T::from_json(v).map(|item| out.push(item)))?;
        Ok(present.then_some(out))
    }

    /// Runs `f` on every item of the array `key` (false when absent or null),
    /// stopping at the first error, which it places at the item's index path.
    /// Through `dyn`: one loop for every item type, each type adding only
    /// its small closure.
    #[inline(never)]
    fn each(&self, key: &str, f: &mut dyn FnMut(&Value) -> Result<(), String>) -> Result<bool, RepairError> {
        let Some(items) = self.list(key)? else { return Ok(false) };
        for (i, v) in items.iter().enumerate() {
            f(v).map_err(|e| self.invalid(key, Some(i), &e))?;
        }
        Ok(true)
    }

    // The non-generic halves of the readers above (one copy, not one per type).

    /// The items of the array `key`, `None` when absent or null.
    #[inline(never)]
    fn list(&self, key: &str) -> Result<Option<&'a [Value]>, RepairError> {
        match self.raw(key) {
            None => Ok(None),
            Some(Value::Array(items)) => Ok(Some(items)),
            Some(other) => Err(RepairError::new(
                RepairErrorKind::InvalidValue,
                self.path(key),
                &format!("应为数组，实为 {}", type_name(other)),
                &format!("應為陣列，實為 {}", type_name(other)),
                &format!("expected an array, found {}", type_name(other)),
            )),
        }
    }

    /// An `invalid_value` at `key` (or its item `index`).
    #[inline(never)]
    fn invalid(&self, key: &str, index: Option<usize>, message: &str) -> RepairError {
        let mut path = self.path(key);
        if let Some(i) = index {
            path = format!("{path}[{i}]");
        }
        RepairError::plain(RepairErrorKind::InvalidValue, path, message)
    }

    /// A `missing_field` at `key`.
    #[inline(never)]
    fn missing(&self, key: &str) -> RepairError {
        missing(&self.path(key))
    }

    /// An optional `YYYY-MM-DD` date.
    pub(crate) fn opt_date(&self, key: &str) -> Result<Option<NaiveDate>, RepairError> {
        match self.raw(key) {
            None => Ok(None),
            Some(v) => date_value(v, &self.path(key)).map(Some),
        }
    }

    /// A required `YYYY-MM-DD` date.
    pub(crate) fn req_date(&self, key: &str) -> Result<NaiveDate, RepairError> {
        self.opt_date(key)?.ok_or_else(|| missing(&self.path(key)))
    }

    /// An optional nested object.
    pub(crate) fn opt_obj(&self, key: &str) -> Result<Option<Obj<'a>>, RepairError> {
        match self.raw(key) {
            None => Ok(None),
            Some(v) => Obj::new(v, &self.path(key)).map(Some),
        }
    }
}

/// Reads a `YYYY-MM-DD` date value.
pub(crate) fn date_value(v: &Value, path: &str) -> Result<NaiveDate, RepairError> {
    match v {
        Value::String(s) => parse_date(s).ok_or_else(|| {
            let shown: String = s.chars().take(40).collect();
            RepairError::new(
                RepairErrorKind::InvalidDate,
                path,
                &format!("收到 \"{shown}\""),
                &format!("收到 \"{shown}\""),
                &format!("got \"{shown}\""),
            )
        }),
        other => Err(RepairError::new(
            RepairErrorKind::InvalidDate,
            path,
            &format!("应为字符串，实为 {}", type_name(other)),
            &format!("應為字串，實為 {}", type_name(other)),
            &format!("expected a string, found {}", type_name(other)),
        )),
    }
}

/// A `missing_field` error at `path`.
pub(crate) fn missing(path: &str) -> RepairError {
    RepairError::new(RepairErrorKind::MissingField, path, "", "", "")
}

/// Parses text as JSON, mapping syntax errors to `invalid_json`.
pub(crate) fn parse_text(text: &str) -> Result<Value, RepairError> {
    crate::json::read::parse(text).map_err(|e| RepairError::plain(RepairErrorKind::InvalidJson, "", &e))
}

// How each value of a repair case or rule set is read (the names are the
// serde derives' `snake_case` ones, which Rust users see).
use super::dates::Period;
use super::rules::{
    Anchor, Condition, Confidence, Earliest, Exclusion, Measure, ProcedureStart, ProcedureStep, Publication,
    RecordKind, RefusalGround, Sector, Severity, Track,
};
use super::{CureGround, DeletionEvent, RuleSetSelector, Transition};
use crate::json::read::expected;

json_names!(Track { "ndrc" => Track::Ndrc, "samr" => Track::Samr, "court" => Track::Court });
json_names!(RecordKind { "administrative_penalty" => RecordKind::AdministrativePenalty, "abnormal_operations" => RecordKind::AbnormalOperations, "serious_violation_list" => RecordKind::SeriousViolationList, "serious_dishonesty_list" => RecordKind::SeriousDishonestyList, "dishonest_judgment_debtor" => RecordKind::DishonestJudgmentDebtor });
json_names!(Severity { "minor" => Severity::Minor, "general" => Severity::General, "serious" => Severity::Serious, "specific_serious" => Severity::SpecificSerious });
json_names!(Sector { "food" => Sector::Food, "drugs" => Sector::Drugs, "special_equipment" => Sector::SpecialEquipment, "work_safety" => Sector::WorkSafety, "fire" => Sector::Fire, "environment" => Sector::Environment, "construction_quality" => Sector::ConstructionQuality, "other" => Sector::Other });
json_names!(Measure { "warning" => Measure::Warning, "circulated_criticism" => Measure::CirculatedCriticism, "fine" => Measure::Fine, "low_fine" => Measure::LowFine, "confiscation" => Measure::Confiscation, "suspend_production" => Measure::SuspendProduction, "restrict_business" => Measure::RestrictBusiness, "restrict_employment" => Measure::RestrictEmployment, "downgrade_qualification" => Measure::DowngradeQualification, "revoke_permit" => Measure::RevokePermit, "revoke_business_licence" => Measure::RevokeBusinessLicence, "detention" => Measure::Detention, "other" => Measure::Other });
json_names!(Anchor { "publication" => Anchor::Publication, "decision_or_publication" => Anchor::DecisionOrPublication, "listing" => Anchor::Listing });
json_names!(Condition { "corrected" => Condition::Corrected, "obligations_performed" => Condition::ObligationsPerformed, "commitment_signed" => Condition::CommitmentSigned, "harm_removed" => Condition::HarmRemoved, "training_completed" => Condition::TrainingCompleted, "credit_report_submitted" => Condition::CreditReportSubmitted, "no_new_similar_penalty" => Condition::NoNewSimilarPenalty, "not_on_abnormal_list" => Condition::NotOnAbnormalList, "not_on_serious_violation_list" => Condition::NotOnSeriousViolationList, "no_new_serious_penalty" => Condition::NoNewSeriousPenalty, "cause_cured" => Condition::CauseCured, "deletion_event" => Condition::DeletionEvent, "performed_or_corrected" => Condition::PerformedOrCorrected });
json_names!(Exclusion { "declared_unrepairable" => Exclusion::DeclaredUnrepairable });
json_names!(RefusalGround { "false_materials" => RefusalGround::FalseMaterials, "repeat_offence" => RefusalGround::RepeatOffence });
json_names!(ProcedureStep { "feedback" => ProcedureStep::Feedback, "decision" => ProcedureStep::Decision });
json_names!(ProcedureStart { "applied_on" => ProcedureStart::AppliedOn, "received_on" => ProcedureStart::ReceivedOn });
json_names!(CureGround { "annual_report_filed" => CureGround::AnnualReportFiled, "disclosure_made" => CureGround::DisclosureMade, "false_disclosure_corrected" => CureGround::FalseDisclosureCorrected, "address_resolved" => CureGround::AddressResolved });
json_names!(DeletionEvent { "paid" => DeletionEvent::Paid, "settlement_performed" => DeletionEvent::SettlementPerformed, "creditor_applied" => DeletionEvent::CreditorApplied, "no_assets_after_searches" => DeletionEvent::NoAssetsAfterSearches, "execution_suspended" => DeletionEvent::ExecutionSuspended, "enforcement_refused" => DeletionEvent::EnforcementRefused, "execution_terminated" => DeletionEvent::ExecutionTerminated });
json_names!(Transition { "application_date" => Transition::ApplicationDate, "publication_date" => Transition::PublicationDate });
json_names!(Confidence { "A" => Confidence::A, "B" => Confidence::B, "C" => Confidence::C });

impl FromJson for Period {
    /// `{"years": …, "months": …, "days": …}`, each optional (0).
    fn from_json(v: &Value) -> Result<Self, String> {
        let Value::Object(members) = v else { return Err(expected("an object", v)) };
        let mut p = Period::default();
        for (key, value) in members {
            let slot = match key.as_str() {
                "years" => &mut p.years,
                "months" => &mut p.months,
                "days" => &mut p.days,
                _ => return Err(format!("unknown field `{key}`, expected one of `years`, `months`, `days`")),
            };
            *slot = u32::from_json(value).map_err(|e| format!("{key}: {e}"))?;
        }
        Ok(p)
    }
}

/// The one member of `{"name": value}` (an enum variant with data).
fn variant(v: &Value) -> Option<(&str, &Value)> {
    match v {
        Value::Object(members) => match members.as_slice() {
            [(name, value)] => Some((name.as_str(), value)),
            _ => None,
        },
        _ => None,
    }
}

impl FromJson for Earliest {
    /// `"at_once"`, `"never"`, `"not_needed"`, `"set_by_listing_unit"`,
    /// `{"after": period}` or `{"param": name}`.
    fn from_json(v: &Value) -> Result<Self, String> {
        match variant(v) {
            Some(("after", p)) => Period::from_json(p).map(Earliest::After),
            Some(("param", p)) => String::from_json(p).map(Earliest::Param),
            _ => match v {
                Value::String(s) => match s.as_str() {
                    "at_once" => Ok(Earliest::AtOnce),
                    "never" => Ok(Earliest::Never),
                    "not_needed" => Ok(Earliest::NotNeeded),
                    "set_by_listing_unit" => Ok(Earliest::SetByListingUnit),
                    _ => Err(format!("unknown value \"{s}\"; expected one of: at_once, after, never, not_needed, set_by_listing_unit, param")),
                },
                _ => Err(expected("a string or {\"after\": …} / {\"param\": …}", v)),
            },
        }
    }
}

impl FromJson for Publication {
    /// `"not_published"`, `"never_by_time"`, `"set_by_listing_unit"` or `{"fixed": period}`.
    fn from_json(v: &Value) -> Result<Self, String> {
        match variant(v) {
            Some(("fixed", p)) => Period::from_json(p).map(Publication::Fixed),
            _ => match v {
                Value::String(s) => match s.as_str() {
                    "not_published" => Ok(Publication::NotPublished),
                    "never_by_time" => Ok(Publication::NeverByTime),
                    "set_by_listing_unit" => Ok(Publication::SetByListingUnit),
                    _ => Err(format!("unknown value \"{s}\"; expected one of: not_published, fixed, never_by_time, set_by_listing_unit")),
                },
                _ => Err(expected("a string or {\"fixed\": …}", v)),
            },
        }
    }
}

impl FromJson for RuleSetSelector {
    fn from_json(v: &Value) -> Result<Self, String> {
        RuleSetSelector::try_from(String::from_json(v)?)
    }
}
