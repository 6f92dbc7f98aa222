import { CASE_REFERENCE_PATTERN, referenceYearIn } from './case-reference';

describe(referenceYearIn.name, () => {
  it('takes the year in the area zone, not UTC: New Year in Stockholm comes an hour early', () => {
    const stockholmNewYear = new Date('2026-12-31T23:30:00Z');
    expect(referenceYearIn('Europe/Stockholm')(stockholmNewYear)).toBe('2027');
    expect(referenceYearIn('UTC')(stockholmNewYear)).toBe('2026');
  });
});

describe('CASE_REFERENCE_PATTERN', () => {
  it('takes six digits and more, nothing else', () => {
    expect(CASE_REFERENCE_PATTERN.test('SP-2026-000123')).toBe(true);
    expect(CASE_REFERENCE_PATTERN.test('SP-2026-12345678')).toBe(true);
    expect(CASE_REFERENCE_PATTERN.test('SP-2026-123')).toBe(false);
    expect(CASE_REFERENCE_PATTERN.test('sp-2026-000123')).toBe(false);
  });
});
