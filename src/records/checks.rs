//! The checks: a header mapped once onto a schema (a [`Plan`]), then each
//! row checked field by field and across fields.

use super::dates::{is_open_end, parse_date, DateForm};
use super::ids::{check_id_number, parse_doc_type};
use super::schema::{builtin_schema, header_key, FieldType, Role, Schema};
use super::{
    Finding, FindingKind, Options, Publication, PublicationStatus, RecordKind, RecordReport, RecordsError,
    RecordsErrorKind, Severity, Subject,
};
use crate::i18n::Text;
use crate::normalize::normalize;
use crate::ValidateOptions;
use chrono::NaiveDate;

/// The USCC placeholder for a 个体工商户 without a USCC (notes: B).
pub const PLACEHOLDER_USCC: &str = "00000000000000000X";

/// 处罚类别: 《行政处罚法》 (2021) Art. 9 (notes: A), plus the wording of the
/// 1996 law's Art. 8 still found in older records (暂扣或者吊销许可证、暂扣或者
/// 吊销执照; from the 1996 text, not in the project's notes).
pub const PENALTY_KINDS: [&str; 18] = [
    "警告",
    "通报批评",
    "罚款",
    "没收违法所得",
    "没收非法财物",
    "暂扣许可证件",
    "降低资质等级",
    "吊销许可证件",
    "限制开展生产经营活动",
    "责令停产停业",
    "责令关闭",
    "限制从业",
    "行政拘留",
    "暂扣或者吊销许可证",
    "暂扣或者吊销执照",
    "暂扣许可证",
    "吊销许可证",
    "吊销执照",
];

/// 许可类别 (notes: B); `其他` must be named (`其他-…`).
pub const LICENCE_KINDS: [&str; 5] = ["普通", "特许", "认可", "核准", "登记"];

/// Separators between several 处罚类别 in one value (notes: B).
pub const PENALTY_SEPARATORS: [char; 3] = [';', '；', '、'];

/// An amount in 万元 at or above this is reported as looking like yuan.
pub const YUAN_THRESHOLD: f64 = 100.0;

/// `Some(true)` for `其他-<name>` (also `其它`, separators `-` `－` `—` `:` `：`
/// or brackets), `Some(false)` for a bare `其他`, `None` when the value is not
/// an 其他 form.
pub(crate) fn other_named(value: &str) -> Option<bool> {
    let v = value.trim();
    let rest = v.strip_prefix("其他").or_else(|| v.strip_prefix("其它"))?;
    let name = rest
        .trim_start_matches(['-', '－', '—', '–', ':', '：', '(', '（', ' '])
        .trim_end_matches([')', '）']);
    Some(!name.trim().is_empty())
}

/// FNV-1a, 64 bits: the duplicate set's key.
pub(crate) fn hash64(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

pub(crate) fn duplicate_finding(field: &str) -> Finding {
    finding(
        field,
        FindingKind::DuplicateDecisionNumber,
        Severity::Warning,
        None,
        Text::new(
            format!("{field}：文号与本文件中前面的记录重复"),
            format!("{field}：文號與本檔案中前面的記錄重複"),
            format!("{field}: the same number appears in an earlier record of this file"),
        ),
    )
}

fn finding(
    field: &str,
    kind: FindingKind,
    severity: Severity,
    position: Option<usize>,
    message: Text,
) -> Finding {
    Finding { field: field.to_string(), kind, severity, position, error_kind: None, message }
}

fn error(
    field: &str,
    kind: FindingKind,
    position: Option<usize>,
    zh: String,
    hant: String,
    en: String,
) -> Finding {
    finding(field, kind, Severity::Error, position, Text::new(zh, hant, en))
}

fn warning(
    field: &str,
    kind: FindingKind,
    position: Option<usize>,
    zh: String,
    hant: String,
    en: String,
) -> Finding {
    finding(field, kind, Severity::Warning, position, Text::new(zh, hant, en))
}

/// A header mapped onto a schema.
#[derive(Debug)]
pub(crate) struct Plan {
    schema: Schema,
    options: Options,
    header: Vec<String>,
    /// Column → field index.
    columns: Vec<Option<usize>>,
    /// Field index → column.
    field_column: Vec<Option<usize>>,
    /// Columns whose values are masked (ID-number fields, and unknown
    /// columns whose header names an ID number).
    masked: Vec<bool>,
    header_findings: Vec<Finding>,
    #[cfg(feature = "workdays")]
    calendar: crate::workdays::Calendar,
}

fn kind_from_headers(header: &[String]) -> Result<RecordKind, RecordsError> {
    let upper: Vec<String> = header.iter().map(|h| header_key(h)).collect();
    let cf = upper.iter().filter(|h| h.starts_with("CF_")).count();
    let xk = upper.iter().filter(|h| h.starts_with("XK_")).count();
    let unknown = |en: &str, zh: &str, hant: &str| {
        RecordsError::new(
            RecordsErrorKind::UnknownKind,
            None,
            Text::new(zh.to_string(), hant.to_string(), en.to_string()),
        )
    };
    match (cf, xk) {
        (0, 0) => {}
        (_, 0) => return Ok(RecordKind::Penalty),
        (0, _) => return Ok(RecordKind::Licence),
        _ => {
            return Err(unknown(
                "the columns mix penalty (CF_) and licence (XK_) field codes",
                "列中混有行政处罚（CF_）和行政许可（XK_）字段代码",
                "欄中混有行政處罰（CF_）和行政許可（XK_）欄位代碼",
            ))
        }
    }
    let count = |k| {
        let s = builtin_schema(k);
        header.iter().filter(|h| s.lookup_header(h).is_some()).count()
    };
    let (p, l) = (count(RecordKind::Penalty), count(RecordKind::Licence));
    match p.cmp(&l) {
        std::cmp::Ordering::Greater => Ok(RecordKind::Penalty),
        std::cmp::Ordering::Less => Ok(RecordKind::Licence),
        std::cmp::Ordering::Equal => Err(unknown(
            "cannot tell penalty from licence records by the columns: give the kind",
            "无法从列名判断是行政处罚还是行政许可记录：请指定记录类型",
            "無法從欄名判斷是行政處罰還是行政許可記錄：請指定記錄類型",
        )),
    }
}

impl Plan {
    pub(crate) fn new(header: &[String], options: Options) -> Result<Plan, RecordsError> {
        let schema = match (&options.schema, options.kind) {
            (Some(s), Some(k)) if s.kind != k => {
                return Err(RecordsError::new(
                    RecordsErrorKind::InvalidOptions,
                    Some("kind".into()),
                    Text::new(
                        "kind 与模式的记录类型不一致",
                        "kind 與模式的記錄類型不一致",
                        "kind differs from the schema's kind",
                    ),
                ))
            }
            (Some(s), _) => s.clone(),
            (None, Some(k)) => builtin_schema(k),
            (None, None) => builtin_schema(kind_from_headers(header)?),
        };
        let mut columns = Vec::with_capacity(header.len());
        let mut field_column = vec![None; schema.fields.len()];
        let mut masked = Vec::with_capacity(header.len());
        let mut header_findings = Vec::new();
        // A header cell that looks like an identity number (a file without a
        // header row: its first record became the header) is masked wherever
        // the header is shown.
        let header: Vec<String> =
            header.iter().map(|h| if looks_like_id(h) { options.mask.apply(h) } else { h.clone() }).collect();
        for (col, h) in header.iter().enumerate() {
            let field = schema.lookup_header(h);
            if let Some(i) = field {
                match field_column.get_mut(i) {
                    Some(slot @ None) => *slot = Some(col),
                    _ => {
                        let code = schema.fields.get(i).map(|f| f.code.as_str()).unwrap_or_default();
                        return Err(RecordsError::new(
                            RecordsErrorKind::DuplicateColumn,
                            Some(h.clone()),
                            Text::new(
                                format!("列“{h}”与前面的列都对应字段 {code}"),
                                format!("欄「{h}」與前面的欄都對應欄位 {code}"),
                                format!("column '{h}' and an earlier column both map to field {code}"),
                            ),
                        ));
                    }
                }
            } else if !h.trim().is_empty() {
                header_findings.push(warning(
                    h,
                    FindingKind::UnknownField,
                    None,
                    format!("列“{h}”不是{}的字段，未检查", kind_name(schema.kind).0),
                    format!("欄「{h}」不是{}的欄位，未檢查", kind_name(schema.kind).1),
                    format!(
                        "column '{h}' is not a field of {} records; not checked",
                        kind_name(schema.kind).2
                    ),
                ));
            }
            let is_id = field.and_then(|i| schema.fields.get(i)).is_some_and(|f| f.ty == FieldType::IdNumber)
                || (field.is_none()
                    && ["证件号", "身份证", "證件號", "身分證"].iter().any(|k| h.contains(k)));
            masked.push(is_id);
            columns.push(field);
        }
        if columns.iter().all(Option::is_none) {
            return Err(RecordsError::new(
                RecordsErrorKind::NoKnownColumns,
                None,
                Text::new(
                    format!("没有一列对应{}的字段（字段代码或中文名）", kind_name(schema.kind).0),
                    format!("沒有一欄對應{}的欄位（欄位代碼或中文名）", kind_name(schema.kind).1),
                    format!(
                        "no column maps to a field of {} records (field code or Chinese name)",
                        kind_name(schema.kind).2
                    ),
                ),
            ));
        }
        #[cfg(feature = "workdays")]
        let calendar = options.calendar.clone().unwrap_or_else(crate::workdays::Calendar::current);
        Ok(Plan {
            schema,
            options,
            header,
            columns,
            field_column,
            masked,
            header_findings,
            #[cfg(feature = "workdays")]
            calendar,
        })
    }

    /// The `formula_value` warning for a cell the table reader found to be a formula.
    pub(crate) fn formula_finding(&self, column: usize) -> Finding {
        let code = match self.columns.get(column).copied().flatten().and_then(|i| self.schema.fields.get(i)) {
            Some(f) => f.code.clone(),
            None => self.header.get(column).cloned().unwrap_or_default(),
        };
        warning(
            &code,
            FindingKind::FormulaValue,
            None,
            format!("{code}：单元格是公式，取的是其缓存值；平台只收文本值"),
            format!("{code}：儲存格是公式，取的是其快取值；平台只收文字值"),
            format!(
                "{code}: the cell is a formula (its cached value was read); the platform takes plain values"
            ),
        )
    }

    pub(crate) fn header_findings(&self) -> &[Finding] {
        &self.header_findings
    }

    pub(crate) fn kind(&self) -> RecordKind {
        self.schema.kind
    }

    fn role_field(&self, role: Role) -> Option<usize> {
        self.schema.fields.iter().position(|f| f.role == Some(role))
    }

    fn value<'a>(&self, row: &'a [String], field: usize) -> &'a str {
        self.field_column.get(field).copied().flatten().and_then(|c| row.get(c)).map_or("", |v| v.trim())
    }

    fn role_value<'a>(&self, row: &'a [String], role: Role) -> Option<(&str, &'a str)> {
        let i = self.role_field(role)?;
        let code = self.schema.fields.get(i).map(|f| f.code.as_str())?;
        Some((code, self.value(row, i)))
    }

    pub(crate) fn decision_number_code(&self) -> &str {
        self.role_field(Role::DecisionNumber)
            .and_then(|i| self.schema.fields.get(i))
            .map_or("", |f| f.code.as_str())
    }

    /// The row's 决定书文号, spaces removed, when there is one.
    pub(crate) fn decision_number(&self, row: &[String]) -> Option<String> {
        let (_, v) = self.role_value(row, Role::DecisionNumber)?;
        let n: String = v.chars().filter(|c| !c.is_whitespace()).collect();
        (!n.is_empty()).then_some(n)
    }

    pub(crate) fn check(&self, row: &[String], first: bool) -> RecordReport {
        let mut findings: Vec<Finding> = if first { self.header_findings.clone() } else { Vec::new() };
        let subject = self.role_value(row, Role::SubjectCategory).and_then(|(_, v)| Subject::parse(v));
        let decided =
            self.role_value(row, Role::DecisionDate).and_then(|(_, v)| parse_date(v)).map(|(d, _)| d);
        let doc_of =
            |role: Role| self.role_value(row, role).and_then(|(_, v)| parse_doc_type(v)).and_then(Result::ok);
        let (person_doc, rep_doc) = (doc_of(Role::PersonIdType), doc_of(Role::RepIdType));
        let mut placeholder = false;
        for (i, f) in self.schema.fields.iter().enumerate() {
            let v = self.value(row, i);
            let code = f.code.as_str();
            if v.is_empty() {
                if f.required.applies(subject) {
                    findings.push(required(code, &f.names, subject, f.required == super::Required::Always));
                }
                continue;
            }
            if v.starts_with('=') && v.chars().count() > 1 {
                findings.push(warning(
                    code,
                    FindingKind::FormulaValue,
                    Some(1),
                    format!("{code}：值以“=”开头，像电子表格公式；平台只收文本值"),
                    format!("{code}：值以「=」開頭，像試算表公式；平台只收文字值"),
                    format!("{code}: the value starts with '=' like a spreadsheet formula; the platform takes plain values"),
                ));
            }
            if let Some(max) = f.max_length {
                let n = v.chars().count();
                if n > max {
                    findings.push(error(
                        code,
                        FindingKind::TooLong,
                        Some(max + 1),
                        format!("{code}：长度 {n} 个字符，超过上限 {max}"),
                        format!("{code}：長度 {n} 個字元，超過上限 {max}"),
                        format!("{code}: {n} characters, more than the limit of {max}"),
                    ));
                }
            }
            match f.ty {
                FieldType::Text => {}
                FieldType::Date => date(code, v, &mut findings),
                FieldType::DateOrOpen => {
                    if !is_open_end(v) {
                        date(code, v, &mut findings);
                    }
                }
                FieldType::AmountWanYuan => amount(code, v, &mut findings),
                FieldType::Uscc => {
                    if normalize(v).value == PLACEHOLDER_USCC {
                        placeholder = true;
                        match subject {
                            Some(Subject::SoleTrader) | Some(Subject::NaturalPerson) => {}
                            Some(Subject::LegalPerson) => findings.push(error(
                                code,
                                FindingKind::PlaceholderUscc,
                                None,
                                format!("{code}：占位代码 {PLACEHOLDER_USCC} 只用于没有统一社会信用代码的个体工商户；法人及非法人组织须填真实代码"),
                                format!("{code}：佔位代碼 {PLACEHOLDER_USCC} 只用於沒有統一社會信用代碼的個體工商戶；法人及非法人組織須填真實代碼"),
                                format!("{code}: the placeholder {PLACEHOLDER_USCC} is only for a 个体工商户 without a USCC; a legal person needs its real code"),
                            )),
                            None => findings.push(warning(
                                code,
                                FindingKind::PlaceholderUscc,
                                None,
                                format!("{code}：占位代码 {PLACEHOLDER_USCC} 只用于没有统一社会信用代码的个体工商户"),
                                format!("{code}：佔位代碼 {PLACEHOLDER_USCC} 只用於沒有統一社會信用代碼的個體工商戶"),
                                format!("{code}: the placeholder {PLACEHOLDER_USCC} is only for a 个体工商户 without a USCC"),
                            )),
                        }
                    } else {
                        uscc(code, v, &mut findings);
                    }
                }
                FieldType::AuthorityUscc => {
                    if normalize(v).value == PLACEHOLDER_USCC {
                        findings.push(warning(
                            code,
                            FindingKind::PlaceholderUscc,
                            None,
                            format!("{code}：机关的统一社会信用代码是占位代码 {PLACEHOLDER_USCC}，应填真实代码"),
                            format!("{code}：機關的統一社會信用代碼是佔位代碼 {PLACEHOLDER_USCC}，應填真實代碼"),
                            format!("{code}: the authority's USCC is the placeholder {PLACEHOLDER_USCC}; give the real code"),
                        ));
                    } else {
                        uscc(code, v, &mut findings);
                    }
                }
                FieldType::OrgCode if crate::orgcode::is_valid(v) => {}
                FieldType::OrgCode => {
                    let r = crate::orgcode::validate_with(v, &no_suggestions());
                    if let Some(e) = r.errors.first() {
                        findings.push(id_finding(code, FindingKind::InvalidOrgCode, Severity::Error, e, ("组织机构代码", "組織機構代碼", "organization code")));
                    }
                }
                FieldType::RegNo => reg_no(code, v, &mut findings),
                FieldType::SubjectCategory => {
                    let ok = match &f.codes {
                        Some(list) => list.iter().any(|c| c == v),
                        None => Subject::parse(v).is_some(),
                    };
                    if !ok {
                        findings.push(not_in_list(code, None, "法人及非法人组织、自然人、个体工商户（或 01-04）", "法人及非法人組織、自然人、個體工商戶（或 01-04）", "法人及非法人组织, 自然人, 个体工商户 (or 01-04)"));
                    }
                }
                FieldType::IdType => match (&f.codes, parse_doc_type(v)) {
                    (Some(list), _) if list.iter().any(|c| c == v) => {}
                    (Some(_), _) | (None, None) => findings.push(not_in_list(
                        code,
                        None,
                        "01 身份证、02 护照、03 港澳居民来往内地通行证、04 台湾居民来往大陆通行证、05 外国人永久居留身份证、其他-名称",
                        "01 身份證、02 護照、03 港澳居民來往內地通行證、04 台灣居民來往大陸通行證、05 外國人永久居留身分證、其他-名稱",
                        "01 身份证, 02 护照, 03 港澳居民来往内地通行证, 04 台湾居民来往大陆通行证, 05 外国人永久居留身份证, 其他-<name>",
                    )),
                    (None, Some(Err(()))) => findings.push(other_unnamed(code, None)),
                    (None, Some(Ok(_))) => {}
                },
                FieldType::IdNumber => {
                    let doc = match f.role {
                        Some(Role::RepIdNumber) => rep_doc,
                        _ => person_doc,
                    };
                    check_id_number(code, v, doc, decided, &mut findings);
                }
                FieldType::Code => {
                    if let Some(list) = &f.codes {
                        if !list.iter().any(|c| c == v) {
                            let shown = list.iter().take(20).cloned().collect::<Vec<_>>().join("、");
                            findings.push(not_in_list(code, None, &shown, &shown, &shown));
                        }
                    }
                }
                FieldType::PenaltyCategory => {
                    let builtin: Vec<String>;
                    let list: &[String] = match &f.codes {
                        Some(l) => l,
                        None => {
                            builtin = PENALTY_KINDS.iter().map(|s| (*s).to_string()).collect();
                            &builtin
                        }
                    };
                    categories(code, v, list, true, &mut findings);
                }
                FieldType::LicenceCategory => {
                    let builtin: Vec<String>;
                    let list: &[String] = match &f.codes {
                        Some(l) => l,
                        None => {
                            builtin = LICENCE_KINDS.iter().map(|s| (*s).to_string()).collect();
                            &builtin
                        }
                    };
                    categories(code, v, list, false, &mut findings);
                }
            }
        }
        // The placeholder USCC of a 个体工商户: the registration number is then required.
        if placeholder && subject != Some(Subject::LegalPerson) {
            if let Some((code, "")) = self.role_value(row, Role::SubjectRegNo) {
                findings.push(error(
                    code,
                    FindingKind::Required,
                    None,
                    format!("{code}：统一社会信用代码为占位代码 {PLACEHOLDER_USCC} 时，工商注册号必填"),
                    format!("{code}：統一社會信用代碼為佔位代碼 {PLACEHOLDER_USCC} 時，工商註冊號必填"),
                    format!("{code}: the registration number is required when the USCC is the placeholder {PLACEHOLDER_USCC}"),
                ));
            }
        }
        let publication = decided.and_then(|d| self.cross_dates(row, d, &mut findings));
        let valid = !findings.iter().any(|f| f.severity == Severity::Error);
        let fields = self
            .header
            .iter()
            .enumerate()
            .map(|(c, h)| {
                let v = row.get(c).map_or("", String::as_str);
                let shown = if self.masked.get(c).copied().unwrap_or(false)
                    && !self.options.reveal_ids
                    && !v.trim().is_empty()
                {
                    self.options.mask.apply(v)
                } else {
                    v.to_string()
                };
                (h.clone(), shown)
            })
            .collect();
        RecordReport { fields, valid, findings, publication }
    }

    /// Decision date against `as_of`, validity, 公示截止期; the publication deadline.
    fn cross_dates(&self, row: &[String], decided: NaiveDate, out: &mut Vec<Finding>) -> Option<Publication> {
        let decided_code = self.role_value(row, Role::DecisionDate).map_or("", |(c, _)| c).to_string();
        let as_of = self.options.as_of;
        if decided > as_of {
            out.push(error(
                &decided_code,
                FindingKind::DecisionInFuture,
                None,
                format!("{decided_code}：决定日期 {decided} 晚于检查日 {as_of}"),
                format!("{decided_code}：決定日期 {decided} 晚於檢查日 {as_of}"),
                format!("{decided_code}: the decision date {decided} is after the check date {as_of}"),
            ));
        }
        let date_of = |role: Role| {
            self.role_value(row, role).and_then(|(c, v)| parse_date(v).map(|(d, _)| (c.to_string(), d)))
        };
        let until = date_of(Role::ValidUntil);
        if let Some((code, d)) = &until {
            if *d < decided {
                out.push(error(
                    code,
                    FindingKind::ValidityBeforeDecision,
                    None,
                    format!("{code}：有效期 {d} 早于决定日期 {decided}"),
                    format!("{code}：有效期 {d} 早於決定日期 {decided}"),
                    format!("{code}: the validity date {d} is before the decision date {decided}"),
                ));
            }
        }
        if let (Some((from_code, from)), Some((code, to))) = (date_of(Role::ValidFrom), &until) {
            if from > *to {
                out.push(error(
                    code,
                    FindingKind::ValidityBeforeDecision,
                    None,
                    format!("{code}：有效期至 {to} 早于有效期自（{from_code}）{from}"),
                    format!("{code}：有效期至 {to} 早於有效期自（{from_code}）{from}"),
                    format!("{code}: the end of validity {to} is before its start ({from_code}) {from}"),
                ));
            }
        }
        let publication = self.publication(decided);
        #[cfg(feature = "repair")]
        if let Some((code, end)) = date_of(Role::PublicationEnd) {
            let latest_start = publication.as_ref().and_then(|p| p.due).unwrap_or(decided);
            publication_end(&code, decided, latest_start, end, out);
        }
        publication
    }

    #[cfg(feature = "workdays")]
    fn publication(&self, decided: NaiveDate) -> Option<Publication> {
        let n = crate::workdays::DeadlineRule::DoublePublicity7wd.working_days();
        let Ok(due) = self.calendar.add_working_days(decided, n) else {
            return Some(Publication {
                due: None,
                status: PublicationStatus::Uncovered,
                working_days_late: None,
            });
        };
        let as_of = self.options.as_of;
        if as_of <= due {
            return Some(Publication {
                due: Some(due),
                status: PublicationStatus::Due,
                working_days_late: None,
            });
        }
        let late = self.calendar.working_days_between(due, as_of).ok().and_then(|n| u32::try_from(n).ok());
        Some(Publication { due: Some(due), status: PublicationStatus::Overdue, working_days_late: late })
    }

    #[cfg(not(feature = "workdays"))]
    fn publication(&self, _decided: NaiveDate) -> Option<Publication> {
        None
    }
}

/// 15 digits, or 17 digits and a digit or X (after normalization).
fn looks_like_id(value: &str) -> bool {
    let n = normalize(value).value;
    let b = n.as_bytes();
    match b.len() {
        15 => b.iter().all(u8::is_ascii_digit),
        18 => {
            b.iter().take(17).all(u8::is_ascii_digit)
                && b.get(17).is_some_and(|c| c.is_ascii_digit() || *c == b'X')
        }
        _ => false,
    }
}

fn kind_name(k: RecordKind) -> (&'static str, &'static str, &'static str) {
    match k {
        RecordKind::Penalty => ("行政处罚记录", "行政處罰記錄", "penalty"),
        RecordKind::Licence => ("行政许可记录", "行政許可記錄", "licence"),
    }
}

fn no_suggestions() -> ValidateOptions {
    ValidateOptions { accept_pilot_codes: false, suggestions: false, max_suggestions: 0 }
}

fn required(code: &str, names: &[String], subject: Option<Subject>, always: bool) -> Finding {
    let name = names.first().map(|n| format!("（{n}）")).unwrap_or_default();
    let name_en = names.first().map(|n| format!(" ({n})")).unwrap_or_default();
    match subject.filter(|_| !always) {
        Some(s) => error(
            code,
            FindingKind::Required,
            None,
            format!("{code}{name}：行政相对人类别为{}时必填", s.name()),
            format!("{code}{name}：行政相對人類別為{}時必填", s.name()),
            format!("{code}{name_en} is required when 行政相对人类别 is {}", s.name()),
        ),
        None => error(
            code,
            FindingKind::Required,
            None,
            format!("{code}{name}：必填"),
            format!("{code}{name}：必填"),
            format!("{code}{name_en} is required"),
        ),
    }
}

fn not_in_list(code: &str, position: Option<usize>, zh: &str, hant: &str, en: &str) -> Finding {
    error(
        code,
        FindingKind::NotInCodeList,
        position,
        format!("{code}：值不在代码表中（可用：{zh}）"),
        format!("{code}：值不在代碼表中（可用：{hant}）"),
        format!("{code}: the value is not in the code list ({en})"),
    )
}

fn other_unnamed(code: &str, position: Option<usize>) -> Finding {
    error(
        code,
        FindingKind::OtherUnnamed,
        position,
        format!("{code}：“其他”须写明类别，如“其他-责令改正”"),
        format!("{code}：「其他」須寫明類別，如「其他-責令改正」"),
        format!("{code}: '其他' (other) must name the category, e.g. '其他-责令改正'"),
    )
}

/// Several categories separated by [`PENALTY_SEPARATORS`] (`multiple`) or one.
fn categories(code: &str, value: &str, list: &[String], multiple: bool, out: &mut Vec<Finding>) {
    let mut start = 0usize; // 0-based char index of the part
    let parts: Vec<&str> = if multiple { value.split(PENALTY_SEPARATORS).collect() } else { vec![value] };
    for part in parts {
        let len = part.chars().count();
        let lead = part.chars().take_while(|c| c.is_whitespace()).count();
        let p = part.trim();
        if !p.is_empty() && !list.iter().any(|c| c == p) {
            match other_named(p) {
                Some(true) => {}
                Some(false) => out.push(other_unnamed(code, Some(start + lead + 1))),
                None => {
                    let shown = list.join("、");
                    out.push(not_in_list(code, Some(start + lead + 1), &shown, &shown, &shown));
                }
            }
        }
        start += len + 1;
    }
}

fn id_finding(
    code: &str,
    kind: FindingKind,
    severity: Severity,
    e: &crate::IdError,
    what: (&str, &str, &str),
) -> Finding {
    Finding {
        field: code.to_string(),
        kind,
        severity,
        position: e.position,
        error_kind: Some(e.kind),
        message: Text::new(
            format!("{code}：{}无效：{}", what.0, e.message.zh_hans),
            format!("{code}：{}無效：{}", what.1, e.message.zh_hant),
            format!("{code}: invalid {}: {}", what.2, e.message.en),
        ),
    }
}

fn uscc(code: &str, v: &str, out: &mut Vec<Finding>) {
    if crate::uscc::is_valid(v) {
        return; // the fast path; the full validation only to explain an invalid code
    }
    let r = crate::uscc::validate_with(v, &no_suggestions());
    if let Some(e) = r.errors.first() {
        out.push(id_finding(
            code,
            FindingKind::InvalidUscc,
            Severity::Error,
            e,
            ("统一社会信用代码", "統一社會信用代碼", "USCC"),
        ));
    }
}

/// 工商注册号: a 15-digit number is checked (GS15-2006); a valid USCC given
/// here is accepted; other lengths (older numbering schemes) are a warning.
fn reg_no(code: &str, v: &str, out: &mut Vec<Finding>) {
    let n = normalize(v).value;
    let count = n.chars().count();
    if count == crate::regno::LENGTH {
        let r = crate::regno::validate_with(&n, &no_suggestions());
        if let Some(e) = r.errors.first() {
            out.push(id_finding(
                code,
                FindingKind::InvalidRegNo,
                Severity::Error,
                e,
                ("工商注册号", "工商註冊號", "registration number"),
            ));
        }
    } else if !(count == 18 && crate::uscc::is_valid(&n)) {
        out.push(warning(
            code,
            FindingKind::InvalidRegNo,
            None,
            format!("{code}：工商注册号通常为 15 位数字（本值 {count} 位），未能校验"),
            format!("{code}：工商註冊號通常為 15 位數字（本值 {count} 位），未能校驗"),
            format!("{code}: a registration number usually has 15 digits (this one {count}); not checked"),
        ));
    }
}

fn date(code: &str, v: &str, out: &mut Vec<Finding>) {
    match parse_date(v) {
        None => out.push(error(
            code,
            FindingKind::InvalidDate,
            None,
            format!("{code}：不是有效日期（可用格式如 2026-01-05）"),
            format!("{code}：不是有效日期（可用格式如 2026-01-05）"),
            format!("{code}: not a valid date (write e.g. 2026-01-05)"),
        )),
        Some((_, DateForm::Iso)) => {}
        Some((d, form)) => {
            let (zh, en) = if form == DateForm::ExcelSerial {
                ("Excel 日期序号", "an Excel serial number")
            } else {
                ("非标准格式", "not written YYYY-MM-DD")
            };
            out.push(warning(
                code,
                FindingKind::DateFormat,
                None,
                format!("{code}：日期为{zh}，读作 {d}；平台要求 YYYY-MM-DD"),
                format!(
                    "{code}：日期為{}，讀作 {d}；平台要求 YYYY-MM-DD",
                    if form == DateForm::ExcelSerial { "Excel 日期序號" } else { "非標準格式" }
                ),
                format!("{code}: the date is {en}, read as {d}; the platform expects YYYY-MM-DD"),
            ));
        }
    }
}

/// An amount in 万元: a plain decimal number ≥ 0.
fn amount(code: &str, v: &str, out: &mut Vec<Finding>) {
    let plain = !v.is_empty()
        && v.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && v.bytes().filter(|&b| b == b'.').count() <= 1
        && v.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && !v.ends_with('.');
    let number = if plain { v.parse::<f64>().ok().filter(|n| n.is_finite()) } else { None };
    match number {
        None => {
            let yuan = v.ends_with('元') && !v.ends_with("万元");
            let (zh, hant, en) = if yuan {
                ("；金额单位为万元，如 2000 元应填 0.2", "；金額單位為萬元，如 2000 元應填 0.2", "; amounts are in 万元 (2,000 yuan is 0.2)")
            } else {
                ("", "", "")
            };
            out.push(error(
                code,
                FindingKind::InvalidAmount,
                None,
                format!("{code}：不是数字（只能填阿拉伯数字和小数点）{zh}"),
                format!("{code}：不是數字（只能填阿拉伯數字和小數點）{hant}"),
                format!("{code}: not a number (digits and a decimal point only){en}"),
            ));
        }
        Some(n) if n >= YUAN_THRESHOLD => out.push(warning(
            code,
            FindingKind::AmountLooksLikeYuan,
            None,
            format!("{code}：金额单位为万元，{v} 即 {v} 万元；若是以元计的金额，应除以 10000"),
            format!("{code}：金額單位為萬元，{v} 即 {v} 萬元；若是以元計的金額，應除以 10000"),
            format!("{code}: amounts are in 万元 (10,000 yuan): {v} means {v} × 10,000 yuan; if it is in yuan, divide by 10,000"),
        )),
        Some(_) => {}
    }
}

/// 公示截止期 against the publication periods (`fixed` ones) of the rows for
/// administrative penalties of the NDRC and SAMR rule sets in force on the
/// decision date: consistent when it falls between the period's last day
/// counted from the decision and counted from the publication due date.
#[cfg(feature = "repair")]
fn publication_end(
    code: &str,
    decided: NaiveDate,
    latest_start: NaiveDate,
    end: NaiveDate,
    out: &mut Vec<Finding>,
) {
    use crate::repair::dates::{period_last_day, Period};
    use crate::repair::{builtin_rule_sets, Publication as P, RecordKind as K, Track};
    let Ok(sets) = builtin_rule_sets() else { return };
    let mut periods: Vec<Period> = Vec::new();
    let mut ids: Vec<&str> = Vec::new();
    for rs in sets.iter().filter(|rs| matches!(rs.track, Track::Ndrc | Track::Samr) && rs.in_force(decided)) {
        ids.push(&rs.id);
        for row in rs.rows.iter().filter(|r| r.kinds.contains(&K::AdministrativePenalty)) {
            if let P::Fixed(p) = row.publication {
                if !periods.contains(&p) {
                    periods.push(p);
                }
            }
        }
    }
    if periods.is_empty() {
        return;
    }
    let fits = periods.iter().any(|&p| {
        matches!((period_last_day(decided, p), period_last_day(latest_start, p)), (Some(a), Some(b)) if a <= end && end <= b)
    });
    if fits {
        return;
    }
    periods.sort_by_key(|p| (p.years, p.months, p.days));
    let show = |p: &Period, zh: bool| match (p.years, p.months, p.days, zh) {
        (y, 0, 0, true) => format!("{y} 年"),
        (0, m, 0, true) => format!("{m} 个月"),
        (y, 0, 0, false) => format!("{y} year{}", if y == 1 { "" } else { "s" }),
        (0, m, 0, false) => format!("{m} month{}", if m == 1 { "" } else { "s" }),
        (y, m, d, _) => format!("{y}y{m}m{d}d"),
    };
    let zh: Vec<String> = periods.iter().map(|p| show(p, true)).collect();
    let en: Vec<String> = periods.iter().map(|p| show(p, false)).collect();
    let ids = ids.join(", ");
    out.push(warning(
        code,
        FindingKind::PublicationEndMismatch,
        None,
        format!("{code}：公示截止期 {end} 与决定日 {decided} 时有效的规则（{ids}）的公示期限（{}）不一致", zh.join("、")),
        format!("{code}：公示截止期 {end} 與決定日 {decided} 時有效的規則（{ids}）的公示期限（{}）不一致", zh.join("、").replace('个', "個")),
        format!(
            "{code}: the publication end {end} does not match the publication periods ({}) of the rules in force on the decision date {decided} ({ids})",
            en.join(", ")
        ),
    ));
}
