//! Localized messages for unmet items.

use super::dates::format_date;
use super::rules::Condition;
use crate::i18n::Text;
use chrono::NaiveDate;

/// The requirement a condition states, phrased positively.
fn condition_label(c: Condition) -> (&'static str, &'static str, &'static str) {
    match c {
        Condition::Corrected => ("已纠正失信行为", "已糾正失信行為", "the dishonest conduct has been corrected"),
        Condition::ObligationsPerformed => (
            "已履行法定责任和义务（如处罚决定）",
            "已履行法定責任和義務（如處罰決定）",
            "the legal obligations (e.g. the penalty) have been performed",
        ),
        Condition::CommitmentSigned => ("已作出信用承诺", "已作出信用承諾", "a credit commitment has been signed"),
        Condition::HarmRemoved => (
            "已消除危害后果和不良社会影响",
            "已消除危害後果和不良社會影響",
            "the harmful effects have been removed",
        ),
        Condition::TrainingCompleted => (
            "已参加信用修复培训并取得证明",
            "已參加信用修復培訓並取得證明",
            "a credit-repair training certificate has been obtained",
        ),
        Condition::CreditReportSubmitted => ("已提交信用报告", "已提交信用報告", "a credit report has been submitted"),
        Condition::NoNewSimilarPenalty => (
            "未再受到同类市场监管行政处罚",
            "未再受到同類市場監管行政處罰",
            "no new market-regulation penalty of the same type",
        ),
        Condition::NotOnAbnormalList => ("未被列入经营异常名录", "未被列入經營異常名錄", "not on the abnormal-operations list"),
        Condition::NotOnSeriousViolationList => (
            "未被列入严重违法失信名单",
            "未被列入嚴重違法失信名單",
            "not on the serious-violation list",
        ),
        Condition::NoNewSeriousPenalty => (
            "未再受到较重的市场监管行政处罚",
            "未再受到較重的市場監管行政處罰",
            "no new serious market-regulation penalty",
        ),
        Condition::CauseCured => (
            "列入经营异常名录的情形已消除（补报年报、补充公示、更正公示或恢复联系）",
            "列入經營異常名錄的情形已消除（補報年報、補充公示、更正公示或恢復聯繫）",
            "the cause of listing has been cured (report filed, disclosure made or corrected, or reachable again)",
        ),
        Condition::DeletionEvent => (
            "已出现法定删除事由之一（已履行、和解履行、申请执行人申请、终本后两次查无财产、中止执行、不予执行、终结执行）",
            "已出現法定刪除事由之一（已履行、和解履行、申請執行人申請、終本後兩次查無財產、中止執行、不予執行、終結執行）",
            "one of the deletion events has occurred (paid, settlement performed, creditor's application, two fruitless asset searches after closing, execution suspended, enforcement refused, execution terminated)",
        ),
        Condition::PerformedOrCorrected => (
            "已履行义务或纠正失信行为",
            "已履行義務或糾正失信行為",
            "the obligations have been performed or the conduct corrected",
        ),
    }
}

pub(crate) fn condition_not_met(c: Condition) -> Text {
    let (h, t, e) = condition_label(c);
    Text::new(format!("条件未满足：{h}"), format!("條件未滿足：{t}"), format!("Condition not met: {e}"))
}

pub(crate) fn condition_not_stated(c: Condition) -> Text {
    let (h, t, e) = condition_label(c);
    Text::new(
        format!("未说明是否满足条件：{h}"),
        format!("未說明是否滿足條件：{t}"),
        format!("Not stated whether this condition holds: {e}"),
    )
}

pub(crate) fn waiting_period(from: NaiveDate) -> Text {
    let d = format_date(from);
    Text::new(
        format!("规定的最短期限未满，可自 {d} 起申请"),
        format!("規定的最短期限未滿，可自 {d} 起申請"),
        format!("The minimum period has not yet run; an application is possible from {d}"),
    )
}

pub(crate) fn restriction_running(last_day: NaiveDate) -> Text {
    let d = format_date(last_day);
    Text::new(
        format!("法定限制期至 {d} 才届满，届满前不得申请"),
        format!("法定限制期至 {d} 才屆滿，屆滿前不得申請"),
        format!("A statutory restriction runs until {d}; no application before it ends"),
    )
}

pub(crate) fn reapply_ban(from: NaiveDate) -> Text {
    let d = format_date(from);
    Text::new(
        format!("曾因提供虚假材料被拒绝修复，自 {d} 起方可再次申请"),
        format!("曾因提供虛假材料被拒絕修復，自 {d} 起方可再次申請"),
        format!("Repair was refused for false materials; a new application is possible from {d}"),
    )
}

pub(crate) fn early_repair_excluded() -> Text {
    Text::new(
        "该信息不得提前停止公示（不可提前修复），公示期满自动停止",
        "該資訊不得提前停止公示（不可提前修復），公示期滿自動停止",
        "Early repair is excluded for this record; publication ends only by itself",
    )
}

pub(crate) fn declared_unrepairable() -> Text {
    Text::new(
        "法律法规或党中央、国务院政策规定不可修复",
        "法律法規或黨中央、國務院政策規定不可修復",
        "Law or central policy declares this record unrepairable",
    )
}

pub(crate) fn repair_not_needed() -> Text {
    Text::new(
        "该信息不公示或仅短期公示，期满自动停止，无需也不能申请提前停止公示",
        "該資訊不公示或僅短期公示，期滿自動停止，無需也不能申請提前停止公示",
        "This record is not published, or only briefly; publication ends by itself and early repair is neither needed nor available",
    )
}

pub(crate) fn no_early_window(earliest: NaiveDate, ends: NaiveDate) -> Text {
    let (a, b) = (format_date(earliest), format_date(ends));
    Text::new(
        format!("最早可申请日（{a}）晚于公示届满日（{b}），无法提前修复"),
        format!("最早可申請日（{a}）晚於公示屆滿日（{b}），無法提前修復"),
        format!("The earliest application date ({a}) falls after publication ends ({b}): no early repair is possible"),
    )
}

pub(crate) fn publication_ended(last_day: NaiveDate) -> Text {
    let d = format_date(last_day);
    Text::new(
        format!("公示（列入）期限已于 {d} 届满，自动停止公示，无需申请"),
        format!("公示（列入）期限已於 {d} 屆滿，自動停止公示，無需申請"),
        format!("Publication (listing) ended by itself on {d}; nothing left to apply for"),
    )
}

pub(crate) fn repeat_offence() -> Text {
    Text::new(
        "存在重复失信情形，属于规则集所列不予修复情形，认定单位可不予修复",
        "存在重複失信情形，屬於規則集所列不予修復情形，認定單位可不予修復",
        "A repeat offence is among the rule set's grounds for refusing repair",
    )
}

pub(crate) fn parameter_missing(name: &str) -> Text {
    Text::new(
        format!("缺少门户参数 {name}（规则原文未给出数值，须由门户提供），无法确定"),
        format!("缺少門戶參數 {name}（規則原文未給出數值，須由門戶提供），無法確定"),
        format!("Portal parameter {name} is missing (the rules give no number; the portal must supply it): cannot be determined"),
    )
}

pub(crate) fn record_field_missing(field: &str) -> Text {
    Text::new(
        format!("缺少 {field}，无法确定"),
        format!("缺少 {field}，無法確定"),
        format!("{field} is missing: cannot be determined"),
    )
}

/// The answer is asked for a day after the newest built-in rule set (`id`) was last reviewed.
pub(crate) fn rules_may_be_outdated(id: &str, reviewed: NaiveDate) -> Text {
    let d = format_date(reviewed);
    Text::new(
        format!("本版本的规则最后核对于 {d}（最新内置规则集 {id}）；此后施行的新规定未收录，请核实"),
        format!("本版本的規則最後核對於 {d}（最新內建規則集 {id}）；此後施行的新規定未收錄，請核實"),
        format!(
            "the rules of this version were last reviewed on {d} (newest built-in rule set {id}); rules in force since are not included: check them"
        ),
    )
}
