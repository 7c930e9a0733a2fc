// The approval-portal demo: an application form with <xinyong-code-input>; on a
// valid code the entity is looked up in the demo data (www/data: one JSON file
// per entity, standing in for the portal's own API) and its status card shown;
// plus a gallery of cases. The page's own DOM is built with createElement and
// textContent only.
import '/pkg/define.mjs';

const UI = {
  'zh-Hans': {
    title: '行政审批门户 · 信用核查（演示）', lang: '语言', apply: '许可申请', applicant: '申请单位名称',
    code: '统一社会信用代码', asOf: '查询日期', submit: '查询信用状态', gallery: '案例',
    galleryNote: '虚构主体，查询日期同上。', fallback: '（校验组件未加载时，可直接填写，提交后由服务器校验）',
    submitted: (c) => `已提交：${c}`, records: '双公示数据检查',
  },
  'zh-Hant': {
    title: '行政審批入口網站 · 信用核查（示範）', lang: '語言', apply: '許可申請', applicant: '申請單位名稱',
    code: '統一社會信用代碼', asOf: '查詢日期', submit: '查詢信用狀態', gallery: '案例',
    galleryNote: '虛構主體，查詢日期同上。', fallback: '（校驗元件未載入時，可直接填寫，提交後由伺服器校驗）',
    submitted: (c) => `已提交：${c}`, records: '雙公示資料檢查',
  },
  en: {
    title: 'Approval portal · credit check (demo)', lang: 'Language', apply: 'Licence application',
    applicant: 'Applicant', code: 'Unified Social Credit Code', asOf: 'As of', submit: 'Check credit status',
    gallery: 'Cases', galleryNote: 'Fictitious entities, as of the date above.',
    fallback: '(if the checker does not load, type the code; the server checks it)',
    submitted: (c) => `Submitted: ${c}`, records: 'Records check (双公示)',
  },
};

const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};
let lang = 'zh-Hans';
const data = await (await fetch('data/index.json')).json();
const known = new Set(data.known);
const asOf = () => $('as-of').value || data.asOf;

/** Points a status card at the entity with this code (or "no record found"). */
function show(card, code) {
  card.setAttribute('as-of', asOf());
  card.setAttribute('lang', lang);
  card.setAttribute('code', code);
  if (known.has(code)) {
    card.setAttribute('src', `data/entities/${code}.json`);
  } else {
    card.removeAttribute('src');
    card.entity = null;
  }
}

function buildGallery() {
  $('gallery').replaceChildren(...data.gallery.map((g) => {
    const card = el('xinyong-credit-status', { className: 'case' });
    card.dataset.case = g.case;
    const item = el('li', {}, el('h3', { textContent: g.title[lang] }), card);
    item.dataset.case = g.case;
    show(card, g.code);
    return item;
  }));
}

function relabel() {
  const t = UI[lang];
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll('[data-t]')) {
    const v = t[node.dataset.t];
    if (typeof v === 'string') node.textContent = v;
  }
  for (const node of document.querySelectorAll('xinyong-code-input, xinyong-credit-status')) node.setAttribute('lang', lang);
  document.querySelectorAll('#gallery li').forEach((li, i) => { li.querySelector('h3').textContent = data.gallery[i].title[lang]; });
}

$('form').addEventListener('submit', (e) => {
  e.preventDefault(); // the demo has no server: show what would be submitted, and the card
  const code = new FormData(e.target).get('code');
  $('submitted').textContent = UI[lang].submitted(code);
  const card = $('result');
  card.hidden = false;
  show(card, code);
});
$('lang').addEventListener('change', (e) => { lang = e.target.value; relabel(); });
$('as-of').addEventListener('change', () => {
  for (const card of document.querySelectorAll('xinyong-credit-status')) card.setAttribute('as-of', asOf());
});

buildGallery();
relabel();
await customElements.whenDefined('xinyong-code-input');
document.body.dataset.ready = 'true';
