//! Field-by-field reading of an entity record, so that every error names the
//! path of the field it concerns (a JSON parser alone reports a line and column).

use super::error::{StatusError, StatusErrorKind};
use super::{Entity, Entry, ListKind, Measure, MeasureKind, Objection, ObjectionStatus, PublicationRule};
pub(crate) use crate::json::read::Value;
use chrono::NaiveDate;

fn type_name(v: &Value) -> &'static str {
    v.type_name()
}

fn wrong_type(path: &str, expected: &str, found: &Value) -> StatusError {
    let f = type_name(found);
    StatusError::new(
        StatusErrorKind::InvalidValue,
        path,
        &format!("应为{expected}，实为 {f}"),
        &format!("應為{expected}，實為 {f}"),
        &format!("expected {expected}, found {f}"),
    )
}

fn missing(path: &str) -> StatusError {
    StatusError::new(StatusErrorKind::MissingField, path, "", "", "")
}

pub(crate) use crate::civil_date::{format_iso_date as iso, parse_iso_date};

struct Obj<'a> {
    value: &'a Value,
    path: String,
}

impl<'a> Obj<'a> {
    fn new(v: &'a Value, path: &str) -> Result<Self, StatusError> {
        match v {
            Value::Object(_) => Ok(Obj { value: v, path: path.to_string() }),
            other if path.is_empty() => Err(StatusError::new(
                StatusErrorKind::InvalidJson,
                "",
                &format!("应为 JSON 对象，实为 {}", type_name(other)),
                &format!("應為 JSON 物件，實為 {}", type_name(other)),
                &format!("expected an object, found {}", type_name(other)),
            )),
            other => Err(wrong_type(path, "an object", other)),
        }
    }

    fn path(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    fn raw(&self, key: &str) -> Option<&'a Value> {
        match self.value.get(key) {
            None | Some(Value::Null) => None,
            Some(v) => Some(v),
        }
    }

    fn opt_str(&self, key: &str) -> Result<Option<String>, StatusError> {
        match self.raw(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(wrong_type(&self.path(key), "a string", other)),
        }
    }

    fn req_str(&self, key: &str) -> Result<String, StatusError> {
        self.opt_str(key)?.ok_or_else(|| missing(&self.path(key)))
    }

    fn opt_date(&self, key: &str) -> Result<Option<NaiveDate>, StatusError> {
        let path = self.path(key);
        match self.raw(key) {
            None => Ok(None),
            Some(Value::String(s)) => parse_iso_date(s).map(Some).ok_or_else(|| {
                let shown: String = s.chars().take(40).collect();
                StatusError::new(
                    StatusErrorKind::InvalidDate,
                    &path,
                    &format!("收到“{shown}”"),
                    &format!("收到「{shown}」"),
                    &format!("got \"{shown}\""),
                )
            }),
            Some(other) => Err(StatusError::new(
                StatusErrorKind::InvalidDate,
                &path,
                &format!("应为字符串，实为 {}", type_name(other)),
                &format!("應為字串，實為 {}", type_name(other)),
                &format!("expected a string, found {}", type_name(other)),
            )),
        }
    }

    fn req_date(&self, key: &str) -> Result<NaiveDate, StatusError> {
        self.opt_date(key)?.ok_or_else(|| missing(&self.path(key)))
    }

    /// A string from a closed set, parsed by `f`; the allowed values are named in the error.
    fn choice<T>(
        &self,
        key: &str,
        allowed: &[&str],
        f: impl Fn(&str) -> Option<T>,
    ) -> Result<Option<T>, StatusError> {
        let Some(s) = self.opt_str(key)? else { return Ok(None) };
        match f(&s) {
            Some(v) => Ok(Some(v)),
            None => Err(self.not_allowed(key, &s, allowed)),
        }
    }

    /// The error of [`Obj::choice`] (one copy, not one per type).
    #[inline(never)]
    fn not_allowed(&self, key: &str, s: &str, allowed: &[&str]) -> StatusError {
        let list = crate::json::read::join(allowed, ", ");
        let shown: String = s.chars().take(40).collect();
        StatusError::new(
            StatusErrorKind::InvalidValue,
            self.path(key),
            &format!("“{shown}”不是允许的值：{list}"),
            &format!("「{shown}」不是允許的值：{list}"),
            &format!("\"{shown}\" is not one of {list}"),
        )
    }

    fn array(&self, key: &str) -> Result<Option<&'a Vec<Value>>, StatusError> {
        match self.raw(key) {
            None => Ok(None),
            Some(Value::Array(items)) => Ok(Some(items)),
            Some(other) => Err(wrong_type(&self.path(key), "an array", other)),
        }
    }
}

fn inconsistent(path: String, hans: &str, hant: &str, en: &str) -> StatusError {
    StatusError::new(StatusErrorKind::InconsistentDates, path, hans, hant, en)
}

/// Reads an entity from a parsed JSON value.
pub(crate) fn entity_from_value(value: &Value) -> Result<Entity, StatusError> {
    let top = Obj::new(value, "")?;
    let code = top.req_str("code")?;
    let name = top.req_str("name")?;
    let items = top.array("entries")?.ok_or_else(|| missing("entries"))?;
    let mut entries = Vec::new();
    crate::json::read::each_indexed(items, "entries", &mut |v, p| {
        entry_from_value(v, p).map(|entry| entries.push(entry))
    })?;
    Ok(Entity { code, name, entries })
}

// Not inlined into its one caller's loop: measured 298 B gzip smaller in the
// status module, 284 B in the card module.
#[inline(never)]
fn entry_from_value(v: &Value, path: &str) -> Result<Entry, StatusError> {
    let o = Obj::new(v, path)?;
    let list = o.choice("list", ListKind::IDS, ListKind::from_id)?.ok_or_else(|| missing(&o.path("list")))?;
    let label = o.req_str("label")?;
    let listing_unit = o.req_str("listingUnit")?;
    let basis = o.req_str("basis")?;
    let listed_on = o.req_date("listedOn")?;
    let expires_on = o.opt_date("expiresOn")?;
    let exited_on = o.opt_date("exitedOn")?;
    let exit_reason = o.opt_str("exitReason")?;
    let repaired_on = o.opt_date("repairedOn")?;
    let decided_on = o.opt_date("decidedOn")?;
    let published_on = o.opt_date("publishedOn")?;
    let publication_rule = o.choice("publicationRule", PublicationRule::IDS, PublicationRule::from_id)?;
    let mut measures = Vec::new();
    for (i, m) in o.array("measures")?.map(Vec::as_slice).unwrap_or_default().iter().enumerate() {
        let mo = Obj::new(m, &format!("{}[{i}]", o.path("measures")))?;
        let kind = mo
            .choice("kind", &["mandatory", "recommended"], |s| match s {
                "mandatory" => Some(MeasureKind::Mandatory),
                "recommended" => Some(MeasureKind::Recommended),
                _ => None,
            })?
            .ok_or_else(|| missing(&mo.path("kind")))?;
        measures.push(Measure { kind, text: mo.req_str("text")? });
    }
    let objection = match o.raw("objection") {
        None => None,
        Some(ov) => {
            let oo = Obj::new(ov, &o.path("objection"))?;
            let filed_on = oo.req_date("filedOn")?;
            let status = oo
                .choice("status", &["pending", "upheld", "rejected"], |s| match s {
                    "pending" => Some(ObjectionStatus::Pending),
                    "upheld" => Some(ObjectionStatus::Upheld),
                    "rejected" => Some(ObjectionStatus::Rejected),
                    _ => None,
                })?
                .ok_or_else(|| missing(&oo.path("status")))?;
            let resolved_on = oo.opt_date("resolvedOn")?;
            match (status, resolved_on) {
                (ObjectionStatus::Pending, Some(_)) => {
                    return Err(inconsistent(
                        oo.path("resolvedOn"),
                        "待核实的异议不应有办结日期",
                        "待核實的異議不應有辦結日期",
                        "a pending objection has no resolution date",
                    ))
                }
                (ObjectionStatus::Upheld | ObjectionStatus::Rejected, None) => {
                    return Err(missing(&oo.path("resolvedOn")))
                }
                (_, Some(r)) if r < filed_on => {
                    return Err(inconsistent(
                        oo.path("resolvedOn"),
                        "早于提出异议的日期",
                        "早於提出異議的日期",
                        "before the objection was filed",
                    ))
                }
                _ => {}
            }
            if filed_on < listed_on {
                return Err(inconsistent(
                    oo.path("filedOn"),
                    "早于列入日期",
                    "早於列入日期",
                    "before the entry was listed",
                ));
            }
            Some(Objection { filed_on, status, resolved_on })
        }
    };
    for (key, date) in [("expiresOn", expires_on), ("exitedOn", exited_on), ("repairedOn", repaired_on)] {
        if date.is_some_and(|d| d < listed_on) {
            return Err(inconsistent(o.path(key), "早于列入日期", "早於列入日期", "before listedOn"));
        }
    }
    if let (Some(d), Some(p)) = (decided_on, published_on) {
        if p < d {
            return Err(inconsistent(
                o.path("publishedOn"),
                "早于决定日期",
                "早於決定日期",
                "before decidedOn",
            ));
        }
    }
    #[cfg(feature = "repair")]
    let repair = match o.raw("repair") {
        None => None,
        Some(record) => {
            // Read and check the repair record now (as a case on the listing day), so that a
            // malformed one is an error naming its field.
            let checked = crate::repair::record_from_value(record)
                .and_then(|r| crate::repair::record_case(listed_on, &r).map(|_| r));
            match checked {
                Ok(r) => Some(r),
                Err(e) => {
                    let field = e.field.strip_prefix("record").unwrap_or(&e.field);
                    let field = format!("{}{field}", o.path("repair"));
                    let kind = match e.kind {
                        crate::repair::RepairErrorKind::MissingField => StatusErrorKind::MissingField,
                        crate::repair::RepairErrorKind::InvalidDate => StatusErrorKind::InvalidDate,
                        _ => StatusErrorKind::InvalidValue,
                    };
                    return Err(StatusError::new(kind, field, "", "", ""));
                }
            }
        }
    };
    Ok(Entry {
        list,
        label,
        listing_unit,
        basis,
        listed_on,
        expires_on,
        exited_on,
        exit_reason,
        repaired_on,
        measures,
        objection,
        decided_on,
        published_on,
        publication_rule,
        #[cfg(feature = "repair")]
        repair,
    })
}
