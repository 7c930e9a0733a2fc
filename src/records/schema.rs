//! The field sets of 双公示 records: the built-in national schemas (static
//! tables) and a portal's provincial variant given as JSON ([`parse_schema`]).
//!
//! # Provenance
//!
//! No official text of the national data standard was found. The built-in
//! field sets come from the project's notes (`shared/domain/double-publicity.md`,
//! assembled from platform code, sample records and UI configurations in public
//! repositories). Confidence, as those notes give it: **B** where several
//! sources agree (the field codes, the licence field set, the code lists of
//! 行政相对人类别 / 证件类型 / 许可类别, the `00000000000000000X` placeholder,
//! amounts in 万元), **C** for one source only (requiredness and lengths of
//! the penalty fields), **A** for the list of penalty kinds (《行政处罚法》 2021
//! Art. 9). Requiredness is a portal-configurable default: a portal replaces
//! the whole field set with [`parse_schema`].
//!
//! Lengths of licence fields were not in the sources except where the field
//! is the shared 相对人 block (same lengths as the penalty block): the others
//! carry no length limit here rather than an invented one.

use super::{RecordKind, RecordsError, RecordsErrorKind, Subject};
use crate::i18n::Text;
use serde::Serialize;
use serde_json::Value;

/// The type of a field's value, which decides the checks run on it.
///
/// ```
/// use xinyong::records::FieldType;
/// assert_eq!(FieldType::from_id("id_number"), Some(FieldType::IdNumber));
/// assert_eq!(FieldType::IdNumber.id(), "id_number");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FieldType {
    /// Free text (length only).
    Text,
    /// A date (see the module docs of [`super::dates`] for the formats).
    Date,
    /// A date or an open end (`长期`, `永久`, …): the end of a validity period.
    DateOrOpen,
    /// An amount in 万元 (ten thousand yuan).
    AmountWanYuan,
    /// A Unified Social Credit Code of the record's subject (the placeholder
    /// `00000000000000000X` allowed for a 个体工商户).
    Uscc,
    /// The USCC of an authority or data source (the placeholder is a warning).
    AuthorityUscc,
    /// An organization code (GB 11714).
    OrgCode,
    /// A registration number (工商注册号; 15 digits checked, other lengths a warning).
    RegNo,
    /// 行政相对人类别.
    SubjectCategory,
    /// 证件类型 (of the subject or the legal representative).
    IdType,
    /// 证件号码: checked by the 证件类型 of the same person; masked in reports.
    IdNumber,
    /// A value from the field's code list (`codes`).
    Code,
    /// 处罚类别: several kinds from the code list, separated by `;` `；` `、`.
    PenaltyCategory,
    /// 许可类别.
    LicenceCategory,
}

impl FieldType {
    const ALL: [FieldType; 14] = [
        FieldType::Text,
        FieldType::Date,
        FieldType::DateOrOpen,
        FieldType::AmountWanYuan,
        FieldType::Uscc,
        FieldType::AuthorityUscc,
        FieldType::OrgCode,
        FieldType::RegNo,
        FieldType::SubjectCategory,
        FieldType::IdType,
        FieldType::IdNumber,
        FieldType::Code,
        FieldType::PenaltyCategory,
        FieldType::LicenceCategory,
    ];

    /// The id used in schema JSON (`text`, `date`, `id_number`, …).
    pub fn id(self) -> &'static str {
        match self {
            FieldType::Text => "text",
            FieldType::Date => "date",
            FieldType::DateOrOpen => "date_or_open",
            FieldType::AmountWanYuan => "amount_wan_yuan",
            FieldType::Uscc => "uscc",
            FieldType::AuthorityUscc => "authority_uscc",
            FieldType::OrgCode => "org_code",
            FieldType::RegNo => "reg_no",
            FieldType::SubjectCategory => "subject_category",
            FieldType::IdType => "id_type",
            FieldType::IdNumber => "id_number",
            FieldType::Code => "code",
            FieldType::PenaltyCategory => "penalty_category",
            FieldType::LicenceCategory => "licence_category",
        }
    }

    /// Looks a type up by its id.
    pub fn from_id(id: &str) -> Option<FieldType> {
        FieldType::ALL.into_iter().find(|t| t.id() == id)
    }
}

/// What a field means to the cross-field checks. Derived from the field
/// code (prefix `CF_`/`XK_` left out, case ignored) for built-in and JSON
/// schemas alike; a JSON field may name it with `role`.
///
/// ```
/// use xinyong::records::Role;
/// assert_eq!(Role::from_code("cf_jdrq"), Some(Role::DecisionDate));
/// assert_eq!(Role::from_code("XK_YXQZI"), Some(Role::ValidUntil));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// 行政相对人类别.
    SubjectCategory,
    /// 统一社会信用代码 of the subject.
    SubjectUscc,
    /// 工商注册号 of the subject.
    SubjectRegNo,
    /// 证件类型 of a natural-person subject.
    PersonIdType,
    /// 证件号码 of a natural-person subject.
    PersonIdNumber,
    /// 法定代表人证件类型.
    RepIdType,
    /// 法定代表人证件号码.
    RepIdNumber,
    /// 决定书文号 / 许可文书号 (duplicates reported).
    DecisionNumber,
    /// 决定日期.
    DecisionDate,
    /// 处罚有效期 / 有效期至.
    ValidUntil,
    /// 有效期自.
    ValidFrom,
    /// 公示截止期.
    PublicationEnd,
}

impl Role {
    const TABLE: [(&'static str, Role); 14] = [
        ("XDR_LB", Role::SubjectCategory),
        ("XDR_SHXYM", Role::SubjectUscc),
        ("XDR_GSZC", Role::SubjectRegNo),
        ("XDR_ZJLX", Role::PersonIdType),
        ("XDR_ZJHM", Role::PersonIdNumber),
        ("FR_ZJLX", Role::RepIdType),
        ("FR_ZJHM", Role::RepIdNumber),
        ("FR_SFZH", Role::RepIdNumber),
        ("WSH", Role::DecisionNumber),
        ("JDRQ", Role::DecisionDate),
        ("YXQ", Role::ValidUntil),
        ("YXQZI", Role::ValidUntil),
        ("YXQZ", Role::ValidFrom),
        ("GSJZQ", Role::PublicationEnd),
    ];

    /// The role of a field code, if it has one.
    pub fn from_code(code: &str) -> Option<Role> {
        let upper = code.trim().to_ascii_uppercase();
        let rest = upper.strip_prefix("CF_").or_else(|| upper.strip_prefix("XK_")).unwrap_or(&upper);
        Role::TABLE.iter().find(|(c, _)| *c == rest).map(|&(_, r)| r)
    }

    /// The id used in schema JSON (`decision_date`, …).
    pub fn id(self) -> &'static str {
        match self {
            Role::SubjectCategory => "subject_category",
            Role::SubjectUscc => "subject_uscc",
            Role::SubjectRegNo => "subject_reg_no",
            Role::PersonIdType => "person_id_type",
            Role::PersonIdNumber => "person_id_number",
            Role::RepIdType => "rep_id_type",
            Role::RepIdNumber => "rep_id_number",
            Role::DecisionNumber => "decision_number",
            Role::DecisionDate => "decision_date",
            Role::ValidUntil => "valid_until",
            Role::ValidFrom => "valid_from",
            Role::PublicationEnd => "publication_end",
        }
    }

    fn from_id(id: &str) -> Option<Role> {
        Role::TABLE.iter().map(|&(_, r)| r).find(|r| r.id() == id)
    }
}

/// When a field must have a value.
///
/// ```
/// use xinyong::records::{Required, Subject};
/// assert!(Required::Always.applies(None));
/// assert!(Required::For(vec![Subject::NaturalPerson]).applies(Some(Subject::NaturalPerson)));
/// assert!(!Required::For(vec![Subject::NaturalPerson]).applies(Some(Subject::LegalPerson)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Required {
    /// Optional.
    Never,
    /// Always required.
    Always,
    /// Required for these 行政相对人类别 only.
    For(Vec<Subject>),
}

impl Required {
    /// Whether the field is required for a record whose subject is `subject`
    /// (unknown subject: only `Always` applies).
    pub fn applies(&self, subject: Option<Subject>) -> bool {
        match self {
            Required::Never => false,
            Required::Always => true,
            Required::For(list) => subject.is_some_and(|s| list.contains(&s)),
        }
    }
}

/// One field of a schema.
///
/// ```
/// use xinyong::records::{builtin_schema, RecordKind, FieldType};
/// let s = builtin_schema(RecordKind::Penalty);
/// let f = s.field("CF_XDR_SHXYM").unwrap();
/// assert_eq!(f.names, ["统一社会信用代码", "相对人代码_1", "相对人代码_1(统一社会信用代码)"]);
/// assert_eq!(f.ty, FieldType::Uscc);
/// assert_eq!(f.max_length, Some(18));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldSpec {
    /// The field code (`CF_XDR_MC`), as reported in findings.
    pub code: String,
    /// Other codes that map to this field (older generation keys).
    pub aliases: Vec<String>,
    /// Chinese column names that map to this field.
    pub names: Vec<String>,
    /// When a value is required.
    pub required: Required,
    /// The longest value, in characters.
    pub max_length: Option<usize>,
    /// The value's type.
    #[serde(rename = "type")]
    pub ty: FieldType,
    /// The code list (for `code`; for the category and 证件类型 types, replaces the built-in list).
    pub codes: Option<Vec<String>>,
    /// The field's role in cross-field checks.
    pub role: Option<Role>,
}

/// A record schema: the kind of record and its fields.
///
/// ```
/// use xinyong::records::{builtin_schema, RecordKind};
/// let s = builtin_schema(RecordKind::Licence);
/// assert_eq!(s.kind, RecordKind::Licence);
/// assert!(s.field("xk_xklb").is_some());
/// assert!(s.lookup_header("许可类别").is_some());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Schema {
    /// The kind of record.
    pub kind: RecordKind,
    /// A name for messages (`national` for the built-in ones).
    pub name: String,
    /// The fields.
    pub fields: Vec<FieldSpec>,
}

/// A column header in comparable form: trimmed, ASCII upper-cased, full-width
/// parentheses and spaces folded.
pub(crate) fn header_key(header: &str) -> String {
    header
        .trim()
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            c => c.to_ascii_uppercase(),
        })
        .collect()
}

impl Schema {
    /// The field with this code or alias (case ignored).
    pub fn field(&self, code: &str) -> Option<&FieldSpec> {
        self.position(code).and_then(|i| self.fields.get(i))
    }

    fn position(&self, code: &str) -> Option<usize> {
        let key = header_key(code);
        self.fields
            .iter()
            .position(|f| header_key(&f.code) == key || f.aliases.iter().any(|a| header_key(a) == key))
    }

    /// The index of the field a column header maps to: a field code or alias
    /// (case ignored) or one of the field's Chinese names (full-width
    /// parentheses and spaces ignored).
    pub fn lookup_header(&self, header: &str) -> Option<usize> {
        let key = header_key(header);
        if key.is_empty() {
            return None;
        }
        self.position(&key)
            .or_else(|| self.fields.iter().position(|f| f.names.iter().any(|n| header_key(n) == key)))
    }
}

/// A static field row of the built-in tables.
struct Row {
    code: &'static str,
    aliases: &'static [&'static str],
    names: &'static [&'static str],
    required: Req,
    max: Option<usize>,
    ty: FieldType,
}

#[derive(Clone, Copy)]
enum Req {
    No,
    Yes,
    LegalOrSole,
    Natural,
}

const fn row(
    code: &'static str,
    aliases: &'static [&'static str],
    names: &'static [&'static str],
    required: Req,
    max: Option<usize>,
    ty: FieldType,
) -> Row {
    Row { code, aliases, names, required, max, ty }
}

use FieldType as T;
use Req::{LegalOrSole, Natural, No, Yes};

/// The 相对人 block shared by both kinds (prefix added by [`subject_block`]).
/// Lengths from the penalty table of the notes (C).
/// Code suffix, names, requiredness, length, type.
type BlockRow = (&'static str, &'static [&'static str], Req, Option<usize>, FieldType);

const SUBJECT_BLOCK: [BlockRow; 13] = [
    ("XDR_MC", &["行政相对人名称", "相对人名称"], Yes, Some(200), T::Text),
    ("XDR_LB", &["行政相对人类别", "相对人类别"], Yes, None, T::SubjectCategory),
    (
        "XDR_SHXYM",
        &["统一社会信用代码", "相对人代码_1", "相对人代码_1(统一社会信用代码)"],
        LegalOrSole,
        Some(18),
        T::Uscc,
    ),
    ("XDR_GSZC", &["工商注册号", "相对人代码_2", "相对人代码_2(工商注册号)"], No, Some(50), T::RegNo),
    ("XDR_ZZJG", &["组织机构代码", "相对人代码_3", "相对人代码_3(组织机构代码)"], No, Some(9), T::OrgCode),
    ("XDR_SWDJ", &["税务登记号", "相对人代码_4", "相对人代码_4(税务登记号)"], No, Some(15), T::Text),
    ("XDR_SYDW", &["事业单位证书号", "相对人代码_5", "相对人代码_5(事业单位证书号)"], No, Some(12), T::Text),
    (
        "XDR_SHZZ",
        &["社会组织登记证号", "相对人代码_6", "相对人代码_6(社会组织登记证号)"],
        No,
        Some(50),
        T::Text,
    ),
    ("FRDB", &["法定代表人", "法定代表人姓名"], No, Some(50), T::Text),
    ("FR_ZJLX", &["法定代表人证件类型"], No, None, T::IdType),
    ("FR_ZJHM", &["法定代表人证件号码", "法定代表人身份证号"], No, Some(64), T::IdNumber),
    ("XDR_ZJLX", &["证件类型", "相对人证件类型"], Natural, Some(64), T::IdType),
    ("XDR_ZJHM", &["证件号码", "相对人证件号码"], Natural, Some(64), T::IdNumber),
];

/// The penalty fields after the 相对人 block (notes' table, C for
/// requiredness and lengths).
const PENALTY_ROWS: [Row; 18] = [
    row("CF_WSH", &[], &["行政处罚决定书文号", "决定书文号", "处罚决定书文号"], Yes, Some(128), T::Text),
    row("CF_WFXW", &[], &["违法行为类型"], Yes, Some(2000), T::Text),
    row("CF_SY", &[], &["违法事实"], Yes, Some(2000), T::Text),
    row("CF_YJ", &[], &["处罚依据"], Yes, Some(2048), T::Text),
    row("CF_CFLB", &[], &["处罚类别"], Yes, Some(255), T::PenaltyCategory),
    row("CF_NR", &[], &["处罚内容"], Yes, Some(4000), T::Text),
    row("CF_NR_FK", &[], &["罚款金额(万元)", "罚款金额"], No, None, T::AmountWanYuan),
    row(
        "CF_NR_WFFF",
        &[],
        &["没收违法所得、没收非法财物的金额(万元)", "没收违法所得、没收非法财物的金额", "没收金额(万元)"],
        No,
        None,
        T::AmountWanYuan,
    ),
    row("CF_NR_ZKDX", &[], &["暂扣或吊销证照名称及编号"], No, Some(200), T::Text),
    row("CF_JDRQ", &[], &["处罚决定日期", "决定日期"], Yes, None, T::Date),
    row("CF_YXQ", &[], &["处罚有效期", "有效期"], Yes, None, T::DateOrOpen),
    row("CF_GSJZQ", &[], &["公示截止期"], No, None, T::Date),
    row("CF_CFJG", &[], &["处罚机关"], Yes, Some(255), T::Text),
    row("CF_CFJGDM", &[], &["处罚机关统一社会信用代码"], Yes, Some(18), T::AuthorityUscc),
    row("CF_SJLY", &[], &["数据来源单位", "数据来源"], Yes, Some(200), T::Text),
    row("CF_SJLYDM", &[], &["数据来源单位统一社会信用代码"], Yes, Some(18), T::AuthorityUscc),
    row("BZ", &[], &["备注"], No, Some(512), T::Text),
    // Older generation only (about 2016): 处罚名称.
    row("CF_CFMC", &[], &["处罚名称"], No, None, T::Text),
];

/// The licence fields after the 相对人 block (notes: field set B; no lengths
/// or requiredness given beyond the penalty analogy, C).
const LICENCE_ROWS: [Row; 15] = [
    row("XK_XKWS", &[], &["行政许可决定文书名称", "许可文书名称"], Yes, None, T::Text),
    row("XK_WSH", &[], &["行政许可决定文书号", "许可文书号"], Yes, None, T::Text),
    row("XK_XKLB", &[], &["许可类别"], Yes, None, T::LicenceCategory),
    row("XK_XKZS", &[], &["许可证书名称"], No, None, T::Text),
    row("XK_XKBH", &[], &["许可编号"], No, None, T::Text),
    row("XK_NR", &[], &["许可内容"], Yes, None, T::Text),
    row("XK_JDRQ", &[], &["许可决定日期", "决定日期"], Yes, None, T::Date),
    row("XK_YXQZ", &[], &["有效期自"], Yes, None, T::Date),
    row("XK_YXQZI", &[], &["有效期至"], Yes, None, T::DateOrOpen),
    row("XK_XKJG", &[], &["许可机关"], Yes, None, T::Text),
    row("XK_XKJGDM", &[], &["许可机关统一社会信用代码"], Yes, Some(18), T::AuthorityUscc),
    row("XK_ZT", &[], &["当前状态"], No, None, T::Text),
    row("XK_LYDW", &[], &["数据来源单位", "数据来源"], Yes, None, T::Text),
    row("XK_LYDWDM", &[], &["数据来源单位统一社会信用代码"], Yes, Some(18), T::AuthorityUscc),
    row("BZ", &[], &["备注"], No, None, T::Text),
];

fn required(r: Req) -> Required {
    match r {
        Req::No => Required::Never,
        Req::Yes => Required::Always,
        Req::LegalOrSole => Required::For(vec![Subject::LegalPerson, Subject::SoleTrader]),
        Req::Natural => Required::For(vec![Subject::NaturalPerson]),
    }
}

fn spec(
    code: String,
    aliases: Vec<String>,
    names: &[&str],
    req: Req,
    max: Option<usize>,
    ty: FieldType,
) -> FieldSpec {
    let role = Role::from_code(&code);
    FieldSpec {
        code,
        aliases,
        names: names.iter().map(|n| (*n).to_string()).collect(),
        required: required(req),
        max_length: max,
        ty,
        codes: None,
        role,
    }
}

/// The built-in national schema of a record kind (see the module docs for
/// its provenance and confidence).
///
/// ```
/// use xinyong::records::{builtin_schema, RecordKind, Required, Subject};
/// let s = builtin_schema(RecordKind::Penalty);
/// assert_eq!(s.field("cf_wsh").unwrap().required, Required::Always);
/// assert_eq!(s.field("CF_XDR_ZJHM").unwrap().required, Required::For(vec![Subject::NaturalPerson]));
/// assert_eq!(s.field("CF_FR_SFZH").unwrap().code, "CF_FR_ZJHM"); // older key
/// ```
pub fn builtin_schema(kind: RecordKind) -> Schema {
    let prefix = match kind {
        RecordKind::Penalty => "CF_",
        RecordKind::Licence => "XK_",
    };
    let mut fields: Vec<FieldSpec> = SUBJECT_BLOCK
        .iter()
        .map(|&(code, names, req, max, ty)| {
            let aliases = if code == "FR_ZJHM" { vec![format!("{prefix}FR_SFZH")] } else { Vec::new() };
            spec(format!("{prefix}{code}"), aliases, names, req, max, ty)
        })
        .collect();
    let rows: &[Row] = match kind {
        RecordKind::Penalty => &PENALTY_ROWS,
        RecordKind::Licence => &LICENCE_ROWS,
    };
    fields.extend(rows.iter().map(|r| {
        spec(
            r.code.to_string(),
            r.aliases.iter().map(|a| (*a).to_string()).collect(),
            r.names,
            r.required,
            r.max,
            r.ty,
        )
    }));
    Schema { kind, name: "national".into(), fields }
}

/// Traditional forms of the Simplified characters in this module's and the
/// options' fixed error messages (not a general converter: only the
/// characters those messages use).
pub(crate) fn to_hant(zh: &str) -> String {
    zh.chars()
        .map(|c| match c {
            '须' => '須',
            '对' => '對',
            '键' => '鍵',
            '数' => '數',
            '组' => '組',
            '码' => '碼',
            '复' => '複',
            '个' => '個',
            '类' => '類',
            '别' => '別',
            '织' => '織',
            '户' => '戶',
            '体' => '體',
            '为' => '為',
            '选' => '選',
            '项' => '項',
            '议' => '議',
            '这' => '這',
            '签' => '簽',
            c => c,
        })
        .collect()
}

fn schema_error(path: &str, en: String, zh: String) -> RecordsError {
    RecordsError::new(
        RecordsErrorKind::InvalidSchema,
        Some(path.to_string()),
        Text::new(format!("{path}：{zh}"), format!("{path}：{}", to_hant(&zh)), format!("{path}: {en}")),
    )
}

/// Parses and validates a portal's schema (its provincial variant of the
/// national field set) from JSON. Every error names the offending path
/// (`fields[3].maxLength`).
///
/// ```json
/// {"kind": "penalty", "name": "某省 2024 版",
///  "fields": [
///   {"code": "CF_XDR_MC", "names": ["行政相对人名称"], "required": true, "maxLength": 200},
///   {"code": "CF_XDR_LB", "type": "subject_category", "required": true},
///   {"code": "CF_XDR_SHXYM", "type": "uscc", "required": ["法人及非法人组织", "个体工商户"]},
///   {"code": "CF_CFLB", "type": "penalty_category", "required": true},
///   {"code": "CF_JDRQ", "type": "date", "required": true},
///   {"code": "CF_DQ", "names": ["地区"], "type": "code", "codes": ["福州", "厦门"]}
///  ]}
/// ```
///
/// `kind` is `penalty` or `licence`; each field has `code` (required,
/// unique), optional `aliases` and `names` (strings), `required` (`true`,
/// `false` or a list of 行政相对人类别 — names or codes), `maxLength`
/// (whole number ≥ 1), `type` (see [`FieldType::id`]; default: the built-in
/// field's type for a known code, otherwise `text`), `codes` (strings) and
/// `role` (see [`Role::id`]; default from the code). Unknown keys are refused.
///
/// ```
/// use xinyong::records::{parse_schema, RecordKind};
/// let s = parse_schema(r#"{"kind":"licence","fields":[{"code":"XK_WSH","required":true,"maxLength":64}]}"#).unwrap();
/// assert_eq!(s.kind, RecordKind::Licence);
/// let e = parse_schema(r#"{"kind":"licence","fields":[{"code":"XK_WSH","maxLength":0}]}"#).unwrap_err();
/// assert_eq!(e.field.as_deref(), Some("fields[0].maxLength"));
/// ```
///
/// # Errors
/// `invalid_json` for text that is not JSON; `invalid_schema` naming the path.
pub fn parse_schema(json: &str) -> Result<Schema, RecordsError> {
    let value: Value = serde_json::from_str(json).map_err(|e| {
        RecordsError::new(
            RecordsErrorKind::InvalidJson,
            None,
            Text::new(
                format!("模式不是有效的 JSON：{e}"),
                format!("模式不是有效的 JSON：{e}"),
                format!("the schema is not valid JSON: {e}"),
            ),
        )
    })?;
    schema_from_value(&value)
}

pub(crate) fn schema_from_value(value: &Value) -> Result<Schema, RecordsError> {
    let obj = value
        .as_object()
        .ok_or_else(|| schema_error("(root)", "must be an object".into(), "必须是对象".into()))?;
    for key in obj.keys() {
        if !["kind", "name", "fields"].contains(&key.as_str()) {
            return Err(schema_error(key, "unknown key".into(), "未知的键".into()));
        }
    }
    let kind = match obj.get("kind").and_then(Value::as_str) {
        Some("penalty") => RecordKind::Penalty,
        Some("licence") => RecordKind::Licence,
        _ => {
            return Err(schema_error(
                "kind",
                "must be \"penalty\" or \"licence\"".into(),
                "必须是 \"penalty\" 或 \"licence\"".into(),
            ))
        }
    };
    let name = match obj.get("name") {
        None | Some(Value::Null) => "custom".to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(_) => return Err(schema_error("name", "must be a string".into(), "必须是字符串".into())),
    };
    let list =
        obj.get("fields").and_then(Value::as_array).filter(|a| !a.is_empty()).ok_or_else(|| {
            schema_error("fields", "must be a non-empty array".into(), "必须是非空数组".into())
        })?;
    let builtin = builtin_schema(kind);
    let mut fields: Vec<FieldSpec> = Vec::with_capacity(list.len());
    for (i, item) in list.iter().enumerate() {
        let path = format!("fields[{i}]");
        let f = field_from_value(item, &path, &builtin)?;
        let keys = std::iter::once(&f.code).chain(&f.aliases);
        for k in keys {
            if fields.iter().any(|g| {
                header_key(&g.code) == header_key(k)
                    || g.aliases.iter().any(|a| header_key(a) == header_key(k))
            }) {
                return Err(schema_error(
                    &format!("{path}.code"),
                    format!("duplicate code {k}"),
                    format!("代码 {k} 重复"),
                ));
            }
        }
        fields.push(f);
    }
    Ok(Schema { kind, name, fields })
}

fn strings(v: &Value, path: &str) -> Result<Vec<String>, RecordsError> {
    let bad =
        || schema_error(path, "must be an array of non-empty strings".into(), "必须是非空字符串数组".into());
    let arr = v.as_array().ok_or_else(bad)?;
    arr.iter()
        .map(|s| s.as_str().filter(|s| !s.trim().is_empty()).map(str::to_string).ok_or_else(bad))
        .collect()
}

fn field_from_value(v: &Value, path: &str, builtin: &Schema) -> Result<FieldSpec, RecordsError> {
    let obj =
        v.as_object().ok_or_else(|| schema_error(path, "must be an object".into(), "必须是对象".into()))?;
    const KEYS: [&str; 8] = ["code", "aliases", "names", "required", "maxLength", "type", "codes", "role"];
    for key in obj.keys() {
        if !KEYS.contains(&key.as_str()) {
            return Err(schema_error(
                &format!("{path}.{key}"),
                format!("unknown key (known: {})", KEYS.join(", ")),
                format!("未知的键（可用：{}）", KEYS.join("、")),
            ));
        }
    }
    let code = obj
        .get("code")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|c| !c.is_empty() && c.chars().count() <= 64)
        .ok_or_else(|| {
            schema_error(
                &format!("{path}.code"),
                "must be a non-empty string (at most 64 characters)".into(),
                "必须是非空字符串（最多 64 个字符）".into(),
            )
        })?
        .to_string();
    let known = builtin.field(&code);
    let aliases = match obj.get("aliases") {
        None => Vec::new(),
        Some(a) => strings(a, &format!("{path}.aliases"))?,
    };
    let names = match obj.get("names") {
        None => known.map(|k| k.names.clone()).unwrap_or_default(),
        Some(a) => strings(a, &format!("{path}.names"))?,
    };
    let required = match obj.get("required") {
        None | Some(Value::Bool(false)) => Required::Never,
        Some(Value::Bool(true)) => Required::Always,
        Some(Value::Array(list)) => {
            let mut subjects = Vec::new();
            for (j, s) in list.iter().enumerate() {
                let p = format!("{path}.required[{j}]");
                let subject = s.as_str().and_then(Subject::parse).ok_or_else(|| {
                    schema_error(
                        &p,
                        "must be a 行政相对人类别 (法人及非法人组织, 自然人, 个体工商户 or their codes)"
                            .into(),
                        "必须是行政相对人类别（法人及非法人组织、自然人、个体工商户或其代码）".into(),
                    )
                })?;
                if !subjects.contains(&subject) {
                    subjects.push(subject);
                }
            }
            Required::For(subjects)
        }
        Some(_) => {
            return Err(schema_error(
                &format!("{path}.required"),
                "must be true, false or a list of 行政相对人类别".into(),
                "必须是 true、false 或行政相对人类别列表".into(),
            ))
        }
    };
    let max_length = match obj.get("maxLength") {
        None | Some(Value::Null) => None,
        Some(n) => Some(
            n.as_u64()
                .filter(|&n| (1..=1_000_000).contains(&n))
                .and_then(|n| usize::try_from(n).ok())
                .ok_or_else(|| {
                    schema_error(
                        &format!("{path}.maxLength"),
                        "must be a whole number from 1 to 1000000".into(),
                        "必须是 1 到 1000000 的整数".into(),
                    )
                })?,
        ),
    };
    let ty = match obj.get("type") {
        None => known.map_or(FieldType::Text, |k| k.ty),
        Some(t) => t.as_str().and_then(FieldType::from_id).ok_or_else(|| {
            let ids: Vec<&str> = FieldType::ALL.iter().map(|t| t.id()).collect();
            schema_error(
                &format!("{path}.type"),
                format!("must be one of {}", ids.join(", ")),
                format!("必须是以下之一：{}", ids.join("、")),
            )
        })?,
    };
    let codes = match obj.get("codes") {
        None => None,
        Some(a) => Some(strings(a, &format!("{path}.codes"))?).filter(|c| !c.is_empty()),
    };
    if ty == FieldType::Code && codes.is_none() {
        return Err(schema_error(
            &format!("{path}.codes"),
            "a field of type code needs a non-empty code list".into(),
            "类型为 code 的字段需要非空代码表".into(),
        ));
    }
    let role = match obj.get("role") {
        None => Role::from_code(&code),
        Some(r) => Some(r.as_str().and_then(Role::from_id).ok_or_else(|| {
            let ids: Vec<&str> = Role::TABLE.iter().map(|(_, r)| r.id()).collect();
            schema_error(
                &format!("{path}.role"),
                format!("must be one of {}", ids.join(", ")),
                format!("必须是以下之一：{}", ids.join("、")),
            )
        })?),
    };
    Ok(FieldSpec { code, aliases, names, required, max_length, ty, codes, role })
}
