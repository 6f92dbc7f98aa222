import { parseMonthlyReportRequest } from './report-request';

describe(parseMonthlyReportRequest.name, () => {
  const parse = (raw: Record<string, unknown>) => parseMonthlyReportRequest(raw, '2026-12');

  it('takes a month, an optional contract and a format (JSON by default)', () => {
    expect(parse({ month: '2026-11' }).request).toEqual({
      month: '2026-11',
      contract: null,
      format: 'json',
    });
    expect(parse({ month: '2026-12', contract: 'UL-STAD-2019', format: 'xlsx' }).request).toEqual({
      month: '2026-12',
      contract: 'UL-STAD-2019',
      format: 'xlsx',
    });
  });

  it('names every wrong field: a future or malformed month, a bad code, format, extras', () => {
    expect(parse({ month: '2027-01' }).errors).toEqual([
      { field: 'month', reason: 'must not be after 2026-12' },
    ]);
    expect(
      parse({ month: '2026-13', contract: 'ul stad', format: 'doc', year: '2026' }).errors,
    ).toEqual([
      { field: 'year', reason: 'is not a parameter of the report' },
      { field: 'month', reason: 'must be a month (YYYY-MM)' },
      { field: 'contract', reason: 'must be a contract code' },
      { field: 'format', reason: 'must be one of json, csv, xlsx, html, pdf' },
    ]);
    expect(parse({}).errors).toEqual([{ field: 'month', reason: 'is required (YYYY-MM)' }]);
    expect(parse({ month: ['2026-01', '2026-02'] }).errors).toEqual([
      { field: 'month', reason: 'must be given once' },
    ]);
  });
});
