import ExcelJS from 'exceljs';
import { sampleReport } from './sample-report.fixture';
import { toXlsx, uniqueSheetName } from './xlsx';

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe('toXlsx', () => {
  it('starts with an overview and gives each table its own sheet', async () => {
    const workbook = await read(await toXlsx(sampleReport()));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Översikt',
      'Ärenden per typ',
      'Klagomål per kategori',
      'Klagomål och beröm, 13 månader',
      'Svarstider per part',
      'Klagomål per linje',
    ]);
    const overview = workbook.getWorksheet('Översikt');
    expect(overview?.getCell('A1').value).toBe(
      'Synpunkter november 2026 – UL-STAD-2019 Stadstrafiken',
    );
    expect(overview?.getCell('B4').value).toBe('2026-11-01 – 2026-11-30');
    expect(overview?.getCell('B5').value).toBe('2026-12-01 07:05');
  });

  it('writes a bold, frozen header and numbers as numbers with their format', async () => {
    const workbook = await read(await toXlsx(sampleReport()));
    const sheet = workbook.getWorksheet('Svarstider per part');
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      'Part',
      'Besvarade ärenden',
      'Median',
      '90:e percentil',
      'Inom mål',
    ]);
    expect(sheet?.getCell('A1').font?.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const share = sheet?.getCell('E2');
    expect(share?.value).toBeCloseTo(0.958);
    expect(share?.numFmt).toBe('0.0%');
    expect(sheet?.getCell('B3').value).toBe(1621);
    expect(sheet?.getCell('B3').numFmt).toBe('0');
    expect(sheet?.getCell('C2').numFmt).toBe('0.0');
    expect(sheet?.getCell('C5').value).toBeNull();
  });

  it('keeps a formula-looking text a plain string, never a formula', async () => {
    const workbook = await read(await toXlsx(sampleReport()));
    const sheet = workbook.getWorksheet('Klagomål per linje');
    const cell = sheet?.getCell(`A${sheet.rowCount}`);
    expect(cell?.type).toBe(ExcelJS.ValueType.String);
    expect(cell?.value).toBe('=HYPERLINK("http://example.invalid";"Linje 4")');
  });

  it('writes a monthly report of fifteen tables well within a second', async () => {
    const doc = sampleReport();
    const tables = Array.from({ length: 3 }, (_, round) =>
      doc.tables.map((table) => ({ ...table, id: `${table.id}-${round}` })),
    ).flat();
    await toXlsx(doc); // loads exceljs's lazy parts
    const started = performance.now();
    await toXlsx({ ...doc, tables });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe(uniqueSheetName.name, () => {
  it('makes names Excel accepts: short, clean and unique ignoring case', () => {
    const taken = new Set(['översikt']);
    expect(uniqueSheetName('Svarstider [h]: median/p90?', taken)).toBe('Svarstider h median p90');
    expect(uniqueSheetName('ÖVERSIKT', taken)).toBe('ÖVERSIKT (2)');
    const long = 'Klagomål per kategori och linje under perioden';
    expect(uniqueSheetName(long, taken)).toBe('Klagomål per kategori och linje');
    expect(uniqueSheetName(long, taken)).toBe('Klagomål per kategori och (2)');
    expect(uniqueSheetName(`${long} ${long}`, taken)).toBe('Klagomål per kategori och (3)');
    expect(uniqueSheetName("'History'", taken)).toBe('History 1');
    expect(uniqueSheetName('***', taken)).toBe('Tabell');
  });
});
