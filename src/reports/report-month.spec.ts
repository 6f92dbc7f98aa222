import { addMonths, isMonth, lastDayOf, monthsBetween, swedishMonth } from './report-month';

describe('report months', () => {
  it('steps across years both ways', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-11', -12)).toBe('2025-11');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-03', -14)).toBe('2025-01');
  });

  it('knows month lengths, leap years included', () => {
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
    expect(lastDayOf('2026-02')).toBe('2026-02-28');
    expect(lastDayOf('2026-12')).toBe('2026-12-31');
  });

  it('lists thirteen months for a trend and names them in Swedish', () => {
    const months = monthsBetween(addMonths('2026-11', -12), '2026-11');
    expect(months).toHaveLength(13);
    expect(months[0]).toBe('2025-11');
    expect(swedishMonth('2026-11')).toBe('november 2026');
  });

  it('refuses what is not a month', () => {
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-1')).toBe(false);
    expect(isMonth('2026-01')).toBe(true);
    expect(() => addMonths('nope', 1)).toThrow();
  });
});
