import type { Pause } from '../calendar/calendar.model';
import {
  businessDueAt,
  businessWarnAt,
  clockState,
  legalWarnAt,
  nextClockMoment,
  planClocks,
} from './clock-planner';
import type { ClockPlanInput, LegalRegime, TrackedClock, WarningLeads } from './clock.model';
import { CLOCK_KINDS } from './clock.model';
import { OFFICE, ZONE, iso, local, pause } from './deadline.fixtures';

describe(businessWarnAt.name, () => {
  const warn = (start: string, due: string, lead: WarningLeads['business'], pauses: Pause[] = []) =>
    iso(businessWarnAt(OFFICE, local(start), local(due), lead, pauses));

  it('warns at the latest instant with the lead left: Monday 08:00 before Monday 10:00', () => {
    // Friday 17:00 also has 2 open hours left, but nothing runs over the weekend.
    expect(warn('2026-02-04 09:00', '2026-02-09 10:00', { hours: 2 })).toBe(
      iso(local('2026-02-09 08:00')),
    );
  });

  it('reaches back into the previous working day: Friday 16:00 before Monday 09:00', () => {
    expect(warn('2026-02-04 09:00', '2026-02-09 09:00', { hours: 2 })).toBe(
      iso(local('2026-02-06 16:00')),
    );
    expect(warn('2026-02-04 09:00', '2026-02-09 09:00', { minutes: 30 })).toBe(
      iso(local('2026-02-09 08:30')),
    );
  });

  it('warns at the start when the whole target is shorter than the lead', () => {
    expect(warn('2026-02-02 09:00', '2026-02-02 10:00', { hours: 2 })).toBe(
      iso(local('2026-02-02 09:00')),
    );
    expect(warn('2026-02-07 23:30', '2026-02-09 09:00', { hours: 2 })).toBe(
      iso(local('2026-02-07 23:30')),
    );
  });

  it('warns at the first opening when the target equals the lead, at the deadline for no lead', () => {
    expect(warn('2026-02-07 23:30', '2026-02-09 10:00', { hours: 2 })).toBe(
      iso(local('2026-02-09 08:00')),
    );
    expect(warn('2026-02-04 09:00', '2026-02-09 10:00', {})).toBe(iso(local('2026-02-09 10:00')));
    // {days: 1} from Saturday night is Tuesday 08:00: a zero lead is that instant too.
    expect(warn('2026-11-21 23:30', '2026-11-24 08:00', { hours: 0 })).toBe(
      iso(local('2026-11-24 08:00')),
    );
  });

  it('leaves the paused time out of the time left', () => {
    // Monday 09:00 + 10 h is Tuesday 10:00; the 08:30–09:30 wait moves it to 11:00.
    const pauses = [pause('2026-02-03 08:30', '2026-02-03 09:30')];
    const dueAt = businessDueAt(OFFICE, local('2026-02-02 09:00'), { hours: 10 }, pauses);
    expect(iso(dueAt)).toBe(iso(local('2026-02-03 11:00')));
    const at = (hours: number) => warn('2026-02-02 09:00', '2026-02-03 11:00', { hours }, pauses);
    expect(at(2)).toBe(iso(local('2026-02-03 08:00'))); // 08:00–08:30 and 09:30–11:00
    expect(at(1.75)).toBe(iso(local('2026-02-03 08:15')));
    expect(at(1.5)).toBe(iso(local('2026-02-03 09:30'))); // the end of the wait, not its start
    expect(at(1)).toBe(iso(local('2026-02-03 10:00')));
  });

  it('refuses a negative or non-finite lead', () => {
    expect(() => warn('2026-02-04 09:00', '2026-02-09 10:00', { hours: -1 })).toThrow(RangeError);
    expect(() => warn('2026-02-04 09:00', '2026-02-09 10:00', { minutes: Infinity })).toThrow(
      RangeError,
    );
  });
});

describe(legalWarnAt.name, () => {
  it('goes back whole local days and keeps the wall time', () => {
    expect(iso(legalWarnAt(local('2026-03-28 10:00'), 7, ZONE))).toBe(
      iso(local('2026-03-21 10:00')),
    );
    // Across the spring change: 10:00+02:00 on 2 April, 10:00+01:00 a week before.
    expect(iso(legalWarnAt(local('2026-04-02 10:00'), 7, ZONE))).toBe('2026-03-26T09:00:00.000Z');
  });

  it('never warns before the start', () => {
    const start = local('2026-02-02 10:00');
    expect(iso(legalWarnAt(local('2026-03-02 10:00'), 40, ZONE, start))).toBe(iso(start));
    expect(iso(legalWarnAt(local('2026-03-02 10:00'), 7, ZONE, start))).toBe(
      iso(local('2026-02-23 10:00')),
    );
  });

  it('refuses fractional or negative days', () => {
    expect(() => legalWarnAt(local('2026-03-02 10:00'), 1.5, ZONE)).toThrow(RangeError);
    expect(() => legalWarnAt(local('2026-03-02 10:00'), -1, ZONE)).toThrow(RangeError);
  });
});

describe(planClocks.name, () => {
  // A Saturday-night report; first response in 8 business hours, resolution in 5 days.
  const input = (overrides: Partial<ClockPlanInput> = {}): ClockPlanInput => ({
    receivedAt: local('2026-11-21 23:30'),
    businessStart: local('2026-11-21 23:30'),
    calendar: OFFICE,
    targets: { firstResponse: { hours: 8 }, resolution: { days: 5 } },
    regime: 'bus',
    pauses: [],
    leads: { business: { hours: 2 }, legalDays: 7 },
    ...overrides,
  });
  const plan = (overrides: Partial<ClockPlanInput> = {}) =>
    planClocks(input(overrides)).map((c) => ({
      kind: c.kind,
      startedAt: iso(c.startedAt),
      dueAt: iso(c.dueAt),
      warnAt: iso(c.warnAt),
    }));
  const clock = (kind: string, startedAt: string, dueAt: string | null, warnAt: string | null) => ({
    kind,
    startedAt: iso(local(startedAt)),
    dueAt: dueAt && iso(local(dueAt)),
    warnAt: warnAt && iso(local(warnAt)),
  });

  it.each<LegalRegime>(['bus', 'rail'])('plans all four clocks for a %s contract', (regime) => {
    expect(plan({ regime })).toEqual([
      clock('first-response', '2026-11-21 23:30', '2026-11-23 16:00', '2026-11-23 14:00'),
      // Five business days from Monday 08:00 is the next Monday 08:00; 2 h before is Friday 15:00.
      clock('resolution', '2026-11-21 23:30', '2026-11-30 08:00', '2026-11-27 15:00'),
      clock('legal-reply', '2026-11-21 23:30', '2026-12-21 23:30', '2026-12-14 23:30'),
      clock('legal-final', '2026-11-21 23:30', '2027-02-21 23:30', '2027-02-14 23:30'),
    ]);
    expect(planClocks(input({ regime })).map((c) => c.kind)).toEqual([...CLOCK_KINDS]);
  });

  it('plans only the business clocks without a legal regime', () => {
    expect(plan({ regime: null }).map((c) => c.kind)).toEqual(['first-response', 'resolution']);
  });

  it('restarts the business clocks at a transfer but keeps the legal ones at receipt', () => {
    const plans = plan({ businessStart: local('2026-11-23 10:00') });
    expect(plans[0]).toEqual(
      clock('first-response', '2026-11-23 10:00', '2026-11-24 09:00', '2026-11-23 16:00'),
    );
    expect(plans[2]).toEqual(
      clock('legal-reply', '2026-11-21 23:30', '2026-12-21 23:30', '2026-12-14 23:30'),
    );
  });

  it('extends every clock over a finished wait', () => {
    // Monday 12:00 – Tuesday 12:00 stops 9 open hours and 24 calendar hours.
    const plans = plan({ pauses: [pause('2026-11-23 12:00', '2026-11-24 12:00')] });
    expect(plans[0]).toEqual(
      clock('first-response', '2026-11-21 23:30', '2026-11-24 16:00', '2026-11-24 14:00'),
    );
    expect(plans[3]).toEqual(
      clock('legal-final', '2026-11-21 23:30', '2027-02-22 23:30', '2027-02-15 23:30'),
    );
  });

  it('stops the clocks not yet due while the case is waiting', () => {
    const plans = plan({ pauses: [pause('2026-11-24 10:00')] });
    expect(plans.map((c) => [c.kind, c.dueAt, c.warnAt])).toEqual([
      ['first-response', iso(local('2026-11-23 16:00')), iso(local('2026-11-23 14:00'))],
      ['resolution', null, null],
      ['legal-reply', null, null],
      ['legal-final', null, null],
    ]);
  });

  it('refuses invalid targets and leads, even for a stopped clock', () => {
    const bad = (overrides: Partial<ClockPlanInput>) => () => planClocks(input(overrides));
    const targets = { firstResponse: { hours: 8 }, resolution: { days: 0.5 } };
    expect(bad({ targets })).toThrow(RangeError);
    const waiting = [pause('2026-11-20 10:00')];
    const leads = { business: { hours: -2 }, legalDays: 7 };
    expect(bad({ leads, pauses: waiting })).toThrow(RangeError);
    expect(bad({ leads: { business: {}, legalDays: 1.5 }, regime: null })).toThrow(RangeError);
  });
});

describe('tracking', () => {
  const at = (text: string | null) => (text ? local(text) : null);
  const tracked = (
    dueAt: string | null,
    warnAt: string | null,
    done: { warnedAt?: string; breachedAt?: string; metAt?: string } = {},
  ): TrackedClock => ({
    kind: 'resolution',
    startedAt: local('2026-02-02 09:00'),
    dueAt: at(dueAt),
    warnAt: at(warnAt),
    warnedAt: at(done.warnedAt ?? null),
    breachedAt: at(done.breachedAt ?? null),
    metAt: at(done.metAt ?? null),
  });

  describe(nextClockMoment.name, () => {
    const next = (...clocks: TrackedClock[]) => iso(nextClockMoment(clocks));

    it('takes the earliest warning not yet given, else the deadline', () => {
      const a = tracked('2026-02-04 12:00', '2026-02-04 10:00');
      const b = tracked('2026-02-04 11:00', '2026-02-04 09:00', { warnedAt: '2026-02-04 09:00' });
      expect(next(a, b)).toBe(iso(local('2026-02-04 10:00')));
      expect(next(b)).toBe(iso(local('2026-02-04 11:00')));
    });

    it('skips met, breached and stopped clocks', () => {
      const met = tracked('2026-02-04 08:00', '2026-02-04 07:00', { metAt: '2026-02-03 10:00' });
      const breached = tracked('2026-02-04 08:00', '2026-02-04 07:00', {
        warnedAt: '2026-02-04 07:00',
        breachedAt: '2026-02-04 08:00',
      });
      const stopped = tracked(null, null);
      const running = tracked('2026-02-05 12:00', '2026-02-05 10:00');
      expect(next(met, breached, stopped, running)).toBe(iso(local('2026-02-05 10:00')));
      expect(next(met, breached, stopped)).toBeNull();
      expect(next()).toBeNull();
    });

    it('falls back to the deadline of a clock without a warning instant', () => {
      expect(next(tracked('2026-02-05 12:00', null))).toBe(iso(local('2026-02-05 12:00')));
    });
  });

  describe(clockState.name, () => {
    const clock = tracked('2026-02-04 12:00', '2026-02-04 10:00');
    const state = (c: TrackedClock, now: string) => clockState(c, local(now));

    it('runs, warns and breaches as time passes', () => {
      expect(state(clock, '2026-02-04 09:59')).toBe('running');
      expect(state(clock, '2026-02-04 10:00')).toBe('warning');
      expect(state(clock, '2026-02-04 12:00')).toBe('breached');
    });

    it('lets a recorded breach or meeting win over the instants', () => {
      const breached = tracked('2026-02-04 12:00', '2026-02-04 10:00', {
        breachedAt: '2026-02-04 09:00',
      });
      expect(state(breached, '2026-02-04 09:30')).toBe('breached');
      const met = tracked('2026-02-04 12:00', '2026-02-04 10:00', { metAt: '2026-02-04 11:00' });
      expect(state(met, '2026-02-05 09:00')).toBe('met');
    });

    it('is paused while the deadline is stopped, unless already met', () => {
      expect(state(tracked(null, null), '2026-02-04 09:00')).toBe('paused');
      expect(state(tracked(null, null, { metAt: '2026-02-03 09:00' }), '2026-02-04 09:00')).toBe(
        'met',
      );
    });
  });
});
