//! Field-by-field reading of a JSON object, so that every error names the path
//! of the field it concerns (serde_json alone reports only a line and column).

use super::dates::parse_date;
use super::error::{RepairError, RepairErrorKind};
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// A JSON object being read, with its path for error messages.
pub(crate) struct Obj<'a> {
    map: &'a Map<String, Value>,
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
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl<'a> Obj<'a> {
    /// Reads `v` as an object; anything else is an error at `path`.
    pub(crate) fn new(v: &'a Value, path: &str) -> Result<Self, RepairError> {
        match v {
            Value::Object(map) => Ok(Obj { map, path: path.to_string() }),
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

    /// Rejects keys outside `allowed`, naming the first unknown one.
    pub(crate) fn deny_unknown(&self, allowed: &[&str]) -> Result<(), RepairError> {
        for key in self.map.keys() {
            if !allowed.contains(&key.as_str()) {
                let list = allowed.join(", ");
                return Err(RepairError::new(
                    RepairErrorKind::InvalidValue,
                    self.path(key),
                    &format!("未知字段；允许的字段：{list}"),
                    &format!("未知欄位；允許的欄位：{list}"),
                    &format!("unknown field; allowed: {list}"),
                ));
            }
        }
        Ok(())
    }

    /// The raw value of `key`, or `None` when absent or null.
    pub(crate) fn raw(&self, key: &str) -> Option<&'a Value> {
        match self.map.get(key) {
            None | Some(Value::Null) => None,
            Some(v) => Some(v),
        }
    }

    /// Deserializes `key` if present and not null.
    pub(crate) fn opt<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>, RepairError> {
        match self.raw(key) {
            None => Ok(None),
            Some(v) => value_as(v, &self.path(key)).map(Some),
        }
    }

    /// Deserializes a required `key`.
    pub(crate) fn req<T: DeserializeOwned>(&self, key: &str) -> Result<T, RepairError> {
        self.opt(key)?.ok_or_else(|| missing(&self.path(key)))
    }

    /// An optional list, each element deserialized with its own index path.
    pub(crate) fn opt_list<T: DeserializeOwned>(&self, key: &str) -> Result<Option<Vec<T>>, RepairError> {
        let path = self.path(key);
        match self.raw(key) {
            None => Ok(None),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, v)| value_as(v, &format!("{path}[{i}]")))
                .collect::<Result<Vec<T>, _>>()
                .map(Some),
            Some(other) => Err(RepairError::new(
                RepairErrorKind::InvalidValue,
                path,
                &format!("应为数组，实为 {}", type_name(other)),
                &format!("應為陣列，實為 {}", type_name(other)),
                &format!("expected an array, found {}", type_name(other)),
            )),
        }
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

/// Deserializes one value, turning a serde error into an `invalid_value` at `path`.
pub(crate) fn value_as<T: DeserializeOwned>(v: &Value, path: &str) -> Result<T, RepairError> {
    T::deserialize(v).map_err(|e| RepairError::plain(RepairErrorKind::InvalidValue, path, &e.to_string()))
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
    serde_json::from_str(text)
        .map_err(|e| RepairError::plain(RepairErrorKind::InvalidJson, "", &e.to_string()))
}
