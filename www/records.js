// The records page of the demo: a clerk drops a CSV or XLSX file of 双公示
// records (行政许可 / 行政处罚) and sees what the credit platform would reject,
// before uploading; or keys one record into a form and sees each field's
// problems while typing. The file is read and checked in a Web Worker
// (records-worker.js, on the package's records module); nothing leaves the
// browser. The page's DOM is built with createElement and textContent only.
import { loadRecords } from '/pkg/loader.mjs';

const UI = {
  'zh-Hans': {
    title: '双公示数据检查（演示）', portal: '审批门户', lang: '语言',
    intro: '行政许可、行政处罚信息上报信用平台之前，先在本机逐项检查：文件只在浏览器内读取和检查，不会上传。',
    tabFile: '检查文件', tabForm: '录入单条记录', kind: '记录类型', kindAuto: '自动识别', kindPenalty: '行政处罚',
    kindLicence: '行政许可', asOf: '检查日期', drop: '把 CSV 或 Excel（.xlsx）文件拖到这里，或点击选择文件',
    cRows: '记录', cValid: '通过', cErrors: '有错误', cWarnings: '警告', cOverdue: '已逾期',
    fShow: '显示', fAll: '全部', fError: '有错误', fWarning: '有警告', fOverdue: '已逾期', fValid: '通过',
    fKind: '问题类型', fAnyKind: '全部类型', fText: '搜索', download: '下载标注后的文件',
    hRow: '行', hRecord: '记录', hPublication: '公示期限', hFindings: '问题', more: '显示更多',
    reading: (name) => `正在读取 ${name}…`,
    checking: (rows) => `正在检查：已检查 ${rows.toLocaleString('en')} 行…`,
    done: (name, rows, ms, info) => `${name}：${rows.toLocaleString('en')} 条记录，用时 ${(ms / 1000).toFixed(1)} 秒（${info}）`,
    failed: '无法读取该文件：', shown: (n, total) => `显示 ${n} / ${total} 条（逾期的排在前面）`,
    due: (d) => `${d} 前公示`, overdue: (d, n) => `已逾期 ${n} 个工作日（应于 ${d} 前公示）`, uncovered: '日历未覆盖，无法计算',
    noFindings: '无问题', record: '记录', error: '错误', warning: '警告',
    formValid: '这条记录没有发现错误。', formInvalid: (e, w) => `错误 ${e} 个，警告 ${w} 个。`,
    formLoading: '正在加载检查程序…', select: '请选择', sample: '用示例文件试一试',
  },
  'zh-Hant': {
    title: '雙公示資料檢查（示範）', portal: '審批入口網站', lang: '語言',
    intro: '行政許可、行政處罰資訊上報信用平台之前，先在本機逐項檢查：檔案只在瀏覽器內讀取和檢查，不會上傳。',
    tabFile: '檢查檔案', tabForm: '錄入單筆記錄', kind: '記錄類型', kindAuto: '自動識別', kindPenalty: '行政處罰',
    kindLicence: '行政許可', asOf: '檢查日期', drop: '把 CSV 或 Excel（.xlsx）檔案拖到這裡，或點擊選擇檔案',
    cRows: '記錄', cValid: '通過', cErrors: '有錯誤', cWarnings: '警告', cOverdue: '已逾期',
    fShow: '顯示', fAll: '全部', fError: '有錯誤', fWarning: '有警告', fOverdue: '已逾期', fValid: '通過',
    fKind: '問題類型', fAnyKind: '全部類型', fText: '搜尋', download: '下載標註後的檔案',
    hRow: '行', hRecord: '記錄', hPublication: '公示期限', hFindings: '問題', more: '顯示更多',
    reading: (name) => `正在讀取 ${name}…`,
    checking: (rows) => `正在檢查：已檢查 ${rows.toLocaleString('en')} 行…`,
    done: (name, rows, ms, info) => `${name}：${rows.toLocaleString('en')} 筆記錄，用時 ${(ms / 1000).toFixed(1)} 秒（${info}）`,
    failed: '無法讀取該檔案：', shown: (n, total) => `顯示 ${n} / ${total} 筆（逾期的排在前面）`,
    due: (d) => `${d} 前公示`, overdue: (d, n) => `已逾期 ${n} 個工作日（應於 ${d} 前公示）`, uncovered: '日曆未涵蓋，無法計算',
    noFindings: '無問題', record: '記錄', error: '錯誤', warning: '警告',
    formValid: '這筆記錄沒有發現錯誤。', formInvalid: (e, w) => `錯誤 ${e} 個，警告 ${w} 個。`,
    formLoading: '正在載入檢查程式…', select: '請選擇', sample: '用範例檔案試一試',
  },
  en: {
    title: 'Double-publicity records check (demo)', portal: 'Approval portal', lang: 'Language',
    intro: 'Check licence and penalty records before uploading them to the credit platform: the file is read and checked in this browser only, never uploaded.',
    tabFile: 'Check a file', tabForm: 'Key one record', kind: 'Record kind', kindAuto: 'Detect', kindPenalty: 'Penalty',
    kindLicence: 'Licence', asOf: 'As of', drop: 'Drop a CSV or Excel (.xlsx) file here, or click to choose one',
    cRows: 'records', cValid: 'valid', cErrors: 'with errors', cWarnings: 'warnings', cOverdue: 'overdue',
    fShow: 'Show', fAll: 'all', fError: 'with errors', fWarning: 'with warnings', fOverdue: 'overdue', fValid: 'valid',
    fKind: 'Finding', fAnyKind: 'any kind', fText: 'Search', download: 'Download the annotated file',
    hRow: 'Row', hRecord: 'Record', hPublication: 'Publication', hFindings: 'Findings', more: 'Show more',
    reading: (name) => `Reading ${name}…`,
    checking: (rows) => `Checking: ${rows.toLocaleString('en')} rows so far…`,
    done: (name, rows, ms, info) => `${name}: ${rows.toLocaleString('en')} records in ${(ms / 1000).toFixed(1)} s (${info})`,
    failed: 'Cannot read this file: ', shown: (n, total) => `Showing ${n} of ${total} (overdue first)`,
    due: (d) => `due by ${d}`, overdue: (d, n) => `overdue by ${n} working days (due ${d})`, uncovered: 'not covered by the calendar',
    noFindings: 'no findings', record: 'record', error: 'error', warning: 'warning',
    formValid: 'No errors found in this record.', formInvalid: (e, w) => `${e} errors, ${w} warnings.`,
    formLoading: 'Loading the checker…', select: 'choose', sample: 'Try the sample file',
  },
};

// The form's fields (the main ones of the national field set; docs/records.md has them all).
// [code, zh-Hans, zh-Hant, en, input type, choices]
const PARTY = (p) => [
  [`${p}_XDR_MC`, '行政相对人名称', '行政相對人名稱', 'Party name'],
  [`${p}_XDR_LB`, '行政相对人类别', '行政相對人類別', 'Party category', 'select', ['法人及非法人组织', '自然人', '个体工商户']],
  [`${p}_XDR_SHXYM`, '统一社会信用代码', '統一社會信用代碼', 'USCC'],
  [`${p}_XDR_GSZC`, '工商注册号', '工商註冊號', 'Registration number'],
  [`${p}_FRDB`, '法定代表人', '法定代表人', 'Legal representative'],
  [`${p}_XDR_ZJLX`, '证件类型', '證件類型', 'ID document type', 'select', ['身份证', '护照', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '外国人永久居留身份证']],
  [`${p}_XDR_ZJHM`, '证件号码', '證件號碼', 'ID document number'],
];
const FIELDS = {
  penalty: [
    ...PARTY('CF'),
    ['CF_WSH', '行政处罚决定书文号', '行政處罰決定書文號', 'Decision number'],
    ['CF_WFXW', '违法行为类型', '違法行為類型', 'Violation type'],
    ['CF_SY', '违法事实', '違法事實', 'Facts', 'textarea'],
    ['CF_YJ', '处罚依据', '處罰依據', 'Legal basis'],
    ['CF_CFLB', '处罚类别', '處罰類別', 'Penalty kind'],
    ['CF_NR', '处罚内容', '處罰內容', 'Penalty', 'textarea'],
    ['CF_NR_FK', '罚款金额（万元）', '罰款金額（萬元）', 'Fine (10,000 yuan)'],
    ['CF_JDRQ', '处罚决定日期', '處罰決定日期', 'Decided on', 'date'],
    ['CF_YXQ', '处罚有效期', '處罰有效期', 'Valid until', 'date'],
    ['CF_CFJG', '处罚机关', '處罰機關', 'Authority'],
    ['CF_CFJGDM', '处罚机关统一社会信用代码', '處罰機關統一社會信用代碼', "Authority's USCC"],
    ['CF_SJLY', '数据来源单位', '資料來源單位', 'Data source'],
    ['CF_SJLYDM', '数据来源单位统一社会信用代码', '資料來源單位統一社會信用代碼', "Data source's USCC"],
  ],
  licence: [
    ...PARTY('XK'),
    ['XK_XKWS', '行政许可决定文书名称', '行政許可決定文書名稱', 'Decision document'],
    ['XK_WSH', '行政许可决定文书号', '行政許可決定文書號', 'Decision number'],
    ['XK_XKLB', '许可类别', '許可類別', 'Licence kind', 'select', ['普通', '特许', '认可', '核准', '登记', '其他']],
    ['XK_XKZS', '许可证书名称', '許可證書名稱', 'Certificate'],
    ['XK_XKBH', '许可编号', '許可編號', 'Licence number'],
    ['XK_NR', '许可内容', '許可內容', 'Licence content', 'textarea'],
    ['XK_JDRQ', '许可决定日期', '許可決定日期', 'Decided on', 'date'],
    ['XK_YXQZ', '有效期自', '有效期自', 'Valid from', 'date'],
    ['XK_YXQZI', '有效期至', '有效期至', 'Valid until', 'date'],
    ['XK_XKJG', '许可机关', '許可機關', 'Authority'],
    ['XK_XKJGDM', '许可机关统一社会信用代码', '許可機關統一社會信用代碼', "Authority's USCC"],
    ['XK_LYDW', '数据来源单位', '資料來源單位', 'Data source'],
    ['XK_LYDWDM', '数据来源单位统一社会信用代码', '資料來源單位統一社會信用代碼', "Data source's USCC"],
  ],
};
const LABEL_INDEX = { 'zh-Hans': 1, 'zh-Hant': 2, en: 3 };

const PAGE = 200; // table rows shown at a time
const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};
let lang = 'zh-Hans';
const t = () => UI[lang];
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
$('as-of').value = today();
$('form-as-of').value = today();

// ------------------------------------------------------------------ worker

const worker = new Worker(new URL('records-worker.js', import.meta.url), { type: 'module' });
let nextId = 1;
const pending = new Map();
worker.onmessage = ({ data }) => {
  if (data.type === 'ready') return;
  if (data.type === 'progress') return onProgress(data);
  const p = pending.get(data.id);
  if (!p) return;
  pending.delete(data.id);
  if (data.type === 'error') p.reject(Object.assign(new Error(data.message), data));
  else p.resolve(data);
};
worker.onerror = (e) => showError({ message: e.message || 'worker error' });
function ask(message, transfer = []) {
  const id = nextId++;
  return { id, done: new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ ...message, id }, transfer);
  }) };
}

// -------------------------------------------------------------------- file

let checking = null; // the id of the check under way
let result = null; // the last check's { info, summary, name }
let shownRows = 0;

function setStatus(text, state) {
  const s = $('status');
  s.textContent = text;
  s.className = `status ${state ?? ''}`;
  document.body.dataset.state = state ?? '';
}

function showError(e) {
  $('progress').hidden = true;
  $('results').hidden = true;
  setStatus(t().failed + (e.messages?.[lang] ?? e.message), 'error');
}

function onProgress({ id, rows, bytes, total }) {
  if (id !== checking) return;
  setStatus(t().checking(rows), 'checking');
  const bar = $('progress');
  bar.hidden = false;
  bar.value = total ? bytes / total : 0;
  document.body.dataset.progress = String(rows);
}

let lastFile = null;
async function checkFile(file) {
  if (!file) return;
  lastFile = file;
  result = null;
  $('results').hidden = true;
  setStatus(t().reading(file.name), 'checking');
  const bytes = await file.arrayBuffer();
  const options = { asOf: $('as-of').value || today() };
  if ($('kind').value) options.kind = $('kind').value;
  const request = ask({ type: 'check', bytes, name: file.name, options }, [bytes]);
  checking = request.id;
  try {
    const r = await request.done;
    if (checking !== request.id) return;
    result = { ...r, name: file.name };
    showResult();
  } catch (e) {
    if (checking === request.id) showError(e);
  }
}

function describeInput(info) {
  const sheet = info.sheet ? `, ${info.sheet}` : '';
  return `${String(info.format).toUpperCase()}, ${info.encoding}${sheet}`;
}

function showResult() {
  const { summary, info, name, ms } = result;
  $('progress').hidden = true;
  setStatus(t().done(name, summary.rows, ms, describeInput(info)), 'done');
  $('count-rows').textContent = summary.rows.toLocaleString('en');
  $('count-valid').textContent = summary.valid.toLocaleString('en');
  $('count-errors').textContent = summary.invalid.toLocaleString('en');
  $('count-warnings').textContent = summary.warnings.toLocaleString('en');
  $('count-overdue').textContent = summary.overdue.toLocaleString('en');
  const kinds = Object.entries(summary.byKind).sort((a, b) => b[1] - a[1]);
  $('f-kind').replaceChildren(
    el('option', { value: '', textContent: t().fAnyKind }),
    ...kinds.map(([k, n]) => el('option', { value: k, textContent: `${k} (${n.toLocaleString('en')})` })),
  );
  $('results').hidden = false;
  render(true);
}

const filter = () => ({ severity: $('f-severity').value, kind: $('f-kind').value, text: $('f-text').value.trim() });

let renderSeq = 0;
async function render(fresh) {
  if (!result) return;
  const seq = ++renderSeq;
  if (fresh) shownRows = 0;
  const { done } = ask({ type: 'view', filter: filter(), offset: shownRows, limit: PAGE, lang });
  const view = await done;
  if (seq !== renderSeq) return;
  const body = $('rows');
  if (fresh) body.replaceChildren();
  body.append(...view.rows.map(rowElement));
  shownRows += view.rows.length;
  $('shown').textContent = t().shown(shownRows.toLocaleString('en'), view.total.toLocaleString('en'));
  $('more').hidden = shownRows >= view.total;
  document.body.dataset.rendered = String(renderSeq);
}

const NAME_FIELDS = ['CF_XDR_MC', 'XK_XDR_MC', '行政相对人名称', '行政相對人名稱'];
const CODE_FIELDS = ['CF_XDR_SHXYM', 'XK_XDR_SHXYM', '统一社会信用代码', '統一社會信用代碼', 'CF_XDR_ZJHM', 'XK_XDR_ZJHM'];
const NUMBER_FIELDS = ['CF_WSH', 'XK_WSH', '行政处罚决定书文号', '行政许可决定文书号'];
const pick = (fields, names) => names.map((n) => fields[n]).find((v) => v) ?? '';

function publicationText(p) {
  if (!p) return '';
  if (p.status === 'overdue') return t().overdue(p.due, p.workingDaysLate ?? '?');
  if (p.status === 'due') return t().due(p.due);
  return t().uncovered;
}

/** A finding's message without the field code it may start with (the table shows the code apart). */
function withoutField(f) {
  const message = f.message?.[lang] ?? f.kind;
  return f.field && message.startsWith(f.field) ? message.slice(f.field.length).replace(/^[：:]\s*/, '') : message;
}

function rowElement(r) {
  const f = r.fields;
  const record = el('td', { className: 'record' },
    el('span', { className: 'name', textContent: pick(f, NAME_FIELDS) }),
    el('span', { className: 'code', textContent: pick(f, CODE_FIELDS) }),
    el('span', { className: 'wsh', textContent: pick(f, NUMBER_FIELDS) }));
  const p = r.publication;
  const publication = el('td', { className: `publication ${p?.status ?? ''}`, textContent: publicationText(p) });
  const findings = r.findings.length
    ? el('ul', { className: 'findings' }, ...r.findings.map((x) => el('li', { className: x.severity },
      el('span', { className: 'sev', textContent: t()[x.severity] ?? x.severity }),
      x.field ? el('code', { textContent: x.field }) : '',
      ' ', withoutField(x))))
    : el('span', { className: 'none', textContent: t().noFindings });
  const tr = el('tr', { className: r.valid ? 'valid' : 'invalid' },
    el('td', { className: 'row', textContent: String(r.row) }), record, publication, el('td', {}, findings));
  tr.dataset.row = String(r.row);
  return tr;
}

async function download() {
  if (!result) return;
  const { blob } = await ask({ type: 'csv', lang }).done;
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: result.name.replace(/\.(csv|tsv|txt|xlsx?)$/i, '') + '.checked.csv' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

$('file').addEventListener('change', (e) => checkFile(e.target.files[0]));
// The demo's sample file (www/data/records-sample.csv: five penalty records with known defects).
$('sample').addEventListener('click', async () => {
  const response = await fetch('data/records-sample.csv');
  checkFile(new File([await response.blob()], 'records-sample.csv', { type: 'text/csv' }));
});
const drop = $('drop');
drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  checkFile(e.dataTransfer.files[0]);
});
for (const id of ['f-severity', 'f-kind']) $(id).addEventListener('change', () => render(true));
// Another kind or day: the same file again.
for (const id of ['kind', 'as-of']) $(id).addEventListener('change', () => { if (lastFile) checkFile(lastFile); });
let typing;
$('f-text').addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(() => render(true), 150); });
$('more').addEventListener('click', () => render(false));
$('download').addEventListener('click', download);

// -------------------------------------------------------------------- form

let recordsModule = null;
const touched = new Set();

function buildForm() {
  const kind = $('form-kind').value;
  const form = $('record-form');
  const li = LABEL_INDEX[lang];
  form.replaceChildren(...FIELDS[kind].flatMap(([code, ...rest]) => {
    const [type, choices] = [rest[3], rest[4]];
    const id = `f-${code}`;
    let input;
    if (type === 'select') {
      input = el('select', { id, name: code },
        el('option', { value: '', textContent: t().select }),
        ...choices.map((c) => el('option', { value: c, textContent: c })));
    } else if (type === 'textarea') input = el('textarea', { id, name: code, rows: 2 });
    else input = el('input', { id, name: code, type: 'text', placeholder: type === 'date' ? '2026-11-20' : '' });
    const message = el('div', { className: 'field-messages', id: `m-${code}` });
    message.setAttribute('aria-live', 'polite');
    input.setAttribute('aria-describedby', message.id);
    const label = el('label', { htmlFor: id }, el('span', { textContent: rest[li - 1] }), el('code', { textContent: code }));
    return [label, el('div', { className: 'field' }, input, message)];
  }));
  touched.clear();
  checkForm();
}

async function checkForm() {
  if (!recordsModule) {
    $('form-summary').textContent = t().formLoading;
    recordsModule = await loadRecords();
  }
  const form = $('record-form');
  const record = {};
  for (const input of form.querySelectorAll('[name]')) if (input.value !== '') record[input.name] = input.value;
  let report;
  try {
    report = recordsModule.validateRecord(record, { asOf: $('form-as-of').value || today(), kind: $('form-kind').value });
  } catch (e) {
    $('form-summary').textContent = e.messages?.[lang] ?? e.message;
    return;
  }
  for (const box of form.querySelectorAll('.field-messages')) {
    const code = box.id.slice(2);
    const show = touched.has(code);
    const mine = show ? report.findings.filter((f) => f.field === code) : [];
    box.replaceChildren(...mine.map((f) => el('p', { className: f.severity, textContent: withoutField(f) })));
    const input = $(`f-${code}`);
    input.classList.toggle('has-error', mine.some((f) => f.severity === 'error'));
    input.setAttribute('aria-invalid', String(mine.some((f) => f.severity === 'error')));
  }
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const warnings = report.findings.length - errors;
  const general = report.findings.filter((f) => !f.field).map((f) => f.message?.[lang] ?? f.kind);
  const summary = [report.valid && !warnings ? t().formValid : t().formInvalid(errors, warnings), publicationText(report.publication), ...general]
    .filter(Boolean).join(' ');
  $('form-summary').textContent = summary;
  $('form-summary').className = `status ${report.valid ? 'done' : 'error'}`;
  form.dataset.checked = String(Number(form.dataset.checked ?? 0) + 1);
}

$('record-form').addEventListener('input', (e) => {
  if (e.target.name) touched.add(e.target.name);
  checkForm();
});
$('record-form').addEventListener('focusout', (e) => {
  if (e.target.name && !touched.has(e.target.name)) {
    touched.add(e.target.name);
    checkForm();
  }
});
$('form-kind').addEventListener('change', buildForm);
$('form-as-of').addEventListener('change', checkForm);

// -------------------------------------------------------------- tabs, lang

function selectTab(which) {
  for (const name of ['file', 'form']) {
    $(`tab-${name}`).setAttribute('aria-selected', String(name === which));
    $(`panel-${name}`).hidden = name !== which;
  }
  if (which === 'form' && !$('record-form').childElementCount) buildForm();
}
$('tab-file').addEventListener('click', () => selectTab('file'));
$('tab-form').addEventListener('click', () => selectTab('form'));

function relabel() {
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll('[data-t]')) {
    const v = t()[node.dataset.t];
    if (typeof v === 'string') node.textContent = v;
  }
  if (result) showResult();
  if ($('record-form').childElementCount) {
    const values = Object.fromEntries([...$('record-form').querySelectorAll('[name]')].map((i) => [i.name, i.value]));
    const keep = new Set(touched);
    buildForm();
    for (const [name, value] of Object.entries(values)) $(`f-${name}`).value = value;
    for (const name of keep) touched.add(name);
    checkForm();
  }
}
$('lang').addEventListener('change', (e) => { lang = e.target.value; relabel(); });
if (location.hash === '#form') selectTab('form');
document.body.dataset.ready = 'true';
