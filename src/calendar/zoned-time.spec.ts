import {
  HOUR_MS,
  MINUTE_MS,
  dayNumberOf,
  isValidTimeZone,
  isoDateOf,
  isoWeekdayOf,
  offsetAt,
  parseIsoDate,
  wallClockAt,
  wallTimeToInstant,
} from './zoned-time';

const STHLM = 'Europe/Stockholm';
const at = (iso: string) => new Date(iso).getTime();
const day = (iso: string) => parseIsoDate(iso) as number;
/** The instant of a Stockholm wall time `HH:MM` on a date, as an ISO string. */
const stockholm = (date: string, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(wallTimeToInstant(day(date), h * HOUR_MS + m * MINUTE_MS, STHLM)).toISOString();
};

describe(parseIsoDate.name, () => {
  it('round-trips real dates through day numbers', () => {
    expect(parseIsoDate('1970-01-01')).toBe(0);
    expect(isoDateOf(day('2024-02-29'))).toBe('2024-02-29');
    expect(dayNumberOf({ year: 2026, month: 12, day: 24 })).toBe(day('2026-12-24'));
  });

  it.each(['2026-02-29', '2026-13-01', '2026-04-31', '26-01-01', '2026-1-1', ''])(
    'refuses %p',
    (text) => expect(parseIsoDate(text)).toBeNull(),
  );
});

describe(isoWeekdayOf.name, () => {
  it('numbers Monday 1 through Sunday 7, before and after the epoch', () => {
    expect(isoWeekdayOf(day('2026-06-19'))).toBe(5); // midsommarafton is a Friday
    expect(isoWeekdayOf(day('2026-03-29'))).toBe(7);
    expect(isoWeekdayOf(day('2026-12-28'))).toBe(1);
    expect(isoWeekdayOf(day('1969-12-29'))).toBe(1);
  });
});

describe(isValidTimeZone.name, () => {
  it('accepts IANA zones and refuses unknown or empty ones', () => {
    expect(isValidTimeZone(STHLM)).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe(offsetAt.name, () => {
  it('is +1 h in Stockholm winter and +2 h in summer', () => {
    expect(offsetAt(at('2026-01-15T12:00:00Z'), STHLM)).toBe(HOUR_MS);
    expect(offsetAt(at('2026-07-15T12:00:00Z'), STHLM)).toBe(2 * HOUR_MS);
  });

  it('changes exactly at 01:00 UTC on the changeover Sundays', () => {
    expect(offsetAt(at('2026-03-29T00:59:59Z'), STHLM)).toBe(HOUR_MS);
    expect(offsetAt(at('2026-03-29T01:00:00Z'), STHLM)).toBe(2 * HOUR_MS);
    expect(offsetAt(at('2026-10-25T00:59:59Z'), STHLM)).toBe(2 * HOUR_MS);
    expect(offsetAt(at('2026-10-25T01:00:00Z'), STHLM)).toBe(HOUR_MS);
  });
});

describe(wallClockAt.name, () => {
  it('gives the local day and time of day', () => {
    const wall = wallClockAt(at('2026-06-19T22:30:00Z'), STHLM);
    expect(isoDateOf(wall.dayNo)).toBe('2026-06-20');
    expect(wall.msOfDay).toBe(30 * MINUTE_MS);
  });

  it('keeps milliseconds', () => {
    expect(wallClockAt(at('2026-01-01T10:00:00.250Z'), 'UTC').msOfDay).toBe(10 * HOUR_MS + 250);
  });

  it('shows the repeated autumn hour twice', () => {
    const first = wallClockAt(at('2026-10-25T00:30:00Z'), STHLM);
    const second = wallClockAt(at('2026-10-25T01:30:00Z'), STHLM);
    expect(first).toEqual(second);
    expect(first.msOfDay).toBe(2.5 * HOUR_MS);
  });
});

describe(wallTimeToInstant.name, () => {
  it('reads ordinary winter and summer wall times', () => {
    expect(stockholm('2026-01-15', '07:45')).toBe('2026-01-15T06:45:00.000Z');
    expect(stockholm('2026-07-01', '00:00')).toBe('2026-06-30T22:00:00.000Z');
  });

  it('reads a time skipped in spring as the first instant after the gap (03:00 summer time)', () => {
    expect(stockholm('2026-03-29', '01:59')).toBe('2026-03-29T00:59:00.000Z');
    expect(stockholm('2026-03-29', '02:00')).toBe('2026-03-29T01:00:00.000Z');
    expect(stockholm('2026-03-29', '02:30')).toBe('2026-03-29T01:00:00.000Z');
    expect(stockholm('2026-03-29', '03:00')).toBe('2026-03-29T01:00:00.000Z');
    expect(stockholm('2026-03-29', '03:01')).toBe('2026-03-29T01:01:00.000Z');
  });

  it('reads a time repeated in autumn as its first occurrence (summer time)', () => {
    expect(stockholm('2026-10-25', '01:59')).toBe('2026-10-24T23:59:00.000Z');
    expect(stockholm('2026-10-25', '02:00')).toBe('2026-10-25T00:00:00.000Z');
    expect(stockholm('2026-10-25', '02:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(stockholm('2026-10-25', '03:00')).toBe('2026-10-25T02:00:00.000Z');
  });

  it('counts past 24 h into the next day (26:00 is 02:00 tomorrow)', () => {
    const instant = wallTimeToInstant(day('2026-01-15'), 26 * HOUR_MS, STHLM);
    expect(new Date(instant).toISOString()).toBe('2026-01-16T01:00:00.000Z');
  });

  it('never goes backwards across either change, minute by minute', () => {
    for (const date of ['2026-03-29', '2026-10-25']) {
      let previous = -Infinity;
      for (let minute = 0; minute < 24 * 60; minute++) {
        const instant = wallTimeToInstant(day(date), minute * MINUTE_MS, STHLM);
        expect(instant).toBeGreaterThanOrEqual(previous);
        previous = instant;
      }
    }
  });

  it('handles a zone that skips a whole day (Samoa, 2011-12-30)', () => {
    const instant = wallTimeToInstant(day('2011-12-30'), 12 * HOUR_MS, 'Pacific/Apia');
    expect(new Date(instant).toISOString()).toBe('2011-12-30T10:00:00.000Z');
    expect(isoDateOf(wallClockAt(instant, 'Pacific/Apia').dayNo)).toBe('2011-12-31');
  });
});
