//! `xinyong`: the command-line face of the library.
//!
//! ```text
//! xinyong check 91350100M000100Y43 91350100M000100Y4A
//! cut -f1 codes.tsv | xinyong check --json > results.jsonl
//! ```
//!
//! Exit status: 0 when every code is valid, 1 when any is invalid, 2 on a
//! usage or input error.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
#[path = "xinyong/check.rs"]
mod check;

#[cfg(all(not(target_arch = "wasm32"), feature = "records"))]
#[path = "xinyong/records.rs"]
mod records;

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use super::check;
    use clap::{Parser, Subcommand};
    use std::io;
    use std::process::ExitCode;
    use xinyong::Lang;

    /// Chinese public-credit checks: Unified Social Credit Codes (GB 32100),
    /// organization codes (GB 11714) and 15-digit registration numbers.
    #[derive(Parser)]
    #[command(name = "xinyong", version, about, long_about = None, after_help = "Examples:\n  \
        xinyong check 91350100M000100Y43 9135010OM000100Y43\n  \
        xinyong check --column 统一社会信用代码 归集.csv > 结果.csv\n  \
        xinyong repair case.json\n  \
        xinyong deadline 2025-12-26 --rule double-publicity-7wd\n  \
        xinyong records 处罚.xlsx --as-of 2026-11-30\n\n\
        `xinyong <COMMAND> --help` says more. The npm package's CLI (`npx xinyong check`) has the same check.")]
    struct Cli {
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Check codes given as arguments, or in a text, CSV, TSV or .xlsx file (or stdin).
        ///
        /// One argument that is an existing path, or has a / or an extension, is a FILE.
        /// Writes every row with result columns appended (CSV, or JSON lines with --json):
        /// valid,normalized,error_kind,error_position,message,suggestion,division,region,duplicate_of
        /// (division: the six-digit division code; region: its name, in Chinese), and a
        /// summary to stderr. Text in UTF-8, GBK/GB18030 or UTF-16 (with a BOM); an .xlsx
        /// workbook's first sheet.
        ///
        /// Exit status: 0 when all are valid, 1 when any is invalid, 2 on a usage or input
        /// error (an unreadable input: a directory, an Excel 97-2003 .xls (save as .xlsx or
        /// CSV), another kind of zip, a damaged or oversized workbook, binary data).
        #[command(after_help = "Examples:\n  xinyong check 91350100M000100Y43 9135010OM000100Y43\n  \
            xinyong check codes.txt\n  \
            xinyong check 归集.xlsx > 结果.csv\n  \
            xinyong check --column 统一社会信用代码 归集.csv > 结果.csv\n  \
            xinyong check --invalid-only --lang en data.tsv > invalid.tsv\n  \
            xinyong check --kind org D2143569-X\n  \
            cut -f2 data.tsv | xinyong check --json - > results.jsonl")]
        Check(CheckArgs),
        /// Credit-repair eligibility for one JSON case, or JSON lines, from FILE or stdin.
        ///
        /// Exit status: 0 when every case was answered, 2 when any case (or the usage) was malformed.
        #[command(after_help = "Examples:\n  xinyong repair case.json\n  \
            echo '{\"asOf\":\"2026-11-26\",\"record\":{\"kind\":\"administrative_penalty\",\"track\":\"ndrc\",\"severity\":\"general\",\"publishedOn\":\"2026-05-10\",\"obligationsPerformed\":true,\"corrected\":true,\"commitmentSigned\":true}}' | xinyong repair --json")]
        Repair(RepairArgs),
        /// The publication deadline of a decision, in working days under the State Council holiday notices.
        ///
        /// Exit status: 0 with the deadline, 2 for a bad date or a year the calendar does not cover.
        #[command(after_help = "Examples:\n  xinyong deadline 2025-12-26 --rule double-publicity-7wd\n  \
            xinyong deadline 2024-02-08 --rule samr-20wd --json\n  \
            xinyong deadline 2026-12-28 --calendar holidays-2027.json")]
        Deadline(DeadlineArgs),
        /// Check 双公示 records (行政处罚 penalties, 行政许可 licences) in a CSV, TSV or XLSX file.
        ///
        /// Every record is checked against the national field set: required fields, codes (USCC,
        /// organization code, registration number, resident identity number), dates, code lists,
        /// amounts in 万元, duplicated 决定书文号, and the publication deadline (7 working days
        /// after the decision) on --as-of. Writes every row with its findings appended (CSV:
        /// valid,findings,publication_due,publication_status,working_days_late; identity numbers
        /// masked), or one JSON object a row with --json, and a summary by finding kind to stderr.
        /// Streams: constant memory on CSV/TSV.
        ///
        /// Exit status: 0 when no record has an error, 1 when some record has one, 2 on a usage
        /// or input error (an unreadable file, a bad schema).
        #[command(after_help = "Examples:\n  xinyong records 处罚.xlsx --as-of 2026-11-30\n  \
            xinyong records --kind licence --json 许可.csv > 结果.jsonl\n  \
            xinyong records --invalid-only --lang en -o problems.csv penalties.csv")]
        Records(RecordsArgs),
    }

    /// `--kind` of `records`.
    #[derive(Clone, Copy, clap::ValueEnum)]
    enum RecordKindArg {
        /// 行政处罚 (CF_ fields).
        Penalty,
        /// 行政许可 (XK_ fields).
        Licence,
    }

    /// `records`' options: the Node CLI's (`npx xinyong records`), with the same meaning.
    #[derive(clap::Args)]
    struct RecordsArgs {
        /// A CSV, TSV or XLSX file (`-` for stdin).
        #[arg(value_name = "FILE")]
        file: String,
        /// penalty or licence (default: from the column names, CF_/XK_).
        #[arg(short = 'k', long, value_enum)]
        kind: Option<RecordKindArg>,
        /// The day the deadlines are judged on, YYYY-MM-DD (default: today in China, UTC+8).
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// One JSON object a row: row, fields, valid, findings, publication.
        #[arg(long)]
        json: bool,
        /// Write only the records with an error.
        #[arg(long)]
        invalid_only: bool,
        /// Language of the messages: zh-Hans, zh-Hant or en.
        #[arg(short = 'l', long, default_value = "zh-Hans")]
        lang: Lang,
        /// A State Council holiday notice as JSON, added to the built-in calendar.
        #[arg(long, value_name = "FILE")]
        calendar: Option<std::path::PathBuf>,
        /// A provincial variant of the field set (JSON).
        #[arg(long, value_name = "FILE")]
        schema: Option<std::path::PathBuf>,
        /// Write identity numbers in full (masked by default).
        #[arg(long)]
        reveal_ids: bool,
        /// Start the output with a UTF-8 BOM (for Excel).
        #[arg(long)]
        bom: bool,
        /// Write to FILE instead of stdout.
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<std::path::PathBuf>,
        /// No summary on stderr.
        #[arg(short = 'q', long)]
        quiet: bool,
    }

    #[derive(clap::Args)]
    struct DeadlineArgs {
        /// The day of the decision, YYYY-MM-DD (it does not count).
        date: String,
        /// double-publicity-7wd (双公示, 7 working days) or samr-20wd (market regulation, 20).
        #[arg(long, default_value = "double-publicity-7wd")]
        rule: String,
        /// A State Council holiday notice as JSON, added to the built-in calendar
        /// (2004-2026): {"2027": {"holidays": ["2027-01-01", …], "workdays": [ … ]}}.
        #[arg(long, value_name = "FILE")]
        calendar: Option<std::path::PathBuf>,
        /// Print the deadline as one JSON object.
        #[arg(long)]
        json: bool,
        /// Language of the messages: zh-Hans, zh-Hant or en.
        #[arg(long, default_value = "zh-Hans")]
        lang: Lang,
    }

    #[derive(clap::Args)]
    struct RepairArgs {
        /// A file with one JSON case or JSON lines; stdin when absent or `-`.
        file: Option<std::path::PathBuf>,
        /// A State Council holiday notice as JSON, added to the built-in calendar
        /// (2004-2026): {"2027": {"holidays": ["2027-01-01", …], "workdays": [ … ]}}.
        #[arg(long, value_name = "FILE")]
        calendar: Option<std::path::PathBuf>,
        /// One JSON object per case: the answer, or `{"error": …}`.
        #[arg(long)]
        json: bool,
        /// Language of the messages: zh-Hans, zh-Hant or en.
        #[arg(long, default_value = "zh-Hans")]
        lang: Lang,
    }

    /// `check`'s options: the Node CLI's (`npx xinyong check`), with the same meaning.
    #[derive(clap::Args)]
    struct CheckArgs {
        /// Codes to check, or one FILE (text, CSV or TSV; `-` for stdin); stdin when none.
        #[arg(value_name = "CODE...|FILE|-")]
        inputs: Vec<String>,
        /// The code column, by header name or 1-based number (default: detected).
        #[arg(short = 'c', long, value_name = "NAME|N")]
        column: Option<String>,
        /// The first row is a header (default: detected).
        #[arg(long, conflicts_with = "no_header")]
        header: bool,
        /// The first row is data.
        #[arg(long)]
        no_header: bool,
        /// Field delimiter: , ; | or tab (default: detected from the first line, else the extension).
        #[arg(short = 'd', long, value_name = "C")]
        delimiter: Option<String>,
        /// auto, utf8 or gbk (default auto: a BOM decides, else UTF-8 when the first non-ASCII
        /// bytes are UTF-8, else GBK/GB18030 as Excel saves on Chinese Windows).
        #[arg(short = 'e', long, default_value = "auto", value_name = "E")]
        encoding: String,
        /// One JSON object a row: the library's result plus row, input, duplicateOf and the row's fields.
        #[arg(long)]
        json: bool,
        /// Write only the rows whose code is invalid.
        #[arg(long)]
        invalid_only: bool,
        /// Language of the messages and region names: zh-Hans, zh-Hant or en.
        #[arg(short = 'l', long, default_value = "zh-Hans")]
        lang: Lang,
        /// Which identifier the codes are.
        #[arg(short = 'k', long, value_enum, default_value_t = check::Kind::Uscc)]
        kind: check::Kind,
        /// Accept Fujian/Xiamen pilot-era codes (valid, with a warning).
        #[arg(long)]
        accept_pilot_codes: bool,
        /// Skip the typo-suggestion search (faster on large, dirty inputs).
        #[arg(long)]
        no_suggestions: bool,
        /// Start the output with a UTF-8 BOM (for Excel).
        #[arg(long)]
        bom: bool,
        /// Write cells starting with = + - @ as they are (by default they get a leading ').
        #[arg(long)]
        no_formula_guard: bool,
        /// Accepted for the Node CLI's sake: this CLI shows no progress bar.
        #[arg(long)]
        no_progress: bool,
        /// No summary on stderr.
        #[arg(short = 'q', long)]
        quiet: bool,
    }

    pub fn main() -> ExitCode {
        let cli = parse_args();
        let (calendar, lang) = match &cli.command {
            Command::Deadline(a) => (a.calendar.as_deref(), a.lang),
            Command::Repair(a) => (a.calendar.as_deref(), a.lang),
            Command::Check(a) => (None, a.lang),
            Command::Records(a) => (a.calendar.as_deref(), a.lang),
        };
        if let Some(path) = calendar {
            if let Err(message) = add_calendar(path, lang) {
                eprintln!("xinyong: --calendar {}: {message}", path.display());
                return ExitCode::from(2);
            }
        }
        // What "not all fine" exits with: 1 for an invalid code, 2 for a malformed case.
        let (outcome, not_all_fine) = match cli.command {
            Command::Check(args) => {
                let header = match (args.header, args.no_header) {
                    (true, _) => Some(true),
                    (_, true) => Some(false),
                    _ => None,
                };
                let options = check::Options {
                    inputs: args.inputs,
                    column: args.column,
                    header,
                    delimiter: args.delimiter,
                    encoding: args.encoding,
                    json: args.json,
                    invalid_only: args.invalid_only,
                    lang: args.lang,
                    kind: args.kind,
                    accept_pilot_codes: args.accept_pilot_codes,
                    no_suggestions: args.no_suggestions,
                    bom: args.bom,
                    formula_guard: !args.no_formula_guard,
                    quiet: args.quiet,
                };
                (check::run(&options), 1)
            }
            #[cfg(feature = "records")]
            Command::Records(args) => {
                let options = super::records::Options {
                    file: args.file,
                    kind: args.kind.map(|k| match k {
                        RecordKindArg::Penalty => xinyong::records::RecordKind::Penalty,
                        RecordKindArg::Licence => xinyong::records::RecordKind::Licence,
                    }),
                    as_of: args.as_of,
                    json: args.json,
                    invalid_only: args.invalid_only,
                    lang: args.lang,
                    schema: args.schema,
                    reveal_ids: args.reveal_ids,
                    bom: args.bom,
                    output: args.output,
                    quiet: args.quiet,
                };
                (super::records::run(&options), 1)
            }
            #[cfg(not(feature = "records"))]
            Command::Records(_) => {
                eprintln!("xinyong: built without the `records` feature");
                return ExitCode::from(2);
            }
            #[cfg(feature = "repair")]
            Command::Repair(args) => (repair::run(&args), 2),
            #[cfg(not(feature = "repair"))]
            Command::Repair(_) => {
                eprintln!("xinyong: built without the `repair` feature");
                return ExitCode::from(2);
            }
            #[cfg(feature = "workdays")]
            Command::Deadline(args) => (deadline(&args), 2),
            #[cfg(not(feature = "workdays"))]
            Command::Deadline(_) => {
                eprintln!("xinyong: built without the `workdays` feature");
                return ExitCode::from(2);
            }
        };
        match outcome {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::from(not_all_fine),
            // A closed pipe (`| head`) is the reader's choice, not an error.
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("xinyong: {e}");
                ExitCode::from(2)
            }
        }
    }

    /// The arguments; `--version` also lists the built-in rule sets and the
    /// calendar's years (`-V`: the version only).
    fn parse_args() -> Cli {
        use clap::{CommandFactory, FromArgMatches};
        #[cfg_attr(not(feature = "repair"), allow(unused_mut))]
        let mut command = Cli::command();
        #[cfg(feature = "repair")]
        if let Ok(info) = xinyong::repair::rules_info() {
            let text = format!("{}\n{}", env!("CARGO_PKG_VERSION"), info.to_text().trim_end());
            // Built once per run; clap keeps a &'static str.
            command = command.long_version(&*Box::leak(text.into_boxed_str()));
        }
        Cli::from_arg_matches(&command.get_matches()).unwrap_or_else(|e| e.exit())
    }

    /// Adds the years of a holiday-notice JSON file to the calendar every
    /// deadline and repair answer of this run uses; the message on failure.
    #[cfg(feature = "workdays")]
    fn add_calendar(path: &std::path::Path, lang: Lang) -> Result<(), String> {
        let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
        xinyong::workdays::add_holiday_years(&text).map(drop).map_err(|e| e.message.get(lang).to_owned())
    }

    #[cfg(not(feature = "workdays"))]
    fn add_calendar(_: &std::path::Path, _: Lang) -> Result<(), String> {
        Err("built without the `workdays` feature".into())
    }

    /// Prints the deadline; Ok(false) (exit 2) with the message for bad input.
    #[cfg(feature = "workdays")]
    fn deadline(args: &DeadlineArgs) -> io::Result<bool> {
        use std::io::Write;
        use xinyong::workdays::{parse_date, publication_deadline, DeadlineRule};
        let Some(rule) = DeadlineRule::from_id(&args.rule) else {
            eprintln!("xinyong: unknown rule '{}': use double-publicity-7wd or samr-20wd", args.rule);
            return Ok(false);
        };
        let result = parse_date(&args.date, "DATE").and_then(|date| publication_deadline(date, rule));
        let mut out = io::stdout().lock();
        match result {
            Ok(d) if args.json => {
                serde_json::to_writer(&mut out, &d)?;
                writeln!(out)?;
            }
            Ok(d) => writeln!(out, "{}\n{}", d.due.format("%Y-%m-%d"), d.note.get(args.lang))?,
            Err(e) => {
                eprintln!("xinyong: {}", e.message.get(args.lang));
                return Ok(false);
            }
        }
        Ok(true)
    }

    #[cfg(feature = "repair")]
    mod repair {
        use super::RepairArgs;
        use std::io::{self, BufReader, BufWriter, Read, Write};
        use xinyong::repair::{parse_case_json, repair_eligibility, RepairAnswer};
        use xinyong::Lang;

        /// Answers every case; Ok(false) when any case was malformed.
        pub fn run(args: &RepairArgs) -> io::Result<bool> {
            let reader: Box<dyn Read> = match &args.file {
                Some(path) if path.as_os_str() != "-" => Box::new(
                    std::fs::File::open(path)
                        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?,
                ),
                _ => Box::new(io::stdin().lock()),
            };
            // One pretty-printed case or JSON lines: a stream of JSON values.
            let values = serde_json::Deserializer::from_reader(BufReader::new(reader))
                .into_iter::<serde_json::Value>();
            let mut out = BufWriter::new(io::stdout().lock());
            let mut all_answered = true;
            for (index, value) in values.enumerate() {
                let value = value.map_err(|e| {
                    io::Error::new(io::ErrorKind::InvalidData, format!("case {}: {e}", index + 1))
                })?;
                let result = parse_case_json(&value.to_string()).and_then(|case| repair_eligibility(&case));
                match (&result, args.json) {
                    (Ok(answer), true) => serde_json::to_writer(&mut out, answer)?,
                    (Err(e), true) => serde_json::to_writer(&mut out, &serde_json::json!({ "error": e }))?,
                    (Ok(answer), false) => write_answer(&mut out, index + 1, answer, args.lang)?,
                    (Err(e), false) => {
                        write!(out, "case {}: {} ({})", index + 1, e.message.get(args.lang), e.field)?
                    }
                }
                out.write_all(b"\n")?;
                all_answered &= result.is_ok();
            }
            out.flush()?;
            Ok(all_answered)
        }

        fn write_answer(out: &mut impl Write, n: usize, a: &RepairAnswer, lang: Lang) -> io::Result<()> {
            let (yes, no, from, ends, never, rules) = match lang {
                Lang::En => (
                    "may apply now",
                    "may not apply yet",
                    "earliest application",
                    "publication ends",
                    "no early repair",
                    "rules",
                ),
                Lang::ZhHans => (
                    "现在可以申请信用修复",
                    "现在还不能申请",
                    "最早申请日",
                    "公示自动结束",
                    "不可提前修复",
                    "依据",
                ),
                Lang::ZhHant => (
                    "現在可以申請信用修復",
                    "現在還不能申請",
                    "最早申請日",
                    "公示自動結束",
                    "不可提前修復",
                    "依據",
                ),
            };
            writeln!(out, "case {n}: {} [{}]", if a.eligible { yes } else { no }, a.rule_set)?;
            if let Some(d) = a.earliest_apply_date {
                writeln!(out, "  {from}: {d}")?;
            }
            if let Some(d) = a.publication_ends {
                writeln!(out, "  {ends}: {d}")?;
            }
            if a.never_early {
                writeln!(out, "  {never}")?;
            }
            for u in &a.unmet {
                writeln!(out, "  - {}", u.message.get(lang))?;
            }
            for d in &a.procedure_deadlines {
                let step = serde_json::to_value(d.step).ok().and_then(|v| v.as_str().map(str::to_owned));
                let step = step.unwrap_or_default();
                let step = match (step.as_str(), lang) {
                    ("feedback", Lang::ZhHans) => "反馈修复结果",
                    ("feedback", Lang::ZhHant) => "反饋修復結果",
                    ("decision", Lang::ZhHans) => "作出修复决定",
                    ("decision", Lang::ZhHant) => "作出修復決定",
                    (other, _) => other,
                };
                let start_name = match (d.from.as_str(), lang) {
                    ("appliedOn", Lang::ZhHans) => "申请日",
                    ("appliedOn", Lang::ZhHant) => "申請日",
                    ("appliedOn", Lang::En) => "application",
                    ("receivedOn", Lang::ZhHans) => "收到申请日",
                    ("receivedOn", Lang::ZhHant) => "收到申請日",
                    ("receivedOn", Lang::En) => "receipt",
                    (other, _) => other,
                };
                #[cfg(feature = "workdays")]
                let unavailable = d.unavailable.as_ref().map(|e| e.message.get(lang));
                #[cfg(not(feature = "workdays"))]
                let unavailable: Option<&str> = None;
                match (d.start, d.due, unavailable) {
                    (Some(start), Some(due), _) => match lang {
                        Lang::En => writeln!(
                            out,
                            "  {step} due {due} ({} working days after {start_name} {start})",
                            d.working_days
                        )?,
                        Lang::ZhHans => writeln!(
                            out,
                            "  {step}：{due}（{start_name} {start} 后 {} 个工作日）",
                            d.working_days
                        )?,
                        Lang::ZhHant => writeln!(
                            out,
                            "  {step}：{due}（{start_name} {start} 後 {} 個工作日）",
                            d.working_days
                        )?,
                    },
                    (_, _, Some(message)) => writeln!(out, "  {step}: {message}")?,
                    _ => writeln!(out, "  {step}: {start_name} ?")?,
                }
            }
            for w in &a.warnings {
                writeln!(out, "  ! {}", w.message.get(lang))?;
            }
            let cited: Vec<String> =
                a.rules.iter().map(|r| format!("{} ({:?})", r.citation, r.confidence)).collect();
            write!(out, "  {rules}: {}", cited.join("; "))
        }
    }
}
