// The first demo page: a code input with the live result. The DOM is built
// with createElement/textContent only, so nothing typed is parsed as HTML.
import { validate } from '/pkg/index.js';

const UI = {
  'zh-Hans': {
    title: '统一社会信用代码校验', lang: '语言', code: '统一社会信用代码', pilot: '接受福建试点期代码',
    examples: '示例', valid: '有效', invalid: '无效', normalized: '规范化后', authority: '登记管理部门',
    entityType: '机构类别', division: '行政区划代码', orgCode: '组织机构代码', suggestions: '您是否要输入：',
    empty: '请输入代码',
  },
  'zh-Hant': {
    title: '統一社會信用代碼校驗', lang: '語言', code: '統一社會信用代碼', pilot: '接受福建試點期代碼',
    examples: '範例', valid: '有效', invalid: '無效', normalized: '規範化後', authority: '登記管理部門',
    entityType: '機構類別', division: '行政區劃代碼', orgCode: '組織機構代碼', suggestions: '您是否要輸入：',
    empty: '請輸入代碼',
  },
  en: {
    title: 'Unified Social Credit Code check', lang: 'Language', code: 'Unified Social Credit Code',
    pilot: 'Accept Fujian pilot-era codes', examples: 'Examples', valid: 'Valid', invalid: 'Invalid',
    normalized: 'Normalized', authority: 'Registration authority', entityType: 'Entity type',
    division: 'Division code', orgCode: 'Organization code', suggestions: 'Did you mean:', empty: 'Enter a code',
  },
};

const EXAMPLES = [
  ['91350100M000100Y43', { 'zh-Hans': 'GB 32100 的示例', 'zh-Hant': 'GB 32100 的範例', en: 'the example in GB 32100' }],
  ['９１３５０１００ｍ０００１００ｙ４３', { 'zh-Hans': '全角、小写', 'zh-Hant': '全形、小寫', en: 'full-width, lower case' }],
  ['9135010OM000100Y43', { 'zh-Hans': '字母 O 误作数字 0', 'zh-Hant': '字母 O 誤作數字 0', en: 'letter O for digit 0' }],
  ['916201055811843000', { 'zh-Hans': '电子表格截断', 'zh-Hant': '試算表截斷', en: 'spreadsheet truncation' }],
  ['362322198709086409', { 'zh-Hans': '身份证号码', 'zh-Hant': '身分證號碼', en: 'a resident ID number' }],
  ['91350211M0000XUF46', { 'zh-Hans': '福建试点期代码', 'zh-Hant': '福建試點期代碼', en: 'Fujian pilot-era code' }],
  ['Y1110105MA1FL0LY9D', { 'zh-Hans': '登记管理部门 Y（其他）', 'zh-Hant': '登記管理部門 Y（其他）', en: 'authority Y (other)' }],
];

const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};
let lang = 'zh-Hans';

function render() {
  const t = UI[lang];
  const input = $('code').value;
  const result = $('result');
  if (!input.trim()) {
    result.replaceChildren(el('p', { textContent: t.empty }));
    return;
  }
  const r = validate(input, { acceptPilotCodes: $('pilot').checked });
  const bad = new Set(r.errors.map((e) => e.position).filter(Boolean));
  const code = el('p', { className: 'code' },
    ...[...r.normalized].map((c, i) => bad.has(i + 1) ? el('mark', { className: 'bad', textContent: c, title: `${i + 1}` }) : c));
  const parts = el('dl');
  const add = (label, value) => value && parts.append(el('dt', { textContent: label }), el('dd', { textContent: value }));
  add(t.authority, r.parts.authority && `${r.parts.authority.code} ${r.parts.authority.name[lang]}`);
  add(t.entityType, r.parts.entityType && `${r.parts.entityType.code} ${r.parts.entityType.name[lang]}`);
  add(t.division, r.parts.divisionCode);
  add(t.orgCode, r.parts.orgCode);
  const list = (cls, items) => items.length ? el('ul', { className: cls }, ...items.map((i) => el('li', { textContent: i.message[lang] }))) : '';
  const suggestions = r.suggestions.length
    ? el('p', { className: 'suggestions' }, t.suggestions + ' ',
      ...r.suggestions.slice(0, 5).map((s) => el('button', {
        type: 'button', textContent: s.code, onclick: () => { $('code').value = s.code; render(); },
      })))
    : '';
  result.replaceChildren(
    el('p', { className: `verdict ${r.valid ? 'valid' : 'invalid'}`, textContent: r.valid ? t.valid : t.invalid }),
    code, parts, list('errors', r.errors), list('warnings', r.warnings), list('diagnoses', r.diagnoses),
    list('notes', r.notes), suggestions,
  );
}

function relabel() {
  const t = UI[lang];
  document.documentElement.lang = lang;
  $('title').textContent = t.title;
  $('lang-label').textContent = t.lang;
  $('code-label').textContent = t.code;
  $('pilot-label').textContent = t.pilot;
  $('examples-title').textContent = t.examples;
  $('example-list').replaceChildren(...EXAMPLES.map(([code, why]) => el('li', {},
    el('button', { type: 'button', textContent: code, onclick: () => { $('code').value = code; render(); } }),
    el('span', { className: 'why', textContent: why[lang] }))));
  render();
}

$('code').addEventListener('input', render);
$('pilot').addEventListener('change', render);
$('lang').addEventListener('change', (e) => { lang = e.target.value; relabel(); });
$('form').addEventListener('submit', (e) => e.preventDefault());
relabel();
document.body.dataset.ready = 'true';
