// The demo page and the elements on a phone: Debian's headless Chromium
// (playwright-core) emulating touch screens 320, 375 and 768 CSS px wide.
// Measures what a phone user meets: no horizontal scroll, the whole 18-character
// code visible in the input and in the normalized line, suggestions wrapped
// inside the element, touch targets of at least 44 px, the status card inside
// the viewport, the form stacked on narrow screens, and a keyboard that offers
// upper-case letters and digits. UPDATE_SCREENSHOT=1 writes docs/mobile-<width>.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { startBrowser } from './chromium.mjs';

let session;

before(async () => {
  session = await startBrowser();
});

after(async () => {
  await session?.close();
});

const INPUT = '#code [part=input]';
/** A valid code with a status card in the demo data (restricted: the longest card). */
const VALID = '91350200MA31F7KX1J';
/** A typo (check character) for which three suggestions are shown. */
const TYPO = '91350100M000100Y4A';
/** WCAG 2.5.5 (target size, enhanced): 44 × 44 CSS px. */
const TARGET = 44;

/** Opens the demo as a phone (or tablet) of this width would; fails on console errors. */
async function openPhone(width) {
  const context = await session.browser.newContext({
    viewport: { width, height: 800 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2,
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${session.base}/`);
  await page.waitForSelector('body[data-ready]');
  await page.waitForSelector(INPUT);
  return { page, problems, context };
}

/** Horizontal overflow of the page (0: none). */
const pageOverflow = (page) => page.evaluate(() => {
  const s = document.scrollingElement;
  return s.scrollWidth - s.clientWidth;
});

/** What the code input shows, measured inside its shadow root. */
const measureInput = (page) => page.evaluate(() => {
  const host = document.getElementById('code');
  const root = host.shadowRoot;
  const input = root.getElementById('input');
  const code = root.getElementById('code');
  const h = host.getBoundingClientRect();
  const c = code.getBoundingClientRect();
  // The text's own extent (a Range), not the block's: a line running past the host shows here.
  const range = document.createRange();
  range.selectNodeContents(code);
  const text = range.getBoundingClientRect();
  const buttons = [...root.querySelectorAll('[part=suggestion]')].map((b) => {
    const r = b.getBoundingClientRect();
    return { code: b.dataset.code, left: r.left, right: r.right, width: r.width, height: r.height };
  });
  return {
    host: { left: h.left, right: h.right },
    input: { scrollWidth: input.scrollWidth, clientWidth: input.clientWidth, value: input.value },
    keyboard: {
      inputmode: input.getAttribute('inputmode'), autocapitalize: input.getAttribute('autocapitalize'),
      enterkeyhint: input.getAttribute('enterkeyhint'), autocomplete: input.getAttribute('autocomplete'),
      spellcheck: input.getAttribute('spellcheck'), autocorrect: input.getAttribute('autocorrect'),
    },
    normalized: {
      text: code.textContent, scrollWidth: code.scrollWidth, clientWidth: code.clientWidth,
      left: Math.min(c.left, text.left), right: Math.max(c.right, text.right),
    },
    buttons,
  };
});

/** Bounding boxes of the demo's own controls. */
const measureControls = (page) => page.evaluate(() => Object.fromEntries(
  ['applicant', 'as-of', 'submit', 'lang'].map((id) => {
    const r = document.getElementById(id).getBoundingClientRect();
    return [id, { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height }];
  }),
));

for (const width of [320, 375, 768]) {
  test(`${width} px: no horizontal scroll, the whole code visible, 44 px targets, card inside the viewport`, async () => {
    const { page, problems, context } = await openPhone(width);
    assert.equal(await page.evaluate(() => innerWidth), width);
    assert.equal(await pageOverflow(page), 0, 'the page scrolls sideways before typing');

    // The on-screen keyboard: upper-case letters and digits.
    await page.locator(INPUT).tap();
    const typed = await measureInput(page);
    assert.deepEqual(typed.keyboard, {
      inputmode: 'text', autocapitalize: 'characters', enterkeyhint: 'done', autocomplete: 'off',
      spellcheck: 'false', autocorrect: 'off',
    });

    // A valid code: all 18 characters inside the input and on the normalized line.
    await page.locator(INPUT).pressSequentially(VALID);
    let m = await measureInput(page);
    assert.equal(m.input.value, VALID);
    assert.ok(m.input.scrollWidth <= m.input.clientWidth,
      `the code scrolls inside the input: scrollWidth ${m.input.scrollWidth} > clientWidth ${m.input.clientWidth}`);
    assert.equal(m.normalized.text, VALID);
    assert.ok(m.normalized.scrollWidth <= m.normalized.clientWidth, 'the normalized line overflows its box');
    assert.ok(m.normalized.left >= m.host.left - 0.5 && m.normalized.right <= m.host.right + 0.5,
      `the normalized code runs past the element: ${JSON.stringify(m.normalized)} vs ${JSON.stringify(m.host)}`);
    assert.equal(await pageOverflow(page), 0, 'the page scrolls sideways with a code typed');

    // The status card for it, inside the viewport.
    await page.locator('#submit').tap();
    await page.waitForSelector('#result[data-verdict=restricted]');
    const card = await page.evaluate(() => {
      const host = document.getElementById('result');
      const r = host.shadowRoot.querySelector('[part=card]').getBoundingClientRect();
      const inner = [...host.shadowRoot.querySelectorAll('*:not(.sr-only)')].map((e) => e.getBoundingClientRect())
        .filter((b) => b.width > 0);
      return {
        left: r.left, right: r.right, width: innerWidth,
        widest: Math.max(...inner.map((b) => b.right)), leftmost: Math.min(...inner.map((b) => b.left)),
      };
    });
    assert.ok(card.left >= 0 && card.right <= card.width, `the card is outside the viewport: ${JSON.stringify(card)}`);
    assert.ok(card.leftmost >= card.left && card.widest <= card.right + 0.5,
      `something in the card runs past it: ${JSON.stringify(card)}`);
    assert.equal(await pageOverflow(page), 0, 'the page scrolls sideways with the card shown');

    // A typo: the three suggestions wrap inside the element, each a 44 px target.
    await page.locator(INPUT).fill(TYPO);
    await page.waitForSelector('#code [part=suggestion]');
    m = await measureInput(page);
    assert.ok(m.input.scrollWidth <= m.input.clientWidth, 'the typo scrolls inside the input');
    assert.equal(m.normalized.text, TYPO);
    assert.ok(m.normalized.right <= m.host.right + 0.5, 'the marked code runs past the element');
    assert.equal(m.buttons.length, 3);
    for (const b of m.buttons) {
      assert.ok(b.height >= TARGET && b.width >= TARGET, `suggestion ${b.code} is ${b.width} × ${b.height} px`);
      assert.ok(b.left >= m.host.left - 0.5 && b.right <= m.host.right + 0.5, `suggestion ${b.code} runs past the element`);
    }
    assert.equal(await pageOverflow(page), 0, 'the page scrolls sideways with suggestions shown');

    // The demo's controls: 44 px tall; the form stacks (labels above fields) below 40rem.
    const controls = await measureControls(page);
    for (const [id, r] of Object.entries(controls)) {
      assert.ok(r.height >= TARGET, `#${id} is ${r.height} px tall`);
      assert.ok(r.left >= 0 && r.right <= width, `#${id} is outside the viewport: ${JSON.stringify(r)}`);
    }
    const stacked = await page.evaluate(() => {
      const label = document.querySelector('label[for=applicant]').getBoundingClientRect();
      const field = document.getElementById('applicant').getBoundingClientRect();
      return label.bottom <= field.top;
    });
    assert.equal(stacked, width < 640, `the form should ${width < 640 ? '' : 'not '}stack at ${width} px`);

    mkdirSync('target', { recursive: true });
    const path = process.env.UPDATE_SCREENSHOT ? `docs/mobile-${width}.png` : `target/mobile-${width}.png`;
    // What a phone shows first (and a little more): the header, the form with the
    // suggestions, the start of the status card.
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path, scale: 'css', fullPage: true, clip: { x: 0, y: 0, width, height: 1100 } });
    assert.ok(statSync(path).size < 250_000, `${path} is ${statSync(path).size} bytes`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the elements alone fit a 240 px column: the code wraps instead of running out', async () => {
  const { page, context } = await openPhone(320);
  await page.evaluate(() => { document.getElementById('code').style.width = '240px'; });
  await page.locator(INPUT).fill(TYPO);
  await page.waitForSelector('#code [part=suggestion]');
  const m = await measureInput(page);
  assert.ok(m.input.scrollWidth <= m.input.clientWidth, `${m.input.scrollWidth} > ${m.input.clientWidth}`);
  assert.ok(m.normalized.right <= m.host.right + 0.5, 'the normalized code runs past the element');
  for (const b of m.buttons) assert.ok(b.right <= m.host.right + 0.5, `suggestion ${b.code} runs past the element`);
  await context.close();
});
