import { chartModel, niceScale } from './chart-model';
import { countsByCategory, trend13Months } from './sample-report.fixture';

describe('chartModel', () => {
  it('covers the data with round ticks starting at zero', () => {
    expect(niceScale(0, 1204, 'int').ticks).toEqual([0, 500, 1000, 1500]);
    expect(niceScale(0, 0.958, 'percent').ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceScale(0, 3, 'int').ticks).toEqual([0, 1, 2, 3]);
    expect(niceScale(0, 0, 'int').ticks).toEqual([0, 1, 2, 3, 4, 5]);
    expect(niceScale(-12, 30, 'decimal').min).toBeLessThanOrEqual(-12);
  });

  it('takes one series per values column and keeps unknown points as gaps', () => {
    const model = chartModel(trend13Months());
    expect(model?.series.map((series) => series.label)).toEqual(['Klagomål', 'Beröm']);
    expect(model?.series[1].values[11]).toBeNull();
    expect(model?.axis[0]).toEqual({ line1: 'nov', line2: '2025' });
  });

  it('draws nothing for a chart over a column that does not exist', () => {
    const table = countsByCategory();
    table.chart = { type: 'bar', label: 'category', values: ['missing'] };
    expect(chartModel(table)).toBeUndefined();
  });
});
