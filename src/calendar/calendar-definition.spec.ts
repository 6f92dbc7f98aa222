import { InvalidInputError } from '../infra/errors/app-error';
import { compileCalendar } from './calendar-definition';
import { officeCalendar, weekly } from './calendar.fixtures';

const definition = officeCalendar;

describe(compileCalendar.name, () => {
  it('throws calendar.invalid-definition listing each issue as a field error', () => {
    const broken = definition({
      timeZone: 'Europe/Stocholm',
      ...weekly({ mon: [{ start: '9', end: '17:00' }] }),
    });
    let error: unknown;
    try {
      compileCalendar(broken);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    const invalid = error as InvalidInputError;
    expect(invalid.code).toBe('calendar.invalid-definition');
    expect(invalid.fieldErrors.map((f) => f.field)).toEqual(['timeZone', 'weekly.mon[0].start']);
  });

  it('parses intervals into sorted minutes and indexes exceptions by day', () => {
    const cal = compileCalendar(
      definition({
        ...weekly({
          mon: [
            { start: '13:00', end: '17:00' },
            { start: '08:00', end: '12:00' },
          ],
          sat: [{ start: '22:00', end: '02:00' }],
        }),
        exceptions: [{ date: '2026-06-18', closed: true }],
      }),
    );
    expect(cal.weekly[0]).toEqual([
      { start: 480, end: 720 },
      { start: 780, end: 1020 },
    ]);
    expect(cal.weekly[5]).toEqual([{ start: 1320, end: 1560 }]);
    expect([...cal.exceptions.values()]).toEqual([[]]);
    expect([...cal.closeOn]).toEqual(['public', 'eves']);
  });
});
