import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import request from 'supertest';
import type { Response } from 'supertest';
import { AccountsService } from '../../src/auth/accounts.service';
import type { TestApp } from './test-app';

export const TEST_PASSWORD = 'ett riktigt långt lösenord';

/** The cookies a response sets, by name, each line with its attributes as sent. */
export function setCookies(response: Response): Record<string, string> {
  const header = response.headers['set-cookie'] as unknown as string[] | undefined;
  return Object.fromEntries((header ?? []).map((line) => [line.split('=')[0], line]));
}

export function cookieValue(line: string | undefined): string {
  return line?.split(';')[0].split('=').slice(1).join('=') ?? '';
}

/** The CSRF token of the (first) form on a page. */
export function csrfOf(html: string): string {
  const match = /name="csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token on the page');
  return match[1];
}

/** The heading of a page's error summary: a failed sign-in's one message. */
export function errorSummaryOf(html: string): string | null {
  return /class="error-summary__title"[^>]*>([^<]*)</.exec(html)?.[1] ?? null;
}

/** A new account of the test's own, in an organisation of the loaded area; its address. */
export async function newUser(
  app: TestApp,
  options: { organisationCode?: string; role?: string; name?: string; password?: string } = {},
): Promise<string> {
  const organisationCode = options.organisationCode ?? 'UL';
  const email = `person-${randomBytes(4).toString('hex')}@${organisationCode.toLowerCase()}.example`;
  await app.app.get(AccountsService).createUser({
    organisationCode,
    email,
    name: options.name ?? 'Hanna Handläggare',
    role: options.role ?? 'handler',
    password: options.password ?? TEST_PASSWORD,
  });
  return email;
}

/** A fresh browser on the sign-in page: its CSRF cookie (as a Cookie header and as set) and the form's token. */
export async function openSignIn(server: Server, lang = 'sv') {
  const page = await request(server).get(`/inbox/sign-in?lang=${lang}`).expect(200);
  const csrfCookie = setCookies(page).sp_csrf;
  return { cookie: `sp_csrf=${cookieValue(csrfCookie)}`, csrf: csrfOf(page.text), csrfCookie };
}

/** Posts the sign-in form from a fresh browser and expects the answer's status. */
export async function postSignIn(
  server: Server,
  email: string,
  password: string,
  status: number,
  lang = 'sv',
): Promise<Response> {
  const browser = await openSignIn(server, lang);
  return request(server)
    .post(`/inbox/sign-in?lang=${lang}`)
    .set('Cookie', browser.cookie)
    .type('form')
    .send({ csrf: browser.csrf, email, password })
    .expect(status);
}

/** Signs in through the form: the session token and a Cookie header with it and the CSRF cookie. */
export async function signIn(server: Server, email: string, password = TEST_PASSWORD) {
  const browser = await openSignIn(server);
  const response = await request(server)
    .post('/inbox/sign-in?lang=sv')
    .set('Cookie', browser.cookie)
    .type('form')
    .send({ csrf: browser.csrf, email, password })
    .expect(303);
  const session = cookieValue(setCookies(response).sp_session);
  return { session, cookie: `sp_session=${session}; ${browser.cookie}`, response };
}
