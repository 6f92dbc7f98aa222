import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CaseAttachmentEntity } from '../src/cases/case-attachment.entity';
import type { Language } from '../src/cases/case.model';
import { CaseEntity } from '../src/cases/case.entity';
import { textsFor } from '../src/feedback/i18n/feedback-texts';
import {
  ACTION_TIMEOUT_MS,
  browserTestsSkipped,
  createDemoAreaApp,
  describeViolations,
  launchChromium,
  listenLocally,
  seriousAxeViolations,
  tinyPng,
} from './support/browser';
import type { TestApp } from './support/test-app';

// Written where git does not look; docs/screenshots holds the reviewed copies.
const SCREENSHOTS = join(__dirname, '..', 'test-results', 'screenshots');
const TEST_TIMEOUT_MS = 90_000;
const MOBILE = { width: 390, height: 844 };
const DESKTOP = { width: 1024, height: 900 };

// `npm test` sets SKIP_BROWSER_TESTS=1 only where no Chromium could be installed.
const describeInBrowser = browserTestsSkipped ? describe.skip : describe;

describeInBrowser('the web form in Chromium', () => {
  let app: TestApp;
  let baseUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    app = await createDemoAreaApp('feedback_browser');
    baseUrl = await listenLocally(app);
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A fresh browser profile whose Accept-Language prefers the language. */
  async function openPage(options: {
    language: Language;
    javaScript: boolean;
    viewport?: { width: number; height: number };
    // axe-core is injected as a page script, which the page's own CSP refuses.
    bypassCSP?: boolean;
  }): Promise<Page> {
    const context = await browser.newContext({
      javaScriptEnabled: options.javaScript,
      locale: options.language === 'sv' ? 'sv-SE' : 'en-GB',
      viewport: options.viewport ?? DESKTOP,
      bypassCSP: options.bypassCSP ?? options.javaScript,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    page.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS);
    await page.goto(`${baseUrl}/feedback`);
    return page;
  }

  async function expectAccessible(page: Page, what: string): Promise<void> {
    const violations = await seriousAxeViolations(page);
    if (violations.length > 0)
      throw new Error(`axe found on ${what}:\n${describeViolations(violations)}`);
  }

  async function submit(page: Page, language: Language): Promise<number> {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: textsFor(language).form.submit }).click(),
    ]);
    await page.waitForLoadState();
    return response.status();
  }

  it.each<[Language, boolean]>([
    ['sv', true],
    ['sv', false],
    ['en', true],
    ['en', false],
  ])(
    'takes a report in %s (JavaScript %s): errors shown and kept first, then the receipt',
    async (language, javaScript) => {
      const texts = textsFor(language);
      const form = texts.form;
      const marker = `browser ${language} ${javaScript} ${randomUUID()}`;
      const page = await openPage({
        language,
        javaScript,
        viewport: language === 'sv' ? MOBILE : DESKTOP,
      });
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(form.title);
      if (javaScript) await expectAccessible(page, `the empty form (${language})`);
      if (language === 'sv' && !javaScript)
        await page.screenshot({ path: join(SCREENSHOTS, 'feedback-form-sv.png'), fullPage: true });

      // First try: no description, and a phone number that is not one.
      await page.getByRole('radio', { name: form.kind.options.complaint, exact: true }).check();
      await page.getByRole('combobox', { name: form.line.label }).fill('4');
      await page.getByRole('textbox', { name: form.name.label }).fill('Anna Åberg');
      await page.getByRole('textbox', { name: form.phone.label }).fill('ring mig');
      expect(await submit(page, language)).toBe(400);

      const summary = page.getByRole('alert');
      const missing = texts.errors.messages['description.missing'];
      const badPhone = texts.errors.messages['phone.invalid'];
      expect(await summary.getByRole('link', { name: missing }).getAttribute('href')).toBe(
        '#description',
      );
      expect(await summary.getByRole('link', { name: badPhone }).getAttribute('href')).toBe(
        '#phone',
      );
      expect(await page.locator('#description-error').textContent()).toContain(missing);
      expect(await page.locator('#phone-error').textContent()).toContain(badPhone);
      expect(await page.locator('#description').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#line').inputValue()).toBe('4');
      expect(await page.locator('#name').inputValue()).toBe('Anna Åberg');
      expect(await page.locator('#phone').inputValue()).toBe('ring mig');
      expect(await page.locator('#kind-complaint').isChecked()).toBe(true);
      if (javaScript) {
        expect(await page.evaluate('document.activeElement.id')).toBe('error-summary');
        await expectAccessible(page, `the form with errors (${language})`);
      }

      // Second try: put it right, attach a photo, and say where and when.
      await page.getByRole('textbox', { name: form.description.label }).fill(marker);
      await page.getByRole('textbox', { name: form.phone.label }).fill('070-123 45 67');
      await page.getByLabel(form.category.label).selectOption('staff-treatment');
      await page.getByLabel(form.date.label).fill('2021-10-05');
      await page.getByLabel(form.time.label).fill('17:30');
      await page.getByRole('radio', { name: form.replyChannel.options.sms, exact: true }).check();
      await page
        .getByLabel(form.photos.label)
        .setInputFiles({ name: 'bus.png', mimeType: 'image/png', buffer: tinyPng() });
      const stop = page.getByRole('combobox', { name: form.stop.label });
      if (javaScript) {
        // The stop list (a combobox with a datalist) fills from the timetable as the traveller types.
        await stop.pressSequentially('Flogs');
        await page.locator('#stop-suggestions option').first().waitFor({ state: 'attached' });
      }
      await stop.fill('Flogsta');
      expect(await submit(page, language)).toBe(303);

      await page.waitForURL(/\/feedback\/receipt\/SP-\d{4}-\d{6}\?/);
      const reference = (await page.locator('#reference').textContent())?.trim() ?? '';
      expect(reference).toMatch(/^SP-\d{4}-\d{6}$/);
      expect(await page.locator('#handler').textContent()).toBe('Gamla Uppsala Buss AB');
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      if (javaScript) await expectAccessible(page, `the receipt (${language})`);
      if (language === 'en' && javaScript)
        await page.screenshot({
          path: join(SCREENSHOTS, 'feedback-receipt-en.png'),
          fullPage: true,
        });

      const stored = await app.dataSource.getRepository(CaseEntity).findOneByOrFail({ reference });
      expect(stored).toMatchObject({
        channel: 'web',
        language,
        description: marker,
        contactPhone: '+46701234567',
        replyChannel: 'sms',
        occurredAt: new Date('2021-10-05T15:30:00Z'),
      });
      expect(
        await app.dataSource
          .getRepository(CaseAttachmentEntity)
          .countBy({ caseId: stored.id, contentType: 'image/png' }),
      ).toBe(1);
      await page.context().close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'lets a keyboard reach the send button, past the fields but not into the honeypot, with a visible focus',
    async () => {
      const page = await openPage({ language: 'sv', javaScript: true, bypassCSP: false });
      const visited: string[] = [];
      for (let press = 0; press < 60 && visited.at(-1) !== 'submit'; press++) {
        await page.keyboard.press('Tab');
        visited.push(
          String(
            await page.evaluate(
              "document.activeElement.type === 'submit' ? 'submit' : document.activeElement.id",
            ),
          ),
        );
        if (visited.at(-1) === 'description') {
          // The focused field is outlined, not left to the browser's faint default.
          expect(await page.evaluate('getComputedStyle(document.activeElement).outlineWidth')).toBe(
            '3px',
          );
        }
      }
      expect(visited.at(-1)).toBe('submit');
      expect(visited).toEqual(
        expect.arrayContaining(['kind-complaint', 'category', 'description', 'photos']),
      );
      expect(visited).not.toContain('website');
      await page.context().close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'runs under its own content security policy: its script loads and fills the line list',
    async () => {
      const page = await openPage({ language: 'en', javaScript: true, bypassCSP: false });
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await page.reload();
      await page.getByRole('combobox', { name: textsFor('en').form.line.label }).fill('80');
      await page.locator('#line-suggestions option').first().waitFor({ state: 'attached' });
      expect(
        await page.evaluate("document.querySelector('#line-suggestions option').value"),
      ).toMatch(/^80/);
      expect(violations).toEqual([]);
      await page.context().close();
    },
    TEST_TIMEOUT_MS,
  );
});
