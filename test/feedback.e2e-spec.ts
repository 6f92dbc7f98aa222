import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { CaseAttachmentEntity } from '../src/cases/case-attachment.entity';
import { CaseEntity } from '../src/cases/case.entity';
import { issueFormToken } from '../src/feedback/form-token';
import { OutboxEntity } from '../src/notifications/outbox.entity';
import {
  createDemoAreaApp,
  openForm as open,
  postForm,
  tinyPng,
  validFields,
} from './support/browser';
import type { Photo } from './support/browser';
import type { TestApp } from './support/test-app';

describe('the traveller web form (GET and POST /feedback)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createDemoAreaApp('feedback');
  });

  afterAll(async () => {
    await app.close();
  });

  const openForm = (path?: string, headers?: Record<string, string>) =>
    open(app.server, path, headers);
  const post = (
    session: { cookie?: string; token?: string },
    fields: Record<string, string>,
    photos: Photo[] = [],
    path?: string,
  ) => postForm(app.server, session, fields, photos, path);

  const casesDescribed = (description: string) =>
    app.dataSource.getRepository(CaseEntity).countBy({ description });

  describe('GET /feedback', () => {
    it('renders the form in Swedish by default, with the area categories and a CSRF cookie', async () => {
      const { html, headers } = await openForm();
      expect(html).toMatch(/<html lang="sv">/);
      expect(html).toContain('<h1>Lämna en synpunkt</h1>');
      expect(html).toContain('<option value="staff-treatment">Bemötande</option>');
      expect(html).toMatch(/href="\/feedback\?lang&#x3D;en"[^>]*lang="en"/);
      expect(String(headers['set-cookie'])).toMatch(
        /synpunkt_form=[\w-]{43}; Path=\/feedback; HttpOnly; SameSite=Lax/,
      );
      expect(headers['cache-control']).toBe('no-store');
    });

    it('renders English with ?lang=en and for a browser that prefers English', async () => {
      for (const [path, headers] of [
        ['/feedback?lang=en', {}],
        ['/feedback', { 'Accept-Language': 'en-GB,en;q=0.9' }],
      ] as const) {
        const { html } = await openForm(path, headers);
        expect(html).toMatch(/<html lang="en">/);
        expect(html).toContain('<h1>Give feedback</h1>');
        expect(html).toContain('<option value="staff-treatment">Treatment by staff</option>');
      }
      const { html } = await openForm('/feedback?lang=sv', { 'Accept-Language': 'en' });
      expect(html).toMatch(/<html lang="sv">/);
    });

    it('keeps to its content security policy: external CSS and JavaScript only', async () => {
      const { html, headers } = await openForm();
      expect(headers['content-security-policy']).toMatch(/script-src 'self'/);
      expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(html).not.toMatch(/\sstyle=|<style/);
      for (const sheet of ['site.css', 'form.css']) {
        expect(html).toContain(`<link rel="stylesheet" href="/assets/${sheet}">`);
        await request(app.server)
          .get(`/assets/${sheet}`)
          .expect(200)
          .expect('Content-Type', /text\/css/);
      }
      expect(html).toContain('<script src="/assets/feedback.js" defer></script>');
      await request(app.server)
        .get('/assets/feedback.js')
        .expect(200)
        .expect('Content-Type', /javascript/);
    });
  });

  describe('POST /feedback', () => {
    it('stores a valid report from the web with its photo, queues the acknowledgement and shows the receipt', async () => {
      const marker = `web form ${randomUUID()}`;
      const session = await openForm();
      const photo = tinyPng();
      const response = await post(session, validFields(marker), [
        { data: photo, filename: 'IMG_0001.png', contentType: 'image/png' },
      ]).expect(303);
      const location = String(response.headers.location);
      const [, reference] = /^\/feedback\/receipt\/(SP-\d{4}-\d{6})\?t=[\w-]+&lang=sv$/.exec(
        location,
      )!;

      const stored = await app.dataSource.getRepository(CaseEntity).findOneByOrFail({ reference });
      expect(stored).toMatchObject({
        channel: 'web',
        language: 'sv',
        kind: 'complaint',
        category: 'staff-treatment',
        description: marker,
        lineText: '4',
        stopText: 'Flogsta',
        vehicleNumber: '5123',
        // 17:30 in Stockholm on a summer-time day.
        occurredAt: new Date('2021-10-05T15:30:00Z'),
        contactName: 'Anna Åberg',
        contactEmail: 'anna@example.se',
        contactPhone: '+46701234567',
        replyChannel: 'email',
        triage: false,
      });
      const attachments = await app.dataSource
        .getRepository(CaseAttachmentEntity)
        .createQueryBuilder('a')
        .addSelect('a.data')
        .where('a.case_id = :id', { id: stored.id })
        .getMany();
      expect(attachments).toEqual([
        expect.objectContaining({
          contentType: 'image/png',
          filename: 'photo-1.png',
          sizeBytes: photo.length,
          data: photo,
        }),
      ]);
      expect(
        await app.dataSource
          .getRepository(OutboxEntity)
          .countBy({ caseId: stored.id, jobName: 'case-acknowledgement' }),
      ).toBe(1);

      const receipt = await request(app.server).get(location).expect(200);
      expect(receipt.text).toContain(
        `<p class="confirmation__reference" id="reference">${reference}</p>`,
      );
      expect(receipt.text).toContain('<dd id="handler">Gamla Uppsala Buss AB</dd>');
      // When a person answers, from the handler's office hours and the contract's target.
      expect(receipt.text).toMatch(
        /En handläggare svarar dig senast (i dag|i morgon|på \p{L}+|den \d+ \p{L}+) kl\. \d{2}:\d{2}\./u,
      );
      // The receipt names no one and repeats nothing the traveller wrote.
      expect(receipt.text).not.toMatch(/Anna|example\.se|701234567|web form/);
    });

    it('answers in English and names the authority customer service when the case goes to triage', async () => {
      const marker = `triage ${randomUUID()}`;
      const session = await openForm('/feedback?lang=en');
      const fields = { ...validFields(marker), line: '4711', category: 'punctuality' };
      const response = await post(session, fields, [], '/feedback?lang=en').expect(303);
      expect(response.headers.location).toMatch(/&lang=en$/);
      const stored = await app.dataSource
        .getRepository(CaseEntity)
        .findOneByOrFail({ description: marker });
      expect(stored).toMatchObject({ language: 'en', triage: true });
      const receipt = await request(app.server).get(response.headers.location).expect(200);
      expect(receipt.text).toMatch(/<html lang="en">/);
      expect(receipt.text).toContain(
        '<dd id="handler">Customer service at Kollektivtrafikförvaltningen UL</dd>',
      );
    });

    it('gives a double submit of one form the same case, not two', async () => {
      const marker = `double ${randomUUID()}`;
      const session = await openForm();
      const first = await post(session, validFields(marker)).expect(303);
      const second = await post(session, validFields(marker)).expect(303);
      expect(second.headers.location).toBe(first.headers.location);
      expect(await casesDescribed(marker)).toBe(1);

      // The next form from the same browser is a new report.
      const next = await openForm('/feedback', { Cookie: session.cookie });
      expect(next.cookie).toBe(session.cookie);
      await post({ ...next, cookie: session.cookie }, validFields(marker)).expect(303);
      expect(await casesDescribed(marker)).toBe(2);
    });

    it('refuses a post without a valid token for this browser with 403 and an HTML page, storing nothing', async () => {
      const marker = `csrf ${randomUUID()}`;
      const session = await openForm();
      const other = await openForm();
      const nonce = session.cookie.split('=')[1];
      const expired = issueFormToken(
        app.config.FORM_SECRET,
        nonce,
        new Date(Date.now() - 5 * 60 * 60 * 1000),
      );
      const forged = issueFormToken('not-the-secret-of-this-app', nonce, new Date());
      for (const attempt of [
        { cookie: session.cookie },
        { token: session.token },
        { cookie: session.cookie, token: forged },
        { cookie: session.cookie, token: expired },
        { cookie: other.cookie, token: session.token },
      ]) {
        const response = await post(attempt, validFields(marker)).expect(403);
        expect(response.headers['content-type']).toMatch(/text\/html/);
        expect(response.text).toContain('<h1>Formuläret har gått ut</h1>');
        expect(response.text).toContain('href="/feedback?lang&#x3D;sv"');
      }
      const english = await post(
        { cookie: session.cookie },
        validFields(marker),
        [],
        '/feedback?lang=en',
      );
      expect(english.text).toContain('<h1>The form has expired</h1>');
      const json = await request(app.server)
        .post('/feedback')
        .set('Accept', 'application/json')
        .field('description', marker)
        .expect(403);
      expect(json.body).toMatchObject({ code: 'feedback.form-expired' });
      expect(await casesDescribed(marker)).toBe(0);
    });

    it('pretends success when the honeypot is filled, and stores nothing', async () => {
      const marker = `honeypot ${randomUUID()}`;
      const session = await openForm();
      const response = await post(session, {
        ...validFields(marker),
        website: 'https://spam.example',
      }).expect(303);
      expect(response.headers.location).toBe('/feedback/thanks?lang=sv');
      const thanks = await request(app.server).get(response.headers.location).expect(200);
      expect(thanks.text).toContain('<h1>Tack för din synpunkt</h1>');
      expect(await casesDescribed(marker)).toBe(0);
    });
  });

  describe('GET /feedback/suggest', () => {
    const suggest = (query: string) => request(app.server).get(`/feedback/suggest?${query}`);

    it('suggests lines of the active feed by the start of their name, shortest first', async () => {
      const { body } = await suggest('line=4').expect(200);
      expect(body.suggestions.length).toBeGreaterThan(1);
      expect(body.suggestions.length).toBeLessThanOrEqual(10);
      expect(body.suggestions[0]).toEqual({ value: '4', label: 'Stadsbuss' });
      for (const suggestion of body.suggestions) expect(suggestion.value).toMatch(/^4/);
      const typed = await suggest(`line=${encodeURIComponent('linje 4')}`).expect(200);
      expect(typed.body.suggestions[0].value).toBe('4');
    });

    it('suggests stops by the start of their name or of a word in it', async () => {
      const { body } = await suggest('stop=flogs').expect(200);
      expect(body.suggestions.length).toBeGreaterThan(0);
      expect(body.suggestions.length).toBeLessThanOrEqual(10);
      for (const suggestion of body.suggestions)
        expect(suggestion).toEqual({ value: expect.stringMatching(/(^| )flogs/i), label: null });
      const words = await suggest('stop=centralstation').expect(200);
      expect(words.body.suggestions).toContainEqual({
        value: 'Uppsala Centralstationen',
        label: null,
      });
    });

    it('waits for a second letter of a stop, reads % as a letter, and wants one field', async () => {
      expect((await suggest('stop=F').expect(200)).body).toEqual({ suggestions: [] });
      expect((await suggest('line=%25').expect(200)).body).toEqual({ suggestions: [] });
      expect((await suggest('').expect(200)).body).toEqual({ suggestions: [] });
      const both = await suggest('line=4&stop=Flogsta').expect(400);
      expect(both.headers['content-type']).toMatch(/application\/problem\+json/);
      await suggest('route=4').expect(400);
    });
  });
});
