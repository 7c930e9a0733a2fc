// Reads the shared vector files (tests/vectors/*.tsv) the way tests/vectors.rs does.
import { readFileSync } from 'node:fs';

/** Rows of a vector file: comments skipped, header dropped, split on tabs. */
export function rows(name) {
  const text = readFileSync(new URL(`../vectors/${name}`, import.meta.url), 'utf8');
  return text.split('\n').filter((l) => l && !l.startsWith('#')).slice(1).map((l) => l.split('\t'));
}

/** `kind@position` keys of a result's errors, sorted. */
export const errorKeys = (errors) => errors.map((e) => (e.position ? `${e.kind}@${e.position}` : e.kind)).sort();

/** The expected keys in a vector's errors column. */
export const expectedKeys = (column) => column.split(/\s+/).filter((k) => k && k !== '-').sort();
