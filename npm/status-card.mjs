// The shadow DOM of <xinyong-credit-status>, built in JS from the status
// report of `resolveStatus` (the card module, or the status module when the
// page loaded it), as the code input's is from `validate`: the module then
// carries no DOM code. Imported by the card (npm/elements.mjs) together with
// that module, so a page with
// only a code input never downloads it.
//
// createElement, setAttribute and textContent only: nothing is ever parsed as
// HTML, so an entity name such as `<img src=x onerror=…>` is shown as text.
// The region next to the code comes from the identifier module's `division`
// once the code's province is there (its blob, web/divisions/NN.bin, fetched
// on first need, like the code input's).
import { division } from './web/xinyong.js';
import { loadDivisions, divisionsLoaded } from './loader.mjs';

// The card's words: [zh-Hans, zh-Hant, en] (messages about entries, verdicts
// and repair come with the report, in the three languages).
const T = {
  'as-of': ['查询日期', '查詢日期', 'As of'],
  'listing-unit': ['列入单位', '列入單位', 'Listed by'],
  basis: ['依据', '依據', 'Basis'],
  'listed-on': ['列入日期', '列入日期', 'Listed on'],
  'ends-on': ['有效期至', '有效期至', 'In force until'],
  'exited-on': ['移出日期', '移出日期', 'Exited on'],
  'exit-reason': ['移出原因', '移出原因', 'Reason'],
  'repaired-on': ['信用修复日期', '信用修復日期', 'Repaired on'],
  measures: ['措施', '措施', 'Measures'],
  mandatory: ['强制性', '強制性', 'mandatory'],
  recommended: ['推荐性', '推薦性', 'recommended'],
  suspended: ['暂停', '暫停', 'suspended'],
  'not-applied': ['不再适用', '不再適用', 'no longer applied'],
  'no-entries': ['没有名单记录', '沒有名單記錄', 'No list entries'],
  'objection-notice': [
    '该主体对失信记录提出的异议正在核实，核实期间联合惩戒措施暂不执行。',
    '該主體對失信記錄提出的異議正在核實，核實期間聯合懲戒措施暫不執行。',
    'An objection to a dishonesty record is being verified; joint punishment measures are suspended meanwhile.',
  ],
  'red-suspended': [
    '存在生效中的失信记录，红名单激励措施暂停。',
    '存在生效中的失信記錄，紅名單激勵措施暫停。',
    'A dishonesty entry is in force: red-list incentives are suspended.',
  ],
  repair: ['信用修复', '信用修復', 'Credit repair'],
  'repair-eligible': ['现在可申请信用修复', '現在可申請信用修復', 'may apply for repair now'],
  'repair-not-yet': ['尚不能申请信用修复', '尚不能申請信用修復', 'may not apply for repair yet'],
  'repair-undetermined': ['能否修复尚不能确定', '能否修復尚不能確定', 'eligibility not determined'],
  'repair-from': ['最早可申请日期', '最早可申請日期', 'earliest application'],
  'repair-never-early': ['不得提前终止公示', '不得提前終止公示', 'publication may not end early'],
  'publication-ends': ['公示期满', '公示期滿', 'publication ends'],
  'not-found': ['未查到该主体的名单记录', '未查到該主體的名單記錄', 'No record found for this entity'],
  'not-found-rule': [
    '数据源中没有这个代码：不等于守信，也不等于失信',
    '資料來源中沒有這個代碼：不等於守信，也不等於失信',
    'the data source has no entry for this code: neither trustworthy nor dishonest',
  ],
  'fetch-failed': ['无法获取信用记录', '無法取得信用記錄', 'The credit record could not be loaded'],
  'cross-origin': ['只能从本站获取记录', '只能從本站取得記錄', 'Records can only be loaded from this site'],
  'bad-record': ['信用记录格式错误', '信用記錄格式錯誤', 'The credit record is malformed'],
  'days-left': ['剩余天数', '剩餘天數', 'days left'],
  rules: ['规则', '規則', 'rules'],
  calendar: ['工作日历', '工作日曆', 'working-day calendar'],
};
/** The card's styles (the elements' common ones come first). */
export const CARD_CSS = `
.card { border: 1px solid #c8ccd2; border-left-width: 6px; border-radius: 8px; padding: .7rem 1rem; background: #fff; color: #1b1b1b; }
.card[data-verdict="restricted"] { border-left-color: #b42318; }
.card[data-verdict="suspended"] { border-left-color: #9a6700; border-left-style: dashed; }
.card[data-verdict="attention"] { border-left-color: #b54708; }
.card[data-verdict="trustworthy"] { border-left-color: #1a7f37; }
.card[data-verdict="clear"] { border-left-color: #57606a; }
.name { font-weight: 700; margin: 0; }
.code { font-family: ui-monospace, Menlo, monospace; margin: .1rem 0; color: #3d4451; }
.verdict { font-size: 1.1rem; margin: .4rem 0 .1rem; }
.icon { margin-right: .35rem; }
.rule { margin: .1rem 0; font-size: .9rem; color: #3d4451; }
.notice { background: #fff8e1; border: 1px solid #9a6700; border-radius: 4px; padding: .35rem .5rem; }
.footer { margin: .5rem 0 0; font-size: .75rem; color: #4b5260; }
.entries { list-style: none; padding: 0; margin: .5rem 0 0; }
.entry { border-top: 1px solid #e3e5e8; padding: .45rem 0; }
.entry-head { margin: 0; font-weight: 600; }
.state { font-weight: 400; }
.dates { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .3rem 0; font-size: .9rem; }
.dates dt { color: #4b5260; }
.dates dd { margin: 0; }
.measures { margin: .2rem 0; padding-left: 1.2rem; font-size: .92rem; }
.measure.suspended, .measure.inactive { text-decoration: line-through; color: #4b5260; }
.measure em { text-decoration: none; font-style: normal; }
.objection, .publication, .repair { font-size: .9rem; margin: .2rem 0; }
.repair-warning { margin: .2rem 0; color: #7a4b00; }
.publication-unavailable { font-style: italic; }
`;
const LANG_INDEX = { 'zh-Hans': 0, 'zh-Hant': 1, en: 2 };
// The symbol shown with a verdict (with its text: never colour alone).
const ICONS = { restricted: '✖', suspended: '‖', attention: '⚠', trustworthy: '★', clear: '✓' };
const PUNITIVE = ['black', 'serious_violation', 'dishonest_judgment_debtor'];

/** `<tag part=… class=…>text</tag>`; empty strings leave the attribute (or the text) out. */
function el(tag, part, cls, text) {
  const e = document.createElement(tag);
  if (part) e.setAttribute('part', part);
  if (cls) e.setAttribute('class', cls);
  if (text) e.textContent = text;
  return e;
}

/**
 * Renders the card of `host` (its open shadow root attached) in `lang`: the
 * report of `resolveStatus(entity, asOf)`, or, with `problem` (`not_found`,
 * `fetch_failed`, `cross_origin`), a notice. Returns the report, or null.
 */
export function renderStatusCard(host, status, entity, asOf, problem, lang) {
  const root = host.shadowRoot;
  let card = root.getElementById('card');
  let live = root.getElementById('live');
  if (!card || !live) {
    card = el('article', 'card', 'card');
    card.id = 'card';
    live = el('div', 'announce', 'sr-only');
    live.id = 'live';
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    root.append(card, live);
  }
  const i = LANG_INDEX[lang];
  const t = (key) => T[key][i];
  const [colon, semi, open, close] = i === 2 ? [': ', '; ', ' (', ')'] : ['：', '；', '（', '）'];
  const announce = (text) => { if (live.textContent !== text) live.textContent = text; };
  const verdictAttr = (v) => { card.setAttribute('data-verdict', v); host.setAttribute('data-verdict', v); };
  card.textContent = '';
  card.setAttribute('lang', lang);

  const notice = (key, state, detail) => {
    verdictAttr(state);
    const head = el('p', `verdict verdict-${state}`, 'verdict');
    head.append(el('span', 'verdict-icon', 'icon', '?'), el('strong', 'verdict-label', '', t(key)));
    card.append(head);
    if (detail) card.append(el('p', 'rule', 'rule', detail));
    announce(t(key));
    return null;
  };
  if (problem === 'not_found') {
    if (typeof entity === 'string' && entity) card.append(el('p', 'code', 'code', entity));
    return notice('not-found', 'unknown', t('not-found-rule'));
  }
  if (problem) return notice(problem === 'cross_origin' ? 'cross-origin' : 'fetch-failed', 'error', '');
  let r;
  try {
    r = status.resolveStatus(entity, asOf);
  } catch (e) {
    return notice('bad-record', 'error', e?.messages?.[lang] ?? '');
  }

  const v = r.verdict;
  const header = el('header', 'header', 'header');
  const idLine = el('p', 'code', 'code', r.code);
  header.append(el('p', 'name', 'name', r.name), idLine);
  region(idLine, r.code, lang);
  const verdict = el('p', `verdict verdict-${v}`, 'verdict');
  verdict.setAttribute('data-verdict', v);
  verdict.append(el('span', 'verdict-icon', 'icon', ICONS[v]), el('strong', 'verdict-label', '', r.verdictLabel[lang]));
  const rule = el('p', 'rule', 'rule', r.rule.text[lang]);
  rule.setAttribute('title', r.rule.source);
  rule.append(` · ${t('as-of')} ${r.asOf}`);
  header.append(verdict, rule);
  card.append(header);
  const note = (part, key) => {
    const n = el('p', part, 'notice', t(key));
    n.setAttribute('role', 'note');
    card.append(n);
  };
  if (v === 'suspended' || r.entries.some((e) => PUNITIVE.includes(e.list) && e.state === 'suspended')) note('objection-notice', 'objection-notice');
  if (r.redBenefitsSuspended) note('red-suspended-notice', 'red-suspended');
  if (r.entries.length) {
    const list = el('ul', 'entries', 'entries');
    for (const e of r.entries) list.append(entry(e, lang, t, colon, semi, open, close));
    card.append(list);
  } else {
    card.append(el('p', 'empty', 'empty', t('no-entries')));
  }
  // The footer: the repair rule sets that answered and the working-day calendar's years.
  const parts = [];
  const sets = r.entries.map((e) => e.repair?.ruleSet).filter(Boolean).filter((s, k, all) => s !== all[k - 1]);
  if (sets.length) parts.push(`${t('rules')} ${sets.join(', ')}`);
  let years = [];
  try {
    years = status.rulesInfo().calendarYears; // the built-in years and any added with addHolidayYears
  } catch {
    // (cannot fail with the built-in tables; the footer then leaves the calendar out)
  }
  if (years.length) parts.push(`${t('calendar')} ${years[0]}–${years[years.length - 1]}`);
  if (parts.length) card.append(el('footer', 'footer', 'footer', parts.join(' · ')));

  verdictAttr(v);
  announce(`${r.name}${colon}${r.verdictLabel[lang]}`);
  return r;
}

/** ` · <span part=region>福建省厦门市</span>` after the code, now or when the division table arrives. */
function region(idLine, code, lang) {
  const divisionCode = code.slice(2, 8);
  const add = () => {
    const name = division(divisionCode).fullName;
    if (!name || !idLine.isConnected) return;
    idLine.append(' · ', el('span', 'region', 'region', lang === 'zh-Hant' ? name['zh-Hant'] : name['zh-Hans']));
  };
  if (code.length < 8) return;
  // Only this code's province (divisions/NN.bin), not the whole table.
  if (divisionsLoaded(divisionCode)) add();
  else loadDivisions(divisionCode).then(add, () => {});
}

function entry(e, lang, t, colon, semi, open, close) {
  const s = e.state;
  const li = el('li', `entry entry-${s}`, `entry ${s}`);
  li.setAttribute('data-state', s);
  const head = el('p', 'entry-head', 'entry-head');
  head.append(el('span', 'list-name', 'list', e.listName[lang]), ' · ', el('span', 'label', 'label', e.label), ' ',
    el('span', `state state-${s}`, 'state', `[${e.stateLabel[lang]}]`));
  const rule = el('p', 'state-rule', 'rule', e.rule.text[lang]);
  rule.setAttribute('title', e.rule.source);
  li.append(head, rule);

  const dl = el('dl', 'dates', 'dates');
  const row = (key, value) => dl.append(el('dt', 'term', '', t(key)), el('dd', 'value', '', value));
  row('listing-unit', e.listingUnit);
  row('basis', e.basis);
  row('listed-on', e.listedOn);
  if (e.endsOn != null) row('ends-on', e.daysRemaining != null ? `${e.endsOn}${open}${t('days-left')} ${e.daysRemaining}${close}` : e.endsOn);
  if (e.exitedOn != null) row('exited-on', e.exitedOn);
  if (e.exitReason != null) row('exit-reason', e.exitReason);
  if (e.repairedOn != null) row('repaired-on', e.repairedOn);
  li.append(dl);

  const groups = [['in-force', e.measuresInForce], ['suspended', e.measuresSuspended], ['inactive', e.measuresInactive]];
  if (groups.some(([, ms]) => ms.length)) {
    const ul = el('ul', 'measures', 'measures');
    ul.setAttribute('aria-label', t('measures'));
    for (const [status, ms] of groups) {
      for (const m of ms) {
        const item = el('li', `measure measure-${status}`, `measure ${status}`);
        item.append(el('span', 'measure-kind', 'kind', `[${t(m.kind)}]`), ` ${m.text}`);
        if (status !== 'in-force') item.append(el('em', 'measure-status', '', `（${t(status === 'suspended' ? 'suspended' : 'not-applied')}）`));
        ul.append(item);
      }
    }
    li.append(ul);
  }
  if (e.objection) li.append(el('p', 'objection', 'objection', e.objection.notice[lang]));
  if (e.publication) {
    const p = e.publication;
    const n = el('p', p.calendarMissingYear != null ? 'publication publication-unavailable' : 'publication', 'publication', p.message[lang]);
    n.setAttribute('title', p.citation);
    li.append(n);
  }
  const a = e.repair;
  if (a) {
    const div = el('div', 'repair', 'repair');
    let line = `${t('repair')}${colon}${t(!a.determined ? 'repair-undetermined' : a.eligible ? 'repair-eligible' : 'repair-not-yet')}`;
    if (a.earliestApplyDate) line += `${semi}${t('repair-from')} ${a.earliestApplyDate}`;
    if (a.neverEarly) line += `${semi}${t('repair-never-early')}`;
    if (a.publicationEnds) line += `${semi}${t('publication-ends')} ${a.publicationEnds}`;
    const p = el('p', 'repair-summary', '', line);
    p.setAttribute('title', a.rules.map((u) => u.citation).join('\n'));
    div.append(p);
    if (a.unmet.length) {
      const ul = el('ul', 'repair-unmet', '');
      for (const u of a.unmet) ul.append(el('li', 'repair-condition', '', u.message[lang]));
      div.append(ul);
    }
    // e.g. rules_may_be_outdated: asOf is after the built-in rule sets' last review.
    for (const w of a.warnings ?? []) div.append(el('p', 'repair-warning', 'repair-warning', `⚠ ${w.message[lang]}`));
    li.append(div);
  } else if (e.repairError) {
    li.append(el('p', 'repair', 'repair', `${t('repair')}${colon}${e.repairError[lang]}`));
  }
  return li;
}
