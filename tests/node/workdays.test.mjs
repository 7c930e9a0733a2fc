// Working days and publication deadlines through the built package.
// Expected values worked out by hand from the State Council notices.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isWorkingDay, addWorkingDays, workingDaysBetween, publicationDeadline } from 'xinyong';

test('Spring Festival 2024 with its make-up Sundays', () => {
  assert.equal(isWorkingDay('2024-02-04'), true); // Sunday, make-up working day
  assert.equal(isWorkingDay('2024-02-12'), false); // Monday in the holiday
  assert.equal(isWorkingDay('2024-02-18'), true); // Sunday, make-up working day
  assert.equal(isWorkingDay('2024-02-17'), false); // Saturday, last day off
});

test('deadlines across the New Year and the holiday weeks', () => {
  assert.equal(addWorkingDays('2025-12-26', 7), '2026-01-07');
  assert.equal(workingDaysBetween('2025-12-26', '2026-01-07'), 7);
  const d = publicationDeadline('2024-02-08', 'samr-20wd');
  assert.equal(d.due, '2024-03-13');
  assert.equal(d.rule, 'samr-20wd');
  assert.ok(d.citation);
});

test('fail closed outside the calendar; bad input is a typed error', () => {
  assert.equal(isWorkingDay('2026-12-31'), true); // last covered day (Thursday)
  assert.throws(() => isWorkingDay('2027-01-01'), (e) => e.kind === 'year_not_covered' && e.year === 2027);
  assert.throws(() => addWorkingDays('2026-12-30', 5), (e) => e.kind === 'year_not_covered');
  assert.throws(() => isWorkingDay('2024-02-30'), (e) => e.kind === 'invalid_date' && e.field === 'date');
  assert.throws(() => publicationDeadline('2024-02-08', 'weekly'), (e) => e.kind === 'unknown_rule');
  assert.equal(isWorkingDay('2024-02-19'), true);
});
