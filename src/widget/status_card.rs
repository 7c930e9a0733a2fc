//! `<xinyong-credit-status>`: the resolved status card.

use super::dom::{add, add_text, announce, document, el, shadow};
use super::text::{lang_of, punct, t};
use crate::i18n::Lang;
use crate::status::{self, EntryState, EntryStatus, Measure, MeasureKind, StatusReport, Verdict};
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

/// The symbol shown with a verdict (with its text: never colour alone).
fn verdict_icon(v: Verdict) -> &'static str {
    match v {
        Verdict::Restricted => "✖",
        Verdict::Suspended => "‖",
        Verdict::Attention => "⚠",
        Verdict::Trustworthy => "★",
        Verdict::Clear => "✓",
    }
}

fn state_id(s: EntryState) -> &'static str {
    match s {
        EntryState::Upcoming => "upcoming",
        EntryState::Active => "active",
        EntryState::Suspended => "suspended",
        EntryState::Expired => "expired",
        EntryState::Exited => "exited",
        EntryState::Repaired => "repaired",
        EntryState::Voided => "voided",
    }
}

fn verdict_id(v: Verdict) -> &'static str {
    match v {
        Verdict::Restricted => "restricted",
        Verdict::Suspended => "suspended",
        Verdict::Attention => "attention",
        Verdict::Trustworthy => "trustworthy",
        Verdict::Clear => "clear",
    }
}

/// The card container and the live region, created once.
fn containers(host: &Element, doc: &Document) -> Result<(Element, Element), JsValue> {
    let root = shadow(host)?;
    if let (Some(card), Some(live)) = (root.get_element_by_id("card"), root.get_element_by_id("live")) {
        return Ok((card, live));
    }
    let card = el(doc, "article", "card", "card", "")?;
    card.set_attribute("id", "card")?;
    let live = el(doc, "div", "announce", "sr-only", "")?;
    live.set_attribute("id", "live")?;
    live.set_attribute("role", "status")?;
    live.set_attribute("aria-live", "polite")?;
    root.append_child(&card)?;
    root.append_child(&live)?;
    Ok((card, live))
}

/// A JS entity (object or JSON string) as JSON text.
fn entity_text(entity: &JsValue) -> Result<String, JsValue> {
    if let Some(s) = entity.as_string() {
        return Ok(s);
    }
    js_sys::JSON::stringify(entity)?.as_string().ok_or_else(|| JsValue::from_str("entity is not JSON"))
}

/// Renders the card for `entity` on `as_of` in the host's language.
/// `problem` (`not_found`, `fetch_failed`, `cross_origin`) renders a notice
/// instead. Returns the status report, or `null` when there is none.
pub(crate) fn render(
    host: &Element,
    entity: &JsValue,
    as_of: &str,
    problem: Option<String>,
) -> Result<JsValue, JsValue> {
    let doc = document()?;
    let lang = lang_of(host.get_attribute("lang"));
    let (card, live) = containers(host, &doc)?;
    card.set_text_content(None);
    card.set_attribute("lang", lang.tag())?;
    let notice = |key: &str, state: &str, detail: &str| -> Result<JsValue, JsValue> {
        card.set_attribute("data-verdict", state)?;
        let head = el(&doc, "p", &format!("verdict verdict-{state}"), "verdict", "")?;
        add(&head, &el(&doc, "span", "verdict-icon", "icon", "?")?)?;
        add(&head, &el(&doc, "strong", "verdict-label", "", t(lang, key))?)?;
        add(&card, &head)?;
        if !detail.is_empty() {
            add(&card, &el(&doc, "p", "rule", "rule", detail)?)?;
        }
        announce(&live, t(lang, key));
        host.set_attribute("data-verdict", state)?;
        Ok(JsValue::NULL)
    };
    if let Some(p) = problem {
        return match p.as_str() {
            "not_found" => {
                if let Some(code) = entity.as_string().filter(|c| !c.is_empty()) {
                    add(&card, &el(&doc, "p", "code", "code", &code)?)?;
                }
                notice("not-found", "unknown", t(lang, "not-found-rule"))
            }
            "cross_origin" => notice("cross-origin", "error", ""),
            _ => notice("fetch-failed", "error", ""),
        };
    }
    let report = entity_text(entity).ok().map(|text| {
        status::parse_entity_json(&text)
            .and_then(|e| Ok(status::resolve_status(&e, status::parse_date(as_of, "as-of")?)))
    });
    match report {
        Some(Ok(report)) => {
            build(&doc, &card, &report, lang)?;
            announce(&live, &format!("{}{}{}", report.name, punct(lang).0, report.verdict_label.get(lang)));
            host.set_attribute("data-verdict", verdict_id(report.verdict))?;
            crate::wasm::to_js(&report)
        }
        Some(Err(e)) => notice("bad-record", "error", e.message.get(lang)),
        None => notice("bad-record", "error", ""),
    }
}

fn dl_row(doc: &Document, dl: &Element, term: &str, value: &str) -> Result<(), JsValue> {
    add(dl, &el(doc, "dt", "term", "", term)?)?;
    add(dl, &el(doc, "dd", "value", "", value)?)
}

fn build(doc: &Document, card: &Element, r: &StatusReport, lang: Lang) -> Result<(), JsValue> {
    let v = verdict_id(r.verdict);
    card.set_attribute("data-verdict", v)?;
    let header = el(doc, "header", "header", "header", "")?;
    add(&header, &el(doc, "p", "name", "name", &r.name)?)?;
    let id_line = el(doc, "p", "code", "code", &r.code)?;
    if let Some(region) = region(&r.code, lang) {
        add_text(doc, &id_line, " · ")?;
        add(&id_line, &el(doc, "span", "region", "region", &region)?)?;
    }
    add(&header, &id_line)?;
    let verdict = el(doc, "p", &format!("verdict verdict-{v}"), "verdict", "")?;
    verdict.set_attribute("data-verdict", v)?;
    add(&verdict, &el(doc, "span", "verdict-icon", "icon", verdict_icon(r.verdict))?)?;
    add(&verdict, &el(doc, "strong", "verdict-label", "", r.verdict_label.get(lang))?)?;
    add(&header, &verdict)?;
    let rule = el(doc, "p", "rule", "rule", r.rule.text.get(lang))?;
    rule.set_attribute("title", &r.rule.source)?;
    add_text(doc, &rule, &format!(" · {} {}", t(lang, "as-of"), r.as_of))?;
    add(&header, &rule)?;
    add(card, &header)?;

    if r.verdict == Verdict::Suspended
        || r.entries.iter().any(|e| e.list.is_punitive() && e.state == EntryState::Suspended)
    {
        let n = el(doc, "p", "objection-notice", "notice", t(lang, "objection-notice"))?;
        n.set_attribute("role", "note")?;
        add(card, &n)?;
    }
    if r.red_benefits_suspended {
        let n = el(doc, "p", "red-suspended-notice", "notice", t(lang, "red-suspended"))?;
        n.set_attribute("role", "note")?;
        add(card, &n)?;
    }
    if r.entries.is_empty() {
        add(card, &el(doc, "p", "empty", "empty", t(lang, "no-entries"))?)?;
        return footer(doc, card, r, lang);
    }
    let list = el(doc, "ul", "entries", "entries", "")?;
    for e in &r.entries {
        add(&list, &entry(doc, e, lang)?)?;
    }
    add(card, &list)?;
    footer(doc, card, r, lang)
}

/// The small footer: which repair rule sets answered and the years the
/// working-day calendar covers (built in plus any added with addHolidayYears).
fn footer(doc: &Document, card: &Element, r: &StatusReport, lang: Lang) -> Result<(), JsValue> {
    let mut parts = Vec::new();
    #[cfg(feature = "repair")]
    {
        let mut sets: Vec<&str> =
            r.entries.iter().filter_map(|e| e.repair.as_ref()).map(|a| a.rule_set.as_str()).collect();
        sets.dedup();
        if !sets.is_empty() {
            let label = match lang {
                Lang::En => "rules",
                Lang::ZhHans => "规则",
                Lang::ZhHant => "規則",
            };
            parts.push(format!("{label} {}", sets.join(", ")));
        }
    }
    #[cfg(feature = "workdays")]
    {
        let years = crate::workdays::covered_years();
        if let (Some(first), Some(last)) = (years.first(), years.last()) {
            let label = match lang {
                Lang::En => "working-day calendar",
                Lang::ZhHans => "工作日历",
                Lang::ZhHant => "工作日曆",
            };
            parts.push(format!("{label} {first}–{last}"));
        }
    }
    let _ = r;
    if parts.is_empty() {
        return Ok(());
    }
    add(card, &el(doc, "footer", "footer", "footer", &parts.join(" · "))?)
}

fn region(code: &str, lang: Lang) -> Option<String> {
    let division = code.get(2..8)?;
    let d = crate::divisions::division(division);
    let name = d.full_name?;
    Some(if lang == Lang::ZhHant { name.zh_hant } else { name.zh_hans })
}

fn measure_item(doc: &Document, m: &Measure, status: &str, lang: Lang) -> Result<Element, JsValue> {
    let li = el(doc, "li", &format!("measure measure-{status}"), &format!("measure {status}"), "")?;
    let kind = match m.kind {
        MeasureKind::Mandatory => "mandatory",
        MeasureKind::Recommended => "recommended",
    };
    add(&li, &el(doc, "span", "measure-kind", "kind", &format!("[{}]", t(lang, kind)))?)?;
    add_text(doc, &li, &format!(" {}", m.text))?;
    match status {
        "suspended" => {
            add(&li, &el(doc, "em", "measure-status", "", &format!("（{}）", t(lang, "suspended")))?)?
        }
        "inactive" => {
            add(&li, &el(doc, "em", "measure-status", "", &format!("（{}）", t(lang, "not-applied")))?)?
        }
        _ => {}
    }
    Ok(li)
}

fn entry(doc: &Document, e: &EntryStatus, lang: Lang) -> Result<Element, JsValue> {
    let s = state_id(e.state);
    let li = el(doc, "li", &format!("entry entry-{s}"), &format!("entry {s}"), "")?;
    li.set_attribute("data-state", s)?;
    let head = el(doc, "p", "entry-head", "entry-head", "")?;
    add(&head, &el(doc, "span", "list-name", "list", e.list_name.get(lang))?)?;
    add_text(doc, &head, " · ")?;
    add(&head, &el(doc, "span", "label", "label", &e.label)?)?;
    add_text(doc, &head, " ")?;
    add(
        &head,
        &el(doc, "span", &format!("state state-{s}"), "state", &format!("[{}]", e.state_label.get(lang)))?,
    )?;
    add(&li, &head)?;
    let rule = el(doc, "p", "state-rule", "rule", e.rule.text.get(lang))?;
    rule.set_attribute("title", &e.rule.source)?;
    add(&li, &rule)?;

    let dl = el(doc, "dl", "dates", "dates", "")?;
    dl_row(doc, &dl, t(lang, "listing-unit"), &e.listing_unit)?;
    dl_row(doc, &dl, t(lang, "basis"), &e.basis)?;
    dl_row(doc, &dl, t(lang, "listed-on"), &e.listed_on)?;
    if let Some(end) = &e.ends_on {
        let v = match e.days_remaining {
            Some(d) => {
                let (_, _, open, close) = punct(lang);
                format!("{end}{open}{} {d}{close}", t(lang, "days-left"))
            }
            None => end.clone(),
        };
        dl_row(doc, &dl, t(lang, "ends-on"), &v)?;
    }
    if let Some(x) = &e.exited_on {
        dl_row(doc, &dl, t(lang, "exited-on"), x)?;
    }
    if let Some(x) = &e.exit_reason {
        dl_row(doc, &dl, t(lang, "exit-reason"), x)?;
    }
    if let Some(x) = &e.repaired_on {
        dl_row(doc, &dl, t(lang, "repaired-on"), x)?;
    }
    add(&li, &dl)?;

    let count = e.measures_in_force.len() + e.measures_suspended.len() + e.measures_inactive.len();
    if count > 0 {
        let ul = el(doc, "ul", "measures", "measures", "")?;
        ul.set_attribute("aria-label", t(lang, "measures"))?;
        for m in &e.measures_in_force {
            add(&ul, &measure_item(doc, m, "in-force", lang)?)?;
        }
        for m in &e.measures_suspended {
            add(&ul, &measure_item(doc, m, "suspended", lang)?)?;
        }
        for m in &e.measures_inactive {
            add(&ul, &measure_item(doc, m, "inactive", lang)?)?;
        }
        add(&li, &ul)?;
    }
    if let Some(o) = &e.objection {
        add(&li, &el(doc, "p", "objection", "objection", o.notice.get(lang))?)?;
    }
    if let Some(p) = &e.publication {
        let part = if p.calendar_missing_year.is_some() {
            "publication publication-unavailable"
        } else {
            "publication"
        };
        let n = el(doc, "p", part, "publication", p.message.get(lang))?;
        n.set_attribute("title", &p.citation)?;
        add(&li, &n)?;
    }
    repair(doc, &li, e, lang)?;
    Ok(li)
}

#[cfg(feature = "repair")]
fn repair(doc: &Document, li: &Element, e: &EntryStatus, lang: Lang) -> Result<(), JsValue> {
    if let Some(a) = &e.repair {
        let div = el(doc, "div", "repair", "repair", "")?;
        let key = if !a.determined {
            "repair-undetermined"
        } else if a.eligible {
            "repair-eligible"
        } else {
            "repair-not-yet"
        };
        let (colon, semi, _, _) = punct(lang);
        let mut line = format!("{}{colon}{}", t(lang, "repair"), t(lang, key));
        if let Some(d) = a.earliest_apply_date {
            line.push_str(&format!(
                "{semi}{} {}",
                t(lang, "repair-from"),
                crate::civil_date::format_iso_date(d)
            ));
        }
        if a.never_early {
            line.push_str(&format!("{semi}{}", t(lang, "repair-never-early")));
        }
        if let Some(d) = a.publication_ends {
            line.push_str(&format!(
                "{semi}{} {}",
                t(lang, "publication-ends"),
                crate::civil_date::format_iso_date(d)
            ));
        }
        let p = el(doc, "p", "repair-summary", "", &line)?;
        p.set_attribute(
            "title",
            &a.rules.iter().map(|r| r.citation.as_str()).collect::<Vec<_>>().join("\n"),
        )?;
        add(&div, &p)?;
        if !a.unmet.is_empty() {
            let ul = el(doc, "ul", "repair-unmet", "", "")?;
            for u in &a.unmet {
                add(&ul, &el(doc, "li", "repair-condition", "", u.message.get(lang))?)?;
            }
            add(&div, &ul)?;
        }
        add(li, &div)?;
    } else if let Some(msg) = &e.repair_error {
        add(
            li,
            &el(
                doc,
                "p",
                "repair",
                "repair",
                &format!("{}{}{}", t(lang, "repair"), punct(lang).0, msg.get(lang)),
            )?,
        )?;
    }
    Ok(())
}

#[cfg(not(feature = "repair"))]
fn repair(_doc: &Document, _li: &Element, _e: &EntryStatus, _lang: Lang) -> Result<(), JsValue> {
    Ok(())
}
