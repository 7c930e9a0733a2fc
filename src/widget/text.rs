//! The elements' own words (messages about codes and entries come from the core).

use crate::i18n::Lang;

/// The language of an element: its `lang` attribute (zh-Hans when absent or unknown).
pub(crate) fn lang_of(value: Option<String>) -> Lang {
    value.and_then(|v| v.parse().ok()).unwrap_or_default()
}

/// A UI string of the status card in `lang` (the code input's words are in
/// `npm/elements.mjs`).
pub(crate) fn t(lang: Lang, key: &str) -> &'static str {
    let (hans, hant, en) = match key {
        "verdict" => ("信用状态", "信用狀態", "Credit status"),
        "as-of" => ("查询日期", "查詢日期", "As of"),
        "region" => ("登记地", "登記地", "Registered in"),
        "listing-unit" => ("列入单位", "列入單位", "Listed by"),
        "basis" => ("依据", "依據", "Basis"),
        "listed-on" => ("列入日期", "列入日期", "Listed on"),
        "ends-on" => ("有效期至", "有效期至", "In force until"),
        "exited-on" => ("移出日期", "移出日期", "Exited on"),
        "exit-reason" => ("移出原因", "移出原因", "Reason"),
        "repaired-on" => ("信用修复日期", "信用修復日期", "Repaired on"),
        "measures" => ("措施", "措施", "Measures"),
        "mandatory" => ("强制性", "強制性", "mandatory"),
        "recommended" => ("推荐性", "推薦性", "recommended"),
        "suspended" => ("暂停", "暫停", "suspended"),
        "not-applied" => ("不再适用", "不再適用", "no longer applied"),
        "no-entries" => ("没有名单记录", "沒有名單記錄", "No list entries"),
        "objection-notice" => (
            "该主体对失信记录提出的异议正在核实，核实期间联合惩戒措施暂不执行。",
            "該主體對失信記錄提出的異議正在核實，核實期間聯合懲戒措施暫不執行。",
            "An objection to a dishonesty record is being verified; joint punishment measures are suspended meanwhile.",
        ),
        "red-suspended" => (
            "存在生效中的失信记录，红名单激励措施暂停。",
            "存在生效中的失信記錄，紅名單激勵措施暫停。",
            "A dishonesty entry is in force: red-list incentives are suspended.",
        ),
        "repair" => ("信用修复", "信用修復", "Credit repair"),
        "repair-eligible" => ("现在可申请信用修复", "現在可申請信用修復", "may apply for repair now"),
        "repair-not-yet" => ("尚不能申请信用修复", "尚不能申請信用修復", "may not apply for repair yet"),
        "repair-undetermined" => ("能否修复尚不能确定", "能否修復尚不能確定", "eligibility not determined"),
        "repair-from" => ("最早可申请日期", "最早可申請日期", "earliest application"),
        "repair-never-early" => ("不得提前终止公示", "不得提前終止公示", "publication may not end early"),
        "publication-ends" => ("公示期满", "公示期滿", "publication ends"),
        "not-found" => ("未查到该主体的名单记录", "未查到該主體的名單記錄", "No record found for this entity"),
        "not-found-rule" => (
            "数据源中没有这个代码：不等于守信，也不等于失信",
            "資料來源中沒有這個代碼：不等於守信，也不等於失信",
            "the data source has no entry for this code: neither trustworthy nor dishonest",
        ),
        "fetch-failed" => ("无法获取信用记录", "無法取得信用記錄", "The credit record could not be loaded"),
        "cross-origin" => ("只能从本站获取记录", "只能從本站取得記錄", "Records can only be loaded from this site"),
        "bad-record" => ("信用记录格式错误", "信用記錄格式錯誤", "The credit record is malformed"),
        "days-left" => ("剩余天数", "剩餘天數", "days left"),
        _ => ("", "", ""),
    };
    match lang {
        Lang::ZhHans => hans,
        Lang::ZhHant => hant,
        Lang::En => en,
    }
}

/// Punctuation in `lang`: (colon, semicolon, opening bracket, closing bracket).
pub(crate) fn punct(lang: Lang) -> (&'static str, &'static str, &'static str, &'static str) {
    match lang {
        Lang::En => (": ", "; ", " (", ")"),
        _ => ("：", "；", "（", "）"),
    }
}
