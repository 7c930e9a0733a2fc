// Fast generator of test USCCs (no wasm call per code) for the CLI tests and
// the figures in the README: GB 32100 check character over a GB 11714
// organization code.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const DIVISIONS = ['110000', '310000', '350100', '350200', '440300', '510100', '620105', '330106'];

export function orgCheck(body) {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body[i], 36) * ORG_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export function usccCheck(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** The n-th valid code: distinct for distinct n below 10^8. */
export function validCode(n) {
  const body = String(n).padStart(8, '0');
  const first17 = `9${1 + (n % 3)}${DIVISIONS[n % DIVISIONS.length]}${body}${orgCheck(body)}`;
  return first17 + usccCheck(first17);
}

/** A wrong check character, for the n-th code. */
export function badCheckChar(code) {
  const right = code[17];
  return code.slice(0, 17) + ALPHABET[(ALPHABET.indexOf(right) + 1) % 31];
}

/**
 * Rows of the large test file: `rows` codes where every 100th has a wrong
 * check character, every 1000th (offset 50) is one character short, and every
 * 500th (offset 7) repeats the code before it. Returns the expected counts.
 */
export function largeRows(rows, each) {
  const expect = { rows, valid: 0, check_char: 0, length: 0, duplicates: 0 };
  let previous = '';
  for (let i = 0; i < rows; i++) {
    let code = validCode(i);
    if (i % 500 === 7) {
      code = previous;
      expect.duplicates++;
    }
    if (i % 100 === 99) {
      code = badCheckChar(code);
      expect.check_char++;
    } else if (i % 1000 === 50) {
      code = code.slice(0, 17);
      expect.length++;
    } else expect.valid++;
    each(i, code);
    previous = code;
  }
  return expect;
}
