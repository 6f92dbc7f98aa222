import { fromBuffer, type Entry, type ZipFile } from 'yauzl';
import { csvField, tableToCsv, toCsvZip } from './csv';
import { sampleReport } from './sample-report.fixture';

// Every entry of a zip, read back with the same library the project uses for GTFS.
function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    fromBuffer(buffer, { lazyEntries: true }, (error, zip?: ZipFile) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('toCsvZip', () => {
  it('writes one CSV per table, named by its id, and a README', async () => {
    const files = await unzip(await toCsvZip(sampleReport()));
    expect([...files.keys()]).toEqual([
      'counts-by-kind.csv',
      'counts-by-category.csv',
      'trend-13-months.csv',
      'response-times.csv',
      'counts-by-line.csv',
      'README.txt',
    ]);
    const readme = files.get('README.txt')?.toString('utf8') ?? '';
    expect(readme).toContain('Synpunkter november 2026 – UL-STAD-2019 Stadstrafiken');
    expect(readme).toContain('Period: 2026-11-01 – 2026-11-30');
    expect(readme).toContain('Skapad: 2026-12-01 07:05');
    expect(readme).toContain('- Ärenden räknas i den månad de kom in');
    expect(readme).toContain('counts-by-kind.csv: Ärenden per typ');
  });

  it('gives Swedish Excel UTF-8 with a BOM, semicolons, CRLF and decimal commas', async () => {
    const files = await unzip(await toCsvZip(sampleReport()));
    const bytes = files.get('response-times.csv') ?? Buffer.alloc(0);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('Part;Besvarade ärenden;Median (h);90:e percentil (h);Inom mål (%)');
    expect(lines[1]).toBe('Region Uppsala (UL);143;12,50;47,25;95,8');
    expect(lines[2]).toBe('Gamla Uppsala Buss AB;1621;20,75;70,50;25,0');
    expect(lines[4]).toBe('Okänd part;0;;;');
  });

  it('quotes per RFC 4180 and defuses text that a spreadsheet would run as a formula', async () => {
    const files = await unzip(await toCsvZip(sampleReport()));
    const text = files.get('counts-by-line.csv')?.toString('utf8') ?? '';
    expect(text).toContain(
      `"'=HYPERLINK(""http://example.invalid"";""Linje 4"")";1234567;3;0,24\r\n`,
    );
    const categories = files.get('counts-by-category.csv')?.toString('utf8') ?? '';
    expect(categories).toContain('"Biljetter och betalning (app, kort; kontant)";29;30\r\n');
  });

  it('guards every formula lead character in text, and only in text', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvField(`${lead}1+1`, true).replace(/^"/, '')).toMatch(/^'/);
    expect(csvField('-1,5', false)).toBe('-1,5');
    expect(csvField('Linje 4', true)).toBe('Linje 4');
    expect(csvField('rad ett\nrad två', true)).toBe('"rad ett\nrad två"');
  });

  it('leaves an unknown cell empty and keeps a negative number a number', () => {
    const csv = tableToCsv({
      id: 'change',
      title: 'Förändring',
      columns: [
        { key: 'label', label: 'Kategori', type: 'text' },
        { key: 'delta', label: 'Förändring', type: 'decimal' },
      ],
      rows: [
        { label: 'Trängsel', delta: -1.5 },
        { label: 'Städning', delta: null },
      ],
    });
    expect(csv).toBe('\uFEFFKategori;Förändring\r\nTrängsel;-1,50\r\nStädning;\r\n');
  });
});
