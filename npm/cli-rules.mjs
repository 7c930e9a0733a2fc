// `xinyong deadline` and `xinyong repair` for the Node command-line tool: the
// same commands, flags, output and exit status as the native binary
// (src/bin/xinyong.rs), on the package's WebAssembly. `--calendar FILE` adds a
// State Council holiday notice (JSON, as addHolidayYears takes it) to the
// calendar every deadline and repair answer of the run uses.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { usageError, inputError } from './cli-lib.mjs';

const LANGS = ['zh-Hans', 'zh-Hant', 'en'];

export const DEADLINE_USAGE = `Usage: xinyong deadline [options] DATE

The publication deadline of a decision taken on DATE (YYYY-MM-DD; that day
does not count), in working days under the State Council holiday notices.
Exit status: 0 with the deadline, 2 for a bad date or a year the calendar
does not cover.

Options:
      --rule R         double-publicity-7wd (双公示, 7 working days, default)
                       or samr-20wd (market regulation, 20)
      --calendar FILE  a holiday notice as JSON, added to the built-in calendar:
                       {"2027": {"holidays": ["2027-01-01", …], "workdays": […]}}
      --json           the deadline as one JSON object
  -l, --lang L         zh-Hans, zh-Hant or en (default zh-Hans)
  -h, --help           this text

Examples:
  npx xinyong deadline 2025-12-26 --rule double-publicity-7wd
  npx xinyong deadline 2026-12-28 --calendar holidays-2027.json --json
`;

export const REPAIR_USAGE = `Usage: xinyong repair [options] [FILE|-]

Credit-repair eligibility for one JSON case, or JSON lines, from FILE or stdin.
Exit status: 0 when every case was answered, 2 when any case (or the usage)
was malformed.

Options:
      --calendar FILE  a holiday notice as JSON, added to the built-in calendar
      --json           one JSON object per case: the answer, or {"error": …}
  -l, --lang L         zh-Hans, zh-Hant or en (default zh-Hans)
  -h, --help           this text
`;

const COMMON = {
  calendar: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string', short: 'l', default: 'zh-Hans' },
  help: { type: 'boolean', short: 'h' },
};

function parse(argv, options) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
  } catch (e) {
    throw usageError(e.message);
  }
  if (!LANGS.includes(parsed.values.lang)) throw usageError(`--lang is one of ${LANGS.join(', ')}`);
  return parsed;
}

/** Adds the `--calendar` file's years; an input error (exit 2) naming the file and the field otherwise. */
function addCalendar(xinyong, file, lang) {
  if (file === undefined) return;
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw inputError(`--calendar ${file}: ${e.message}`);
  }
  try {
    xinyong.addHolidayYears(text);
  } catch (e) {
    throw inputError(`--calendar ${file}: ${e.messages?.[lang] ?? e.message}`);
  }
}

/** `xinyong deadline`: returns the exit status. */
export function runDeadline(xinyong, argv, out, err) {
  const { values: o, positionals } = parse(argv, { rule: { type: 'string', default: 'double-publicity-7wd' } });
  if (o.help) {
    out(DEADLINE_USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw usageError('one DATE (YYYY-MM-DD)');
  addCalendar(xinyong, o.calendar, o.lang);
  if (!['double-publicity-7wd', 'samr-20wd'].includes(o.rule)) {
    err(`xinyong: unknown rule '${o.rule}': use double-publicity-7wd or samr-20wd\n`);
    return 2;
  }
  let deadline;
  try {
    deadline = xinyong.publicationDeadline(positionals[0], o.rule);
  } catch (e) {
    if (!e.messages) throw e;
    err(`xinyong: ${e.messages[o.lang]}\n`);
    return 2;
  }
  out(o.json ? `${JSON.stringify(deadline)}\n` : `${deadline.due}\n${deadline.note[o.lang]}\n`);
  return 0;
}

/**
 * The JSON values of a text, one after another (a pretty-printed case or JSON
 * lines), as the native CLI reads them; an input error naming the case for text
 * that is not JSON.
 */
export function* jsonValues(text) {
  let i = 0;
  let n = 0;
  while (true) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (i >= text.length) return;
    n++;
    const start = i;
    let depth = 0;
    let inString = false;
    for (; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') {
          inString = false;
          if (depth === 0) { i++; break; }
        }
      } else if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth <= 0) { i++; break; }
      } else if (depth === 0 && /\s/.test(c)) break;
    }
    const slice = text.slice(start, i);
    try {
      JSON.parse(slice);
    } catch (e) {
      throw inputError(`case ${n}: ${e.message}`);
    }
    yield slice;
  }
}

const WORDS = {
  en: ['may apply now', 'may not apply yet', 'earliest application', 'publication ends', 'no early repair', 'rules'],
  'zh-Hans': ['现在可以申请信用修复', '现在还不能申请', '最早申请日', '公示自动结束', '不可提前修复', '依据'],
  'zh-Hant': ['現在可以申請信用修復', '現在還不能申請', '最早申請日', '公示自動結束', '不可提前修復', '依據'],
};

/** Procedure steps and the days they count from, as the native CLI names them (src/bin/xinyong.rs). */
const STEPS = {
  feedback: ['反馈修复结果', '反饋修復結果', 'feedback'],
  decision: ['作出修复决定', '作出修復決定', 'decision'],
};
const STARTS = {
  appliedOn: ['申请日', '申請日', 'application'],
  receivedOn: ['收到申请日', '收到申請日', 'receipt'],
};

/** The readable form of an answer, as the native CLI writes it. */
export function formatAnswer(n, a, lang) {
  const [yes, no, from, ends, never, rules] = WORDS[lang];
  const lines = [`case ${n}: ${a.eligible ? yes : no} [${a.ruleSet}]`];
  if (a.earliestApplyDate) lines.push(`  ${from}: ${a.earliestApplyDate}`);
  if (a.publicationEnds) lines.push(`  ${ends}: ${a.publicationEnds}`);
  if (a.neverEarly) lines.push(`  ${never}`);
  for (const u of a.unmet) lines.push(`  - ${u.message[lang]}`);
  for (const d of a.procedureDeadlines ?? []) {
    const step = STEPS[d.step]?.[LANGS.indexOf(lang)] ?? d.step;
    const start = STARTS[d.from]?.[LANGS.indexOf(lang)] ?? d.from;
    if (d.start && d.due) {
      lines.push({
        en: `  ${step} due ${d.due} (${d.workingDays} working days after ${start} ${d.start})`,
        'zh-Hans': `  ${step}：${d.due}（${start} ${d.start} 后 ${d.workingDays} 个工作日）`,
        'zh-Hant': `  ${step}：${d.due}（${start} ${d.start} 後 ${d.workingDays} 個工作日）`,
      }[lang]);
    } else if (d.unavailable) lines.push(`  ${step}: ${d.unavailable.message[lang]}`);
    else lines.push(`  ${step}: ${start} ?`);
  }
  for (const w of a.warnings ?? []) lines.push(`  ! ${w.message[lang]}`);
  lines.push(`  ${rules}: ${a.rules.map((r) => `${r.citation} (${r.confidence})`).join('; ')}`);
  return lines.join('\n');
}

/** `xinyong repair`: returns the exit status. */
export function runRepair(xinyong, argv, out, err, readStdin) {
  const { values: o, positionals } = parse(argv, {});
  if (o.help) {
    out(REPAIR_USAGE);
    return 0;
  }
  if (positionals.length > 1) throw usageError(`one input at a time (got ${positionals.length})`);
  addCalendar(xinyong, o.calendar, o.lang);
  const file = positionals[0] ?? '-';
  let text;
  try {
    text = file === '-' ? readStdin() : readFileSync(file, 'utf8');
  } catch (e) {
    throw inputError(`${file}: ${e.message}`);
  }
  let allAnswered = true;
  let n = 0;
  for (const value of jsonValues(text)) {
    n++;
    let line;
    try {
      const answer = xinyong.repairEligibility(value);
      line = o.json ? JSON.stringify(answer) : formatAnswer(n, answer, o.lang);
    } catch (e) {
      if (!e.messages) throw e;
      allAnswered = false;
      line = o.json
        ? JSON.stringify({ error: { kind: e.kind, field: e.field, message: e.messages } })
        : `case ${n}: ${e.messages[o.lang]} (${e.field})`;
    }
    out(`${line}\n`);
  }
  void err;
  return allAnswered ? 0 : 2;
}

/** The rule-set listing \`xinyong --version\` prints after the version line (as the native binary). */
export function rulesText(info) {
  const lines = ['rule sets (reviewed on the date shown):'];
  for (const r of info.ruleSets) {
    const reviewed = r.reviewedOn ? `  reviewed ${r.reviewedOn}` : '';
    lines.push(`  ${r.id.padEnd(10)} ${r.track.padEnd(6)} ${r.effectiveFrom} .. ${(r.effectiveUntil ?? '').padEnd(10)} confidence ${r.confidence}${reviewed}`);
  }
  const years = info.calendarYears;
  const contiguous = years.length && years.at(-1) - years[0] + 1 === years.length;
  lines.push(`working-day calendar: ${contiguous ? `${years[0]}-${years.at(-1)}` : years.join(', ')}`);
  return lines.join('\n');
}
