import {
  axisLabels,
  csvHeader,
  formatCsvValue,
  formatDisplay,
  formatNumber,
  formatPeriod,
  formatTimestamp,
  NBSP,
} from './swedish-numbers';

describe('swedish numbers', () => {
  it('groups thousands with the given separator and writes a decimal comma', () => {
    expect(formatNumber(1234567, 0, ' ')).toBe('1 234 567');
    expect(formatNumber(1234.5, 1, ' ')).toBe('1 234,5');
    expect(formatNumber(999, 0, ' ')).toBe('999');
    expect(formatNumber(0.05, 2)).toBe('0,05');
  });

  it('rounds halves up as a reader expects and never writes a negative zero', () => {
    expect(formatNumber(1.005, 2)).toBe('1,01');
    expect(formatNumber(0.145 * 100, 1)).toBe('14,5');
    expect(formatNumber(-0.01, 1)).toBe('0,0');
    expect(formatNumber(-1234.56, 1, ' ')).toBe('-1 234,6');
  });

  it('shows each column type the Swedish way, with no-break spaces', () => {
    expect(formatDisplay(12345, 'int')).toBe(`12${NBSP}345`);
    expect(formatDisplay(3.456, 'decimal')).toBe('3,5');
    expect(formatDisplay(0.25, 'percent')).toBe(`25,0${NBSP}%`);
    expect(formatDisplay(12.5, 'hours')).toBe(`12,5${NBSP}h`);
    expect(formatDisplay(null, 'int')).toBe('–');
    expect(formatDisplay(Number.NaN, 'percent')).toBe('–');
    expect(formatDisplay('Åkersberga', 'text')).toBe('Åkersberga');
  });

  it('writes CSV numbers as Swedish Excel parses them, the unit in the heading', () => {
    expect(formatCsvValue(12345, 'int')).toBe('12345');
    expect(formatCsvValue(0.25, 'percent')).toBe('25,0');
    expect(formatCsvValue(47.25, 'hours')).toBe('47,25');
    expect(formatCsvValue(0.2434, 'decimal')).toBe('0,24');
    expect(formatCsvValue(null, 'hours')).toBe('');
    expect(csvHeader({ key: 'a', label: 'Inom mål', type: 'percent' })).toBe('Inom mål (%)');
    expect(csvHeader({ key: 'a', label: 'Median', type: 'hours' })).toBe('Median (h)');
    expect(csvHeader({ key: 'a', label: 'Antal', type: 'int' })).toBe('Antal');
  });

  it('turns months into short Swedish names with the year where it changes', () => {
    expect(axisLabels(['2025-12', '2026-01', '2026-02', 'Övrigt'])).toEqual([
      { line1: 'dec', line2: '2025' },
      { line1: 'jan', line2: '2026' },
      { line1: 'feb', line2: '' },
      { line1: 'Övrigt', line2: '' },
    ]);
  });

  it('shows times in the area zone and periods as ISO dates', () => {
    expect(formatTimestamp(new Date('2026-07-01T22:30:00Z'), 'Europe/Stockholm')).toBe(
      '2026-07-02 00:30',
    );
    expect(formatPeriod({ from: '2026-11-01', to: '2026-11-30' })).toBe('2026-11-01 – 2026-11-30');
  });
});
