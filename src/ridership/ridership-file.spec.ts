import { describeRidershipError, parseRidershipFile } from './ridership-file';

const CONTRACTS = new Set(['UL-STAD-2019', 'UL-REGION-SYD-2020']);
const isContract = (code: string) => CONTRACTS.has(code);

describe('parseRidershipFile', () => {
  it('reads a comma-separated file with and without lines', () => {
    const result = parseRidershipFile(
      'month,contract,line,boardings\n2026-01,UL-STAD-2019,,1200000\n2026-01,UL-STAD-2019,4,35000\n',
      isContract,
    );
    expect(result).toEqual({
      ok: true,
      rows: [
        { month: '2026-01', contract: 'UL-STAD-2019', line: '', boardings: 1_200_000, lineNo: 2 },
        { month: '2026-01', contract: 'UL-STAD-2019', line: '4', boardings: 35_000, lineNo: 3 },
      ],
    });
  });

  it('reads what Swedish Excel writes: a BOM, semicolons, CRLF and spaces between thousands', () => {
    const result = parseRidershipFile(
      '\uFEFFMonth;Contract;Line;Boardings\r\n2026-02;UL-REGION-SYD-2020;;1 234 567\r\n2026-02;UL-STAD-2019;801;12\u00a0000\r\n',
      isContract,
    );
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.rows.map((row) => [row.contract, row.line, row.boardings])).toEqual([
        ['UL-REGION-SYD-2020', '', 1_234_567],
        ['UL-STAD-2019', '801', 12_000],
      ]);
  });

  it('takes a file without the line column as whole contracts', () => {
    const result = parseRidershipFile(
      'month,contract,boardings\n2026-03,UL-STAD-2019,10\n',
      isContract,
    );
    expect(result).toMatchObject({ ok: true, rows: [{ line: '', boardings: 10 }] });
  });

  it('lists every error of a malformed file, with line and column', () => {
    const result = parseRidershipFile(
      [
        'month,contract,line,boardings',
        '2026-13,UL-STAD-2019,,100',
        '2026-01,NO-SUCH,,100',
        '2026-01,UL-STAD-2019,,-5',
        '2026-01,UL-STAD-2019,,12,5',
        '2026-01,UL-STAD-2019,,1 00 000',
        '2026-01,UL-STAD-2019,,',
        '2026-02,UL-STAD-2019,4,7',
        '2026-02,UL-STAD-2019,4,8',
        'jan,,,x',
      ].join('\n'),
      isContract,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { line: 2, column: 'month', reason: '"2026-13" is not a month YYYY-MM' },
      { line: 3, column: 'contract', reason: '"NO-SUCH" is not a contract of the area' },
      {
        line: 4,
        column: 'boardings',
        reason: '"-5" is not a whole number of boardings (0 or more)',
      },
      { line: 5, column: '-', reason: 'has 5 values, the header 4' },
      {
        line: 6,
        column: 'boardings',
        reason: '"1 00 000" is not a whole number of boardings (0 or more)',
      },
      { line: 7, column: 'boardings', reason: 'is empty' },
      { line: 9, column: 'line', reason: 'repeats line 8 (the same month, contract and line)' },
      { line: 10, column: 'month', reason: '"jan" is not a month YYYY-MM' },
      { line: 10, column: 'contract', reason: 'is empty' },
      {
        line: 10,
        column: 'boardings',
        reason: '"x" is not a whole number of boardings (0 or more)',
      },
    ]);
    expect(describeRidershipError(result.errors[0])).toBe(
      'line 2, month: "2026-13" is not a month YYYY-MM',
    );
  });

  it('refuses a wrong header, an empty file, a file of only a header and broken quoting', () => {
    expect(parseRidershipFile('month,kontrakt,boardings\n2026-01,X,1\n', isContract)).toEqual({
      ok: false,
      errors: [
        {
          line: 1,
          column: 'kontrakt',
          reason: 'is not a column of a ridership file (month, contract, line, boardings)',
        },
        { line: 1, column: 'contract', reason: 'is missing from the header' },
      ],
    });
    expect(parseRidershipFile('\uFEFF \n', isContract)).toEqual({
      ok: false,
      errors: [{ line: 1, column: '-', reason: 'the file is empty' }],
    });
    expect(parseRidershipFile('month,contract,line,boardings\n', isContract)).toEqual({
      ok: false,
      errors: [{ line: 1, column: '-', reason: 'the file has no rows' }],
    });
    const broken = parseRidershipFile(
      'month,contract,line,boardings\n2026-01,"UL-STAD,,1\n',
      isContract,
    );
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.errors[0].reason).toMatch(/^not readable CSV/);
  });
});
