import { pdfPageTexts as pageTexts } from '../../../test/support/pdf-text';
import { pdfText, toPdf } from './pdf';
import { countsByLine, sampleReport } from './sample-report.fixture';

describe('toPdf', () => {
  it('writes an A4 PDF with its Swedish text in the standard font', async () => {
    const pdf = await toPdf(sampleReport());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    const text = pageTexts(pdf).join('\n');
    expect(text).toContain('Klagomål per kategori');
    expect(text).toContain('Förseningsersättning');
    expect(text).toContain('Övrigt <b>ej angivet</b>');
    expect(text).toContain('25,0\u00a0%');
    expect(text).toContain('12,5\u00a0h');
  });

  it('breaks a long table over pages, repeating its header, and numbers every page', async () => {
    const table = countsByLine();
    table.rows = [...table.rows, ...table.rows];
    const pages = pageTexts(await toPdf(sampleReport({ tables: [table] })));
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, index) => {
      expect(page).toContain('Påstigande');
      expect(page).toContain(`Sida ${index + 1} av ${pages.length}`);
    });
  });

  it('draws an empty table as a note rather than failing', async () => {
    const table = { ...countsByLine(), rows: [] };
    const text = pageTexts(await toPdf(sampleReport({ tables: [table] }))).join('\n');
    expect(text).toContain('Inga ärenden under perioden.');
  });

  it('keeps text within WinAnsi, which the standard fonts can show', () => {
    expect(pdfText('Åäö – é … €')).toBe('Åäö – é … €');
    expect(pdfText('\u22125 → 3\u202fh ✓')).toBe('-5 -> 3\u00a0h ?');
  });
});
