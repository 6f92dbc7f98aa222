// Writes the sample monthly report in every export format, for documentation screenshots:
//   npx ts-node --transpile-only scripts/render-report-samples.ts /tmp/out
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCsvZip } from '../src/reports/formats/csv';
import { toHtml } from '../src/reports/formats/html';
import { toPdf } from '../src/reports/formats/pdf';
import { sampleReport } from '../src/reports/formats/sample-report.fixture';
import { toXlsx } from '../src/reports/formats/xlsx';

async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) {
    process.stderr.write('usage: render-report-samples.ts <output folder>\n');
    process.exit(2);
  }
  mkdirSync(out, { recursive: true });
  const doc = sampleReport();
  const files: [string, Buffer | string][] = [
    [`${doc.slug}.csv.zip`, await toCsvZip(doc)],
    [`${doc.slug}.xlsx`, await toXlsx(doc)],
    [`${doc.slug}.html`, toHtml(doc)],
    [`${doc.slug}.pdf`, await toPdf(doc)],
  ];
  for (const [name, content] of files) {
    writeFileSync(join(out, name), content);
    process.stdout.write(`${join(out, name)}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
