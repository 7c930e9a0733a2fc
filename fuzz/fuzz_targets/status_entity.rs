//! Entity status JSON (`status::parse_entity_json`, then `resolve_status` on a
//! day taken from the input): never panics; an error has a message in three
//! languages naming its field; each entry's state and rule are the ones the
//! rule table of the module docs gives for its dates; measures go to in force,
//! suspended or inactive by state; the verdict follows the verdict table; the
//! report serializes.
#![no_main]
use chrono::{Datelike, NaiveDate};
use libfuzzer_sys::fuzz_target;
use xinyong::status::{
    parse_date, parse_entity_json, parse_entity_value, resolve_status, Entity, Entry, EntryState, ListKind,
    MeasureInForce, ObjectionStatus, PublicationRule, Rule, StatusError, StatusErrorKind, StatusReport,
    Verdict,
};

/// `as_of` from three bytes: a signed 24-bit day offset from 2000-01-01, little
/// endian (about ±23,000 years, well inside chrono's range).
fn as_of_from(b: [u8; 3]) -> NaiveDate {
    let offset = i32::from_le_bytes([0, b[0], b[1], b[2]]) >> 8;
    let base = NaiveDate::from_ymd_opt(2000, 1, 1).expect("2000-01-01");
    NaiveDate::from_num_days_from_ce_opt(base.num_days_from_ce() + offset).expect("inside chrono's range")
}

fn check_error(text: &str, e: &StatusError) {
    assert!(
        !e.message.en.is_empty() && !e.message.zh_hans.is_empty() && !e.message.zh_hant.is_empty(),
        "{e:?} for {text}"
    );
    // Only the document as a whole (not JSON, not an object) has no field.
    assert_eq!(e.kind == StatusErrorKind::InvalidJson, e.field.is_empty(), "{e:?} for {text}");
    assert!(e.message.en.contains(&e.field), "the message names the field: {e:?}");
    let json = serde_json::to_value(e).expect("an error serializes");
    assert_eq!(json["kind"].as_str(), Some(e.kind.as_str()), "{json}");
}

/// The entry rule table of the module docs, first match wins.
fn entry_rule(e: &Entry, as_of: NaiveDate) -> (EntryState, &'static str) {
    let on_or_before = |d: Option<NaiveDate>| d.is_some_and(|d| d <= as_of);
    let objection = e.objection.as_ref();
    if e.listed_on > as_of {
        (EntryState::Upcoming, "not-yet-listed")
    } else if objection.is_some_and(|o| o.status == ObjectionStatus::Upheld && on_or_before(o.resolved_on)) {
        (EntryState::Voided, "objection-upheld")
    } else if on_or_before(e.exited_on) {
        (EntryState::Exited, "exited")
    } else if on_or_before(e.repaired_on) {
        (EntryState::Repaired, "repaired")
    } else if e.expires_on.is_some_and(|d| d < as_of) {
        (EntryState::Expired, "period-ended")
    } else if objection.is_some_and(|o| o.filed_on <= as_of && !on_or_before(o.resolved_on)) {
        (EntryState::Suspended, "objection-pending")
    } else {
        (EntryState::Active, "listed")
    }
}

fn check_rule(r: &Rule) {
    assert!(Rule::by_id(&r.id).as_ref() == Some(r), "a documented rule: {r:?}");
    assert!(!r.source.is_empty() && !r.text.en.is_empty() && !r.text.zh_hans.is_empty(), "{r:?}");
}

fn check_report(entity: &Entity, as_of: NaiveDate, r: &StatusReport, text: &str) {
    assert_eq!((r.code.as_str(), r.name.as_str()), (entity.code.as_str(), entity.name.as_str()));
    if (1..=9999).contains(&as_of.year()) {
        assert_eq!(parse_date(&r.as_of, "asOf").ok(), Some(as_of), "{}", r.as_of);
    }
    assert_eq!(r.entries.len(), entity.entries.len());
    let date = |s: &str| parse_date(s, "").expect("a report date is YYYY-MM-DD");

    // Expected states: the entry table, then red entries suspended while a
    // punitive entry is active.
    let mut expected: Vec<_> = entity.entries.iter().map(|e| entry_rule(e, as_of)).collect();
    let punitive_active =
        entity.entries.iter().zip(&expected).any(|(e, s)| e.list.is_punitive() && s.0 == EntryState::Active);
    let mut red_suspended = false;
    for (e, s) in entity.entries.iter().zip(expected.iter_mut()) {
        if punitive_active && e.list == ListKind::Red && s.0 == EntryState::Active {
            *s = (EntryState::Suspended, "red-suspended-by-dishonesty");
            red_suspended = true;
        }
    }
    assert_eq!(r.red_benefits_suspended, red_suspended, "{text}");

    for (i, ((e, s), (state, rule))) in entity.entries.iter().zip(&r.entries).zip(expected).enumerate() {
        let ctx = || format!("entry {i} on {as_of} of {text}");
        assert_eq!(usize::try_from(s.index).ok(), Some(i));
        assert_eq!(
            (s.list, &s.label, &s.listing_unit, &s.basis),
            (e.list, &e.label, &e.listing_unit, &e.basis)
        );
        assert_eq!(date(&s.listed_on), e.listed_on);
        assert_eq!((s.state, s.rule.id.as_str()), (state, rule), "{}", ctx());
        assert_eq!(s.state_label, s.state.label());
        assert_eq!(s.list_name, s.list.name());
        check_rule(&s.rule);

        // Days remaining: only for entries still listed, and then never negative.
        let listed = matches!(s.state, EntryState::Active | EntryState::Suspended);
        assert_eq!(s.ends_on.as_deref().map(date), e.expires_on, "{}", ctx());
        match (s.days_remaining, e.expires_on.filter(|_| listed)) {
            (None, None) => {}
            (Some(n), Some(end)) => {
                assert!(n >= 0, "{n} days remaining: {}", ctx());
                assert_eq!(n, end.signed_duration_since(as_of).num_days(), "{}", ctx());
            }
            (n, _) => panic!("daysRemaining {n:?} in state {:?}: {}", s.state, ctx()),
        }
        let past = |d: Option<NaiveDate>| d.filter(|d| *d <= as_of);
        assert_eq!(s.exited_on.as_deref().map(date), past(e.exited_on), "{}", ctx());
        assert!(s.exit_reason.is_none() || s.exited_on.is_some(), "{}", ctx());
        if s.exited_on.is_some() {
            assert_eq!(s.exit_reason, e.exit_reason);
        }
        assert_eq!(s.repaired_on.as_deref().map(date), past(e.repaired_on), "{}", ctx());

        // Measures: all in exactly the list the state gives.
        let none = Vec::new();
        let want = match s.state {
            EntryState::Active => (&e.measures, &none, &none),
            EntryState::Suspended => (&none, &e.measures, &none),
            _ => (&none, &none, &e.measures),
        };
        assert_eq!((&s.measures_in_force, &s.measures_suspended, &s.measures_inactive), want, "{}", ctx());

        // Objection: shown once filed; pending until decided (by as_of).
        match (&s.objection, e.objection.as_ref().filter(|o| o.filed_on <= as_of)) {
            (None, None) => {}
            (Some(n), Some(o)) => {
                assert_eq!(date(&n.filed_on), o.filed_on);
                assert_eq!(n.resolved_on.as_deref().map(date), past(o.resolved_on), "{}", ctx());
                let status = if n.resolved_on.is_some() { o.status } else { ObjectionStatus::Pending };
                assert_eq!(n.status, status, "{}", ctx());
                assert!(!n.notice.en.is_empty() && !n.notice.zh_hans.is_empty());
            }
            (n, _) => panic!("objection notice {n:?}: {}", ctx()),
        }
        if rule == "objection-pending" {
            assert_eq!(s.objection.as_ref().map(|n| n.status), Some(ObjectionStatus::Pending), "{}", ctx());
        }

        // Publication deadline: for an entry decided and not published.
        match (&s.publication, e.decided_on.filter(|_| e.published_on.is_none())) {
            (None, None) => {}
            (Some(p), Some(decided)) => {
                let rule = e.publication_rule.unwrap_or_default();
                assert_eq!(p.rule, rule.id());
                let n = if rule == PublicationRule::Samr20wd { 20 } else { 7 };
                assert_eq!(p.working_days, n);
                assert_eq!(date(&p.decided_on), decided);
                assert!(!p.message.en.is_empty() && !p.citation.is_empty(), "{p:?}");
                match (&p.due, p.calendar_missing_year) {
                    (Some(due), None) => {
                        let due = date(due);
                        assert!(due > decided, "{p:?}");
                        assert_eq!(p.overdue, due < as_of, "{p:?}");
                    }
                    (None, Some(_)) => assert!(!p.overdue),
                    _ => panic!("a due date or a missing calendar year: {p:?}"),
                }
            }
            (p, _) => panic!("publication {p:?}: {}", ctx()),
        }

        // Repair eligibility: for a listed entry with a repair record, an answer or an error.
        let has_repair = s.repair.is_some() || s.repair_error.is_some();
        assert_eq!(has_repair, e.repair.is_some() && listed, "{}", ctx());
        assert!(s.repair.is_none() || s.repair_error.is_none());
        if let Some(a) = &s.repair {
            assert!(!a.eligible || (a.unmet.is_empty() && a.determined), "{a:?}: {}", ctx());
        }
        if let Some(m) = &s.repair_error {
            assert!(!m.en.is_empty(), "{}", ctx());
        }
    }

    // The verdict table, first match wins.
    let any = |f: &dyn Fn(&xinyong::status::EntryStatus) -> bool| r.entries.iter().any(f);
    let (verdict, rule) = if any(&|s| s.list.is_punitive() && s.state == EntryState::Active) {
        (Verdict::Restricted, "punitive-entry-active")
    } else if any(&|s| s.list.is_punitive() && s.state == EntryState::Suspended) {
        (Verdict::Suspended, "objection-suspends-measures")
    } else if any(&|s| s.list == ListKind::AbnormalOperations && s.state == EntryState::Active) {
        (Verdict::Attention, "abnormal-operations-active")
    } else if any(&|s| s.list == ListKind::Red && s.state == EntryState::Active) {
        (Verdict::Trustworthy, "red-entry-active")
    } else {
        (Verdict::Clear, "nothing-in-force")
    };
    assert_eq!((r.verdict, r.rule.id.as_str()), (verdict, rule), "on {as_of}: {text}");
    assert_eq!(r.verdict_label, r.verdict.label());
    check_rule(&r.rule);
    if r.verdict == Verdict::Restricted {
        assert!(!any(&|s| s.list == ListKind::Red && s.state == EntryState::Active), "{text}");
    }
    if r.verdict == Verdict::Clear {
        assert!(!any(&|s| s.state == EntryState::Active) && r.measures_in_force.is_empty(), "{text}");
    }
    let in_force: Vec<MeasureInForce> = r
        .entries
        .iter()
        .flat_map(|s| {
            s.measures_in_force.iter().map(|m| MeasureInForce {
                entry: s.index,
                kind: m.kind,
                text: m.text.clone(),
            })
        })
        .collect();
    assert_eq!(r.measures_in_force, in_force, "{text}");
    serde_json::to_string(r).expect("a report serializes");
}

fuzz_target!(|data: &[u8]| {
    let Some((day, rest)) = data.split_first_chunk::<3>() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let as_of = as_of_from(*day);
    let parsed = parse_entity_json(text);
    // The same from an already parsed value.
    if let Ok(value) = serde_json::from_str::<serde_json::Value>(text) {
        assert_eq!(parse_entity_value(&value), parsed, "{text}");
    }
    match parsed {
        Ok(entity) => {
            let report = resolve_status(&entity, as_of);
            check_report(&entity, as_of, &report, text);
        }
        Err(e) => check_error(text, &e),
    }
});
