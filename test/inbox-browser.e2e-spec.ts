import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import request from 'supertest';
import {
  ACTION_TIMEOUT_MS,
  browserTestsSkipped,
  createDemoAreaApp,
  launchChromium,
  listenLocally,
} from './support/browser';
import { FakeTwilio } from './support/fake-twilio';
import { newUser, TEST_PASSWORD } from './support/sign-in';
import { SmtpSink } from './support/smtp-sink';
import { eventually } from './support/test-app';
import type { TestApp } from './support/test-app';

// Written where git does not look; with UPDATE_DOCS_SCREENSHOTS=1 also to docs/screenshots,
// which holds the reviewed copies.
const SCREENSHOTS = join(__dirname, '..', 'test-results', 'screenshots');
const DOCS_SCREENSHOTS = join(__dirname, '..', 'docs', 'screenshots');
const updateDocs = process.env.UPDATE_DOCS_SCREENSHOTS === '1';
const TEST_TIMEOUT_MS = 120_000;
const DESKTOP = { width: 1280, height: 900 };

// Resolves in the page when the inbox's script has shown the answer to a form in place.
const INBOX_UPDATED =
  "new Promise((resolve) => document.addEventListener('inbox:updated', () => resolve(), { once: true }))";

// `npm test` sets SKIP_BROWSER_TESTS=1 only where no Chromium could be installed.
const describeInBrowser = browserTestsSkipped ? describe.skip : describe;

describeInBrowser('the inbox in Chromium', () => {
  let app: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let smtp: SmtpSink;
  let twilio: FakeTwilio;
  let gubEmail: string;
  let ulEmail: string;

  const word = `märke${randomBytes(4).toString('hex')}`;
  const travellerEmail = `rut-${word}@example.se`;
  const travellerPhone = '+46701740655';
  const authorityPhone = '+46701740656';
  let emailCase: string;
  let smsCase: string;
  let authorityCase: string;

  beforeAll(async () => {
    smtp = new SmtpSink();
    twilio = new FakeTwilio();
    app = await createDemoAreaApp('inbox_browser', {
      TWILIO_ACCOUNT_SID: `AC${'3'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: 'test-auth-token',
      TWILIO_FROM: '+46700000000',
      TWILIO_API_URL: await twilio.start(),
      SMTP_URL: await smtp.start(),
    });
    baseUrl = await listenLocally(app);
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
    if (updateDocs) mkdirSync(DOCS_SCREENSHOTS, { recursive: true });

    gubEmail = await newUser(app, { organisationCode: 'GUB', name: 'Gustav Gubbe' });
    ulEmail = await newUser(app, { organisationCode: 'UL', name: 'Ulla Länsson' });

    // Two travellers report line 4 (Gamla Uppsala Buss's): one wants an e-mail, one an SMS.
    emailCase = await report(`Föraren var otrevlig mot mig ${word}`, {
      name: 'Rut Resenär',
      email: travellerEmail,
    });
    smsCase = await report(`Bussen kom aldrig till Flogsta ${word}`, { phone: travellerPhone });
    // Fares are the authority's own matter, whatever the line.
    authorityCase = await report(
      `Biljetten drogs två gånger ${word}`,
      { phone: authorityPhone },
      'fares-tickets',
    );
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await smtp?.stop();
    await twilio?.stop();
  });

  async function report(
    description: string,
    contact: Record<string, string>,
    category = 'staff-treatment',
  ): Promise<string> {
    const response = await request(app.server)
      .post('/api/v1/cases')
      .send({
        kind: 'complaint',
        language: 'sv',
        category,
        line: '4',
        description,
        contact,
      })
      .expect(201);
    return (response.body as { reference: string }).reference;
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });
    if (updateDocs) await page.screenshot({ path: join(DOCS_SCREENSHOTS, name), fullPage: true });
  }

  /** A fresh browser profile on the sign-in page. */
  async function openSignIn(): Promise<Page> {
    const context = await browser.newContext({ locale: 'sv-SE', viewport: DESKTOP });
    const page = await context.newPage();
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    page.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS);
    await page.goto(`${baseUrl}/inbox/sign-in?lang=sv`);
    return page;
  }

  /**
   * Clicks a form's button and waits for the answer: the next page's load, or on a signed-in
   * page (whose forms the inbox's script sends) its content replaced; the POST's status.
   */
  async function submit(page: Page, button: Locator): Promise<number> {
    const inPlace = (await page.locator('main[data-inbox-enhance]').count()) > 0;
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      inPlace ? page.evaluate(INBOX_UPDATED) : page.waitForEvent('load'),
      button.click(),
    ]);
    return response.status();
  }

  async function signIn(page: Page, email: string): Promise<void> {
    await page.getByLabel('E-postadress').fill(email);
    await page.getByLabel('Lösenord').fill(TEST_PASSWORD);
    expect(await submit(page, page.getByRole('button', { name: 'Logga in' }))).toBe(303);
    expect(new URL(page.url()).pathname).toBe('/inbox');
  }

  async function openCase(page: Page, reference: string): Promise<void> {
    await Promise.all([
      page.waitForURL(`**/inbox/cases/${reference}**`),
      page.getByRole('link', { name: reference, exact: true }).click(),
    ]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Ärende ${reference}`);
  }

  const action = (page: Page, name: string) =>
    submit(page, page.getByRole('button', { name, exact: true }));

  const statusOf = (page: Page) =>
    page
      .locator('.case-facts dt', { hasText: /^Status$/ })
      .locator('xpath=following-sibling::dd[1]')
      .textContent();

  const historyText = (page: Page) => page.locator('.case-history').textContent();

  it(
    'lets a GUB handler and a UL handler work cases from arrival to close',
    async () => {
      // The operator's handler signs in through the form and sees both new cases.
      const gub = await openSignIn();
      expect(await gub.getByRole('heading', { level: 1 }).textContent()).toBe('Logga in');
      await screenshot(gub, 'inbox-sign-in.png');
      await signIn(gub, gubEmail);
      await gub.getByRole('link', { name: emailCase, exact: true }).waitFor();
      await gub.getByRole('link', { name: smsCase, exact: true }).waitFor();
      await screenshot(gub, 'inbox-list.png');

      // The e-mail case: claim, answer, tag, resolve, reopen and resolve again.
      await openCase(gub, emailCase);
      expect(await gub.locator('.case-text').first().textContent()).toContain(word);
      expect(await action(gub, 'Ta ärendet')).toBe(303);
      expect(await gub.locator('.case-facts').first().textContent()).toContain('Gustav Gubbe');

      const answer = `Vi beklagar ${word}. Föraren har fått veta.`;
      await gub.locator('#reply-body').fill(answer);
      expect(await action(gub, 'Svara resenären')).toBe(303);
      const mail = await eventually(
        () => Promise.resolve(smtp.received.find((m) => m.text.includes(answer))),
        { what: 'the reply e-mail' },
      );
      expect(mail.to).toEqual([travellerEmail]);
      expect(mail.subject).toContain(emailCase);
      expect(await gub.locator('.case-thread').textContent()).toContain(answer);

      await gub.locator('#category').selectOption('punctuality');
      expect(await action(gub, 'Ändra kategori')).toBe(303);
      expect(await gub.locator('#category').inputValue()).toBe('punctuality');

      // The category tagged it on arrival; the handler adds the root cause it found.
      expect(await gub.getByLabel('Bemötande', { exact: true }).first().isChecked()).toBe(true);
      await gub.getByLabel('Personalens agerande').check();
      expect(await action(gub, 'Spara märkning')).toBe(303);
      expect(await gub.getByLabel('Personalens agerande').isChecked()).toBe(true);
      expect(await gub.locator('#tags-title + .case-facts').textContent()).toContain(
        'Personalens agerande',
      );

      await gub.locator('#outcome').selectOption('upheld');
      await gub.locator('#resolve-note').fill('Föraren har fått samtal');
      expect(await action(gub, 'Avsluta')).toBe(303);
      expect(await statusOf(gub)).toBe('Löst');
      expect(await gub.getByRole('button', { name: 'Avsluta', exact: true }).count()).toBe(0);

      expect(await action(gub, 'Öppna igen')).toBe(303);
      expect(await statusOf(gub)).toBe('Öppen');
      await gub.locator('#outcome').selectOption('answered');
      expect(await action(gub, 'Avsluta')).toBe(303);
      expect(await statusOf(gub)).toBe('Löst');
      const history = await historyText(gub);
      for (const type of ['claimed', 'replied', 'category-set', 'tags-set', 'resolved', 'reopened'])
        expect(history).toContain(type);
      await screenshot(gub, 'inbox-case.png');

      // The SMS case: answer by SMS, then hand it over to NOBINA.
      await Promise.all([
        gub.waitForURL(/\/inbox(\?|$)/),
        gub.getByRole('link', { name: 'Till inkorgen' }).click(),
      ]);
      await openCase(gub, smsCase);
      const sms = `Tack för ditt SMS ${word}`;
      await gub.locator('#reply-body').fill(sms);
      expect(await action(gub, 'Svara resenären')).toBe(303);
      const sent = await eventually(
        () => Promise.resolve(twilio.sent.find((s) => s.body.includes(sms))),
        { what: 'the reply SMS' },
      );
      expect(sent.to).toBe(travellerPhone);

      await gub.locator('#transfer-reason').selectOption('not-our-operator');
      await gub.locator('#transfer-to').fill('NOBINA');
      await gub.locator('#transfer-note').fill('Linjen kördes av Nobina den dagen');
      expect(await action(gub, 'Lämna över – inte vårt')).toBe(303);
      expect(await gub.getByRole('heading', { name: 'Överlämnat ärende' }).count()).toBe(1);
      const summary = await gub.locator('main').textContent();
      expect(summary).toContain('Nobina Sverige AB');
      expect(summary).not.toContain(word);
      expect(summary).not.toContain(travellerPhone);

      // In GUB's inbox it is now only a transfer.
      await gub.goto(`${baseUrl}/inbox?view=open&lang=sv`);
      expect(await gub.getByRole('link', { name: smsCase, exact: true }).count()).toBe(0);
      await gub.goto(`${baseUrl}/inbox?view=transferred&lang=sv`);
      const transferRow = gub.locator('.inbox-row--transferred', { hasText: smsCase });
      expect(await transferRow.textContent()).toContain('Nobina Sverige AB');
      await gub.context().close();

      // The authority's handler sees every case, the transferred one too, with its history.
      const ul = await openSignIn();
      await signIn(ul, ulEmail);
      await ul.getByRole('link', { name: smsCase, exact: true }).waitFor();
      await ul.goto(`${baseUrl}/inbox?view=closed&lang=sv`);
      await ul.getByRole('link', { name: emailCase, exact: true }).waitFor();
      await ul.goto(`${baseUrl}/inbox?lang=sv`);
      await openCase(ul, smsCase);
      expect(await ul.locator('.case-text').first().textContent()).toContain(word);
      expect(await ul.locator('.case-facts').first().textContent()).toContain('Nobina Sverige AB');
      const trail = await historyText(ul);
      expect(trail).toContain('transferred');
      expect(trail).toContain('Gustav Gubbe');

      // The authority's own case, from arrival to close: claim, answer by SMS, tag a
      // promise, resolve, reopen and resolve again.
      await ul.goto(`${baseUrl}/inbox?lang=sv`);
      await openCase(ul, authorityCase);
      expect(await action(ul, 'Ta ärendet')).toBe(303);
      const fareAnswer = `Vi återbetalar den dubbla dragningen ${word}`;
      await ul.locator('#reply-body').fill(fareAnswer);
      expect(await action(ul, 'Svara resenären')).toBe(303);
      const fareSms = await eventually(
        () => Promise.resolve(twilio.sent.find((s) => s.body.includes(fareAnswer))),
        { what: "the authority's SMS" },
      );
      expect(fareSms.to).toBe(authorityPhone);
      await ul.getByLabel('Tidtabell och punktlighet').check();
      expect(await action(ul, 'Spara märkning')).toBe(303);
      await ul.locator('#outcome').selectOption('upheld');
      expect(await action(ul, 'Avsluta')).toBe(303);
      expect(await statusOf(ul)).toBe('Löst');
      expect(await action(ul, 'Öppna igen')).toBe(303);
      expect(await statusOf(ul)).toBe('Öppen');
      expect(await action(ul, 'Avsluta')).toBe(303);
      expect(await statusOf(ul)).toBe('Löst');
      const fareHistory = await historyText(ul);
      for (const type of ['claimed', 'replied', 'tags-set', 'resolved', 'reopened'])
        expect(fareHistory).toContain(type);
      await ul.context().close();
    },
    TEST_TIMEOUT_MS,
  );
});
