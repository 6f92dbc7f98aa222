import { createHash } from 'node:crypto';
import request from 'supertest';
import { AccountsService } from '../src/auth/accounts.service';
import { loadDemoArea } from './support/demo-area';
import {
  cookieValue,
  csrfOf,
  errorSummaryOf,
  newUser as newUserOf,
  openSignIn as openSignInOf,
  postSignIn as postSignInOf,
  setCookies,
  signIn as signInOf,
  TEST_PASSWORD,
} from './support/sign-in';
import { SmtpSink } from './support/smtp-sink';
import { createTestApp, FrozenClock, TestApp } from './support/test-app';

const PASSWORD = TEST_PASSWORD;
const WRONG_ADDRESS_OR_PASSWORD = 'Fel e-postadress eller lösenord';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

describe('accounts, sign-in and sessions', () => {
  const clock = new FrozenClock('2026-03-02T09:00:00+01:00');
  const sink = new SmtpSink();
  let app: TestApp;
  let accounts: AccountsService;

  beforeAll(async () => {
    const smtpUrl = await sink.start();
    app = await createTestApp(
      {
        SMTP_URL: smtpUrl,
        PUBLIC_BASE_URL: 'https://synpunkt.test',
        SIGN_IN_RATE_LIMIT_PER_MINUTE: '1000',
      },
      { clock },
    );
    await loadDemoArea(app, { feed: false });
    accounts = app.app.get(AccountsService);
  });

  afterAll(async () => {
    await app.close();
    await sink.stop();
  });

  const newUser = (organisationCode = 'UL', role = 'handler') =>
    newUserOf(app, { organisationCode, role });
  const openSignIn = (lang = 'sv') => openSignInOf(app.server, lang);
  const postSignIn = (email: string, password: string, status: number, lang = 'sv') =>
    postSignInOf(app.server, email, password, status, lang);
  const signIn = (email: string, password = PASSWORD) => signInOf(app.server, email, password);

  async function newApiToken(cookie: string, name = 'Operatörens system') {
    const { body } = await request(app.server)
      .post('/api/v1/api-tokens')
      .set('Cookie', cookie)
      .send({ name })
      .expect(201);
    return body as { id: string; token: string };
  }

  it('signs in through the form with a session cookie that is HttpOnly, SameSite=Lax and Secure', async () => {
    const email = await newUser();
    const browser = await openSignIn();
    expect(browser.csrfCookie).toMatch(/; HttpOnly/);
    const { session, response } = await signIn(email.toUpperCase());
    expect(response.headers.location).toBe('/inbox?lang=sv');
    const cookie = setCookies(response).sp_session;
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Secure/);
    expect(Buffer.from(session, 'base64url')).toHaveLength(32);

    const inbox = await request(app.server)
      .get('/inbox')
      .set('Cookie', `sp_session=${session}`)
      .expect(200);
    expect(inbox.text).toContain('Inloggad som Hanna Handläggare, Kollektivtrafikförvaltningen UL');
    expect(inbox.headers['cache-control']).toBe('no-store');

    // The database knows the session by the token's hash alone.
    const rows = await app.dataSource.query<{ id: string }[]>(
      'SELECT s.id FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1',
      [email],
    );
    expect(rows).toEqual([{ id: sha256(session) }]);
  });

  it('answers /api/v1/me for a session and for an API token, without secrets', async () => {
    const email = await newUser('GUB');
    const { cookie } = await signIn(email);
    const bySession = await request(app.server).get('/api/v1/me').set('Cookie', cookie).expect(200);
    expect(bySession.body).toMatchObject({
      email,
      name: 'Hanna Handläggare',
      role: 'handler',
      organisation: { code: 'GUB', kind: 'operator' },
      authenticatedBy: 'session',
    });
    expect(JSON.stringify(bySession.body)).not.toMatch(/hash|password|failed/i);

    const { token } = await newApiToken(cookie);
    expect(token).toMatch(/^spt_[A-Za-z0-9_-]{43}$/);
    const byToken = await request(app.server)
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(byToken.body).toEqual({ ...bySession.body, authenticatedBy: 'api-token' });
    const [stored] = await app.dataSource.query<{ token_hash: string }[]>(
      'SELECT token_hash FROM api_tokens WHERE token_hash = $1',
      [sha256(token)],
    );
    expect(stored).toBeDefined();
    const list = await request(app.server)
      .get('/api/v1/api-tokens')
      .set('Cookie', cookie)
      .expect(200);
    expect(JSON.stringify(list.body)).not.toContain(token);
  });

  it('sends a signed-out browser from the inbox to sign in, and answers JSON routes with 401', async () => {
    const page = await request(app.server).get('/inbox?lang=en').expect(303);
    expect(page.headers.location).toBe('/inbox/sign-in?lang=en');
    const json = await request(app.server).get('/api/v1/me').expect(401);
    expect(json.body).toMatchObject({ status: 401, code: 'auth.required' });
    await request(app.server).get('/api/v1/me').set('Cookie', 'sp_session=forged').expect(401);
    await request(app.server)
      .get('/api/v1/me')
      .set('Authorization', `Bearer spt_${'a'.repeat(43)}`)
      .expect(401);
  });

  it('answers a wrong password exactly as an unknown address: 401 and one generic message', async () => {
    const email = await newUser();
    const wrong = await postSignIn(email, 'not the right password', 401);
    const unknown = await postSignIn('nobody@ul.example', PASSWORD, 401);
    expect(errorSummaryOf(wrong.text)).toBe(WRONG_ADDRESS_OR_PASSWORD);
    expect(errorSummaryOf(unknown.text)).toBe(WRONG_ADDRESS_OR_PASSWORD);
    expect(setCookies(wrong).sp_session).toBeUndefined();
    const english = await postSignIn(email, 'not the right password', 401, 'en');
    expect(errorSummaryOf(english.text)).toBe('Wrong e-mail address or password');
  });

  it('locks an account for 15 minutes after five failures, even against the right password', async () => {
    const email = await newUser();
    for (let attempt = 0; attempt < 5; attempt++)
      await postSignIn(email, `wrong password ${attempt}`, 401);
    const locked = await postSignIn(email, PASSWORD, 401);
    expect(errorSummaryOf(locked.text)).toBe(WRONG_ADDRESS_OR_PASSWORD);

    clock.advance(14 * 60_000);
    await postSignIn(email, PASSWORD, 401);
    clock.advance(60_000);
    await postSignIn(email, PASSWORD, 303);
    const [user] = await app.dataSource.query<
      { failed_sign_ins: number; locked_until: Date | null }[]
    >('SELECT failed_sign_ins, locked_until FROM users WHERE email = $1', [email]);
    expect(user).toEqual({ failed_sign_ins: 0, locked_until: null });
  });

  it('refuses a missing, forged or foreign CSRF token with 403, and nobody is signed in', async () => {
    const email = await newUser();
    const browser = await openSignIn();
    const other = await openSignIn();
    const attempts = [
      { cookie: browser.cookie, csrf: undefined },
      { cookie: browser.cookie, csrf: `${browser.csrf.split('.')[0]}.forged` },
      { cookie: browser.cookie, csrf: other.csrf },
      { cookie: undefined, csrf: browser.csrf },
    ];
    for (const attempt of attempts) {
      const post = request(app.server).post('/inbox/sign-in').type('form');
      if (attempt.cookie) void post.set('Cookie', attempt.cookie);
      const response = await post
        .send({ csrf: attempt.csrf, email, password: PASSWORD })
        .expect(403);
      expect(response.text).toContain('Sidan har gått ut');
      expect(setCookies(response).sp_session).toBeUndefined();
    }
    const [{ count }] = await app.dataSource.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1',
      [email],
    );
    expect(count).toBe(0);
    const json = await request(app.server)
      .post('/inbox/sign-in')
      .set('Accept', 'application/json')
      .send({ email, password: PASSWORD })
      .expect(403);
    expect(json.body).toMatchObject({ code: 'auth.csrf' });
  });

  it('signs out: the session ends and the cookie is cleared; a forged sign-out changes nothing', async () => {
    const email = await newUser();
    const { cookie } = await signIn(email);
    const inbox = await request(app.server).get('/inbox').set('Cookie', cookie).expect(200);
    const csrf = csrfOf(inbox.text);

    await request(app.server)
      .post('/inbox/sign-out?lang=sv')
      .set('Cookie', cookie)
      .type('form')
      .send({ csrf: 'forged' })
      .expect(403);
    await request(app.server).get('/api/v1/me').set('Cookie', cookie).expect(200);

    const out = await request(app.server)
      .post('/inbox/sign-out?lang=sv')
      .set('Cookie', cookie)
      .type('form')
      .send({ csrf })
      .expect(303);
    expect(out.headers.location).toBe('/inbox/sign-in?notice=signed-out&lang=sv');
    expect(setCookies(out).sp_session).toMatch(/^sp_session=;.*Expires=Thu, 01 Jan 1970/);
    await request(app.server).get('/api/v1/me').set('Cookie', cookie).expect(401);
    const signedOut = await request(app.server).get(out.headers.location).expect(200);
    expect(signedOut.text).toContain('Du är utloggad.');
  });

  it('ends a session after 12 idle hours, and slides that while it is used', async () => {
    const email = await newUser();
    const { cookie } = await signIn(email);
    clock.advance(11 * 3600_000);
    await request(app.server).get('/api/v1/me').set('Cookie', cookie).expect(200);
    clock.advance(11 * 3600_000);
    await request(app.server).get('/api/v1/me').set('Cookie', cookie).expect(200);
    clock.advance(12 * 3600_000);
    await request(app.server).get('/api/v1/me').set('Cookie', cookie).expect(401);
  });

  it('resets a forgotten password by e-mail, once, and the same answer is given for any address', async () => {
    const email = await newUser();
    const { cookie: oldSession } = await signIn(email);
    for (let attempt = 0; attempt < 5; attempt++) await postSignIn(email, 'wrong password!!', 401);

    const before = sink.received.length;
    const form = await request(app.server).get('/inbox/forgot-password?lang=sv').expect(200);
    const browser = `sp_csrf=${cookieValue(setCookies(form).sp_csrf)}`;
    const ask = (address: string) =>
      request(app.server)
        .post('/inbox/forgot-password?lang=sv')
        .set('Cookie', browser)
        .type('form')
        .send({ csrf: csrfOf(form.text), email: address })
        .expect(200);
    const known = await ask(email.toUpperCase());
    const unknown = await ask('nobody-at-all@ul.example');
    expect(known.text).toBe(unknown.text);
    expect(known.text).toContain('Om adressen hör till ett konto');
    const queued = await app.dataSource.query<{ recipient: string }[]>(
      `SELECT recipient FROM outbound_messages WHERE kind = 'password-reset' AND recipient IN ($1, $2)`,
      [email, 'nobody-at-all@ul.example'],
    );
    expect(queued).toEqual([{ recipient: email }]);

    const mail = (await sink.waitFor(before + 1)).find((m) => m.to.includes(email))!;
    expect(mail.subject).toBe('Välj ett nytt lösenord till Synpunkt');
    const link = new URL(
      /https:\/\/synpunkt\.test\/inbox\/reset-password\?\S+/.exec(mail.text)![0],
    );
    const path = `${link.pathname}${link.search}`;

    const resetPage = await request(app.server).get(path).expect(200);
    const resetCookie = `sp_csrf=${cookieValue(setCookies(resetPage).sp_csrf)}`;
    const post = (fields: Record<string, string>) =>
      request(app.server)
        .post('/inbox/reset-password?lang=sv')
        .set('Cookie', resetCookie)
        .type('form')
        .send({ csrf: csrfOf(resetPage.text), token: link.searchParams.get('token')!, ...fields });

    const mismatch = await post({
      password: 'ett nytt långt lösenord',
      confirm: 'något annat',
    }).expect(400);
    expect(mismatch.text).toContain('Lösenorden är inte likadana');
    const done = await post({
      password: 'ett nytt långt lösenord',
      confirm: 'ett nytt långt lösenord',
    }).expect(303);
    expect(done.headers.location).toBe('/inbox/sign-in?notice=password-changed&lang=sv');

    // The old session is gone, the lock lifted, the old password dead, the link used up.
    await request(app.server).get('/api/v1/me').set('Cookie', oldSession).expect(401);
    await postSignIn(email, PASSWORD, 401);
    await postSignIn(email, 'ett nytt långt lösenord', 303);
    const again = await post({
      password: 'ett tredje långt lösenord',
      confirm: 'ett tredje långt lösenord',
    }).expect(400);
    expect(again.text).toContain('Länken går inte att använda');
    await request(app.server).get(path).expect(400);
  });

  it('lets a reset link lapse after one hour', async () => {
    const email = await newUser();
    const form = await request(app.server).get('/inbox/forgot-password').expect(200);
    const before = sink.received.length;
    await request(app.server)
      .post('/inbox/forgot-password')
      .set('Cookie', `sp_csrf=${cookieValue(setCookies(form).sp_csrf)}`)
      .type('form')
      .send({ csrf: csrfOf(form.text), email })
      .expect(200);
    const mail = (await sink.waitFor(before + 1)).find((m) => m.to.includes(email))!;
    const link = new URL(/https:\/\/\S+/.exec(mail.text)![0]);
    await request(app.server).get(`${link.pathname}${link.search}`).expect(200);
    clock.advance(3600_000);
    const lapsed = await request(app.server).get(`${link.pathname}${link.search}`).expect(400);
    expect(lapsed.text).toContain('Länken går inte att använda');
  });

  it('shuts a disabled account out: its sessions and tokens stop working and sign-in fails generically', async () => {
    const email = await newUser();
    const { cookie } = await signIn(email);
    const { token } = await newApiToken(cookie);
    await accounts.disable(email);
    await request(app.server).get('/api/v1/me').set('Cookie', cookie).expect(401);
    await request(app.server).get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(401);
    const refused = await postSignIn(email, PASSWORD, 401);
    expect(errorSummaryOf(refused.text)).toBe(WRONG_ADDRESS_OR_PASSWORD);
  });

  it('revokes an API token; tokens cannot make tokens, nor revoke another person’s', async () => {
    const email = await newUser();
    const { cookie } = await signIn(email);
    const { id, token } = await newApiToken(cookie);
    const bearer = `Bearer ${token}`;
    await request(app.server).get('/api/v1/me').set('Authorization', bearer).expect(200);
    const minted = await request(app.server)
      .post('/api/v1/api-tokens')
      .set('Authorization', bearer)
      .send({ name: 'another' })
      .expect(403);
    expect(minted.body).toMatchObject({ code: 'auth.session-required' });

    const stranger = await signIn(await newUser());
    await request(app.server)
      .delete(`/api/v1/api-tokens/${id}`)
      .set('Cookie', stranger.cookie)
      .expect(404);
    await request(app.server).get('/api/v1/me').set('Authorization', bearer).expect(200);

    await request(app.server).delete(`/api/v1/api-tokens/${id}`).set('Cookie', cookie).expect(204);
    await request(app.server).get('/api/v1/me').set('Authorization', bearer).expect(401);
    await request(app.server).delete(`/api/v1/api-tokens/${id}`).set('Cookie', cookie).expect(204);
    const list = await request(app.server)
      .get('/api/v1/api-tokens')
      .set('Cookie', cookie)
      .expect(200);
    expect(list.body).toEqual([expect.objectContaining({ id, revokedAt: expect.any(String) })]);
    await request(app.server)
      .delete('/api/v1/api-tokens/not-a-uuid')
      .set('Cookie', cookie)
      .expect(400);
    await request(app.server).post('/api/v1/api-tokens').set('Cookie', cookie).send({}).expect(400);
  });

  it("refuses a signed-in browser's JSON write from another site", async () => {
    const { cookie } = await signIn(await newUser());
    const refused = await request(app.server)
      .post('/api/v1/api-tokens')
      .set('Cookie', cookie)
      .set('Sec-Fetch-Site', 'cross-site')
      .send({ name: 'from elsewhere' })
      .expect(403);
    expect(refused.body).toMatchObject({ code: 'auth.cross-site' });
    const list = await request(app.server)
      .get('/api/v1/api-tokens')
      .set('Cookie', cookie)
      .expect(200);
    expect(list.body).toEqual([]);
  });
});

describe('sign-in rate limit', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp({ SIGN_IN_RATE_LIMIT_PER_MINUTE: '2' });
  });

  afterAll(() => app.close());

  it('answers 429 with Retry-After past the limit per address, and leaves cookies unsecured over plain HTTP', async () => {
    const page = await request(app.server).get('/inbox/sign-in').expect(200);
    const csrfCookie = setCookies(page).sp_csrf;
    expect(csrfCookie).not.toMatch(/Secure/);
    const post = () =>
      request(app.server)
        .post('/inbox/sign-in')
        .set('Cookie', `sp_csrf=${cookieValue(csrfCookie)}`)
        .type('form')
        .send({ csrf: csrfOf(page.text), email: 'a@ul.example', password: PASSWORD });
    await post().expect(401);
    await post().expect(401);
    const limited = await post().expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.text).toContain('För många försök');
  });
});
