import { inflateSync } from 'node:zlib';

/** The text shown on each page: pdfkit writes it as hex WinAnsi strings in deflated streams. */
export function pdfPageTexts(pdf: Buffer): string[] {
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
