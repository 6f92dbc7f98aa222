import { toHtml } from './html';
import { sampleReport } from './sample-report.fixture';

describe('toHtml', () => {
  const html = toHtml(sampleReport());

  it('is one Swedish HTML5 document with the title, period and notes', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="sv">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<h1>Synpunkter november 2026 – UL-STAD-2019 Stadstrafiken</h1>');
    expect(html).toContain('2026-11-01 – 2026-11-30');
    expect(html).toContain(
      '<li>Andel inom mål: svar inom 72 timmar enligt avtalets bilaga 4.</li>',
    );
  });

  it('gives every table a caption, column headers and row headers', () => {
    for (const title of [
      'Ärenden per typ',
      'Klagomål per kategori',
      'Klagomål och beröm, 13 månader',
      'Svarstider per part',
      'Klagomål per linje',
    ])
      expect(html).toContain(`<caption>${title}</caption>`);
    expect(html).toContain('<th scope="col" class="num">Antal</th>');
    expect(html).toContain('<th scope="row">Förslag</th>');
  });

  it('formats numbers the Swedish way and right-aligns them', () => {
    expect(html).toContain('<td class="num">1\u00a0204</td>');
    expect(html).toContain('<td class="num">25,0\u00a0%</td>');
    expect(html).toContain('<td class="num">12,5\u00a0h</td>');
    expect(html).toContain('<td class="num">–</td>');
  });

  it('draws each chart as an accessible inline SVG: bars, and lines with a legend', () => {
    const charts = html.match(/<svg [^>]*role="img"[^>]*>/g) ?? [];
    expect(charts).toHaveLength(4);
    expect(html).toContain(
      '<title id="t-trend-13-months-chart-title">Diagram: Klagomål och beröm, 13 månader.',
    );
    expect(html).toMatch(/<path d="M[^"]+" fill="none" stroke="#0072B2"/);
    expect(html).toContain('>Beröm</text>');
    expect(html).toContain('>nov</text>');
  });

  it('escapes every value from the document', () => {
    expect(html).not.toContain('<b>');
    expect(html).toContain('Övrigt &#60;b&#62;ej angivet&#60;/b&#62;');
    const hostile = toHtml(
      sampleReport({ title: '"><img src=x onerror=alert(1)>', notes: ['</style><script>'] }),
    );
    expect(hostile).not.toMatch(/<img|<script|<\/style><script/);
  });

  it('needs nothing beyond its inline style: no script, no external resource', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/(src|href)="(?!#|data:)/);
    expect(html).not.toMatch(/url\(|@import|@font-face/);
    expect(html).toContain('@media print');
  });
});
