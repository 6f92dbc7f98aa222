import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { issueCsrfToken } from '../../src/auth/csrf-token';
import { newUser, signIn } from './sign-in';
import type { TestApp } from './test-app';

/** A signed-in browser: its Cookie header and its user's id. */
export interface Browser {
  cookie: string;
  userId: string;
}

export interface EventRow {
  type: string;
  actor: string;
  data: { before?: unknown; after?: unknown } & Record<string, unknown>;
}

/** The token of the case's action forms: the page's last form token (the header's is sign-out's). */
export function actionTokenOf(html: string): string {
  const tokens = [...html.matchAll(/name="csrf" value="([^"]+)"/g)].map((match) => match[1]);
  if (tokens.length < 2) throw new Error('no action form on the page');
  return tokens[tokens.length - 1];
}

/** Helpers to work cases through the case page, on an app made in the test's `beforeAll`. */
export function caseDesk(appOf: () => TestApp) {
  const marker = () => `märke${randomBytes(4).toString('hex')}`;

  /** A signed-in browser of a new user of the organisation. */
  const browserOf = async (organisationCode: string, role = 'handler'): Promise<Browser> => {
    const app = appOf();
    const email = await newUser(app, {
      organisationCode,
      role,
      name: `${organisationCode} ${role}`,
    });
    const [user] = await app.dataSource.query<{ id: string }[]>(
      'SELECT id FROM users WHERE email = $1',
      [email],
    );
    return { cookie: (await signIn(app.server, email)).cookie, userId: user.id };
  };

  /** A case-action token for a browser's own CSRF cookie, as a page of its own would carry. */
  const tokenFor = (who: Browser) =>
    issueCsrfToken(
      appOf().config.FORM_SECRET,
      /sp_csrf=([^;]+)/.exec(who.cookie)?.[1] ?? '',
      'case-action',
      new Date(),
    );

  /** Line 4 is Gamla Uppsala Buss's (UL-STAD-2019). */
  const gubCase = async (contact: Record<string, string>, word = marker()) => {
    const response = await request(appOf().server)
      .post('/api/v1/cases')
      .send({
        kind: 'complaint',
        language: 'sv',
        category: 'staff-treatment',
        line: '4',
        description: `Otrevlig förare ${word}`,
        contact,
      })
      .expect(201);
    return (response.body as { reference: string }).reference;
  };

  const page = (who: Browser, reference: string, status = 200) =>
    request(appOf().server)
      .get(`/inbox/cases/${reference}?lang=sv`)
      .set('Cookie', who.cookie)
      .expect(status);

  /** Opens the page for its token and posts one action's form. */
  const act = async (
    who: Browser,
    reference: string,
    action: string,
    fields: Record<string, string> = {},
    status = 303,
  ) => {
    const csrf = actionTokenOf((await page(who, reference)).text);
    return request(appOf().server)
      .post(`/inbox/cases/${reference}/${action}?lang=sv`)
      .set('Cookie', who.cookie)
      .type('form')
      .send({ csrf, ...fields })
      .expect(status);
  };

  const caseRow = async (reference: string) => {
    const [row] = await appOf().dataSource.query<
      { id: string; status: string; assigned_user_id: string | null; category: string }[]
    >('SELECT id, status, assigned_user_id, category FROM cases WHERE reference = $1', [reference]);
    return row;
  };

  const eventsOf = (reference: string) =>
    appOf().dataSource.query<EventRow[]>(
      `SELECT e.type, e.actor, e.data FROM case_events e JOIN cases c ON c.id = e.case_id
        WHERE c.reference = $1 ORDER BY e.at, e.id`,
      [reference],
    );

  const clockMet = async (reference: string, kind: string) => {
    const [row] = await appOf().dataSource.query<{ met_at: Date | null }[]>(
      `SELECT k.met_at FROM case_clocks k JOIN cases c ON c.id = k.case_id
        WHERE c.reference = $1 AND k.kind = $2`,
      [reference, kind],
    );
    return row?.met_at ?? null;
  };

  return { browserOf, tokenFor, gubCase, page, act, caseRow, eventsOf, clockMet };
}
