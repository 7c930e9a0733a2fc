// A plain JavaScript implementation of the same check as xinyong's isValid:
// GB 32100 check character (31 written 0), the authority/entity-type table,
// digits in positions 3-8, and GB 11714 on positions 9-17. The reference the
// benchmark compares against; written for speed with lookup tables, no
// normalization beyond upper-casing.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) {
  VALUE[ALPHABET.charCodeAt(i)] = i;
  VALUE[ALPHABET.toLowerCase().charCodeAt(i)] = i;
}
const TYPES = { 1: '1239', 2: '19', 3: '123459', 4: '19', 5: '1239', 6: '129', 7: '129', 8: '19', 9: '123', A: '19', N: '1239', Y: '1' };
// PAIR[authority char code] is a bit mask of the entity-type digits allowed.
const PAIR = new Uint16Array(128);
for (const [a, ts] of Object.entries(TYPES)) {
  for (const t of ts) {
    PAIR[a.charCodeAt(0)] |= 1 << Number(t);
    PAIR[a.toLowerCase().charCodeAt(0)] |= 1 << Number(t);
  }
}

function orgValue(c) {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 90) return c - 55;
  if (c >= 97 && c <= 122) return c - 87;
  return -1;
}

/** Whether `code` is a valid USCC (18 characters, upper or lower case). */
export function isValidPlain(code) {
  if (typeof code !== 'string' || code.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = code.charCodeAt(i);
    const v = c < 128 ? VALUE[c] : -1;
    if (v < 0) return false;
    sum += v * WEIGHTS[i];
  }
  const last = code.charCodeAt(17);
  const check = last < 128 ? VALUE[last] : -1;
  if (check !== (31 - (sum % 31)) % 31) return false;
  const a = code.charCodeAt(0);
  const e = code.charCodeAt(1) - 48;
  if (a >= 128 || e < 0 || e > 9 || !(PAIR[a] & (1 << e))) return false;
  for (let i = 2; i < 8; i++) {
    const c = code.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  let org = 0;
  for (let i = 0; i < 8; i++) org += orgValue(code.charCodeAt(8 + i)) * ORG_WEIGHTS[i];
  const d = 11 - (org % 11);
  const expected = d === 10 ? 88 : d === 11 ? 48 : 48 + d;
  const c17 = code.charCodeAt(16);
  return expected === (c17 >= 97 ? c17 - 32 : c17);
}
