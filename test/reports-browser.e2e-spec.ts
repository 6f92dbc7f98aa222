import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { MonthlyExportsService } from '../src/reports/monthly-exports.service';
import { DEMO_PASSWORD, DemoSeedService } from '../src/seed/demo-seed.service';
import {
  ACTION_TIMEOUT_MS,
  browserTestsSkipped,
  launchChromium,
  listenLocally,
} from './support/browser';
import { createIsolatedDatabase } from './support/isolated-database';
import { createTestApp, FrozenClock } from './support/test-app';
import type { TestApp } from './support/test-app';

// Written where git does not look; with UPDATE_DOCS_SCREENSHOTS=1 also to docs/screenshots,
// which holds the reviewed copies.
const SCREENSHOTS = join(__dirname, '..', 'test-results', 'screenshots');
const DOCS_SCREENSHOTS = join(__dirname, '..', 'docs', 'screenshots');
const updateDocs = process.env.UPDATE_DOCS_SCREENSHOTS === '1';
const PDFTOPPM = '/usr/bin/pdftoppm';
const TEST_TIMEOUT_MS = 180_000;
const DESKTOP = { width: 1280, height: 900 };
/** A Monday in December: the demo history's last complete month is November. */
const NOW = '2026-12-07T10:15:00+01:00';
const LAST_MONTH = '2026-11';
/** The docs' screenshot of the report: the first screen and its first chart, not every table. */
const MAX_SHOT_HEIGHT = 1800;

// Run in every page before its own scripts (the tests' lib has no DOM types, hence a string).
const RECORD_CSP_VIOLATIONS = `
  globalThis.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) =>
    globalThis.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI));
`;

// `npm test` sets SKIP_BROWSER_TESTS=1 only where no Chromium could be installed.
const describeInBrowser = browserTestsSkipped ? describe.skip : describe;

describeInBrowser('the reports in Chromium', () => {
  let app: TestApp;
  let dropDatabase: () => Promise<void>;
  let baseUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    const database = await createIsolatedDatabase('reports_browser');
    dropDatabase = () => database.drop();
    app = await createTestApp({ DATABASE_URL: database.url }, { clock: new FrozenClock(NOW) });
    // As `npm start` does: the demo area, its accounts, forums, cases and their history.
    expect(await app.app.get(DemoSeedService).seedIfEmpty()).toBe(true);
    // The export the first working day of December would have stored.
    await app.app.get(MonthlyExportsService).exportMonth(LAST_MONTH);
    baseUrl = await listenLocally(app);
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
    if (updateDocs) mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await dropDatabase?.();
  });

  /** Everything that went wrong in the browser: CSP violations, console errors, failed loads. */
  function watch(page: Page): string[] {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico'))
        problems.push(`console: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) =>
      problems.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ''}`),
    );
    page.on('response', (response) => {
      // The browser's own guess at a favicon is not the page's.
      if (response.status() >= 400 && !response.url().endsWith('/favicon.ico'))
        problems.push(`${response.status()}: ${response.url()}`);
    });
    return problems;
  }

  async function newContext(): Promise<BrowserContext> {
    const context = await browser.newContext({ locale: 'sv-SE', viewport: DESKTOP });
    // Recorded by the browser whatever the page's own policy allows (an init script is the
    // browser's, not the page's).
    await context.addInitScript(RECORD_CSP_VIOLATIONS);
    return context;
  }

  const cspViolations = (page: Page) =>
    page.evaluate(
      () => (globalThis as unknown as { cspViolations?: string[] }).cspViolations ?? [],
    );

  it(
    'takes a forum member from the inbox to the monthly report, as HTML and as PDF',
    async () => {
      const context = await newContext();
      const page = await context.newPage();
      page.setDefaultTimeout(ACTION_TIMEOUT_MS);
      page.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS);
      const problems = watch(page);

      // The demo forum account signs in and finds the reports from the inbox.
      await page.goto(`${baseUrl}/inbox/sign-in?lang=sv`);
      await page.getByLabel('E-postadress').fill('forum@ul.example');
      await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
      await Promise.all([
        page.waitForURL('**/inbox?**'),
        page.getByRole('button', { name: 'Logga in' }).click(),
      ]);
      await Promise.all([
        page.waitForURL('**/inbox/partnership**'),
        page.getByRole('link', { name: 'Samverkan och rapporter' }).click(),
      ]);
      await expect(
        page.getByRole('heading', { name: 'Rapporter', level: 2 }).count(),
      ).resolves.toBe(1);
      expect(await cspViolations(page)).toEqual([]);

      // The form offers the whole area and every contract to the authority's forum member.
      const contracts = await page.locator('#report-contract option').allTextContents();
      expect(contracts[0]).toBe('Hela området');
      expect(contracts).toEqual(expect.arrayContaining([expect.stringMatching(/^UL-STAD-2019 /)]));
      // A link per cycle and the stored export's files.
      const cycleLinks = page.locator('.report-cycles a');
      expect(await cycleLinks.count()).toBeGreaterThanOrEqual(4);
      const exportLinks = page.locator('.report-exports a');
      expect(await exportLinks.count()).toBeGreaterThan(0);
      const stored = await page.request.get(
        new URL((await exportLinks.first().getAttribute('href')) as string, baseUrl).href,
      );
      expect(stored.status()).toBe(200);

      // The month's report as a page of its own.
      await page.locator('#report-month').fill(LAST_MONTH);
      await page.locator('#report-contract').selectOption('');
      await page.locator('#report-format').selectOption('html');
      const [response] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/reports/monthly'),
        page.waitForURL('**/api/v1/reports/monthly?**'),
        page.getByRole('button', { name: 'Visa rapporten' }).click(),
      ]);
      expect(response.status()).toBe(200);
      expect(new URL(page.url()).searchParams.get('month')).toBe(LAST_MONTH);
      await page.waitForLoadState('load');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(
        'november 2026',
      );
      expect(await page.locator('table').count()).toBeGreaterThanOrEqual(8);
      const charts = page.locator('svg[role="img"]');
      expect(await charts.count()).toBeGreaterThan(0);
      expect((await charts.first().boundingBox())?.height ?? 0).toBeGreaterThan(50);
      // The history makes the tables worth reading: November's cases, a trend of 13 months.
      const body = await page.locator('body').textContent();
      expect(body).toContain('Ärenden');
      expect(await page.locator('table tbody tr').count()).toBeGreaterThan(40);
      expect(await cspViolations(page)).toEqual([]);
      expect(problems).toEqual([]);

      const chartBox = await charts.first().boundingBox();
      const height = Math.min(
        MAX_SHOT_HEIGHT,
        Math.max(DESKTOP.height, Math.ceil((chartBox?.y ?? 0) + (chartBox?.height ?? 0) + 24)),
      );
      const shot = { fullPage: true, clip: { x: 0, y: 0, width: DESKTOP.width, height } };
      await page.screenshot({ ...shot, path: join(SCREENSHOTS, 'report-monthly.png') });
      if (updateDocs) {
        const file = join(DOCS_SCREENSHOTS, 'report-monthly.png');
        await page.screenshot({ ...shot, path: file });
        expect(statSync(file).size).toBeLessThan(400_000);
      }

      // The same month as PDF, drawn by the server; its first page and a chart's page as PNGs.
      const pdf = await page.request.get(
        `${baseUrl}/api/v1/reports/monthly?month=${LAST_MONTH}&format=pdf`,
      );
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
      const bytes = await pdf.body();
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      if (updateDocs) renderPdfPages(bytes);

      await context.close();
    },
    TEST_TIMEOUT_MS,
  );
});

/** Page 1 and the trend chart's page of the PDF as PNGs, with poppler's pdftoppm. */
function renderPdfPages(pdf: Buffer): void {
  if (!existsSync(PDFTOPPM)) {
    process.stderr.write(
      `reports-browser: ${PDFTOPPM} is missing (apt-get install poppler-utils); ` +
        'the PDF screenshots were not updated\n',
    );
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))?.[1] ?? '1');
    // The first page after the first that draws the 13-month trend, else page 2.
    let chartPage = Math.min(2, pages);
    for (let page = 2; page <= pages; page++) {
      const text = run('pdftotext', ['-f', String(page), '-l', String(page), file, '-']);
      if (/13 månader|trend/i.test(text)) {
        chartPage = page;
        break;
      }
    }
    const render = (page: number, name: string) => {
      const prefix = join(dir, `page-${page}`);
      execFileSync(PDFTOPPM, [
        '-png',
        '-r',
        '80',
        '-f',
        `${page}`,
        '-l',
        `${page}`,
        '-singlefile',
        file,
        prefix,
      ]);
      writeFileSync(join(DOCS_SCREENSHOTS, name), readFileSync(`${prefix}.png`));
    };
    render(1, 'report-pdf-page1.png');
    render(chartPage, 'report-pdf-charts.png');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8' });
  } catch {
    return '';
  }
}
