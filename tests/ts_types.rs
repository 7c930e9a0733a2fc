//! Keeps `src/wasm/types.d.ts` — the TypeScript declarations of every type the
//! wasm boundary returns or accepts — generated from the Rust types by ts-rs.
//! `cargo test --features ts --test ts_types` fails when the file is stale;
//! `UPDATE_TS_TYPES=1` with the same command rewrites it.
#![cfg(all(feature = "ts", not(target_arch = "wasm32")))]

use ts_rs::{Config, TS};
use xinyong::normalize::{Normalized, Note, NoteKind};
use xinyong::uscc::UsccParts;
use xinyong::*;

fn declarations() -> String {
    let cfg = Config::new();
    let decls = [
        Text::decl(&cfg),
        Lang::decl(&cfg),
        NoteKind::decl(&cfg),
        Note::decl(&cfg),
        Normalized::decl(&cfg),
        ErrorKind::decl(&cfg),
        IdError::decl(&cfg),
        IdKind::decl(&cfg),
        Named::decl(&cfg),
        divisions::Name::decl(&cfg),
        divisions::Status::decl(&cfg),
        divisions::Level::decl(&cfg),
        divisions::UnknownReason::decl(&cfg),
        divisions::Ref::decl(&cfg),
        divisions::HistoryEntry::decl(&cfg),
        divisions::Division::decl(&cfg),
        Parts::decl(&cfg),
        DiagnosisKind::decl(&cfg),
        Diagnosis::decl(&cfg),
        WarningKind::decl(&cfg),
        Warning::decl(&cfg),
        EditKind::decl(&cfg),
        EditReason::decl(&cfg),
        Suggestion::decl(&cfg),
        Validation::decl(&cfg),
        ValidateOptions::decl(&cfg),
        UsccParts::decl(&cfg),
        #[cfg(feature = "repair")]
        repair::Confidence::decl(&cfg),
        #[cfg(feature = "repair")]
        repair::RuleUsed::decl(&cfg),
        #[cfg(feature = "repair")]
        repair::UnmetKind::decl(&cfg),
        #[cfg(feature = "repair")]
        repair::ConditionStatus::decl(&cfg),
        #[cfg(feature = "repair")]
        repair::Unmet::decl(&cfg),
        #[cfg(feature = "repair")]
        repair::RepairAnswer::decl(&cfg),
        #[cfg(feature = "repair")]
        repair::ProcedureStep::decl(&cfg),
        #[cfg(feature = "repair")]
        repair::ProcedureDeadline::decl(&cfg),
        #[cfg(feature = "repair")]
        repair::RepairWarningKind::decl(&cfg),
        #[cfg(feature = "repair")]
        repair::RepairWarning::decl(&cfg),
        #[cfg(feature = "repair")]
        repair::Track::decl(&cfg),
        #[cfg(feature = "repair")]
        repair::RuleSetInfo::decl(&cfg),
        #[cfg(feature = "repair")]
        repair::RulesInfo::decl(&cfg),
        #[cfg(feature = "repair")]
        repair::RepairErrorKind::decl(&cfg),
        #[cfg(feature = "repair")]
        repair::RepairError::decl(&cfg),
        #[cfg(feature = "workdays")]
        workdays::DeadlineRule::decl(&cfg),
        #[cfg(feature = "workdays")]
        workdays::Deadline::decl(&cfg),
        #[cfg(feature = "workdays")]
        workdays::WorkdayErrorKind::decl(&cfg),
        #[cfg(feature = "workdays")]
        workdays::WorkdayError::decl(&cfg),
        #[cfg(feature = "status")]
        status::ListKind::decl(&cfg),
        #[cfg(feature = "status")]
        status::MeasureKind::decl(&cfg),
        #[cfg(feature = "status")]
        status::Measure::decl(&cfg),
        #[cfg(feature = "status")]
        status::ObjectionStatus::decl(&cfg),
        #[cfg(feature = "status")]
        status::EntryState::decl(&cfg),
        #[cfg(feature = "status")]
        status::Verdict::decl(&cfg),
        #[cfg(feature = "status")]
        status::Rule::decl(&cfg),
        #[cfg(feature = "status")]
        status::ObjectionNotice::decl(&cfg),
        #[cfg(feature = "status")]
        status::Publication::decl(&cfg),
        #[cfg(feature = "status")]
        status::EntryStatus::decl(&cfg),
        #[cfg(feature = "status")]
        status::MeasureInForce::decl(&cfg),
        #[cfg(feature = "status")]
        status::StatusReport::decl(&cfg),
        #[cfg(feature = "status")]
        status::StatusErrorKind::decl(&cfg),
        #[cfg(feature = "status")]
        status::StatusError::decl(&cfg),
        #[cfg(feature = "records")]
        records::RecordKind::decl(&cfg),
        #[cfg(feature = "records")]
        records::Severity::decl(&cfg),
        #[cfg(feature = "records")]
        records::FindingKind::decl(&cfg),
        #[cfg(feature = "records")]
        records::Finding::decl(&cfg),
        #[cfg(feature = "records")]
        records::PublicationStatus::decl(&cfg),
        #[cfg(feature = "records")]
        records::Publication::decl(&cfg),
        #[cfg(feature = "records")]
        records::RecordReport::decl(&cfg),
        #[cfg(feature = "records")]
        records::RowReport::decl(&cfg),
        #[cfg(feature = "records")]
        records::Summary::decl(&cfg),
        #[cfg(feature = "records")]
        records::RecordsReport::decl(&cfg),
        #[cfg(feature = "records")]
        records::RecordsErrorKind::decl(&cfg),
        #[cfg(feature = "records")]
        records::RecordsError::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types by ts-rs (tests/ts_types.rs); do not edit.\n\
         // Regenerate: UPDATE_TS_TYPES=1 cargo test --features ts --test ts_types\n",
    );
    for d in decls {
        out.push_str("export ");
        out.push_str(d.trim());
        out.push('\n');
    }
    out
}

#[test]
fn ts_types_are_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/wasm/types.d.ts");
    let fresh = declarations();
    if std::env::var_os("UPDATE_TS_TYPES").is_some() {
        std::fs::write(path, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == fresh,
        "src/wasm/types.d.ts is stale: run UPDATE_TS_TYPES=1 cargo test --features ts --test ts_types"
    );
}
