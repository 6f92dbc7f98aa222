import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { CaseEntity } from '../src/cases/case.entity';
import {
  createDemoAreaApp,
  openForm,
  postForm,
  shownValue,
  tinyPng,
  validFields,
} from './support/browser';
import type { Photo } from './support/browser';
import type { TestApp } from './support/test-app';

const MB = 1024 * 1024;
const png = (filename = 'bus.png'): Photo => ({
  data: tinyPng(),
  filename,
  contentType: 'image/png',
});

describe('the web form with mistakes in it', () => {
  let app: TestApp;
  // Every report here is refused: none of them may be stored.
  const marker = `form errors ${randomUUID()}`;

  beforeAll(async () => {
    app = await createDemoAreaApp('feedback_errors', { JSON_BODY_LIMIT_BYTES: String(16 * 1024) });
  });

  afterAll(async () => {
    expect(await app.dataSource.getRepository(CaseEntity).countBy({ description: marker })).toBe(0);
    await app.close();
  });

  /** Posts the fields over a fresh form; the page must come back 400 with the error shown. */
  async function refused(fields: Record<string, string>, photos: Photo[] = [], path?: string) {
    const session = await openForm(app.server, path);
    const response = await postForm(app.server, session, fields, photos, path).expect(400);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    // The page shown again is the same form: sent, it makes the same case.
    const [formId] = session.token.split('.');
    expect(response.text).toMatch(new RegExp(`name="token" value="${formId}\\.`));
    return response.text;
  }

  /** The error next to the field, its link in the summary, and the field marked invalid. */
  function expectFieldError(html: string, field: string, message: string, anchor = field) {
    expect(html).toMatch(
      /<div class="error-summary" id="error-summary" role="alert" tabindex="-1"/,
    );
    expect(html).toContain(`<li><a href="#${anchor}">${message}</a></li>`);
    expect(html).toContain(
      `<p class="error-message" id="${field}-error"><span class="visually-hidden">Fel:</span> ${message}</p>`,
    );
    // A radio group is described by its fieldset, every other control by itself.
    expect(html).toMatch(new RegExp(`aria-describedby="[^"]*\\b${field}-error\\b[^"]*"`));
    expect(html).toMatch(new RegExp(`id="${anchor}"[^>]*aria-invalid="true"`));
    expect(html).toMatch(/<title>Fel: Lämna en synpunkt/);
  }

  it('asks for a description, keeping everything else the traveller typed', async () => {
    const html = await refused({ ...validFields(marker), description: '   ' });
    expectFieldError(html, 'description', 'Beskriv vad som hände');
    expect(shownValue(html, 'line')).toBe('4');
    expect(shownValue(html, 'name')).toBe('Anna Åberg');
    expect(shownValue(html, 'phone')).toBe('070-123 45 67');
    expect(shownValue(html, 'date')).toBe('2021-10-05');
    expect(html).toMatch(/id="kind-complaint" name="kind" value="complaint" checked/);
    expect(html).toContain('<option value="staff-treatment" selected>Bemötande</option>');
    expect(html).toMatch(/id="replyChannel-email" name="replyChannel" value="email" checked/);
  });

  it('refuses a description over 5000 characters and shows it again unchanged', async () => {
    const long = `${marker} ${'x'.repeat(5000)}`;
    const html = await refused({ ...validFields(marker), description: long });
    expectFieldError(html, 'description', 'Beskrivningen får vara högst 5 000 tecken');
    expect(shownValue(html, 'description')).toBe(long);
  });

  it('keeps the lines of a description as typed', async () => {
    const html = await refused({
      ...validFields(marker),
      description: `${marker}\r\nrad två <b>&</b>`,
      kind: '',
    });
    expectFieldError(html, 'kind', 'Välj vad din synpunkt gäller', 'kind-complaint');
    expect(shownValue(html, 'description')).toBe(`${marker}\nrad två &lt;b&gt;&amp;&lt;/b&gt;`);
  });

  it('names a phone number it cannot read, in the language of the form', async () => {
    const html = await refused({ ...validFields(marker), phone: 'ring mig' });
    expectFieldError(html, 'phone', 'Ange ett mobilnummer som 070-123 45 67');
    expect(shownValue(html, 'phone')).toBe('ring mig');

    const english = await refused(
      { ...validFields(marker), phone: 'call me' },
      [],
      '/feedback?lang=en',
    );
    expect(english).toContain('<a href="#phone">Enter a mobile number like 070-123 45 67</a>');
    expect(english).toMatch(/<title>Error: Give feedback/);
  });

  it('refuses a date in the future, half a date and time, and a reply by SMS without a number', async () => {
    const future = await refused({ ...validFields(marker), date: '2099-01-01' });
    expect(future).toContain('<a href="#date">Datum och tid kan inte vara i framtiden</a>');
    const noTime = await refused({
      ...validFields(marker),
      time: '',
      replyChannel: 'sms',
      phone: '',
    });
    expect(noTime).toContain('<a href="#time">Ange ungefär vilken tid det hände</a>');
    expect(noTime).toContain(
      '<a href="#phone">Ange ditt mobilnummer om du vill ha svar med SMS</a>',
    );
  });

  it('refuses a file that is not a JPEG or PNG, whatever it is called, and asks for the photos again', async () => {
    const html = await refused(validFields(marker), [
      png(),
      { data: Buffer.from('just some text'), filename: 'x.jpg', contentType: 'image/jpeg' },
    ]);
    expectFieldError(html, 'photos', 'Foton måste vara bilder i JPEG eller PNG');
    expect(html).toContain('<p class="notice" id="photos-again">Välj dina foton igen.');
    expect(shownValue(html, 'line')).toBe('4');
  });

  it('refuses a photo over 5 MB and a fourth photo, keeping the fields', async () => {
    const huge = Buffer.concat([tinyPng(), Buffer.alloc(5 * MB)]);
    const tooLarge = await refused(validFields(marker), [
      { data: huge, filename: 'huge.png', contentType: 'image/png' },
    ]);
    expectFieldError(tooLarge, 'photos', 'Varje foto får vara högst 5 MB');
    expect(shownValue(tooLarge, 'description')).toBe(marker);
    expect(shownValue(tooLarge, 'email')).toBe('anna@example.se');

    const tooMany = await refused(validFields(marker), [png(), png(), png(), png()]);
    expectFieldError(tooMany, 'photos', 'Du kan bifoga högst 3 foton');
    expect(shownValue(tooMany, 'description')).toBe(marker);
  });

  it('answers a post multer cannot take (a file in a field that is not photos) with the HTML error page', async () => {
    const session = await openForm(app.server);
    const response = await postForm(app.server, session, validFields(marker))
      .attach('website', tinyPng(), 'bus.png')
      .expect(400);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.text).toContain('<h1>Formuläret kunde inte tas emot</h1>');
  });

  it('answers a body over the size limit with the HTML error page (413)', async () => {
    const response = await request(app.server)
      .post('/feedback?lang=en')
      .type('form')
      .send({ description: marker, padding: 'x'.repeat(20 * 1024) })
      .expect(413);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.text).toContain('<h1>What you sent was too large</h1>');
  });

  it('does not show a receipt without the token its maker got', async () => {
    for (const path of [
      '/feedback/receipt/SP-2021-000001',
      '/feedback/receipt/SP-2021-000001?t=guess',
    ]) {
      const response = await request(app.server).get(path).expect(404);
      expect(response.text).toContain('<h1>Sidan finns inte</h1>');
    }
  });
});

describe('the web form under the rate limit', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createDemoAreaApp('feedback_limits', { INTAKE_RATE_LIMIT_PER_MINUTE: '2' });
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers the post after the limit with the HTML page and Retry-After, and the suggestions with JSON', async () => {
    const session = await openForm(app.server, '/feedback?lang=en');
    const marker = `limit ${randomUUID()}`;
    for (let attempt = 0; attempt < 2; attempt++)
      await postForm(app.server, session, validFields(marker)).expect(303);
    const limited = await postForm(
      app.server,
      session,
      validFields(marker),
      [],
      '/feedback?lang=en',
    )
      .expect(429)
      .expect('Retry-After', /^\d+$/);
    expect(limited.headers['content-type']).toMatch(/text\/html/);
    expect(limited.text).toContain('<h1>Too many attempts in a short time</h1>');

    for (let attempt = 0; attempt < 2; attempt++)
      await request(app.server).get('/feedback/suggest?line=1').expect(200);
    const json = await request(app.server).get('/feedback/suggest?line=1').expect(429);
    expect(json.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(json.headers['retry-after']).toMatch(/^\d+$/);
  });
});
