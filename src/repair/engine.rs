//! The evaluation engine: picks the rule set, matches rows, does the date
//! arithmetic and lists what is unmet. All rule content comes from the tables.

use super::dates::{self, Period};
use super::error::{RepairError, RepairErrorKind};
use super::messages as msg;
use super::rules::{
    builtin_rule_set, builtin_rule_sets, Anchor, Condition, Earliest, Exclusion, Measure, Publication,
    RefusalGround, RuleRow, RuleSet,
};
use super::{
    ConditionStatus, ProcedureDeadline, ProcedureStart, Record, RepairAnswer, RepairCase, RepairWarning,
    RepairWarningKind, RuleSetSelector, RuleUsed, Unmet, UnmetKind,
};
use chrono::NaiveDate;

/// Earliest outcome, ordered NotNeeded < From < Undetermined < Never when combining.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Early {
    NotNeeded,
    From(NaiveDate),
    Undetermined,
    Never,
}

/// Publication outcome, ordered NotPublished < Ends < Undetermined < NeverByTime.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ends {
    NotPublished,
    On(NaiveDate),
    Undetermined,
    NeverByTime,
}

fn combine_early(a: Early, b: Early) -> Early {
    use Early::*;
    match (a, b) {
        (Never, _) | (_, Never) => Never,
        (Undetermined, _) | (_, Undetermined) => Undetermined,
        (From(x), From(y)) => From(x.max(y)),
        (From(x), NotNeeded) | (NotNeeded, From(x)) => From(x),
        (NotNeeded, NotNeeded) => NotNeeded,
    }
}

fn combine_ends(a: Ends, b: Ends) -> Ends {
    use Ends::*;
    match (a, b) {
        (NeverByTime, _) | (_, NeverByTime) => NeverByTime,
        (Undetermined, _) | (_, Undetermined) => Undetermined,
        (On(x), On(y)) => On(x.max(y)),
        (On(x), NotPublished) | (NotPublished, On(x)) => On(x),
        (NotPublished, NotPublished) => NotPublished,
    }
}

fn out_of_range(field: &str) -> RepairError {
    RepairError::new(RepairErrorKind::DateOutOfRange, field, "", "", "")
}

fn invalid(field: &str, hans: &str, hant: &str, en: &str) -> RepairError {
    RepairError::new(RepairErrorKind::InvalidValue, field, hans, hant, en)
}

fn unmet(kind: UnmetKind, message: crate::i18n::Text) -> Unmet {
    Unmet { kind, field: None, status: None, date: None, citation: None, message }
}

/// Checks what serde cannot: ranges, kind/track, date order, custom rule sets.
pub(crate) fn validate_case(case: &RepairCase) -> Result<(), RepairError> {
    let rec = &case.record;
    if !rec.kind.tracks().contains(&rec.track) {
        return Err(RepairError::new(
            RepairErrorKind::TrackMismatch,
            "record.track",
            "该类记录不属于此领域",
            "該類記錄不屬於此領域",
            "this kind of record does not belong to that track",
        ));
    }
    if rec.spc_item.is_some_and(|n| !(1..=6).contains(&n)) {
        return Err(invalid("record.spcItem", "应为 1 至 6", "應為 1 至 6", "must be 1 to 6"));
    }
    if rec.extension_years.is_some_and(|n| n > 10) {
        return Err(invalid("record.extensionYears", "至多 10", "至多 10", "at most 10"));
    }
    if rec.fine_amount_yuan.is_some_and(|a| !a.is_finite() || a < 0.0) {
        return Err(invalid(
            "record.fineAmountYuan",
            "应为非负数",
            "應為非負數",
            "must be a non-negative number",
        ));
    }
    if case.params.low_fine_threshold_yuan.is_some_and(|a| !a.is_finite() || a < 0.0) {
        return Err(invalid(
            "params.lowFineThresholdYuan",
            "应为非负数",
            "應為非負數",
            "must be a non-negative number",
        ));
    }
    if case.params.false_materials_ban_years.is_some_and(|n| n > 100) {
        return Err(invalid("params.falseMaterialsBanYears", "至多 100", "至多 100", "at most 100"));
    }
    let dated = [
        ("asOf", Some(case.as_of)),
        ("record.decidedOn", rec.decided_on),
        ("record.publishedOn", rec.published_on),
        ("record.listedOn", rec.listed_on),
        ("record.restrictionEndsOn", rec.restriction_ends_on),
        ("record.listingUnitRepairFrom", rec.listing_unit_repair_from),
        ("record.listingUnitExitOn", rec.listing_unit_exit_on),
        ("record.refusedForFalseMaterialsOn", rec.refused_for_false_materials_on),
        ("appliedOn", case.applied_on),
        ("receivedOn", case.received_on),
    ];
    for (field, d) in dated {
        if d.is_some_and(|d| d < dates::min_date() || d > dates::max_date()) {
            return Err(RepairError::new(RepairErrorKind::InvalidDate, field, "", "", ""));
        }
    }
    if let (Some(applied), Some(received)) = (case.applied_on, case.received_on) {
        if received < applied {
            return Err(RepairError::new(
                RepairErrorKind::InconsistentDates,
                "receivedOn",
                "收到申请的日期早于申请日期",
                "收到申請的日期早於申請日期",
                "the application was received before it was made",
            ));
        }
    }
    if let (Some(decided), Some(published)) = (rec.decided_on, rec.published_on) {
        if decided > published {
            return Err(RepairError::new(
                RepairErrorKind::InconsistentDates,
                "record.decidedOn",
                "决定日期晚于公示日期",
                "決定日期晚於公示日期",
                "the decision date is after the publication date",
            ));
        }
    }
    for name in Earliest::PARAMS {
        match case.params.earliest_param(name) {
            None | Some(Earliest::Never) => {}
            Some(Earliest::After(p)) if p.is_bounded() && !p.is_zero() => {}
            Some(_) => {
                return Err(invalid(
                    &format!("params.{name}"),
                    "应为 {\"after\": 期间} 或 \"never\"",
                    "應為 {\"after\": 期間} 或 \"never\"",
                    "expected {\"after\": period} or \"never\"",
                ))
            }
        }
    }
    // The card module answers entities' `repair` records with the built-in
    // rule sets only: it has no rule-set validator, and refuses custom ones.
    #[cfg(card_module)]
    if !case.custom_rule_sets.is_empty() {
        return Err(RepairError::plain(
            RepairErrorKind::InvalidRuleSet,
            "customRuleSets",
            "not in this module",
        ));
    }
    #[cfg(not(card_module))]
    for (i, rs) in case.custom_rule_sets.iter().enumerate() {
        let path = format!("customRuleSets[{i}]");
        super::rules::validate_custom(rs, &path)?;
        if case.custom_rule_sets.iter().take(i).any(|o| o.id == rs.id) {
            return Err(RepairError::new(
                RepairErrorKind::InvalidRuleSet,
                format!("{path}.id"),
                "规则集 id 重复",
                "規則集 id 重複",
                "duplicate rule-set id",
            ));
        }
    }
    Ok(())
}

/// The newest rule set of `track` in force on `day`, custom ones preferred on a tie.
fn newest_in_force(case: &RepairCase, day: NaiveDate) -> Result<&RuleSet, RepairError> {
    builtin_rule_sets()?
        .iter()
        .map(|r| (r, false))
        .chain(case.custom_rule_sets.iter().map(|r| (r, true)))
        .filter(|(r, _)| r.track == case.record.track && r.in_force(day))
        .max_by_key(|(r, custom)| (r.effective_from, *custom))
        .map(|(r, _)| r)
        .ok_or_else(|| {
            RepairError::new(
                RepairErrorKind::NoRuleSetInForce,
                "asOf",
                "该日期无有效规则集",
                "該日期無有效規則集",
                "no rule set of the record's track is in force on that date",
            )
        })
}

/// The rule set, and whether the answer waits for `params.samrTransition`: under
/// `auto`, a record dated (published, else listed, else decided) before the chosen
/// rule set's `effectiveFrom`, where that rule set leaves the transition open.
fn select(case: &RepairCase) -> Result<(&RuleSet, bool), RepairError> {
    let track = case.record.track;
    let mut waits = false;
    let rs: &RuleSet = match &case.rule_set {
        RuleSetSelector::Auto => {
            let rs = newest_in_force(case, case.as_of)?;
            let rec = &case.record;
            match rec.published_on.or(rec.listed_on).or(rec.decided_on) {
                Some(dated) if rs.transition_note.is_some() && dated < rs.effective_from => {
                    match case.params.samr_transition {
                        Some(super::Transition::ApplicationDate) => rs,
                        Some(super::Transition::PublicationDate) => newest_in_force(case, dated)?,
                        None => {
                            waits = true;
                            rs
                        }
                    }
                }
                _ => rs,
            }
        }
        RuleSetSelector::Builtin(b) => builtin_rule_set(*b)?,
        RuleSetSelector::Custom(id) => {
            case.custom_rule_sets.iter().find(|r| &r.id == id).ok_or_else(|| {
                RepairError::new(
                    RepairErrorKind::UnknownRuleSet,
                    "ruleSet",
                    "既非内置规则集，也不在 customRuleSets 中",
                    "既非內建規則集，也不在 customRuleSets 中",
                    "neither a built-in rule set nor one of customRuleSets",
                )
            })?
        }
    };
    if rs.track != track {
        return Err(RepairError::new(
            RepairErrorKind::TrackMismatch,
            "ruleSet",
            "规则集与记录的 track 不一致",
            "規則集與記錄的 track 不一致",
            "the rule set belongs to another track than record.track",
        ));
    }
    Ok((rs, waits))
}

fn row_matches(row: &RuleRow, rec: &Record, measure: Option<Measure>) -> bool {
    row.kinds.contains(&rec.kind)
        && row.severities.as_ref().is_none_or(|s| rec.severity.is_some_and(|x| s.contains(&x)))
        && row.sectors.as_ref().is_none_or(|s| rec.sector.is_some_and(|x| s.contains(&x)))
        && row.spc_items.as_ref().is_none_or(|s| rec.spc_item.is_some_and(|x| s.contains(&x)))
        && row.measures.as_ref().is_none_or(|s| measure.is_some_and(|x| s.contains(&x)))
}

/// Names the field to blame when no row covers the record.
fn diagnose(rs: &RuleSet, rec: &Record, measure_path: &str) -> RepairError {
    let no_rule = |field: &str| {
        RepairError::new(
            RepairErrorKind::NoRuleForRecord,
            field,
            &format!("规则集 {} 中没有对应的行", rs.id),
            &format!("規則集 {} 中沒有對應的列", rs.id),
            &format!("rule set {} has no row for this value", rs.id),
        )
    };
    let kind_rows: Vec<&RuleRow> = rs.rows.iter().filter(|r| r.kinds.contains(&rec.kind)).collect();
    if kind_rows.is_empty() {
        return no_rule("record.kind");
    }
    if rec.severity.is_none() && kind_rows.iter().all(|r| r.severities.is_some()) {
        return json_missing("record.severity");
    }
    if let Some(s) = rec.severity {
        if !kind_rows.iter().any(|r| r.severities.as_ref().is_none_or(|v| v.contains(&s))) {
            return no_rule("record.severity");
        }
    }
    if rec.spc_item.is_none() && kind_rows.iter().all(|r| r.spc_items.is_some()) {
        return json_missing("record.spcItem");
    }
    if let Some(n) = rec.spc_item {
        if !kind_rows.iter().any(|r| r.spc_items.as_ref().is_none_or(|v| v.contains(&n))) {
            return no_rule("record.spcItem");
        }
    }
    if rec.sector.is_none() && kind_rows.iter().all(|r| r.sectors.is_some()) {
        return json_missing("record.sector");
    }
    if let Some(s) = rec.sector {
        if !kind_rows.iter().any(|r| r.sectors.as_ref().is_none_or(|v| v.contains(&s))) {
            return no_rule("record.sector");
        }
    }
    no_rule(measure_path)
}

fn json_missing(field: &str) -> RepairError {
    RepairError::new(RepairErrorKind::MissingField, field, "", "", "")
}

/// Working state while a case is evaluated.
struct Ctx<'a> {
    rec: &'a Record,
    params: &'a super::Params,
    undetermined: Vec<Unmet>,
}

impl Ctx<'_> {
    fn need_param(&mut self, name: &str) {
        let field = format!("params.{name}");
        if !self.undetermined.iter().any(|u| u.field.as_deref() == Some(field.as_str())) {
            let mut u = unmet(UnmetKind::ParameterMissing, msg::parameter_missing(&field));
            u.field = Some(field);
            self.undetermined.push(u);
        }
    }

    fn need_field(&mut self, field: &str) {
        if !self.undetermined.iter().any(|u| u.field.as_deref() == Some(field)) {
            let mut u = unmet(UnmetKind::RecordFieldMissing, msg::record_field_missing(field));
            u.field = Some(field.to_string());
            self.undetermined.push(u);
        }
    }

    /// The earliest and publication outcome of one row, before restrictions,
    /// refusals and clamping.
    fn eval_row(&mut self, row: &RuleRow) -> Result<(Early, Ends), RepairError> {
        let rec = self.rec;
        if row.published_optional && !rec.kind.is_list() && rec.published_on.is_none() {
            return Ok((Early::NotNeeded, Ends::NotPublished));
        }
        let anchor = match row.anchor {
            Anchor::Publication => rec.published_on,
            Anchor::DecisionOrPublication => rec.decided_on.or(rec.published_on),
            Anchor::Listing => rec.listed_on,
        };
        let field = row.anchor.field();
        let anchor_day = || anchor.ok_or_else(|| json_missing(field));
        let earliest = match &row.earliest {
            Earliest::Param(name) => match self.params.earliest_param(name) {
                Some(value) => value.clone(),
                None => {
                    self.need_param(name);
                    return Ok((Early::Undetermined, self.eval_ends(row, anchor, field)?));
                }
            },
            other => other.clone(),
        };
        let early = match earliest {
            Earliest::AtOnce => Early::From(anchor_day()?),
            Earliest::After(p) => {
                Early::From(dates::first_day_after(anchor_day()?, p).ok_or_else(|| out_of_range(field))?)
            }
            // Validated: a parameter's value is `after` or `never`.
            Earliest::Param(_) => Early::Undetermined,
            Earliest::Never => Early::Never,
            Earliest::NotNeeded => Early::NotNeeded,
            Earliest::SetByListingUnit => match rec.listing_unit_repair_from {
                Some(d) => Early::From(d),
                None => {
                    self.need_field("record.listingUnitRepairFrom");
                    Early::Undetermined
                }
            },
        };
        let ends = self.eval_ends(row, anchor, field)?;
        Ok((early, ends))
    }

    /// When publication ends under `row`, counted from `anchor`.
    fn eval_ends(
        &mut self,
        row: &RuleRow,
        anchor: Option<NaiveDate>,
        field: &str,
    ) -> Result<Ends, RepairError> {
        let rec = self.rec;
        let anchor_day = || anchor.ok_or_else(|| json_missing(field));
        let ends = match row.publication {
            Publication::NotPublished => Ends::NotPublished,
            Publication::Fixed(p) => {
                let period = match row.max_extension_years {
                    Some(max) => {
                        let ext = rec.extension_years.unwrap_or(0);
                        if ext > max {
                            return Err(RepairError::new(
                                RepairErrorKind::InvalidValue,
                                "record.extensionYears",
                                &format!("该规则至多延长 {max} 年"),
                                &format!("該規則至多延長 {max} 年"),
                                &format!("this rule allows at most {max} years"),
                            ));
                        }
                        p.plus_years(ext).ok_or_else(|| out_of_range("record.extensionYears"))?
                    }
                    None => p,
                };
                let mut last =
                    dates::period_last_day(anchor_day()?, period).ok_or_else(|| out_of_range(field))?;
                if row.extend_to_restriction_end {
                    if let Some(r) = rec.restriction_ends_on {
                        last = last.max(r);
                    }
                }
                Ends::On(last)
            }
            Publication::NeverByTime => Ends::NeverByTime,
            Publication::SetByListingUnit => match rec.listing_unit_exit_on {
                Some(d) => Ends::On(d),
                None => {
                    self.need_field("record.listingUnitExitOn");
                    Ends::Undetermined
                }
            },
        };
        Ok(ends)
    }
}

fn condition_status(c: Condition, rec: &Record) -> Option<ConditionStatus> {
    let positive = |b: Option<bool>| match b {
        Some(true) => None,
        Some(false) => Some(ConditionStatus::NotMet),
        None => Some(ConditionStatus::NotStated),
    };
    let negative = |b: Option<bool>| positive(b.map(|x| !x));
    match c {
        Condition::Corrected => positive(rec.corrected),
        Condition::ObligationsPerformed => positive(rec.obligations_performed),
        Condition::CommitmentSigned => positive(rec.commitment_signed),
        Condition::HarmRemoved => positive(rec.harm_removed),
        Condition::TrainingCompleted => positive(rec.training_completed),
        Condition::CreditReportSubmitted => positive(rec.credit_report_submitted),
        Condition::NoNewSimilarPenalty => negative(rec.new_similar_penalty),
        Condition::NotOnAbnormalList => negative(rec.on_abnormal_list),
        Condition::NotOnSeriousViolationList => negative(rec.on_serious_violation_list),
        Condition::NoNewSeriousPenalty => negative(rec.new_serious_penalty),
        Condition::CauseCured => match rec.cure_ground {
            Some(_) => None,
            None => Some(ConditionStatus::NotStated),
        },
        Condition::DeletionEvent => {
            let events = rec.deletion_events.as_ref();
            if events.is_some_and(|e| !e.is_empty()) || rec.obligations_performed == Some(true) {
                None
            } else if events.is_some() || rec.obligations_performed.is_some() {
                Some(ConditionStatus::NotMet)
            } else {
                Some(ConditionStatus::NotStated)
            }
        }
        Condition::PerformedOrCorrected => match (rec.obligations_performed, rec.corrected) {
            (Some(true), _) | (_, Some(true)) => None,
            (Some(false), Some(false)) => Some(ConditionStatus::NotMet),
            _ => Some(ConditionStatus::NotStated),
        },
    }
}

/// Evaluates a case (see [`super::repair_eligibility`]).
pub(crate) fn evaluate(case: &RepairCase) -> Result<RepairAnswer, RepairError> {
    validate_case(case)?;
    let (rs, waits_for_transition) = select(case)?;
    let rec = &case.record;
    let as_of = case.as_of;
    let mut ctx = Ctx { rec, params: &case.params, undetermined: Vec::new() };
    if waits_for_transition {
        ctx.need_param("samrTransition");
    }

    // 1. The measures to match: `fine` is classed as low or not where the table has a low_fine row.
    let kind_rows = || rs.rows.iter().filter(|r| r.kinds.contains(&rec.kind));
    let has_low_fine_row =
        kind_rows().any(|r| r.measures.as_ref().is_some_and(|m| m.contains(&Measure::LowFine)));
    let measures_needed = kind_rows().any(|r| r.measures.is_some());
    if rec.measures.is_empty() && measures_needed {
        return Err(json_missing("record.measures"));
    }
    let mut targets: Vec<(Option<Measure>, String)> = Vec::new();
    let mut unclassified = false;
    if rec.measures.is_empty() {
        targets.push((None, "record.measures".to_string()));
    }
    for (i, &m) in rec.measures.iter().enumerate() {
        let m = if m == Measure::Fine && has_low_fine_row {
            match (rec.fine_amount_yuan, case.params.low_fine_threshold_yuan) {
                (Some(amount), Some(threshold)) => {
                    if amount <= threshold {
                        Measure::LowFine
                    } else {
                        Measure::Fine
                    }
                }
                (amount, threshold) => {
                    if amount.is_none() {
                        ctx.need_field("record.fineAmountYuan");
                    }
                    if threshold.is_none() {
                        ctx.need_param("lowFineThresholdYuan");
                    }
                    unclassified = true;
                    continue;
                }
            }
        } else {
            m
        };
        targets.push((Some(m), format!("record.measures[{i}]")));
    }

    // 2. First matching row per measure.
    let mut matched: Vec<&RuleRow> = Vec::new();
    for (m, path) in &targets {
        match rs.rows.iter().find(|r| row_matches(r, rec, *m)) {
            Some(row) => {
                if !matched.iter().any(|x| x.id == row.id) {
                    matched.push(row);
                }
            }
            None => return Err(diagnose(rs, rec, path)),
        }
    }

    // 3. Each row's outcome; the longest wins.
    let (mut early, mut ends) = if unclassified || waits_for_transition {
        (Early::Undetermined, Ends::Undetermined)
    } else {
        (Early::NotNeeded, Ends::NotPublished)
    };
    for row in &matched {
        let (e, p) = ctx.eval_row(row)?;
        early = combine_early(early, e);
        ends = combine_ends(ends, p);
    }
    let mut rules_used: Vec<RuleUsed> = matched
        .iter()
        .map(|r| RuleUsed {
            id: format!("{}/{}", rs.id, r.id),
            citation: r.citation.clone(),
            confidence: r.confidence,
        })
        .collect();
    if rec.decided_on.is_some() && matched.iter().any(|r| r.anchor == Anchor::DecisionOrPublication) {
        if let (Some(citation), Some(confidence)) = (&rs.anchor_citation, rs.anchor_confidence) {
            rules_used.push(RuleUsed {
                id: format!("{}/anchor", rs.id),
                citation: citation.clone(),
                confidence,
            });
        }
    }

    // 4. Exclusions.
    let declared = rec.declared_unrepairable == Some(true)
        && matched.iter().any(|r| r.exclusions.contains(&Exclusion::DeclaredUnrepairable));
    if declared {
        early = Early::Never;
    }

    // 5. Never before publication / listing; then restrictions and refusal bans.
    let mut base_from = None;
    let mut restriction_last = None;
    let mut ban_from = None;
    let mut repeat = false;
    if let Early::From(mut d) = early {
        for floor in [rec.published_on, rec.listed_on].into_iter().flatten() {
            d = d.max(floor);
        }
        base_from = Some(d);
        if matched.iter().any(|r| r.restriction_must_end) {
            if let Some(r) = rec.restriction_ends_on {
                let after = dates::day_after(r).ok_or_else(|| out_of_range("record.restrictionEndsOn"))?;
                d = d.max(after);
                restriction_last = Some(r);
            }
        }
        early = Early::From(d);
    }
    if matches!(early, Early::From(_) | Early::Undetermined) {
        for refusal in &rs.refusals {
            match refusal.ground {
                RefusalGround::FalseMaterials => {
                    if let Some(refused) = rec.refused_for_false_materials_on {
                        rules_used.push(RuleUsed {
                            id: format!("{}/{}", rs.id, refusal.id),
                            citation: refusal.citation.clone(),
                            confidence: refusal.confidence,
                        });
                        match case.params.false_materials_ban_years {
                            Some(years) => {
                                let from = dates::first_day_after(refused, Period::years(years))
                                    .ok_or_else(|| out_of_range("record.refusedForFalseMaterialsOn"))?;
                                ban_from = Some(from);
                                if let Early::From(d) = early {
                                    early = Early::From(d.max(from));
                                }
                            }
                            None => {
                                ctx.need_param("falseMaterialsBanYears");
                                early = Early::Undetermined;
                            }
                        }
                    }
                }
                RefusalGround::RepeatOffence => {
                    if rec.repeat_offence == Some(true) {
                        repeat = true;
                        rules_used.push(RuleUsed {
                            id: format!("{}/{}", rs.id, refusal.id),
                            citation: refusal.citation.clone(),
                            confidence: refusal.confidence,
                        });
                    }
                }
            }
        }
    }

    // 6. No window: the earliest day falls after publication ends.
    let mut no_window = None;
    if let (Early::From(d), Ends::On(e)) = (early, ends) {
        if d > e {
            no_window = Some((d, e));
        }
    }

    // 7. What is unmet.
    let citation_of_first = matched.first().map(|r| r.citation.clone());
    let mut out: Vec<Unmet> = Vec::new();
    let ended = match ends {
        Ends::On(e) if as_of > e => Some(e),
        _ => None,
    };
    if let Some(e) = ended {
        let mut u = unmet(UnmetKind::PublicationEnded, msg::publication_ended(e));
        u.date = Some(e);
        u.citation = citation_of_first;
        out.push(u);
    } else if let Some((d, e)) = no_window {
        let mut u = unmet(UnmetKind::NoEarlyWindow, msg::no_early_window(d, e));
        u.date = Some(d);
        out.push(u);
    } else {
        out.append(&mut ctx.undetermined);
        match early {
            Early::Never => {
                let u = if declared {
                    let mut u = unmet(UnmetKind::DeclaredUnrepairable, msg::declared_unrepairable());
                    u.field = Some("record.declaredUnrepairable".into());
                    u
                } else {
                    let mut u = unmet(UnmetKind::EarlyRepairExcluded, msg::early_repair_excluded());
                    u.citation =
                        matched.iter().find(|r| r.earliest == Earliest::Never).map(|r| r.citation.clone());
                    u
                };
                out.push(u);
            }
            Early::NotNeeded => {
                let mut u = unmet(UnmetKind::RepairNotNeeded, msg::repair_not_needed());
                u.citation = citation_of_first;
                out.push(u);
            }
            Early::From(_) | Early::Undetermined => {
                if let Some(b) = ban_from.filter(|b| as_of < *b) {
                    let mut u = unmet(UnmetKind::ReapplyBan, msg::reapply_ban(b));
                    u.date = Some(b);
                    u.field = Some("record.refusedForFalseMaterialsOn".into());
                    out.push(u);
                }
                if let Some(r) = restriction_last.filter(|r| as_of <= *r) {
                    let mut u = unmet(UnmetKind::RestrictionRunning, msg::restriction_running(r));
                    u.date = Some(r);
                    u.field = Some("record.restrictionEndsOn".into());
                    out.push(u);
                }
                if let Some(b) = base_from.filter(|b| as_of < *b) {
                    let mut u = unmet(UnmetKind::WaitingPeriod, msg::waiting_period(b));
                    u.date = Some(b);
                    u.citation = citation_of_first.clone();
                    out.push(u);
                }
                let mut seen: Vec<Condition> = Vec::new();
                for row in &matched {
                    for &c in &row.conditions {
                        if seen.contains(&c) {
                            continue;
                        }
                        seen.push(c);
                        if let Some(status) = condition_status(c, rec) {
                            let message = match status {
                                ConditionStatus::NotMet => msg::condition_not_met(c),
                                ConditionStatus::NotStated => msg::condition_not_stated(c),
                            };
                            out.push(Unmet {
                                kind: c.into(),
                                field: Some(c.field().into()),
                                status: Some(status),
                                date: None,
                                citation: Some(row.citation.clone()),
                                message,
                            });
                        }
                    }
                }
                if repeat {
                    let mut u = unmet(UnmetKind::RepeatOffence, msg::repeat_offence());
                    u.field = Some("record.repeatOffence".into());
                    u.citation = rs
                        .refusals
                        .iter()
                        .find(|r| r.ground == RefusalGround::RepeatOffence)
                        .map(|r| r.citation.clone());
                    out.push(u);
                }
            }
        }
    }

    let determined = early != Early::Undetermined && ends != Ends::Undetermined;
    let earliest_apply_date = match early {
        Early::From(d) if no_window.is_none() => Some(d),
        _ => None,
    };
    let publication_ends = match ends {
        Ends::On(e) => Some(e),
        _ => None,
    };
    let never_early = matches!(early, Early::Never | Early::NotNeeded) || no_window.is_some();
    let eligible = determined && earliest_apply_date.is_some_and(|d| as_of >= d) && out.is_empty();
    let procedure_deadlines = procedure_deadlines(case, rs);
    let warnings = warnings(as_of)?;
    Ok(RepairAnswer {
        eligible,
        determined,
        earliest_apply_date,
        publication_ends,
        never_early,
        rule_set: rs.id.clone(),
        rules: rules_used,
        unmet: out,
        procedure_deadlines,
        warnings,
    })
}

/// The due dates of `rs`'s procedure, given `appliedOn`, in the process-wide
/// working-day calendar (fail closed: an uncovered year leaves `due` null with
/// the reason).
fn procedure_deadlines(case: &RepairCase, rs: &RuleSet) -> Vec<ProcedureDeadline> {
    if case.applied_on.is_none() {
        return Vec::new();
    }
    rs.procedures
        .iter()
        .map(|p| {
            let start = match p.from {
                ProcedureStart::AppliedOn => case.applied_on,
                ProcedureStart::ReceivedOn => case.received_on,
            };
            #[cfg(feature = "workdays")]
            let (due, unavailable) = match start.map(|d| crate::workdays::add_working_days(d, p.working_days))
            {
                Some(Ok(due)) => (Some(due), None),
                Some(Err(e)) => (None, Some(e)),
                None => (None, None),
            };
            #[cfg(not(feature = "workdays"))]
            let due = None;
            ProcedureDeadline {
                id: format!("{}/{}", rs.id, p.id),
                step: p.step,
                from: p.from.field().to_string(),
                start,
                working_days: p.working_days,
                due,
                #[cfg(feature = "workdays")]
                unavailable,
                citation: p.citation.clone(),
                confidence: p.confidence,
            }
        })
        .collect()
}

/// `rules_may_be_outdated` when `as_of` is after the newest built-in rule set's
/// last review (whatever rule set answered: a newer rule may exist for any track).
fn warnings(as_of: NaiveDate) -> Result<Vec<RepairWarning>, RepairError> {
    let newest = builtin_rule_sets()?.iter().max_by_key(|r| r.effective_from);
    let reviewed = newest.and_then(|r| r.reviewed_on.map(|d| (r.id.as_str(), d)));
    Ok(match reviewed {
        Some((id, day)) if as_of > day => vec![RepairWarning {
            kind: RepairWarningKind::RulesMayBeOutdated,
            date: day,
            message: msg::rules_may_be_outdated(id, day),
        }],
        _ => Vec::new(),
    })
}
