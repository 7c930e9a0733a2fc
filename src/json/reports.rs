//! [`ToJson`] for the repair, status and working-day results: the same text
//! as their `serde::Serialize` derives (camelCase fields in declaration
//! order, `skip_serializing_if` fields left out, snake_case enum names;
//! `tests/json_writer.rs` compares the two on every vector), written without
//! serde_json, which the browser's status module then leaves out.

use super::{JsonWriter, ToJson};

/// Enums written as their serialized name.
#[cfg(any(feature = "repair", feature = "status"))]
macro_rules! json_enum {
    ($ty:ty { $($variant:ident => $name:literal),* $(,)? }) => {
        impl ToJson for $ty {
            fn write_json(&self, w: &mut JsonWriter) {
                w.string(match self {
                    $(<$ty>::$variant => $name,)*
                });
            }
        }
    };
}

#[cfg(feature = "workdays")]
mod workdays {
    use super::{JsonWriter, ToJson};
    use crate::workdays::{Deadline, WorkdayError, WorkdayErrorKind};
    use chrono::{Datelike, NaiveDate};

    /// `YYYY-MM-DD`, as `Deadline`'s serializer writes it.
    fn format_iso_date(d: NaiveDate) -> String {
        format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
    }

    impl ToJson for WorkdayErrorKind {
        fn write_json(&self, w: &mut JsonWriter) {
            w.string(self.as_str());
        }
    }

    impl ToJson for WorkdayError {
        fn write_json(&self, w: &mut JsonWriter) {
            w.begin_object();
            w.field("kind", &self.kind);
            w.opt_field("field", self.field.as_ref());
            w.opt_field("year", self.year.as_ref());
            w.field("message", &self.message);
            w.end_object();
        }
    }

    impl ToJson for Deadline {
        fn write_json(&self, w: &mut JsonWriter) {
            w.begin_object();
            w.field("decidedOn", &format_iso_date(self.decided_on));
            w.field("due", &format_iso_date(self.due));
            w.field("rule", self.rule.id());
            w.field("workingDays", &self.working_days);
            w.field("citation", &self.citation);
            w.field("confidence", &self.confidence);
            w.field("note", &self.note);
            w.end_object();
        }
    }
}

#[cfg(feature = "repair")]
mod repair {
    use super::{JsonWriter, ToJson};
    use crate::repair::dates::format_date;
    use crate::repair::{
        ConditionStatus, Confidence, ProcedureDeadline, ProcedureStep, RepairAnswer, RepairWarning,
        RepairWarningKind, RuleSetInfo, RuleUsed, RulesInfo, Track, Unmet, UnmetKind,
    };
    use chrono::NaiveDate;

    /// `dates::serde_opt_date`: `YYYY-MM-DD` or `null`.
    fn opt_date(w: &mut JsonWriter, key: &str, d: Option<NaiveDate>) {
        w.field(key, &d.map(format_date));
    }

    json_enum!(Track { Ndrc => "ndrc", Samr => "samr", Court => "court" });
    json_enum!(Confidence { A => "A", B => "B", C => "C" });
    json_enum!(ProcedureStep { Feedback => "feedback", Decision => "decision" });
    json_enum!(ConditionStatus { NotMet => "not_met", NotStated => "not_stated" });
    json_enum!(RepairWarningKind { RulesMayBeOutdated => "rules_may_be_outdated" });
    json_enum!(UnmetKind {
        WaitingPeriod => "waiting_period",
        RestrictionRunning => "restriction_running",
        ReapplyBan => "reapply_ban",
        EarlyRepairExcluded => "early_repair_excluded",
        DeclaredUnrepairable => "declared_unrepairable",
        RepairNotNeeded => "repair_not_needed",
        NoEarlyWindow => "no_early_window",
        PublicationEnded => "publication_ended",
        RepeatOffence => "repeat_offence",
        ParameterMissing => "parameter_missing",
        RecordFieldMissing => "record_field_missing",
        Corrected => "corrected",
        ObligationsPerformed => "obligations_performed",
        CommitmentSigned => "commitment_signed",
        HarmRemoved => "harm_removed",
        TrainingCompleted => "training_completed",
        CreditReportSubmitted => "credit_report_submitted",
        NoNewSimilarPenalty => "no_new_similar_penalty",
        NotOnAbnormalList => "not_on_abnormal_list",
        NotOnSeriousViolationList => "not_on_serious_violation_list",
        NoNewSeriousPenalty => "no_new_serious_penalty",
        CauseCured => "cause_cured",
        DeletionEvent => "deletion_event",
        PerformedOrCorrected => "performed_or_corrected",
    });

    impl ToJson for RuleUsed {
        fn write_json(&self, w: &mut JsonWriter) {
            w.begin_object();
            w.field("id", &self.id);
            w.field("citation", &self.citation);
            w.field("confidence", &self.confidence);
            w.end_object();
        }
    }

    impl ToJson for Unmet {
        fn write_json(&self, w: &mut JsonWriter) {
            w.begin_object();
            w.field("kind", &self.kind);
            w.opt_field("field", self.field.as_ref());
            w.opt_field("status", self.status.as_ref());
            w.opt_field("date", self.date.map(format_date).as_ref());
            w.opt_field("citation", self.citation.as_ref());
            w.field("message", &self.message);
            w.end_object();
        }
    }

    impl ToJson for ProcedureDeadline {
        fn write_json(&self, w: &mut JsonWriter) {
            w.begin_object();
            w.field("id", &self.id);
            w.field("step", &self.step);
            w.field("from", &self.from);
            opt_date(w, "start", self.start);
            w.field("workingDays", &self.working_days);
            opt_date(w, "due", self.due);
            #[cfg(feature = "workdays")]
            w.opt_field("unavailable", self.unavailable.as_ref());
            w.field("citation", &self.citation);
            w.field("confidence", &self.confidence);
            w.end_object();
        }
    }

    impl ToJson for RepairWarning {
        fn write_json(&self, w: &mut JsonWriter) {
            w.begin_object();
            w.field("kind", &self.kind);
            w.field("date", &format_date(self.date));
            w.field("message", &self.message);
            w.end_object();
        }
    }

    impl ToJson for RepairAnswer {
        fn write_json(&self, w: &mut JsonWriter) {
            w.begin_object();
            w.field("eligible", &self.eligible);
            w.field("determined", &self.determined);
            opt_date(w, "earliestApplyDate", self.earliest_apply_date);
            opt_date(w, "publicationEnds", self.publication_ends);
            w.field("neverEarly", &self.never_early);
            w.field("ruleSet", &self.rule_set);
            w.field("rules", &self.rules);
            w.field("unmet", &self.unmet);
            if !self.procedure_deadlines.is_empty() {
                w.field("procedureDeadlines", &self.procedure_deadlines);
            }
            if !self.warnings.is_empty() {
                w.field("warnings", &self.warnings);
            }
            w.end_object();
        }
    }

    impl ToJson for RuleSetInfo {
        fn write_json(&self, w: &mut JsonWriter) {
            w.begin_object();
            w.field("id", &self.id);
            w.field("track", &self.track);
            w.field("citation", &self.citation);
            w.field("effectiveFrom", &format_date(self.effective_from));
            opt_date(w, "effectiveUntil", self.effective_until);
            w.field("confidence", &self.confidence);
            w.field("rows", &self.rows);
            opt_date(w, "reviewedOn", self.reviewed_on);
            w.end_object();
        }
    }

    impl ToJson for RulesInfo {
        fn write_json(&self, w: &mut JsonWriter) {
            w.begin_object();
            w.field("ruleSets", &self.rule_sets);
            w.field("calendarYears", &self.calendar_years);
            w.end_object();
        }
    }
}

#[cfg(feature = "status")]
mod status {
    use super::{JsonWriter, ToJson};
    use crate::status::{
        EntryState, EntryStatus, ListKind, Measure, MeasureInForce, MeasureKind, ObjectionNotice,
        ObjectionStatus, Publication, Rule, StatusReport, Verdict,
    };

    json_enum!(ListKind {
        Red => "red",
        Black => "black",
        AbnormalOperations => "abnormal_operations",
        SeriousViolation => "serious_violation",
        DishonestJudgmentDebtor => "dishonest_judgment_debtor",
    });
    json_enum!(MeasureKind { Mandatory => "mandatory", Recommended => "recommended" });
    json_enum!(ObjectionStatus { Pending => "pending", Upheld => "upheld", Rejected => "rejected" });
    json_enum!(EntryState {
        Upcoming => "upcoming",
        Active => "active",
        Suspended => "suspended",
        Expired => "expired",
        Exited => "exited",
        Repaired => "repaired",
        Voided => "voided",
    });
    json_enum!(Verdict {
        Restricted => "restricted",
        Suspended => "suspended",
        Attention => "attention",
        Trustworthy => "trustworthy",
        Clear => "clear",
    });

    impl ToJson for Rule {
        fn write_json(&self, w: &mut JsonWriter) {
            w.begin_object();
            w.field("id", &self.id);
            w.field("source", &self.source);
            w.field("text", &self.text);
            w.end_object();
        }
    }

    impl ToJson for Measure {
        fn write_json(&self, w: &mut JsonWriter) {
            w.begin_object();
            w.field("kind", &self.kind);
            w.field("text", &self.text);
            w.end_object();
        }
    }

    impl ToJson for MeasureInForce {
        fn write_json(&self, w: &mut JsonWriter) {
            w.begin_object();
            w.field("entry", &self.entry);
            w.field("kind", &self.kind);
            w.field("text", &self.text);
            w.end_object();
        }
    }

    impl ToJson for ObjectionNotice {
        fn write_json(&self, w: &mut JsonWriter) {
            w.begin_object();
            w.field("filedOn", &self.filed_on);
            w.field("status", &self.status);
            w.opt_field("resolvedOn", self.resolved_on.as_ref());
            w.field("notice", &self.notice);
            w.end_object();
        }
    }

    impl ToJson for Publication {
        fn write_json(&self, w: &mut JsonWriter) {
            w.begin_object();
            w.field("rule", &self.rule);
            w.field("decidedOn", &self.decided_on);
            w.opt_field("due", self.due.as_ref());
            w.field("workingDays", &self.working_days);
            w.field("overdue", &self.overdue);
            w.field("citation", &self.citation);
            w.opt_field("calendarMissingYear", self.calendar_missing_year.as_ref());
            w.field("message", &self.message);
            w.end_object();
        }
    }

    impl ToJson for EntryStatus {
        fn write_json(&self, w: &mut JsonWriter) {
            w.begin_object();
            w.field("index", &self.index);
            w.field("list", &self.list);
            w.field("listName", &self.list_name);
            w.field("label", &self.label);
            w.field("listingUnit", &self.listing_unit);
            w.field("basis", &self.basis);
            w.field("listedOn", &self.listed_on);
            w.field("state", &self.state);
            w.field("stateLabel", &self.state_label);
            w.field("rule", &self.rule);
            w.opt_field("endsOn", self.ends_on.as_ref());
            w.opt_field("daysRemaining", self.days_remaining.as_ref());
            w.opt_field("exitedOn", self.exited_on.as_ref());
            w.opt_field("exitReason", self.exit_reason.as_ref());
            w.opt_field("repairedOn", self.repaired_on.as_ref());
            w.field("measuresInForce", &self.measures_in_force);
            w.field("measuresSuspended", &self.measures_suspended);
            w.field("measuresInactive", &self.measures_inactive);
            w.opt_field("objection", self.objection.as_ref());
            w.opt_field("publication", self.publication.as_ref());
            #[cfg(feature = "repair")]
            w.opt_field("repair", self.repair.as_ref());
            w.opt_field("repairError", self.repair_error.as_ref());
            w.end_object();
        }
    }

    impl ToJson for StatusReport {
        fn write_json(&self, w: &mut JsonWriter) {
            w.begin_object();
            w.field("code", &self.code);
            w.field("name", &self.name);
            w.field("asOf", &self.as_of);
            w.field("verdict", &self.verdict);
            w.field("verdictLabel", &self.verdict_label);
            w.field("rule", &self.rule);
            w.field("redBenefitsSuspended", &self.red_benefits_suspended);
            w.field("entries", &self.entries);
            w.field("measuresInForce", &self.measures_in_force);
            w.end_object();
        }
    }
}
