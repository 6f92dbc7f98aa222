import { InvalidInputError } from '../infra/errors/app-error';
import { addBusinessTime, businessTimeBetween, isOpen, nextOpening } from './business-calendar';
import { compileCalendar } from './calendar-definition';
import type { CalendarDefinition, OpeningInterval, Weekday } from './calendar.model';
import { WEEKDAYS } from './calendar.model';

// ---- builders: a Mon–Fri 08–17 Stockholm office; each test overrides what it is about ----

const HOUR = 3_600_000;
const OFFICE: OpeningInterval[] = [{ start: '08:00', end: '17:00' }];
const WITH_LUNCH: OpeningInterval[] = [
  { start: '08:00', end: '12:00' },
  { start: '13:00', end: '17:00' },
];
const ALL_DAY: OpeningInterval[] = [{ start: '00:00', end: '24:00' }];

function week(
  workdays: OpeningInterval[],
  overrides: Partial<Record<Weekday, OpeningInterval[]>> = {},
): Record<Weekday, OpeningInterval[]> {
  const weekly = Object.fromEntries(
    WEEKDAYS.map((day) => [day, day === 'sat' || day === 'sun' ? [] : workdays]),
  ) as Record<Weekday, OpeningInterval[]>;
  return { ...weekly, ...overrides };
}

function everyDay(intervals: OpeningInterval[]): Record<Weekday, OpeningInterval[]> {
  return week(intervals, { sat: intervals, sun: intervals });
}

function onlyOn(day: Weekday, intervals: OpeningInterval[]): Record<Weekday, OpeningInterval[]> {
  return { ...week([]), [day]: intervals };
}

function calendar(overrides: Partial<CalendarDefinition> = {}) {
  return compileCalendar({
    timeZone: 'Europe/Stockholm',
    weekly: week(OFFICE),
    holidays: { set: 'SE' },
    exceptions: [],
    ...overrides,
  });
}

/** A local Stockholm time with its offset spelled out: `+01:00` in winter, `+02:00` in summer. */
const t = (local: string) => new Date(local);
const iso = (date: Date | null) => date?.toISOString() ?? null;
const hours = (ms: number) => ms / HOUR;
function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

const OFFICE_CAL = calendar();
const NIGHT_SUNDAY = calendar({ weekly: onlyOn('sun', [{ start: '00:00', end: '04:00' }]) });
const ALWAYS = calendar({ weekly: everyDay(ALL_DAY), holidays: { set: 'none' } });

describe(isOpen.name, () => {
  it('opens at the start instant and closes at the end instant', () => {
    expect(isOpen(OFFICE_CAL, t('2026-02-02T07:59:59.999+01:00'))).toBe(false);
    expect(isOpen(OFFICE_CAL, t('2026-02-02T08:00+01:00'))).toBe(true);
    expect(isOpen(OFFICE_CAL, t('2026-02-02T16:59:59.999+01:00'))).toBe(true);
    expect(isOpen(OFFICE_CAL, t('2026-02-02T17:00+01:00'))).toBe(false);
  });

  it('is closed at the weekend', () => {
    expect(isOpen(OFFICE_CAL, t('2026-02-07T12:00+01:00'))).toBe(false);
    expect(isOpen(OFFICE_CAL, t('2026-02-08T12:00+01:00'))).toBe(false);
  });

  it('is closed over lunch when a day has two intervals', () => {
    const cal = calendar({ weekly: week(WITH_LUNCH) });
    expect(isOpen(cal, t('2026-02-02T11:59+01:00'))).toBe(true);
    expect(isOpen(cal, t('2026-02-02T12:00+01:00'))).toBe(false);
    expect(isOpen(cal, t('2026-02-02T12:59+01:00'))).toBe(false);
    expect(isOpen(cal, t('2026-02-02T13:00+01:00'))).toBe(true);
  });

  it('runs an interval across midnight into the next day', () => {
    const cal = calendar({ weekly: onlyOn('fri', [{ start: '22:00', end: '02:00' }]) });
    expect(isOpen(cal, t('2026-02-06T21:59+01:00'))).toBe(false);
    expect(isOpen(cal, t('2026-02-06T22:00+01:00'))).toBe(true);
    expect(isOpen(cal, t('2026-02-07T01:59+01:00'))).toBe(true);
    expect(isOpen(cal, t('2026-02-07T02:00+01:00'))).toBe(false);
  });

  it('lets the day an interval starts on decide it: a shift starting on julafton never runs', () => {
    const cal = calendar({ weekly: everyDay([{ start: '22:00', end: '02:00' }]) });
    expect(isOpen(cal, t('2026-12-24T01:00+01:00'))).toBe(true); // Wednesday's shift
    expect(isOpen(cal, t('2026-12-24T23:00+01:00'))).toBe(false);
    expect(isOpen(cal, t('2026-12-25T01:00+01:00'))).toBe(false);
  });

  it('closes on a public holiday that falls on a weekday (Kristi himmelsfärdsdag)', () => {
    expect(isOpen(OFFICE_CAL, t('2026-05-14T10:00+02:00'))).toBe(false);
    expect(isOpen(OFFICE_CAL, t('2026-05-15T10:00+02:00'))).toBe(true);
  });

  it('stays open on skärtorsdagen and other observances', () => {
    expect(isOpen(OFFICE_CAL, t('2026-04-02T10:00+02:00'))).toBe(true);
  });

  it('closes on midsommarafton by default, but not when closeOn leaves out the eves', () => {
    expect(isOpen(OFFICE_CAL, t('2026-06-19T10:00+02:00'))).toBe(false);
    const onlyPublic = calendar({ holidays: { set: 'SE', closeOn: ['public'] } });
    expect(isOpen(onlyPublic, t('2026-06-19T10:00+02:00'))).toBe(true);
    expect(isOpen(onlyPublic, t('2026-05-14T10:00+02:00'))).toBe(false);
  });

  it('keeps the weekly hours on holidays when closeOn is empty or the set is none', () => {
    const juldagen = t('2026-12-25T10:00+01:00');
    expect(isOpen(calendar({ holidays: { set: 'SE', closeOn: [] } }), juldagen)).toBe(true);
    expect(isOpen(calendar({ holidays: { set: 'none' } }), juldagen)).toBe(true);
  });

  it('closes a named half day at its closing time (trettondagsafton 12:00)', () => {
    const cal = calendar({
      holidays: { set: 'SE', halfDays: [{ holiday: 'trettondagsafton', closesAt: '12:00' }] },
    });
    expect(isOpen(cal, t('2026-01-05T11:59+01:00'))).toBe(true);
    expect(isOpen(cal, t('2026-01-05T12:00+01:00'))).toBe(false);
    expect(isOpen(OFFICE_CAL, t('2026-01-05T15:00+01:00'))).toBe(true); // not configured
  });

  it('closes a fixed-date half day (12-23 at 11:00) and drops intervals that start later', () => {
    const cal = calendar({
      weekly: week(WITH_LUNCH),
      holidays: { set: 'SE', halfDays: [{ holiday: '12-23', closesAt: '11:00' }] },
    });
    expect(isOpen(cal, t('2026-12-23T10:59+01:00'))).toBe(true);
    expect(isOpen(cal, t('2026-12-23T11:00+01:00'))).toBe(false);
    expect(isOpen(cal, t('2026-12-23T14:00+01:00'))).toBe(false);
  });

  it('follows dated exceptions: a closed day and special hours', () => {
    const cal = calendar({
      exceptions: [
        { date: '2026-02-03', closed: true },
        { date: '2026-02-04', intervals: [{ start: '10:00', end: '14:00' }] },
      ],
    });
    expect(isOpen(cal, t('2026-02-03T10:00+01:00'))).toBe(false);
    expect(isOpen(cal, t('2026-02-04T09:00+01:00'))).toBe(false);
    expect(isOpen(cal, t('2026-02-04T13:59+01:00'))).toBe(true);
    expect(isOpen(cal, t('2026-02-04T14:00+01:00'))).toBe(false);
  });

  it('lets an exception open a holiday (staffed julafton morning)', () => {
    const cal = calendar({
      exceptions: [{ date: '2026-12-24', intervals: [{ start: '09:00', end: '12:00' }] }],
    });
    expect(isOpen(cal, t('2026-12-24T10:00+01:00'))).toBe(true);
  });

  it('is always open on a 24/7 calendar, right through both clock changes', () => {
    for (const instant of [
      '2026-03-29T00:59:59Z',
      '2026-03-29T01:00:00Z',
      '2026-10-25T00:30:00Z',
      '2026-10-25T01:30:00Z',
      '2026-12-31T23:00:00Z',
    ]) {
      expect(isOpen(ALWAYS, new Date(instant))).toBe(true);
    }
  });

  it('refuses an invalid Date', () => {
    expect(() => isOpen(OFFICE_CAL, new Date('nonsense'))).toThrow(RangeError);
  });
});

describe(nextOpening.name, () => {
  it('gives a Saturday-night report Monday 08:00', () => {
    expect(iso(nextOpening(OFFICE_CAL, t('2026-03-14T23:10+01:00')))).toBe(
      iso(t('2026-03-16T08:00+01:00')),
    );
  });

  it('is the instant itself while open', () => {
    expect(iso(nextOpening(OFFICE_CAL, t('2026-02-02T09:13:27.5+01:00')))).toBe(
      iso(t('2026-02-02T09:13:27.5+01:00')),
    );
  });

  it('moves from the closing instant to the next morning', () => {
    expect(iso(nextOpening(OFFICE_CAL, t('2026-02-02T17:00+01:00')))).toBe(
      iso(t('2026-02-03T08:00+01:00')),
    );
  });

  it('moves from lunch to the afternoon interval', () => {
    const cal = calendar({ weekly: week(WITH_LUNCH) });
    expect(iso(nextOpening(cal, t('2026-02-02T12:05+01:00')))).toBe(
      iso(t('2026-02-02T13:00+01:00')),
    );
  });

  it('skips midsommarafton and midsommardagen 2026 to Monday 22 June', () => {
    expect(iso(nextOpening(OFFICE_CAL, t('2026-06-18T17:30+02:00')))).toBe(
      iso(t('2026-06-22T08:00+02:00')),
    );
  });

  it('skips julafton, juldagen and annandag jul 2026 to Monday 28 December', () => {
    expect(iso(nextOpening(OFFICE_CAL, t('2026-12-23T17:00+01:00')))).toBe(
      iso(t('2026-12-28T08:00+01:00')),
    );
  });

  it('skips julafton 2027 (a Friday) and the Christmas weekend to Monday 27 December', () => {
    expect(iso(nextOpening(OFFICE_CAL, t('2027-12-23T17:00+01:00')))).toBe(
      iso(t('2027-12-27T08:00+01:00')),
    );
  });

  it('skips nyårsafton and nyårsdagen to the first Monday of 2027', () => {
    expect(iso(nextOpening(OFFICE_CAL, t('2026-12-30T17:00+01:00')))).toBe(
      iso(t('2027-01-04T08:00+01:00')),
    );
  });

  it('skips Easter 2026 from skärtorsdagen evening to Tuesday after annandag påsk', () => {
    expect(iso(nextOpening(OFFICE_CAL, t('2026-04-02T17:00+02:00')))).toBe(
      iso(t('2026-04-07T08:00+02:00')),
    );
  });

  it('skips from the afternoon of a half day over trettondedag jul', () => {
    const cal = calendar({
      holidays: { set: 'SE', halfDays: [{ holiday: 'trettondagsafton', closesAt: '12:00' }] },
    });
    expect(iso(nextOpening(cal, t('2026-01-05T12:30+01:00')))).toBe(
      iso(t('2026-01-07T08:00+01:00')),
    );
  });

  it('starts an opening at a skipped spring time at the end of the gap (03:00 summer time)', () => {
    const cal = calendar({ weekly: onlyOn('sun', [{ start: '02:30', end: '05:00' }]) });
    expect(iso(nextOpening(cal, t('2026-03-28T12:00+01:00')))).toBe('2026-03-29T01:00:00.000Z');
  });

  it('starts an opening at a repeated autumn time at its first occurrence', () => {
    const cal = calendar({ weekly: onlyOn('sun', [{ start: '02:30', end: '05:00' }]) });
    expect(iso(nextOpening(cal, t('2026-10-24T12:00+02:00')))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('finds an opening from within the second pass of the repeated hour as "now"', () => {
    expect(iso(nextOpening(NIGHT_SUNDAY, new Date('2026-10-25T01:30:00Z')))).toBe(
      '2026-10-25T01:30:00.000Z',
    );
  });

  it('finds an exception-only opening and gives null for a calendar that never opens', () => {
    const closed = week([]);
    expect(nextOpening(calendar({ weekly: closed }), t('2026-02-02T08:00+01:00'))).toBeNull();
    const once = calendar({
      weekly: closed,
      exceptions: [{ date: '2026-09-01', intervals: OFFICE }],
    });
    expect(iso(nextOpening(once, t('2026-02-02T08:00+01:00')))).toBe(
      iso(t('2026-09-01T08:00+02:00')),
    );
    expect(nextOpening(once, t('2026-09-01T17:00+02:00'))).toBeNull();
  });
});

describe(addBusinessTime.name, () => {
  const add = (from: string, duration: Parameters<typeof addBusinessTime>[2], cal = OFFICE_CAL) =>
    iso(addBusinessTime(cal, t(from), duration));

  it('adds hours within the same day', () => {
    expect(add('2026-02-02T09:00+01:00', { hours: 4 })).toBe(iso(t('2026-02-02T13:00+01:00')));
  });

  it('carries the rest over to the next morning', () => {
    expect(add('2026-02-02T15:00+01:00', { hours: 4 })).toBe(iso(t('2026-02-03T10:00+01:00')));
  });

  it('lands on the closing instant when the time runs out exactly then', () => {
    expect(add('2026-02-02T09:00+01:00', { hours: 8 })).toBe(iso(t('2026-02-02T17:00+01:00')));
  });

  it('starts counting at the next opening when reported while closed', () => {
    expect(add('2026-03-14T23:10+01:00', { hours: 2 })).toBe(iso(t('2026-03-16T10:00+01:00')));
  });

  it('gives the next opening for a zero duration', () => {
    expect(add('2026-03-14T23:10+01:00', {})).toBe(iso(t('2026-03-16T08:00+01:00')));
    expect(add('2026-02-02T10:00+01:00', { hours: 0 })).toBe(iso(t('2026-02-02T10:00+01:00')));
  });

  it('skips the lunch break', () => {
    const cal = calendar({ weekly: week(WITH_LUNCH) });
    expect(add('2026-02-02T11:00+01:00', { hours: 2 }, cal)).toBe(iso(t('2026-02-02T14:00+01:00')));
  });

  it('adds minutes and fractional hours alike', () => {
    expect(add('2026-02-02T16:00+01:00', { minutes: 90 })).toBe(iso(t('2026-02-03T08:30+01:00')));
    expect(add('2026-02-02T16:00+01:00', { hours: 1.5 })).toBe(iso(t('2026-02-03T08:30+01:00')));
    expect(add('2026-02-02T16:00+01:00', { hours: 1, minutes: 30 })).toBe(
      iso(t('2026-02-03T08:30+01:00')),
    );
  });

  it('skips midsummer: Thursday 16:00 plus 2 h is Monday 09:00', () => {
    expect(add('2026-06-18T16:00+02:00', { hours: 2 })).toBe(iso(t('2026-06-22T09:00+02:00')));
  });

  it('spends the 3 h of a spring-change night office and lands at 04:00 summer time', () => {
    expect(add('2026-03-28T12:00+01:00', { hours: 3 }, NIGHT_SUNDAY)).toBe(
      '2026-03-29T02:00:00.000Z',
    );
    expect(add('2026-03-28T12:00+01:00', { hours: 2 }, NIGHT_SUNDAY)).toBe(
      '2026-03-29T01:00:00.000Z',
    );
  });

  it('spends the 5 h of an autumn-change night office, through the repeated hour', () => {
    expect(add('2026-10-24T12:00+02:00', { hours: 5 }, NIGHT_SUNDAY)).toBe(
      '2026-10-25T03:00:00.000Z',
    );
    // 3 h after midnight summer time is 02:00 the second time round (winter time).
    expect(add('2026-10-24T12:00+02:00', { hours: 3 }, NIGHT_SUNDAY)).toBe(
      '2026-10-25T01:00:00.000Z',
    );
  });

  it('counts elapsed time on a 24/7 calendar across the spring change', () => {
    expect(add('2026-03-28T12:00+01:00', { hours: 24 }, ALWAYS)).toBe(
      iso(t('2026-03-29T13:00+02:00')),
    );
  });

  it('carries an interval across midnight', () => {
    const cal = calendar({ weekly: onlyOn('fri', [{ start: '22:00', end: '02:00' }]) });
    expect(add('2026-02-06T21:00+01:00', { hours: 3 }, cal)).toBe(iso(t('2026-02-07T01:00+01:00')));
    expect(add('2026-02-06T21:00+01:00', { hours: 5 }, cal)).toBe(iso(t('2026-02-13T23:00+01:00')));
  });

  describe('business days', () => {
    it('keeps the time of day on the next business day', () => {
      expect(add('2026-02-02T10:00+01:00', { days: 1 })).toBe(iso(t('2026-02-03T10:00+01:00')));
      expect(add('2026-02-06T16:00+01:00', { days: 1 })).toBe(iso(t('2026-02-09T16:00+01:00')));
      expect(add('2026-02-02T10:00+01:00', { days: 5 })).toBe(iso(t('2026-02-09T10:00+01:00')));
    });

    it('counts a report made while closed from the next opening', () => {
      expect(add('2026-03-14T23:10+01:00', { days: 1 })).toBe(iso(t('2026-03-17T08:00+01:00')));
    });

    it('skips days closed for holidays', () => {
      expect(add('2026-06-18T10:00+02:00', { days: 1 })).toBe(iso(t('2026-06-22T10:00+02:00')));
    });

    it('stays within the hours of a shorter day: a half day ends the count at its closing', () => {
      const cal = calendar({
        holidays: { set: 'SE', halfDays: [{ holiday: 'trettondagsafton', closesAt: '12:00' }] },
      });
      expect(add('2026-01-02T15:00+01:00', { days: 1 }, cal)).toBe(
        iso(t('2026-01-05T12:00+01:00')),
      );
    });

    it('moves a time before a late opening up to that opening', () => {
      const cal = calendar({
        exceptions: [{ date: '2026-02-03', intervals: [{ start: '10:00', end: '14:00' }] }],
      });
      expect(add('2026-02-02T08:30+01:00', { days: 1 }, cal)).toBe(
        iso(t('2026-02-03T10:00+01:00')),
      );
    });

    it('keeps the wall-clock time across the spring change', () => {
      const cal = calendar({ weekly: everyDay(OFFICE) });
      expect(add('2026-03-28T10:00+01:00', { days: 1 }, cal)).toBe(
        iso(t('2026-03-29T10:00+02:00')),
      );
    });

    it('adds the days first, then the hours', () => {
      expect(add('2026-02-02T10:00+01:00', { days: 1, hours: 8 })).toBe(
        iso(t('2026-02-04T09:00+01:00')),
      );
    });

    it('reckons a night shift by the day it started on', () => {
      const cal = calendar({ weekly: onlyOn('fri', [{ start: '22:00', end: '02:00' }]) });
      expect(add('2026-02-07T01:00+01:00', { days: 1 }, cal)).toBe(
        iso(t('2026-02-14T01:00+01:00')),
      );
    });
  });

  it('refuses negative or fractional days and negative or non-finite hours', () => {
    const from = t('2026-02-02T10:00+01:00');
    expect(() => addBusinessTime(OFFICE_CAL, from, { days: -1 })).toThrow(RangeError);
    expect(() => addBusinessTime(OFFICE_CAL, from, { days: 1.5 })).toThrow(RangeError);
    expect(() => addBusinessTime(OFFICE_CAL, from, { hours: -2 })).toThrow(RangeError);
    expect(() => addBusinessTime(OFFICE_CAL, from, { minutes: Number.NaN })).toThrow(RangeError);
  });

  it('throws calendar.never-opens for a calendar without openings', () => {
    const never = calendar({ weekly: week([]) });
    const error = thrownBy(() => addBusinessTime(never, t('2026-02-02T10:00+01:00'), { hours: 1 }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).code).toBe('calendar.never-opens');
  });

  it('is undone by businessTimeBetween, for many starts and durations', () => {
    const cal = calendar({
      weekly: week(WITH_LUNCH, { sat: [{ start: '22:00', end: '02:00' }] }),
      holidays: { set: 'SE', halfDays: [{ holiday: 'valborgsmässoafton', closesAt: '12:00' }] },
    });
    for (const from of [
      '2026-03-27T11:00+01:00',
      '2026-04-29T16:30+02:00',
      '2026-10-23T23:00+02:00',
    ]) {
      for (const h of [0.25, 3, 7.5, 41, 400]) {
        const due = addBusinessTime(cal, t(from), { hours: h });
        expect(hours(businessTimeBetween(cal, t(from), due))).toBeCloseTo(h, 9);
      }
    }
  });

  it('adds a year of business hours quickly', () => {
    const due = addBusinessTime(OFFICE_CAL, t('2026-01-01T00:00+01:00'), { hours: 2259 });
    expect(iso(due)).toBe(iso(t('2026-12-30T17:00+01:00')));
  });
});

describe(businessTimeBetween.name, () => {
  const between = (from: string, to: string, cal = OFFICE_CAL) =>
    hours(businessTimeBetween(cal, t(from), t(to)));

  it('counts open time within a day', () => {
    expect(between('2026-02-02T09:00+01:00', '2026-02-02T11:30+01:00')).toBe(2.5);
  });

  it('leaves out the weekend', () => {
    expect(between('2026-02-06T15:00+01:00', '2026-02-09T10:00+01:00')).toBe(4);
  });

  it('is zero in closed time and when to is not after from', () => {
    expect(between('2026-02-07T00:00+01:00', '2026-02-08T23:59+01:00')).toBe(0);
    expect(between('2026-02-02T12:00+01:00', '2026-02-02T10:00+01:00')).toBe(0);
  });

  it('leaves out lunch', () => {
    const cal = calendar({ weekly: week(WITH_LUNCH) });
    expect(between('2026-02-02T00:00+01:00', '2026-02-03T00:00+01:00', cal)).toBe(8);
  });

  it('counts the 2,259 business hours of 2026 (251 working days)', () => {
    expect(between('2026-01-01T00:00+01:00', '2027-01-01T00:00+01:00')).toBe(2259);
  });

  it('gives a 00:00–04:00 office 3 h on the spring-change Sunday and 5 h on the autumn one', () => {
    expect(between('2026-03-28T00:00+01:00', '2026-03-30T00:00+02:00', NIGHT_SUNDAY)).toBe(3);
    expect(between('2026-10-24T00:00+02:00', '2026-10-26T00:00+01:00', NIGHT_SUNDAY)).toBe(5);
  });

  it('gives a 24/7 calendar 23 h on the spring Sunday, 25 h on the autumn one, 8,760 h a year', () => {
    expect(between('2026-03-29T00:00+01:00', '2026-03-30T00:00+02:00', ALWAYS)).toBe(23);
    expect(between('2026-10-25T00:00+02:00', '2026-10-26T00:00+01:00', ALWAYS)).toBe(25);
    expect(between('2026-01-01T00:00+01:00', '2027-01-01T00:00+01:00', ALWAYS)).toBe(8760);
  });

  it('counts an interval across midnight on both sides of it', () => {
    const cal = calendar({ weekly: onlyOn('fri', [{ start: '22:00', end: '02:00' }]) });
    expect(between('2026-02-06T21:00+01:00', '2026-02-07T12:00+01:00', cal)).toBe(4);
    expect(between('2026-02-07T01:00+01:00', '2026-02-07T12:00+01:00', cal)).toBe(1);
  });

  it('counts half days and special hours', () => {
    const cal = calendar({
      holidays: { set: 'SE', halfDays: [{ holiday: 'trettondagsafton', closesAt: '12:00' }] },
      exceptions: [{ date: '2026-01-07', intervals: [{ start: '10:00', end: '12:00' }] }],
    });
    expect(between('2026-01-05T00:00+01:00', '2026-01-08T00:00+01:00', cal)).toBe(4 + 0 + 2);
  });

  describe('with pauses', () => {
    const from = t('2026-02-02T08:00+01:00'); // a Monday; the week has 45 open hours
    const to = t('2026-02-07T00:00+01:00');
    const paused = (...pauses: Array<{ from: string; to?: string }>) =>
      hours(
        businessTimeBetween(
          OFFICE_CAL,
          from,
          to,
          pauses.map((p) => ({ from: t(p.from), to: p.to ? t(p.to) : undefined })),
        ),
      );

    it('subtracts only the open part of a pause', () => {
      expect(paused({ from: '2026-02-02T16:00+01:00', to: '2026-02-03T09:00+01:00' })).toBe(43);
    });

    it('counts overlapping pauses once', () => {
      expect(
        paused(
          { from: '2026-02-03T09:00+01:00', to: '2026-02-03T12:00+01:00' },
          { from: '2026-02-03T10:00+01:00', to: '2026-02-03T14:00+01:00' },
          { from: '2026-02-03T11:00+01:00', to: '2026-02-03T11:30+01:00' },
        ),
      ).toBe(40);
    });

    it('clips pauses that reach past either edge', () => {
      expect(paused({ from: '2026-01-30T00:00+01:00', to: '2026-02-02T10:00+01:00' })).toBe(43);
      expect(paused({ from: '2026-02-06T16:00+01:00', to: '2026-02-20T00:00+01:00' })).toBe(44);
    });

    it('runs an open-ended pause to the end', () => {
      expect(paused({ from: '2026-02-05T08:00+01:00' })).toBe(27);
    });

    it('subtracts nothing for a pause in closed time or an inverted pause', () => {
      expect(paused({ from: '2026-02-02T18:00+01:00', to: '2026-02-03T07:00+01:00' })).toBe(45);
      expect(paused({ from: '2026-02-03T12:00+01:00', to: '2026-02-03T10:00+01:00' })).toBe(45);
    });
  });
});
