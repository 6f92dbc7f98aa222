import { parseClockTime, validateCalendar } from './calendar-validation';
import { OFFICE, officeCalendar, weekly } from './calendar.fixtures';

const definition = officeCalendar;

const paths = (overrides: Record<string, unknown>) =>
  validateCalendar(definition(overrides)).map((issue) => issue.path);
const reasonAt = (overrides: Record<string, unknown>, path: string) =>
  validateCalendar(definition(overrides)).find((issue) => issue.path === path)?.reason;

describe(parseClockTime.name, () => {
  it('reads HH:MM as minutes, and 24:00 only where an end is meant', () => {
    expect(parseClockTime('00:00')).toBe(0);
    expect(parseClockTime('23:59')).toBe(1439);
    expect(parseClockTime('24:00')).toBeNull();
    expect(parseClockTime('24:00', true)).toBe(1440);
  });

  it.each(['8:00', '08:0', '24:01', '12:60', '08.00', ' 08:00', ''])('refuses %p', (text) => {
    expect(parseClockTime(text, true)).toBeNull();
  });
});

describe(validateCalendar.name, () => {
  it('accepts a plain office, a 24/7 calendar and intervals across midnight', () => {
    expect(validateCalendar(definition())).toEqual([]);
    const allDay = [{ start: '00:00', end: '24:00' }];
    expect(paths(weekly({ sat: allDay, sun: allDay }))).toEqual([]);
    expect(paths(weekly({ sat: [{ start: '22:00', end: '02:00' }] }))).toEqual([]);
    expect(paths(weekly({ sat: [{ start: '22:00', end: '00:00' }] }))).toEqual([]);
  });

  it('accepts intervals that touch (08–12, 12–17) and a lunch break (08–12, 13–17)', () => {
    const touching = [
      { start: '12:00', end: '17:00' },
      { start: '08:00', end: '12:00' },
    ];
    const lunch = [
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ];
    expect(paths(weekly({ mon: touching, tue: lunch }))).toEqual([]);
  });

  it('points at malformed start and end times', () => {
    const bad = [
      { start: '8:00', end: '17:00' },
      { start: '08:00', end: '25:00' },
      { start: '24:00', end: '02:00' },
    ];
    expect(paths(weekly({ mon: bad }))).toEqual([
      'weekly.mon[0].start',
      'weekly.mon[1].end',
      'weekly.mon[2].start',
    ]);
    expect(reasonAt(weekly({ mon: bad }), 'weekly.mon[2].start')).toBe(
      '24:00 is only allowed as an end',
    );
  });

  it('refuses an empty interval (start equals end)', () => {
    expect(reasonAt(weekly({ tue: [{ start: '09:00', end: '09:00' }] }), 'weekly.tue[0]')).toMatch(
      /^empty interval/,
    );
    expect(paths(weekly({ tue: [{ start: '00:00', end: '00:00' }] }))).toEqual(['weekly.tue[0]']);
  });

  it('refuses overlapping intervals within a day, pointing at the later one', () => {
    const overlapping = [
      { start: '08:00', end: '12:00' },
      { start: '11:00', end: '17:00' },
    ];
    expect(validateCalendar(definition(weekly({ wed: overlapping })))).toEqual([
      { path: 'weekly.wed[1]', reason: 'overlaps weekly.wed[0] (08:00–12:00)' },
    ]);
  });

  it('refuses an interval inside another and one overlapping a late across-midnight one', () => {
    const nested = [
      { start: '08:00', end: '17:00' },
      { start: '10:00', end: '11:00' },
    ];
    const late = [
      { start: '20:00', end: '03:00' },
      { start: '23:00', end: '23:30' },
    ];
    expect(paths(weekly({ thu: nested, sat: late }))).toEqual(['weekly.thu[1]', 'weekly.sat[1]']);
  });

  it("refuses an across-midnight interval that overlaps the next day's early interval", () => {
    const overrides = weekly({
      fri: [{ start: '22:00', end: '02:00' }],
      sat: [{ start: '01:00', end: '05:00' }],
    });
    expect(validateCalendar(definition(overrides))).toEqual([
      {
        path: 'weekly.fri[0]',
        reason: 'runs past midnight until 02:00 and overlaps weekly.sat[0] (01:00–05:00)',
      },
    ]);
  });

  it('checks Sunday night against Monday morning', () => {
    expect(paths(weekly({ sun: [{ start: '20:00', end: '08:30' }] }))).toEqual(['weekly.sun[0]']);
  });

  it('refuses a missing weekday and an unknown one', () => {
    const { mon: _mon, ...rest } = definition().weekly;
    expect(paths({ weekly: { ...rest, Mon: OFFICE } })).toEqual(['weekly.Mon', 'weekly.mon']);
    expect(reasonAt({ weekly: rest }, 'weekly.mon')).toBe('missing; use [] for a closed day');
  });

  it('refuses a weekday that is not a list and an interval that is not an object', () => {
    expect(paths(weekly({ mon: '08:00-17:00', tue: ['08:00'] }))).toEqual([
      'weekly.mon',
      'weekly.tue[0]',
    ]);
  });

  it.each(['Europe/Stocholm', '', 'CET+1'])('refuses the unknown time zone %p', (timeZone) => {
    expect(paths({ timeZone })).toEqual(['timeZone']);
  });

  it('refuses an unknown holiday set and an unknown closure', () => {
    expect(paths({ holidays: { set: 'NO' } })).toEqual(['holidays.set']);
    expect(paths({ holidays: { set: 'SE', closeOn: ['public', 'sundays'] } })).toEqual([
      'holidays.closeOn[1]',
    ]);
  });

  it('refuses an unknown half-day holiday, suggesting the right spelling', () => {
    const overrides = {
      holidays: { set: 'SE', halfDays: [{ holiday: 'Trettondagsafton', closesAt: '12:00' }] },
    };
    expect(reasonAt(overrides, 'holidays.halfDays[0].holiday')).toBe(
      `unknown holiday "Trettondagsafton"; did you mean 'trettondagsafton'?`,
    );
    const typo = {
      holidays: { set: 'SE', halfDays: [{ holiday: 'trettondagafton', closesAt: '12:00' }] },
    };
    expect(paths(typo)).toEqual(['holidays.halfDays[0].holiday']);
  });

  it('accepts half days by name or MM-DD, refusing impossible dates and bad closing times', () => {
    const halfDays = [
      { holiday: 'valborgsmässoafton', closesAt: '13:00' },
      { holiday: '02-29', closesAt: '15:00' },
      { holiday: '02-30', closesAt: '15:00' },
      { holiday: '12-23', closesAt: '3 pm' },
    ];
    expect(paths({ holidays: { set: 'SE', halfDays } })).toEqual([
      'holidays.halfDays[2].holiday',
      'holidays.halfDays[3].closesAt',
    ]);
  });

  it('refuses a duplicate half day', () => {
    const halfDays = [
      { holiday: 'allhelgonaafton', closesAt: '12:00' },
      { holiday: 'allhelgonaafton', closesAt: '15:00' },
    ];
    expect(reasonAt({ holidays: { set: 'SE', halfDays } }, 'holidays.halfDays[1].holiday')).toBe(
      'duplicate of holidays.halfDays[0]',
    );
  });

  it('refuses a half day on a day already closed all day, unless closeOn leaves it open', () => {
    const julafton = [{ holiday: 'julafton', closesAt: '12:00' }];
    expect(paths({ holidays: { set: 'SE', halfDays: julafton } })).toEqual([
      'holidays.halfDays[0].holiday',
    ]);
    expect(paths({ holidays: { set: 'SE', closeOn: ['public'], halfDays: julafton } })).toEqual([]);
    const juldagen = [{ holiday: 'juldagen', closesAt: '12:00' }];
    expect(paths({ holidays: { set: 'SE', halfDays: juldagen } })).toEqual([
      'holidays.halfDays[0].holiday',
    ]);
  });

  it('needs the SE set for half days given by name', () => {
    const halfDays = [
      { holiday: 'trettondagsafton', closesAt: '12:00' },
      { holiday: '01-05', closesAt: '12:00' },
    ];
    expect(paths({ holidays: { set: 'none', halfDays } })).toEqual([
      'holidays.halfDays[0].holiday',
    ]);
  });

  it('refuses duplicate and impossible exception dates', () => {
    const exceptions = [
      { date: '2026-06-18', closed: true },
      { date: '2026-02-30', closed: true },
      { date: '2026-06-18', intervals: OFFICE },
    ];
    expect(validateCalendar(definition({ exceptions }))).toEqual([
      {
        path: 'exceptions[1].date',
        reason: 'not a calendar date "2026-02-30"; expected YYYY-MM-DD',
      },
      { path: 'exceptions[2].date', reason: 'duplicate date; exceptions[0] has it already' },
    ]);
  });

  it('refuses exceptions that are neither closed nor special hours, or both', () => {
    const exceptions = [
      { date: '2026-06-15' },
      { date: '2026-06-16', closed: true, intervals: OFFICE },
      { date: '2026-06-17', closed: false },
    ];
    expect(paths({ exceptions })).toEqual([
      'exceptions[0]',
      'exceptions[1]',
      'exceptions[2].closed',
    ]);
  });

  it('validates the intervals of special hours like weekly ones', () => {
    const intervals = [
      { start: '10:00', end: '14:00' },
      { start: '13:00', end: '1500' },
      { start: '13:30', end: '15:00' },
    ];
    expect(paths({ exceptions: [{ date: '2026-06-18', intervals }] })).toEqual([
      'exceptions[0].intervals[1].end',
      'exceptions[0].intervals[2]',
    ]);
  });

  it('reports every problem at once', () => {
    const broken = {
      timeZone: 'Nowhere/Special',
      weekly: 'always',
      holidays: { set: 'DK' },
      exceptions: [{ date: 'tomorrow', closed: true }],
    };
    expect(paths(broken)).toEqual(['timeZone', 'weekly', 'holidays.set', 'exceptions[0].date']);
  });

  it('refuses something that is not an object', () => {
    expect(validateCalendar(null)).toEqual([{ path: '', reason: 'must be an object' }]);
    expect(validateCalendar([])).toEqual([{ path: '', reason: 'must be an object' }]);
  });
});
