import { businessTimeBetween } from '../calendar/business-calendar';
import type { BusinessDuration, Pause } from '../calendar/calendar.model';
import { addCalendarMonths, businessDueAt, calendarDueAt } from './clock-planner';
import { ALWAYS, HOUR, OFFICE, ZONE, iso, local, pause } from './deadline.fixtures';

const due = (start: string, target: BusinessDuration, pauses: Pause[] = [], cal = OFFICE) =>
  iso(businessDueAt(cal, local(start), target, pauses));

describe(addCalendarMonths.name, () => {
  const plus = (at: string, months: number) => iso(addCalendarMonths(local(at), months, ZONE));

  it('keeps the day of the month and the wall time', () => {
    expect(plus('2026-02-02 10:00', 1)).toBe(iso(local('2026-03-02 10:00')));
    expect(plus('2026-02-02 10:00', 0)).toBe(iso(local('2026-02-02 10:00')));
    expect(plus('2026-11-15 09:30', 3)).toBe(iso(local('2027-02-15 09:30')));
    expect(plus('2026-01-15 09:30', 24)).toBe(iso(local('2028-01-15 09:30')));
  });

  it('clamps to the last day of a shorter month, leap years included', () => {
    expect(plus('2027-01-31 12:00', 1)).toBe(iso(local('2027-02-28 12:00')));
    expect(plus('2028-01-31 12:00', 1)).toBe(iso(local('2028-02-29 12:00')));
    expect(plus('2026-08-31 12:00', 3)).toBe(iso(local('2026-11-30 12:00')));
    expect(plus('2026-11-30 12:00', 3)).toBe(iso(local('2027-02-28 12:00')));
    expect(plus('2026-03-31 12:00', 1)).toBe(iso(local('2026-04-30 12:00')));
  });

  it('keeps the local time across the spring change', () => {
    // Before the change (29 March), so still winter time: 10:00+01:00.
    expect(plus('2026-02-28 10:00', 1)).toBe('2026-03-28T09:00:00.000Z');
    // Winter to summer time: 02:30+01:00 becomes 02:30+02:00.
    expect(plus('2026-03-15 02:30', 1)).toBe('2026-04-15T00:30:00.000Z');
  });

  it('keeps the local time across the autumn change', () => {
    // 12:00+02:00 in July, 12:00+01:00 on 25 October.
    expect(plus('2026-07-25 12:00', 3)).toBe('2026-10-25T11:00:00.000Z');
  });

  it('moves a wall time the spring change skips to the end of the gap (03:00 summer time)', () => {
    expect(plus('2026-01-29 02:30', 2)).toBe('2026-03-29T01:00:00.000Z');
  });

  it('reads a wall time the autumn change repeats as its first occurrence', () => {
    expect(plus('2026-09-25 02:30', 1)).toBe('2026-10-25T00:30:00.000Z');
    // From the second 02:30 (winter time) the wall time is still 02:30.
    expect(iso(addCalendarMonths(new Date('2026-10-25T01:30:00Z'), 1, ZONE))).toBe(
      '2026-11-25T01:30:00.000Z',
    );
  });

  it('refuses fractional or negative months and an invalid Date', () => {
    expect(() => addCalendarMonths(local('2026-02-02 10:00'), 1.5, ZONE)).toThrow(RangeError);
    expect(() => addCalendarMonths(local('2026-02-02 10:00'), -1, ZONE)).toThrow(RangeError);
    expect(() => addCalendarMonths(new Date('nonsense'), 1, ZONE)).toThrow(RangeError);
  });
});

describe(businessDueAt.name, () => {
  describe('without pauses (exactly addBusinessTime)', () => {
    it('gives a Saturday-night report with 8 business hours Monday 16:00', () => {
      // The office day 08–17 is 9 open hours: 8 h from Monday 08:00 end at 16:00, and only a
      // 9-hour target uses up the day exactly, landing on its closing instant 17:00.
      expect(due('2026-11-21 23:30', { hours: 8 })).toBe(iso(local('2026-11-23 16:00')));
      expect(due('2026-11-21 23:30', { hours: 9 })).toBe(iso(local('2026-11-23 17:00')));
    });

    it('gives a Saturday-night report with 1 business day Tuesday 08:00', () => {
      // addBusinessTime starts the count at the next opening (Monday 08:00) and keeps that
      // wall time on the next business day: Tuesday 08:00, not Monday 17:00, although both
      // lie 9 open hours from the report.
      expect(due('2026-11-21 23:30', { days: 1 })).toBe(iso(local('2026-11-24 08:00')));
    });

    it('skips midsommarafton and midsommardagen: Thursday 16:00 + 4 h is Monday 11:00', () => {
      expect(due('2026-06-18 16:00', { hours: 4 })).toBe(iso(local('2026-06-22 11:00')));
    });

    it('skips Christmas: Wednesday 23 December 15:00 + 8 h is Monday 28 December 14:00', () => {
      // 2026-12-23 is a Wednesday; julafton (eve), juldagen, annandag jul and Sunday 27 close.
      expect(due('2026-12-23 15:00', { hours: 8 })).toBe(iso(local('2026-12-28 14:00')));
    });

    it('spends 4 real hours from 01:30 on the spring-change night of a 24/7 calendar', () => {
      // 01:30+01:00 is 00:30Z; four hours later is 04:30Z = 06:30 summer time.
      expect(due('2026-03-29 01:30', { hours: 4 }, [], ALWAYS)).toBe('2026-03-29T04:30:00.000Z');
    });

    it('spends 4 real hours from 01:30 on the autumn-change night of a 24/7 calendar', () => {
      // 01:30+02:00 is 23:30Z; four hours later is 03:30Z = 04:30 winter time.
      expect(due('2026-10-25 01:30', { hours: 4 }, [], ALWAYS)).toBe('2026-10-25T03:30:00.000Z');
    });

    it('refuses an invalid target as addBusinessTime does', () => {
      expect(() => due('2026-02-02 10:00', { days: 1.5 })).toThrow(RangeError);
      expect(() => due('2026-02-02 10:00', { hours: -1 })).toThrow(RangeError);
    });
  });

  describe('with pauses', () => {
    // Monday 09:00 + 40 open hours: Monday 8, Tuesday–Thursday 9 each, Friday 5 → Friday 13:00.
    const start = '2026-02-02 09:00';
    const target = { hours: 40 };
    const unpaused = iso(local('2026-02-06 13:00'));

    it('pushes the deadline by exactly the open time a 2-day wait takes away', () => {
      // Tuesday 12:00 – Thursday 12:00 takes 5 + 9 + 4 = 18 open hours: Friday 13:00 + 18 h is
      // the next Tuesday 13:00.
      const pauses = [pause('2026-02-03 12:00', '2026-02-05 12:00')];
      expect(due(start, target)).toBe(unpaused);
      expect(due(start, target, pauses)).toBe(iso(local('2026-02-10 13:00')));
      const dueAt = businessDueAt(OFFICE, local(start), target, pauses);
      expect(businessTimeBetween(OFFICE, local(start), dueAt!, pauses)).toBe(40 * HOUR);
    });

    it('counts overlapping pauses once', () => {
      const pauses = [
        pause('2026-02-03 12:00', '2026-02-04 12:00'),
        pause('2026-02-04 10:00', '2026-02-05 12:00'),
        pause('2026-02-04 09:00', '2026-02-04 11:00'),
      ];
      expect(due(start, target, pauses)).toBe(iso(local('2026-02-10 13:00')));
    });

    it('counts only the open time of a pause: a weekend wait changes nothing', () => {
      expect(due(start, target, [pause('2026-02-02 17:00', '2026-02-03 08:00')])).toBe(unpaused);
      expect(due(start, target, [pause('2026-01-31 10:00', '2026-02-01 20:00')])).toBe(unpaused);
    });

    it('clips a pause that began before the start', () => {
      // Only Monday 09:00–11:00 of it runs inside the clock.
      const pauses = [pause('2026-01-30 10:00', '2026-02-02 11:00')];
      expect(due(start, target, pauses)).toBe(iso(local('2026-02-06 15:00')));
    });

    it('changes nothing for a pause that begins at or after the deadline', () => {
      expect(due(start, target, [pause('2026-02-06 13:00', '2026-02-09 13:00')])).toBe(unpaused);
      expect(due(start, target, [pause('2026-02-06 15:00', '2026-02-09 13:00')])).toBe(unpaused);
      expect(due(start, target, [pause('2026-02-06 15:00')])).toBe(unpaused);
    });

    it('stops the clock over a wait that runs past the deadline', () => {
      // Friday 12:00 with 1 h left; the wait ends Monday 10:00, so due Monday 11:00.
      const pauses = [pause('2026-02-06 12:00', '2026-02-09 10:00')];
      expect(due(start, target, pauses)).toBe(iso(local('2026-02-09 11:00')));
    });

    it('counts a later pause that the moved deadline reaches', () => {
      // The first wait moves the deadline to Tuesday 10 February 13:00; the Monday-morning
      // wait now lies before it and adds 4 h; the wait after that still does not count.
      const pauses = [
        pause('2026-02-03 12:00', '2026-02-05 12:00'),
        pause('2026-02-09 08:00', '2026-02-09 12:00'),
        pause('2026-02-10 17:00', '2026-02-11 12:00'),
      ];
      expect(due(start, target, pauses)).toBe(iso(local('2026-02-10 17:00')));
    });

    it('is null while the case is still waiting, from any pause that began before the deadline', () => {
      expect(due(start, target, [pause('2026-02-04 10:00')])).toBeNull();
      expect(due(start, target, [pause('2026-01-20 10:00')])).toBeNull();
      // The moved deadline reaches an open pause that began after the first one.
      const pauses = [pause('2026-02-03 12:00', '2026-02-05 12:00'), pause('2026-02-09 08:00')];
      expect(due(start, target, pauses)).toBeNull();
    });

    it('never puts the deadline inside a wait that covers it in closed time', () => {
      // {days: 1} from Saturday night is Tuesday 08:00 with no open time left since Monday
      // 17:00. A wait from Monday 20:00 to Tuesday 10:00 stops the clock before it runs out;
      // the 2 open hours it takes move the deadline to Tuesday 10:00.
      const pauses = [pause('2026-11-23 20:00', '2026-11-24 10:00')];
      expect(due('2026-11-21 23:30', { days: 1 }, pauses)).toBe(iso(local('2026-11-24 10:00')));
    });

    it('ignores an inverted pause and refuses an invalid Date', () => {
      expect(due(start, target, [pause('2026-02-04 12:00', '2026-02-03 12:00')])).toBe(unpaused);
      const bad = [{ from: new Date('nonsense') }];
      expect(() => businessDueAt(OFFICE, local(start), target, bad)).toThrow(RangeError);
    });

    it('extends a 24/7 clock by the real hours of a wait across the spring change', () => {
      // 24 h from Saturday 12:00 runs to Sunday 13:00 summer time (the night lost an hour);
      // a 3-real-hour wait makes it 16:00.
      const pauses = [pause('2026-03-29 01:00', '2026-03-29 05:00')];
      expect(due('2026-03-28 12:00', { hours: 24 }, pauses, ALWAYS)).toBe(
        iso(local('2026-03-29 16:00')),
      );
    });
  });
});

describe(calendarDueAt.name, () => {
  const legal = (start: string, months: number, pauses: Pause[] = []) =>
    iso(calendarDueAt(local(start), months, pauses, ZONE));

  it('is addCalendarMonths without pauses', () => {
    expect(legal('2026-02-28 10:00', 1)).toBe(iso(local('2026-03-28 10:00')));
    expect(legal('2026-08-31 12:00', 3)).toBe(iso(local('2026-11-30 12:00')));
  });

  it('extends by the paused calendar time, overlaps counted once', () => {
    const pauses = [
      pause('2026-02-10 10:00', '2026-02-12 10:00'),
      pause('2026-02-11 10:00', '2026-02-13 10:00'),
    ];
    expect(legal('2026-02-02 10:00', 1, pauses)).toBe(iso(local('2026-03-05 10:00')));
  });

  it('adds paused milliseconds, not wall time, across a clock change', () => {
    // 48 paused hours from 28 March 10:00 to 30 March 11:00 (the night of the 29th is short):
    // the wait ends before the deadline, which moves by exactly 48 h.
    const pauses = [pause('2026-03-28 10:00', '2026-03-30 11:00')];
    expect(legal('2026-03-15 10:00', 1, pauses)).toBe(iso(local('2026-04-17 10:00')));
  });

  it('clips a pause before receipt and ignores one at or after the deadline', () => {
    expect(legal('2026-02-02 10:00', 1, [pause('2026-01-30 10:00', '2026-02-03 10:00')])).toBe(
      iso(local('2026-03-03 10:00')),
    );
    expect(legal('2026-02-02 10:00', 1, [pause('2026-03-02 10:00', '2026-03-09 10:00')])).toBe(
      iso(local('2026-03-02 10:00')),
    );
  });

  it('counts a later pause that the moved deadline reaches', () => {
    const pauses = [
      pause('2026-02-10 10:00', '2026-02-20 10:00'),
      pause('2026-03-05 10:00', '2026-03-06 10:00'),
    ];
    expect(legal('2026-02-02 10:00', 1, pauses)).toBe(iso(local('2026-03-13 10:00')));
  });

  it('is null while an open pause began before the deadline', () => {
    expect(legal('2026-02-02 10:00', 1, [pause('2026-02-20 10:00')])).toBeNull();
    expect(legal('2026-02-02 10:00', 1, [pause('2026-03-03 10:00')])).toBe(
      iso(local('2026-03-02 10:00')),
    );
  });
});
