import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import request from 'supertest';
import {
  ACTION_TIMEOUT_MS,
  browserTestsSkipped,
  createDemoAreaApp,
  launchChromium,
  listenLocally,
} from './support/browser';
import { newUser, TEST_PASSWORD } from './support/sign-in';
import { SmtpSink } from './support/smtp-sink';
import { eventually } from './support/test-app';
import type { TestApp } from './support/test-app';

const TEST_TIMEOUT_MS = 120_000;
const DESKTOP = { width: 1280, height: 900 };

// `npm test` sets SKIP_BROWSER_TESTS=1 only where no Chromium could be installed.
const describeInBrowser = browserTestsSkipped ? describe.skip : describe;

// Browser-side expressions (the tests are compiled without the DOM's types).
/** Set on the window once a page has loaded: gone if the page is loaded again. */
const SET_MARKER = 'window.__noReload = true';
const MARKER_KEPT = 'window.__noReload === true';
/** The status of the answer the inbox's script shows next, once it is shown. */
const NEXT_UPDATE =
  "new Promise((resolve) => document.addEventListener('inbox:updated', (event) => resolve(event.detail.status), { once: true }))";
const FOCUSED_ID = 'document.activeElement ? document.activeElement.id : null';

describeInBrowser('the inbox with and without its script, in Chromium', () => {
  let app: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let smtp: SmtpSink;
  let gubEmail: string;
  const word = `märke${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    smtp = new SmtpSink();
    app = await createDemoAreaApp('inbox_enhanced', { SMTP_URL: await smtp.start() });
    baseUrl = await listenLocally(app);
    browser = await launchChromium();
    gubEmail = await newUser(app, { organisationCode: 'GUB', name: 'Greta Gubbe' });
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await smtp?.stop();
  });

  /** A case on line 4, Gamla Uppsala Buss's, from a traveller who wants an e-mail. */
  async function report(description: string): Promise<string> {
    const response = await request(app.server)
      .post('/api/v1/cases')
      .send({
        kind: 'complaint',
        language: 'sv',
        category: 'staff-treatment',
        line: '4',
        description,
        contact: { name: 'Rut Resenär', email: `rut-${word}@example.se` },
      })
      .expect(201);
    return (response.body as { reference: string }).reference;
  }

  async function statusInDatabase(reference: string): Promise<string> {
    const rows = await app.dataSource.query<{ status: string }[]>(
      'SELECT status FROM cases WHERE reference = $1',
      [reference],
    );
    return rows[0].status;
  }

  /** A fresh browser profile, signed in as a GUB handler through the (never enhanced) sign-in form. */
  async function signedIn(options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext({ locale: 'sv-SE', viewport: DESKTOP, ...options });
    const page = await context.newPage();
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    page.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS);
    await page.goto(`${baseUrl}/inbox/sign-in?lang=sv`);
    expect(await page.locator('script[src="/inbox/assets/inbox.js"]').count()).toBe(0);
    await page.getByLabel('E-postadress').fill(gubEmail);
    await page.getByLabel('Lösenord').fill(TEST_PASSWORD);
    await Promise.all([
      page.waitForURL(/\/inbox(\?|$)/),
      page.getByRole('button', { name: 'Logga in' }).click(),
    ]);
    return page;
  }

  /** Clicks a button of the page's content and waits for the script to show the answer; the POST's status. */
  async function inPlace(page: Page, button: Locator): Promise<number> {
    const updated = page.evaluate<number>(NEXT_UPDATE);
    await button.click();
    return updated;
  }

  const noReload = (page: Page) => page.evaluate<boolean>(MARKER_KEPT);
  const pathOf = (page: Page) => new URL(page.url()).pathname;
  const focusedId = (page: Page) => page.evaluate<string | null>(FOCUSED_ID);

  it('serves the script as JavaScript, and the pages keep a script-src without inline code', async () => {
    const script = await request(app.server).get('/inbox/assets/inbox.js').expect(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript\b/);
    expect(script.headers['cache-control']).toMatch(/max-age=\d+/);
    expect(script.text).toContain('data-inbox-enhance');

    const reference = await report(`Rökte vid hållplatsen ${word}`);
    const page = await signedIn();
    const response = await page.goto(`${baseUrl}/inbox/cases/${reference}?lang=sv`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    const scriptSrc = csp
      .split(';')
      .map((directive) => directive.trim())
      .find((directive) => directive.startsWith('script-src'));
    expect(scriptSrc).toBeDefined();
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(await page.locator('script[src="/inbox/assets/inbox.js"][defer]').count()).toBe(1);
    await page.context().close();
  });

  it(
    'with JavaScript, works a case without loading the page again',
    async () => {
      const reference = await report(`Föraren körde förbi hållplatsen ${word}`);
      const page = await signedIn();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        // The refused reply's 400 is logged by the browser as any failed request is.
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
          errors.push(message.text());
      });
      await page.goto(`${baseUrl}/inbox/cases/${reference}?lang=sv`);
      await page.evaluate(SET_MARKER);

      // An internal note: posted by the script, the page's content replaced by the answer's.
      const note = `Ringde föraren ${word}`;
      await page.locator('#note-body').fill(note);
      const saved = page.getByRole('button', { name: 'Spara anteckning', exact: true });
      const [post] = await Promise.all([
        page.waitForRequest((r) => r.method() === 'POST'),
        inPlace(page, saved),
      ]);
      expect(post.headers()['content-type']).toContain('application/x-www-form-urlencoded');
      expect(post.postData()).toContain('csrf=');
      await page.locator('.case-notes', { hasText: note }).waitFor();
      expect(await noReload(page)).toBe(true);
      expect(pathOf(page)).toBe(`/inbox/cases/${reference}`);
      // A locator, not a string predicate: the page's CSP refuses eval.
      await page
        .locator('[data-inbox-status]', { hasText: /^Sparat\.$/ })
        .waitFor({ state: 'attached' });
      // The note's field is empty again: the content is the new page's.
      expect(await page.locator('#note-body').inputValue()).toBe('');

      // Claiming it: the facts now name the handler, still the same page.
      expect(await inPlace(page, page.getByRole('button', { name: 'Ta ärendet' }))).toBe(200);
      await page.locator('.case-facts', { hasText: 'Greta Gubbe' }).first().waitFor();
      expect(await noReload(page)).toBe(true);
      expect(pathOf(page)).toBe(`/inbox/cases/${reference}`);
      expect(await page.locator('.case-history').textContent()).toContain('claimed');

      // An empty reply is refused: the error summary is shown and focused, nothing reloaded.
      await page.locator('#reply-body').fill('');
      const reply = page.getByRole('button', { name: 'Svara resenären', exact: true });
      expect(await inPlace(page, reply)).toBe(400);
      await page.locator('#error-summary').waitFor();
      expect(await focusedId(page)).toBe('error-summary');
      expect(await noReload(page)).toBe(true);
      expect(pathOf(page)).toBe(`/inbox/cases/${reference}`);

      // The second button of the reply form asks the traveller instead: it posts to `ask`.
      const question = `Vilken tid var det? ${word}`;
      await page.locator('#reply-body').fill(question);
      const ask = page.locator('form.case-action button[formaction*="/ask"]');
      const [asked] = await Promise.all([
        page.waitForRequest((r) => r.method() === 'POST'),
        inPlace(page, ask),
      ]);
      expect(new URL(asked.url()).pathname).toBe(`/inbox/cases/${reference}/ask`);
      expect(await statusInDatabase(reference)).toBe('waiting-for-traveller');
      await page.locator('main', { hasText: 'Väntar på resenären' }).waitFor();
      await page.locator('.case-thread', { hasText: question }).waitFor();
      expect(await page.locator('#error-summary').count()).toBe(0);
      expect(await noReload(page)).toBe(true);
      expect(pathOf(page)).toBe(`/inbox/cases/${reference}`);
      await eventually(
        () => Promise.resolve(smtp.received.find((mail) => mail.text.includes(question))),
        { what: 'the question by e-mail' },
      );

      // The list's filter form is a GET: answered in place too, with an address of its own.
      await Promise.all([
        page.waitForURL(/\/inbox\?/),
        page.getByRole('link', { name: 'Till inkorgen' }).click(),
      ]);
      await page.evaluate(SET_MARKER);
      await page.locator('#view').selectOption('waiting');
      await inPlace(page, page.getByRole('button', { name: 'Visa', exact: true }));
      expect(new URL(page.url()).searchParams.get('view')).toBe('waiting');
      await page.getByRole('link', { name: reference, exact: true }).waitFor();
      expect(await noReload(page)).toBe(true);

      expect(errors).toEqual([]);
      await page.context().close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'without JavaScript, a note is still saved by the plain form post',
    async () => {
      const reference = await report(`Bussen var smutsig ${word}`);
      const page = await signedIn({ javaScriptEnabled: false });
      await page.goto(`${baseUrl}/inbox/cases/${reference}?lang=sv`);
      const note = `Utan skript ${word}`;
      await page.locator('#note-body').fill(note);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.waitForEvent('load'),
        page.getByRole('button', { name: 'Spara anteckning', exact: true }).click(),
      ]);
      expect(response.status()).toBe(303);
      expect(pathOf(page)).toBe(`/inbox/cases/${reference}`);
      await page.locator('.case-notes', { hasText: note }).waitFor();
      expect(await page.locator('[data-inbox-status]').textContent()).toBe('');
      await page.context().close();
    },
    TEST_TIMEOUT_MS,
  );
});
