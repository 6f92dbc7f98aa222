import { CASE_REFERENCE_PATTERN, formatCaseReference } from './case-reference';

describe(formatCaseReference.name, () => {
  it('pads the sequence to six digits and uses the year of arrival', () => {
    expect(formatCaseReference(123, new Date('2026-05-02T10:00:00Z'), 'Europe/Stockholm')).toBe(
      'SP-2026-000123',
    );
  });

  it('takes the year in the area zone, not UTC: New Year in Stockholm comes an hour early', () => {
    const stockholmNewYear = new Date('2026-12-31T23:30:00Z');
    expect(formatCaseReference(7, stockholmNewYear, 'Europe/Stockholm')).toBe('SP-2027-000007');
    expect(formatCaseReference(7, stockholmNewYear, 'UTC')).toBe('SP-2026-000007');
  });

  it('grows past six digits instead of wrapping', () => {
    expect(
      formatCaseReference(12345678, new Date('2026-01-10T00:00:00Z'), 'Europe/Stockholm'),
    ).toBe('SP-2026-12345678');
    expect(CASE_REFERENCE_PATTERN.test('SP-2026-12345678')).toBe(true);
  });
});
