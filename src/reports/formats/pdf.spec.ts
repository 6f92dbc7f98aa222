import { inflateSync } from 'node:zlib';
import { pdfText, toPdf } from './pdf';
import { countsByLine, sampleReport } from './sample-report.fixture';

// The text shown on each page: pdfkit writes it as hex WinAnsi strings in deflated streams.
function pageTexts(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const texts: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = raw.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    if (!content.includes('TJ')) continue;
    const runs = [...content.matchAll(/\[(.*?)\] TJ/g)].map((tj) =>
      [...tj[1].matchAll(/<([0-9a-f]*)>/g)]
        .map((hex) => Buffer.from(hex[1], 'hex').toString('latin1'))
        .join(''),
    );
    texts.push(runs.join('\n'));
  }
  return texts;
}

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
