import { effectOfWindows, effectWindows, monthsOf, per100k, proratedBoardings } from './effect';
import type { EffectWindow } from './effect';
import { isoRange } from './effect';

const TZ = 'Europe/Stockholm';

describe('the effect of an action', () => {
  it('measures whole local days since the decision, at least 1 and at most 90', () => {
    // 23:30 UTC on 10 March is already 11 March in Stockholm: 10 whole days since 1 March.
    const ten = effectWindows('2026-03-01', new Date('2026-03-10T23:30:00Z'), TZ);
    expect(ten.windowDays).toBe(10);
    expect(isoRange(ten.after)).toEqual({ from: '2026-03-01', to: '2026-03-10' });
    expect(isoRange(ten.before)).toEqual({ from: '2026-02-19', to: '2026-02-28' });
    expect(effectWindows('2026-03-01', new Date('2026-03-01T12:00:00Z'), TZ).windowDays).toBe(1);
    expect(effectWindows('2026-05-01', new Date('2026-03-01T12:00:00Z'), TZ).windowDays).toBe(1);
    expect(effectWindows('2025-01-01', new Date('2026-03-01T12:00:00Z'), TZ).windowDays).toBe(90);
  });

  it('pro-rates monthly boardings by the days a window covers, or gives null with a month missing', () => {
    const range = { fromDay: 0, toDay: 0 };
    const feb = effectWindows('2026-03-01', new Date('2026-03-11T12:00:00Z'), TZ).before;
    expect(monthsOf(feb)).toEqual(['2026-02']);
    // 10 of February's 28 days.
    expect(proratedBoardings(feb, new Map([['2026-02', 280_000]]))).toBe(100_000);
    const across = { fromDay: feb.fromDay, toDay: feb.toDay + 5 };
    expect(monthsOf(across)).toEqual(['2026-02', '2026-03']);
    expect(
      proratedBoardings(
        across,
        new Map([
          ['2026-02', 280_000],
          ['2026-03', 310_000],
        ]),
      ),
    ).toBe(150_000);
    expect(proratedBoardings(across, new Map([['2026-02', 280_000]]))).toBeNull();
    expect(monthsOf(range)).toEqual(['1970-01']);
  });

  it('compares rates when both windows have boardings, else counts', () => {
    const side = (cases: number, boardings: number | null): EffectWindow => ({
      from: 'x',
      to: 'y',
      cases,
      boardings,
      per100k: per100k(cases, boardings),
    });
    expect(effectOfWindows(10, side(20, 100_000), side(15, 120_000))).toMatchObject({
      change: 0.625,
      basis: 'per100k',
    });
    expect(effectOfWindows(10, side(20, null), side(15, 120_000))).toMatchObject({
      change: 0.75,
      basis: 'cases',
    });
    expect(effectOfWindows(10, side(0, null), side(3, null)).change).toBeNull();
    expect(per100k(3, 0)).toBeNull();
  });
});
