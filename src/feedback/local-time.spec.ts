import { isCalendarDate, zonedDateTimeToInstant } from './local-time';

describe(zonedDateTimeToInstant.name, () => {
  const stockholm = (date: string, time: string) =>
    zonedDateTimeToInstant(date, time, 'Europe/Stockholm').toISOString();

  it('reads winter time as UTC+1 and summer time as UTC+2', () => {
    expect(stockholm('2026-01-15', '07:45')).toBe('2026-01-15T06:45:00.000Z');
    expect(stockholm('2021-10-05', '17:30')).toBe('2021-10-05T15:30:00.000Z');
  });

  it('reads a time the spring change skips as the first instant after the gap', () => {
    expect(stockholm('2026-03-29', '01:59')).toBe('2026-03-29T00:59:00.000Z');
    expect(stockholm('2026-03-29', '02:30')).toBe('2026-03-29T01:00:00.000Z');
    expect(stockholm('2026-03-29', '03:00')).toBe('2026-03-29T01:00:00.000Z');
  });

  it('reads a time the autumn change repeats as its first occurrence, in summer time', () => {
    expect(stockholm('2026-10-25', '01:30')).toBe('2026-10-24T23:30:00.000Z');
    expect(stockholm('2026-10-25', '02:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(stockholm('2026-10-25', '03:30')).toBe('2026-10-25T02:30:00.000Z');
  });

  it('works for midnight and for other zones', () => {
    expect(stockholm('2026-07-01', '00:00')).toBe('2026-06-30T22:00:00.000Z');
    expect(zonedDateTimeToInstant('2026-07-01', '12:00', 'UTC').toISOString()).toBe(
      '2026-07-01T12:00:00.000Z',
    );
  });
});

describe(isCalendarDate.name, () => {
  it.each([
    ['2026-02-28', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-04-31', false],
  ])('%s → %s', (date, expected) => {
    expect(isCalendarDate(date)).toBe(expected);
  });
});
