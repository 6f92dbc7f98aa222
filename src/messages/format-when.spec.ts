import { formatAnswerBy, formatLocalDateTime } from './format-when';

const ZONE = 'Europe/Stockholm';
const at = (iso: string) => new Date(iso);

describe(formatAnswerBy.name, () => {
  // Saturday 2026-11-21, 23:30 in Stockholm (UTC+1).
  const saturdayNight = at('2026-11-21T22:30:00Z');

  it('says today for a later time the same local day', () => {
    const now = at('2026-11-24T09:00:00Z');
    expect(formatAnswerBy(at('2026-11-24T13:00:00Z'), now, 'sv', ZONE)).toBe('i dag kl. 14:00');
    expect(formatAnswerBy(at('2026-11-24T13:00:00Z'), now, 'en', ZONE)).toBe('today at 14:00');
  });

  it('says tomorrow for the next local day', () => {
    const now = at('2026-11-24T09:00:00Z');
    expect(formatAnswerBy(at('2026-11-25T07:00:00Z'), now, 'sv', ZONE)).toBe('i morgon kl. 08:00');
    expect(formatAnswerBy(at('2026-11-25T07:00:00Z'), now, 'en', ZONE)).toBe('tomorrow at 08:00');
  });

  it('names the weekday within the coming six days', () => {
    const monday = at('2026-11-23T07:00:00Z');
    expect(formatAnswerBy(monday, saturdayNight, 'sv', ZONE)).toBe('på måndag kl. 08:00');
    expect(formatAnswerBy(monday, saturdayNight, 'en', ZONE)).toBe('on Monday at 08:00');
    const friday = at('2026-11-27T07:00:00Z');
    expect(formatAnswerBy(friday, saturdayNight, 'sv', ZONE)).toBe('på fredag kl. 08:00');
  });

  it('gives the date from seven days on, without the year when it is the current one', () => {
    const nextSaturday = at('2026-11-28T07:00:00Z');
    expect(formatAnswerBy(nextSaturday, saturdayNight, 'sv', ZONE)).toBe(
      'den 28 november kl. 08:00',
    );
    expect(formatAnswerBy(nextSaturday, saturdayNight, 'en', ZONE)).toBe('on 28 November at 08:00');
  });

  it('adds the year when the date falls in another local year', () => {
    const now = at('2026-12-30T12:00:00Z');
    expect(formatAnswerBy(at('2027-01-07T07:00:00Z'), now, 'sv', ZONE)).toBe(
      'den 7 januari 2027 kl. 08:00',
    );
    expect(formatAnswerBy(at('2027-01-07T07:00:00Z'), now, 'en', ZONE)).toBe(
      'on 7 January 2027 at 08:00',
    );
  });

  it('takes the current year in the zone: just after local New Year it is already 2027', () => {
    const newYearNight = at('2026-12-31T23:30:00Z');
    expect(formatAnswerBy(at('2027-01-20T07:00:00Z'), newYearNight, 'sv', ZONE)).toBe(
      'den 20 januari kl. 08:00',
    );
    expect(formatAnswerBy(at('2027-01-01T07:00:00Z'), newYearNight, 'en', ZONE)).toBe(
      'today at 08:00',
    );
  });

  it('counts local days around midnight in winter (UTC+1), not UTC days', () => {
    expect(formatAnswerBy(at('2026-11-21T22:45:00Z'), saturdayNight, 'sv', ZONE)).toBe(
      'i dag kl. 23:45',
    );
    expect(formatAnswerBy(at('2026-11-21T23:15:00Z'), saturdayNight, 'sv', ZONE)).toBe(
      'i morgon kl. 00:15',
    );
    // Monday 00:30 local is still Sunday in UTC.
    const mondayNight = at('2026-11-22T23:30:00Z');
    expect(formatAnswerBy(at('2026-11-23T07:00:00Z'), mondayNight, 'en', ZONE)).toBe(
      'today at 08:00',
    );
  });

  it('counts local days around midnight in summer (UTC+2)', () => {
    const fridayNight = at('2026-06-12T21:30:00Z');
    expect(formatAnswerBy(at('2026-06-12T21:45:00Z'), fridayNight, 'sv', ZONE)).toBe(
      'i dag kl. 23:45',
    );
    expect(formatAnswerBy(at('2026-06-12T22:30:00Z'), fridayNight, 'sv', ZONE)).toBe(
      'i morgon kl. 00:30',
    );
    expect(formatAnswerBy(at('2026-06-14T22:30:00Z'), fridayNight, 'en', ZONE)).toBe(
      'on Monday at 00:30',
    );
  });

  it('keeps tomorrow right across the spring change, when Sunday has 23 hours', () => {
    const saturday = at('2026-03-28T22:30:00Z');
    expect(formatAnswerBy(at('2026-03-29T21:59:00Z'), saturday, 'sv', ZONE)).toBe(
      'i morgon kl. 23:59',
    );
    expect(formatAnswerBy(at('2026-03-29T22:30:00Z'), saturday, 'sv', ZONE)).toBe(
      'på måndag kl. 00:30',
    );
  });

  it('keeps tomorrow right across the autumn change, when Sunday has 25 hours', () => {
    const saturday = at('2026-10-24T21:30:00Z');
    expect(formatAnswerBy(at('2026-10-25T22:30:00Z'), saturday, 'en', ZONE)).toBe(
      'tomorrow at 23:30',
    );
    expect(formatAnswerBy(at('2026-10-25T23:30:00Z'), saturday, 'en', ZONE)).toBe(
      'on Monday at 00:30',
    );
  });

  it('gives an earlier day as a date rather than a weekday', () => {
    expect(formatAnswerBy(at('2026-11-20T07:00:00Z'), saturdayNight, 'sv', ZONE)).toBe(
      'den 20 november kl. 08:00',
    );
  });
});

describe(formatLocalDateTime.name, () => {
  it('writes ISO-like local time in Swedish and day-month-year in English', () => {
    const instant = at('2026-11-24T07:00:00Z');
    expect(formatLocalDateTime(instant, 'sv', ZONE)).toBe('2026-11-24 08:00');
    expect(formatLocalDateTime(instant, 'en', ZONE)).toBe('24 Nov 2026 08:00');
  });

  it('writes local midnight as 00:00 on the new day', () => {
    expect(formatLocalDateTime(at('2026-11-23T23:00:00Z'), 'sv', ZONE)).toBe('2026-11-24 00:00');
  });

  it('abbreviates every English month to three letters, September too', () => {
    expect(formatLocalDateTime(at('2026-09-07T10:00:00Z'), 'en', ZONE)).toBe('7 Sep 2026 12:00');
  });
});
