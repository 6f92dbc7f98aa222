import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { Response } from 'supertest';
import { CSRF_FORMS, issueCsrfToken, newBrowserNonce } from '../src/auth/csrf-token';
import type { CsrfForm } from '../src/auth/csrf-token';
import { TransfersService } from '../src/cases/transfers.service';
import { CASE_ACTIONS } from '../src/inbox/case-action-input';
import { INBOX_VIEWS } from '../src/inbox/inbox-query';
import { loadDemoArea } from './support/demo-area';
import { newUser, signIn } from './support/sign-in';
import { createTestApp, FrozenClock, TestApp } from './support/test-app';

/**
 * The access walk: every HTTP route the running app serves, found from its router (so a
 * route added later is walked without anyone remembering to add it here), called by a
 * handler, an admin and a forum member of another operator (NOBINA), each with a browser
 * session and with an API token, against every case of GUB's. Nothing of GUB's travellers
 * may show in any answer, no action may succeed, and the database must not change.
 */

/** A route as the Express router holds it; `ALL` for a mount that answers every method. */
interface Route {
  method: string;
  path: string;
  key: string;
  params: string[];
}

interface Identity {
  label: string;
  role: 'handler' | 'admin' | 'forum';
  via: 'session' | 'api-token';
  /** The headers the identity sends: its Cookie (session and CSRF nonce) or Bearer token. */
  headers: Record<string, string>;
  nonce: string;
}

interface Victim {
  label: string;
  reference: string;
  /** The description's word a full-text search would find. */
  word: string;
  /** Further words of its thread and notes a search might reach. */
  words: string[];
  /** What the intruder must never see: free text, the traveller's name, address and number. */
  secrets: string[];
  /** An operator that handed the case on may see it as "transferred", never more. */
  transferredSummary: boolean;
}

/** Routes anyone may call without signing in: the travellers' channels, sign-in pages, operations. */
const PUBLIC_ROUTES = new Set([
  // Nest's global middleware mounts (logging, metrics): every request passes them; unknown paths 404.
  'ALL /{*path}',
  // Operations: liveness, readiness and Prometheus counters carry no case data.
  'GET /health/live',
  'GET /health/ready',
  'GET /metrics',
  // The OpenAPI document and its Swagger UI.
  'GET /api/docs',
  'GET /api/docs/',
  'GET /api/docs/index.html',
  'GET /api/docs/LICENSE',
  'GET /api/docs/swagger-ui-init.js',
  'GET /api/docs/docs/swagger-ui-init.js',
  'GET /api/docs-yaml',
  'GET /api/openapi.json',
  // Signing in, out and resetting a password.
  'GET /inbox/sign-in',
  'POST /inbox/sign-in',
  'POST /inbox/sign-out',
  'GET /inbox/forgot-password',
  'POST /inbox/forgot-password',
  'GET /inbox/reset-password',
  'POST /inbox/reset-password',
  // The traveller web form, its suggestions, receipt (signed link) and thanks page.
  'GET /feedback',
  'POST /feedback',
  'GET /feedback/suggest',
  'GET /feedback/receipt/:reference',
  'GET /feedback/thanks',
  // JSON intake, a case's public status by reference, and the routing explainer.
  'POST /api/v1/cases',
  'GET /api/v1/cases/:reference',
  'POST /api/v1/routing/explain',
  // Travellers' e-mail replies from the provider's webhook, behind a shared secret.
  'POST /api/v1/inbound/email',
  // Twilio's webhooks, verified by their signature.
  'POST /webhooks/twilio/sms',
  'POST /webhooks/twilio/status',
  // Open311 GeoReport v2 for the region's apps (its public view never shows free text).
  'GET /open311/discovery.:format',
  'GET /open311/v2/services.:format',
  'GET /open311/v2/services/:code.:format',
  'POST /open311/v2/requests.:format',
  'GET /open311/v2/requests.:format',
  'GET /open311/v2/requests/:id.:format',
  'ALL /open311/*path',
]);

/** The inbox's static scripts: public, the same for everyone. */
const PUBLIC_PREFIXES = ['GET /inbox/assets/'];

function isPublic(key: string): boolean {
  return PUBLIC_ROUTES.has(key) || PUBLIC_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/**
 * Public routes that create something for anyone (a traveller's report, a session): walked
 * with a body that is refused, so the walk itself changes nothing; each is still checked
 * for leaks.
 */
const PUBLIC_BODIES: Record<string, (victim: Victim, contact: Contact) => Record<string, unknown>> =
  {
    'POST /inbox/sign-in': (_v, c) => ({ email: c.email, password: 'not the password at all' }),
    'POST /inbox/sign-out': () => ({}),
    'POST /inbox/forgot-password': (_v, c) => ({ email: c.email }),
    'POST /inbox/reset-password': () => ({
      token: 'no-such-token',
      password: 'ett nytt långt lösenord',
      confirm: 'ett nytt långt lösenord',
    }),
    // No CSRF/double-submit token: refused before anything is stored.
    'POST /feedback': (v) => ({ kind: 'complaint', description: `Om ärende ${v.reference}` }),
    // Not a valid report (no kind): refused before a case is made.
    'POST /api/v1/cases': (v, c) => ({ description: `Om ${v.reference}`, contact: c }),
    'POST /api/v1/routing/explain': () => ({ line: '4', category: 'staff-treatment' }),
    // Without the shared secret (the intruder's own API token is no such thing): a reply
    // from the traveller's address would otherwise join the case's thread.
    'POST /api/v1/inbound/email': (v, c) => ({
      from: `Resenär <${c.email}>`,
      to: 'svar@synpunkt.example.se',
      subject: `Re: Svar på ditt ärende ${v.reference}`,
      text: `Inkräktarens svar om ${v.reference}`,
      messageId: `<walk-${v.reference}@example.se>`,
      inReplyTo: `<${v.reference}@localhost>`,
    }),
    // Unsigned: an inbound SMS from the traveller's number would otherwise join its thread.
    'POST /webhooks/twilio/sms': (v, c) => ({
      MessageSid: `SM${'0'.repeat(32)}`,
      From: c.phone,
      To: '+46700000000',
      Body: `Svar om ${v.reference}`,
    }),
    'POST /webhooks/twilio/status': () => ({
      MessageSid: `SM${'1'.repeat(32)}`,
      MessageStatus: 'delivered',
    }),
    // Missing service_code: refused.
    'POST /open311/v2/requests.:format': (v, c) => ({ description: `Om ${v.reference}`, ...c }),
    'ALL /open311/*path': () => ({}),
    'ALL /{*path}': () => ({}),
  };

interface Contact {
  name: string;
  email: string;
  phone: string;
}

/** A user of the intruder's organisation would succeed with these on a case of its own. */
type Query = Record<string, string>;
type BodyOf = (ctx: WalkContext) => Record<string, unknown>;
const ACTION_BODIES: Record<string, BodyOf> = {
  claim: () => ({}),
  assign: (ctx) => ({ userId: ctx.colleagueId }),
  reply: () => ({ body: 'Hej! Vi har tittat på ditt ärende.' }),
  ask: () => ({ body: 'Vilken avgång gällde det?' }),
  note: () => ({ body: 'Inkräktarens anteckning' }),
  transfer: () => ({ reason: 'not-our-operator', to: 'MOHLINS' }),
  category: () => ({ category: 'punctuality' }),
  // One code as a plain field: a form's single checkbox and a JSON string read alike.
  tags: () => ({ focusAreas: 'punctuality' }),
  // Into a case of the intruder's own: the way to pull another's case into one's sight.
  merge: (ctx) => ({ into: ctx.own.reference }),
  resolve: () => ({ outcome: 'rejected', note: 'Avslutat' }),
  reopen: () => ({}),
};
/** What an action needs first on a fresh case of one's own. */
const ACTION_PRECONDITIONS: Record<string, string[]> = { reopen: ['resolve'] };

/** Bodies of other authenticated routes that change something. */
const ROUTE_BODIES: Record<string, BodyOf> = {
  'POST /api/v1/api-tokens': () => ({ name: 'walk' }),
  'DELETE /api/v1/api-tokens/:id': () => ({}),
  'POST /api/v1/privacy/export': (ctx) => ({ email: ctx.victimContact.email }),
  'POST /api/v1/privacy/erase': (ctx) => ({ phone: ctx.victimContact.phone }),
  // The partnership: GUB's action and the city forum's cycle are the ids walked.
  'POST /api/v1/partnership/forums': () => ({ code: 'WALK', name: 'Inkräktarens forum' }),
  'PATCH /api/v1/partnership/forums/:id': () => ({ name: 'Kapat forum' }),
  'POST /api/v1/partnership/cycles': () => ({
    forum: 'WALK-FORUM',
    code: '2027H1',
    startsOn: '2027-01-01',
    endsOn: '2027-06-30',
    focusAreas: [],
  }),
  'PATCH /api/v1/partnership/cycles/:id': () => ({ endsOn: '2027-12-31' }),
  'POST /api/v1/partnership/cycles/:id/record': () => ({ reflections: 'Inkräktarens tankar' }),
  'POST /api/v1/partnership/actions': () => ({
    title: 'Inkräktarens åtgärd',
    rootCauses: ['staff-conduct'],
    focusAreas: [],
    owner: 'GUB',
    decidedOn: '2026-11-01',
  }),
  'PATCH /api/v1/partnership/actions/:id': () => ({ status: 'cancelled' }),
  'POST /inbox/partnership/actions': () => ({ title: 'Inkräktarens åtgärd', owner: 'GUB' }),
  'POST /inbox/partnership/actions/:id/status': () => ({ status: 'cancelled' }),
  'POST /inbox/partnership/cycles/:id/record': () => ({ reflections: 'Inkräktarens tankar' }),
  'POST /inbox/partnership/forums': () => ({
    code: 'WALK',
    name: 'Inkräktarens forum',
    members: 'inkraktare@nobina.example',
  }),
  'POST /inbox/partnership/forums/:id': () => ({ name: 'Kapat forum', members: '' }),
  'POST /inbox/partnership/cycles': () => ({
    forum: 'WALK-FORUM',
    code: '2027H1',
    startsOn: '2027-01-01',
    endsOn: '2027-06-30',
  }),
  'POST /inbox/partnership/cycles/:id': () => ({ startsOn: '2026-07-01', endsOn: '2027-12-31' }),
  'POST /api/v1/ridership': () => ({
    csv: 'month,contract,line,boardings\n2026-11,UL-STAD-2019,,1',
  }),
};

interface WalkContext {
  victims: Victim[];
  own: { reference: string; word: string };
  victimContact: Contact;
  colleagueId: string;
  victimTokenId: string;
  /** GUB's improvement action, and the city forum and its cycle. */
  partnershipIds: string[];
}

/**
 * The value(s) of each path parameter. A route with a parameter not named here fails the
 * walk: add it, with values that reach the data the route serves.
 */
const PARAMS: Record<string, (ctx: WalkContext) => string[]> = {
  reference: (ctx) => [...ctx.victims.map((v) => v.reference), ctx.own.reference],
  // The case page's form actions, as the app defines them.
  action: () => [...CASE_ACTIONS],
  // An API token of GUB's handler (DELETE /api/v1/api-tokens/:id) and Open311's request ids.
  id: (ctx) => [
    ctx.victimTokenId,
    ...ctx.partnershipIds,
    ...ctx.victims.map((v) => v.reference),
    ctx.own.reference,
  ],
  format: () => ['json', 'xml'],
  code: () => ['staff-treatment'],
  path: () => ['v2/no-such-resource'],
};

/** Query strings of list routes: every view, and a search for each victim's word. */
const QUERIES: Record<string, (ctx: WalkContext) => Query[]> = {
  'GET /inbox': (ctx) => listQueries(ctx),
  'GET /api/v1/inbox': (ctx) => listQueries(ctx),
  'GET /open311/v2/requests.:format': (ctx): Query[] => [
    {},
    { service_request_id: ctx.victims.map((v) => v.reference).join(',') },
  ],
  'GET /feedback/receipt/:reference': () => [{ t: 'forged.token' }],
  'GET /api/v1/routing/misroutes': (): Query[] => [{}, { from: '2020-01-01', to: '2030-12-31' }],
};

function listQueries(ctx: WalkContext): Query[] {
  const words = ctx.victims.flatMap((v) => v.words);
  // Every view; each victim's words searched where a case of any state would be listed.
  return [
    {},
    ...INBOX_VIEWS.map((view): Query => ({ view })),
    ...SEARCHED_VIEWS.flatMap((view) => words.map((q): Query => ({ view, q }))),
  ];
}

const SEARCHED_VIEWS = ['open', 'closed', 'transferred'];

const PARAM_PATTERN = /[:*]([A-Za-z_][A-Za-z0-9_]*)/g;

function paramsOf(path: string): string[] {
  return [...path.matchAll(PARAM_PATTERN)].map((match) => match[1]);
}

/** Every route of the app's Express router, in the order Express matches them. */
function discoverRoutes(app: TestApp): Route[] {
  interface Layer {
    route?: { path: string; methods: Record<string, boolean> };
  }
  const adapter = (
    app.app as unknown as { getHttpAdapter(): { getInstance(): Record<string, unknown> } }
  ).getHttpAdapter();
  const express = adapter.getInstance() as {
    router?: { stack: Layer[] };
    _router?: { stack: Layer[] };
  };
  const router = express.router ?? express._router;
  if (!router) throw new Error('no Express router to walk');
  const routes = new Map<string, Route>();
  for (const layer of router.stack) {
    if (!layer.route) continue;
    const verbs = Object.keys(layer.route.methods).filter((verb) => verb !== '_all');
    const methods =
      layer.route.methods._all || verbs.length > 8 ? ['ALL'] : verbs.map((v) => v.toUpperCase());
    for (const method of methods) {
      const key = `${method} ${layer.route.path}`;
      routes.set(key, { method, path: layer.route.path, key, params: paramsOf(layer.route.path) });
    }
  }
  return [...routes.values()];
}

/** Each combination of the route's parameters, as concrete paths with the values used. */
function expand(
  route: Route,
  ctx: WalkContext,
): { path: string; values: Record<string, string> }[] {
  let paths = [{ path: route.path, values: {} as Record<string, string> }];
  for (const name of new Set(route.params)) {
    // A parameter without values walks nothing: the route shows up as not exercised.
    const values = PARAMS[name]?.(ctx) ?? [];
    paths = paths.flatMap(({ path, values: used }) =>
      values.map((value) => ({
        path: path
          .replace(`{*${name}}`, value)
          .replace(`*${name}`, value)
          .replace(new RegExp(`:${name}(?![A-Za-z0-9_])`, 'g'), value),
        values: { ...used, [name]: value },
      })),
    );
  }
  return paths;
}

/** The CSRF form a post to an inbox page carries a token of; null outside the inbox. */
function csrfFormOf(path: string): CsrfForm | null {
  if (!path.startsWith('/inbox/')) return null;
  // The partnership page's forms carry their own token: the walk reaches the role checks.
  if (path.startsWith('/inbox/partnership/')) return 'partnership';
  const last = path.split('/').pop() ?? '';
  return (CSRF_FORMS as readonly string[]).includes(last) ? (last as CsrfForm) : 'case-action';
}

/** The action a case route performs: `:action`'s value, or the API route's last segment. */
function actionOf(route: Route, values: Record<string, string>): string | null {
  if (values.action) return values.action;
  const match = /^\/api\/v1\/cases\/:reference\/([^/:]+)$/.exec(route.path);
  return match ? match[1] : null;
}

/**
 * Whatever of a victim's secrets an answer (body or headers) carries, other than what the
 * request itself sent (a search box or a sign-in form shows back what was typed).
 */
function leaksIn(response: Response, victims: Victim[], sent = ''): string[] {
  const echoed = sent.toLowerCase();
  const body = response.text ?? JSON.stringify(response.body ?? '');
  const text = `${body}\n${JSON.stringify(response.headers)}`.toLowerCase();
  const compact = text.replace(/[\s\-()]/g, '');
  const found: string[] = [];
  for (const victim of victims)
    for (const secret of victim.secrets) {
      const needle = secret.toLowerCase();
      if (echoed.includes(needle)) continue;
      // A phone number may be shown spaced; its digits after the country code still give it away.
      const digits = /^\+\d+$/.test(secret) ? secret.slice(3) : null;
      if (text.includes(needle) || (digits && compact.includes(digits)))
        found.push(`${victim.label}: ${secret}`);
    }
  return found;
}

describe('an intruder from another operator walking every route', () => {
  const clock = new FrozenClock('2026-03-03T09:00:00+01:00');
  let app: TestApp;
  let routes: Route[];
  let ctx: WalkContext;
  const identities: Identity[] = [];
  const intruderIds: string[] = [];
  let gubHandler: { cookie: string; token: string };
  const marker = () => randomBytes(4).toString('hex');

  const userIdOf = async (email: string) =>
    (
      await app.dataSource.query<{ id: string }[]>('SELECT id FROM users WHERE email = $1', [email])
    )[0].id;

  /** A signed-in person of the organisation: its session cookie, an API token and its id. */
  const person = async (organisationCode: string, role: string) => {
    const email = await newUser(app, {
      organisationCode,
      role,
      name: `${organisationCode} ${role}`,
    });
    const { cookie } = await signIn(app.server, email);
    const created = await request(app.server)
      .post('/api/v1/api-tokens')
      .set('Cookie', cookie)
      .send({ name: `${role} integration` })
      .expect(201);
    const body = created.body as { id: string; token: string };
    return { cookie, token: body.token, tokenId: body.id, userId: await userIdOf(email) };
  };

  const report = async (body: Record<string, unknown>): Promise<string> => {
    const response = await request(app.server)
      .post('/api/v1/cases')
      .send({ kind: 'complaint', language: 'sv', ...body });
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    return (response.body as { reference: string }).reference;
  };

  /** A case of GUB's (line 4, UL-STAD-2019) with a traveller who can be told apart. */
  const gubCase = async (label: string, extra: Record<string, unknown> = {}) => {
    const word = `hemlig${marker()}`;
    const contact: Contact = {
      name: `Resenär Namn${marker()}`,
      email: `resenar-${marker()}@example.se`,
      phone: `+46701${String(randomBytes(3).readUIntBE(0, 3) % 1_000_000).padStart(6, '0')}`,
    };
    const reference = await report({
      category: 'staff-treatment',
      line: '4',
      description: `Föraren var otrevlig ${word}`,
      contact,
      replyChannel: 'email',
      ...extra,
    });
    const victim: Victim = {
      label,
      reference,
      word,
      words: [word],
      secrets: [word, contact.name, contact.email, contact.phone],
      transferredSummary: false,
    };
    return { victim, contact };
  };

  const asGub = (method: 'post' | 'get', path: string) =>
    request(app.server)[method](path).set('Authorization', `Bearer ${gubHandler.token}`);

  const transfers = () => app.app.get(TransfersService);

  /** A case NOBINA holds in full: reported on GUB's line, handed to NOBINA. */
  const nobinaCase = async () => {
    const { victim } = await gubCase('own');
    await transfers().transfer(victim.reference, {
      reason: 'not-our-operator',
      toOrganisationCode: 'NOBINA',
      actor: 'test',
    });
    return victim;
  };

  beforeAll(async () => {
    app = await createTestApp(
      // HTTP only: no queue worker changes rows behind the walk's back.
      { SIGN_IN_RATE_LIMIT_PER_MINUTE: '10000', SYNPUNKT_ROLE: 'api' },
      { clock },
    );
    await loadDemoArea(app);

    const gub = await person('GUB', 'handler');
    gubHandler = gub;

    // GUB's cases, each in another state.
    const fresh = await gubCase('new case');
    const resolved = await gubCase('resolved case');
    const resolveNote = `Åtgärdat ${marker()}`;
    await asGub('post', `/api/v1/cases/${resolved.victim.reference}/resolve`)
      .send({ outcome: 'upheld', note: resolveNote })
      .expect(200);
    resolved.victim.secrets.push(resolveNote);

    const noted = await gubCase('case with a note and a reply');
    const noteWord = `anteckning${marker()}`;
    const sharedWord = `delad${marker()}`;
    const replyWord = `svar${marker()}`;
    const note = `Intern ${noteWord}`;
    const shared = `Delad anteckning ${sharedWord}`;
    const reply = `Vi beklagar ${replyWord}`;
    await asGub('post', `/api/v1/cases/${noted.victim.reference}/note`)
      .send({ body: note })
      .expect(200);
    // A note GUB shares (with the authority): still never NOBINA's to read.
    await asGub('post', `/api/v1/cases/${noted.victim.reference}/note`)
      .send({ body: shared, shared: true })
      .expect(200);
    await asGub('post', `/api/v1/cases/${noted.victim.reference}/reply`)
      .send({ body: reply })
      .expect(200);
    noted.victim.secrets.push(note, shared, reply);
    noted.victim.words.push(noteWord, sharedWord, replyWord);

    const away = await gubCase('case GUB transferred to TRANSDEV');
    await asGub('post', `/api/v1/cases/${away.victim.reference}/transfer`)
      .send({ reason: 'not-our-operator', to: 'TRANSDEV' })
      .expect(200);

    // Line 8 had two operators that day: the authority's triage, no operator's.
    const triage = await gubCase('case in triage', {
      line: '8',
      category: 'punctuality',
      occurredAt: '2021-10-05T08:00:00+02:00',
    });

    // A case NOBINA handed on to GUB: NOBINA may see it as "transferred", nothing more.
    const handedBack = await gubCase('case NOBINA handed to GUB');
    await transfers().transfer(handedBack.victim.reference, {
      reason: 'not-our-operator',
      toOrganisationCode: 'NOBINA',
      actor: 'test',
    });
    await transfers().transfer(handedBack.victim.reference, {
      reason: 'not-our-line',
      toOrganisationCode: 'GUB',
      actor: 'test',
    });
    const handedBackNote = `GUB:s anteckning ${marker()}`;
    await asGub('post', `/api/v1/cases/${handedBack.victim.reference}/note`)
      .send({ body: handedBackNote })
      .expect(200);
    handedBack.victim.secrets.push(handedBackNote);
    handedBack.victim.transferredSummary = true;

    const own = await nobinaCase();

    let colleagueId = '';
    // The intruders: NOBINA's handler, admin and forum member, each by session and by token.
    for (const role of ['handler', 'admin', 'forum'] as const) {
      const who = await person('NOBINA', role);
      intruderIds.push(who.userId);
      const sessionNonce = /sp_csrf=([^;]+)/.exec(who.cookie)?.[1] ?? '';
      identities.push({
        label: `NOBINA ${role} (session)`,
        role,
        via: 'session',
        headers: { Cookie: who.cookie },
        nonce: sessionNonce,
      });
      const tokenNonce = newBrowserNonce();
      identities.push({
        label: `NOBINA ${role} (API token)`,
        role,
        via: 'api-token',
        // The token decides who it is; the nonce cookie lets a form post reach the action.
        headers: { Authorization: `Bearer ${who.token}`, Cookie: `sp_csrf=${tokenNonce}` },
        nonce: tokenNonce,
      });
      if (role === 'handler') colleagueId = who.userId;
    }

    // Partnership data that only GUB and the authority may change.
    const [forum] = await app.dataSource.query<{ id: string }[]>(
      `INSERT INTO forums (code, name, contract_id, members)
       SELECT 'WALK-FORUM', 'Stadstrafikens forum', id, '{forum@gub.example}' FROM contracts
        WHERE code = 'UL-STAD-2019' RETURNING id`,
    );
    const [cycle] = await app.dataSource.query<{ id: string }[]>(
      `INSERT INTO cycles (forum_id, code, starts_on, ends_on, focus_areas)
       VALUES ($1, '2026H2', '2026-07-01', '2026-12-31', '{punctuality}') RETURNING id`,
      [forum.id],
    );
    const [action] = await app.dataSource.query<{ id: string }[]>(
      `INSERT INTO improvement_actions (title, root_causes, contract_ids, owner_organisation_id, decided_on)
       SELECT 'GUB:s utbildning i bemötande', '{staff-conduct}', ARRAY[k.id], o.id, '2026-11-01'
         FROM contracts k, organisations o WHERE k.code = 'UL-STAD-2019' AND o.code = 'GUB'
       RETURNING id`,
    );

    ctx = {
      partnershipIds: [forum.id, cycle.id, action.id],
      colleagueId,
      victims: [fresh, resolved, noted, away, triage, handedBack].map((c) => c.victim),
      own: { reference: own.reference, word: own.word },
      victimContact: noted.contact,
      victimTokenId: gub.tokenId,
    };
    routes = discoverRoutes(app);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  const identity = (role: Identity['role'], via: Identity['via']) =>
    identities.find((who) => who.role === role && who.via === via)!;

  /** One request of the walk: the identity's credentials, a CSRF token for inbox forms, a body. */
  const call = (
    who: Identity | null,
    method: string,
    path: string,
    query: Record<string, string>,
    body: Record<string, unknown> | undefined,
  ) => {
    const verb = (method === 'ALL' ? 'get' : method.toLowerCase()) as 'get' | 'post' | 'delete';
    let pending = request(app.server)[verb](path).query(query);
    for (const [name, value] of Object.entries(who?.headers ?? {}))
      pending = pending.set(name, value);
    if (verb === 'get') return pending;
    const form = csrfFormOf(path);
    if (form) {
      const csrf = who ? issueCsrfToken(app.config.FORM_SECRET, who.nonce, form, clock.now()) : '';
      return pending.type('form').send({ csrf, ...body });
    }
    if (path.startsWith('/feedback') || path.startsWith('/webhooks/'))
      return pending.type('form').send(body ?? {});
    return pending.send(body ?? {});
  };

  it('knows a value for every path parameter of every route', () => {
    const missing = routes.flatMap((route) =>
      route.params.filter((name) => !PARAMS[name]).map((n) => `${route.key} (:${n})`),
    );
    expect(missing).toEqual([]);
  });

  it('knows a plausible body for every route that changes something', () => {
    const missing: string[] = [];
    for (const route of routes) {
      if (route.method === 'GET') continue;
      if (isPublic(route.key)) {
        if (!PUBLIC_BODIES[route.key]) missing.push(route.key);
        continue;
      }
      if (route.params.includes('action')) {
        for (const action of CASE_ACTIONS)
          if (!ACTION_BODIES[action]) missing.push(`${route.key} (${action})`);
        continue;
      }
      const action = actionOf(route, {});
      if (action ? !ACTION_BODIES[action] : !ROUTE_BODIES[route.key]) missing.push(route.key);
    }
    expect(missing).toEqual([]);
  });

  it('finds the routes it is meant to walk', () => {
    const keys = routes.map((route) => route.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'GET /inbox',
        'GET /api/v1/inbox',
        'GET /inbox/cases/:reference',
        'POST /inbox/cases/:reference/:action',
        'GET /api/v1/inbox/cases/:reference',
        ...['claim', 'assign', 'reply', 'ask', 'note', 'transfer', 'category', 'resolve'].map(
          (action) => `POST /api/v1/cases/:reference/${action}`,
        ),
        'POST /api/v1/privacy/export',
      ]),
    );
  });

  it('turns away anyone not signed in from every route that is not public', async () => {
    const refused: string[] = [];
    for (const route of routes) {
      if (isPublic(route.key)) continue;
      const [first] = expand(route, ctx);
      if (!first) continue;
      const { path } = first;
      const response = await call(null, route.method, path, {}, {});
      const toSignIn =
        [302, 303].includes(response.status) &&
        String(response.headers.location).startsWith('/inbox/sign-in');
      if (response.status !== 401 && !toSignIn) refused.push(`${route.key} → ${response.status}`);
    }
    expect(refused).toEqual([]);
  });

  it("has GUB's cases where the walk expects them", async () => {
    const rows = await app.dataSource.query<{ reference: string; code: string; triage: boolean }[]>(
      `SELECT c.reference, o.code, c.triage FROM cases c
         JOIN organisations o ON o.id = c.responsible_organisation_id
        WHERE c.reference = ANY($1)`,
      [[...ctx.victims.map((v) => v.reference), ctx.own.reference]],
    );
    const held = Object.fromEntries(
      rows.map((r) => [r.reference, `${r.code}${r.triage ? ' triage' : ''}`]),
    );
    expect(ctx.victims.map((v) => held[v.reference])).toEqual([
      'GUB',
      'GUB',
      'GUB',
      'TRANSDEV',
      'UL triage',
      'GUB',
    ]);
    expect(held[ctx.own.reference]).toBe('NOBINA');
  });

  it('lets GUB see its own case, and only a summary of the one it transferred', async () => {
    const noted = ctx.victims[2];
    const page = await request(app.server)
      .get(`/inbox/cases/${noted.reference}`)
      .set('Cookie', gubHandler.cookie)
      .expect(200);
    for (const secret of noted.secrets) expect(page.text).toContain(secret);

    const away = ctx.victims[3];
    const summary = await request(app.server)
      .get(`/inbox/cases/${away.reference}`)
      .set('Cookie', gubHandler.cookie)
      .expect(200);
    const json = await asGub('get', `/api/v1/inbox/cases/${away.reference}`).expect(200);
    expect(json.body).toMatchObject({ access: 'transferred', transferredTo: { code: 'TRANSDEV' } });
    expect([...leaksIn(summary, [away]), ...leaksIn(json, [away])]).toEqual([]);
  });

  it("lets NOBINA's own users do every action on a case of their own with the walk's bodies", async () => {
    const admin = identity('admin', 'api-token');
    const adminBrowser = identity('admin', 'session');
    const failed: string[] = [];
    for (const action of CASE_ACTIONS) {
      // The form takes every action; the API has a route of its own for each.
      const viaApi = routes.some((r) => r.key === `POST /api/v1/cases/:reference/${action}`);
      for (const who of viaApi ? [admin, adminBrowser] : [adminBrowser]) {
        const own = await nobinaCase();
        const steps = [...(ACTION_PRECONDITIONS[action] ?? []), action];
        for (const step of steps) {
          const body = ACTION_BODIES[step](ctx);
          const path =
            who.via === 'session'
              ? `/inbox/cases/${own.reference}/${step}`
              : `/api/v1/cases/${own.reference}/${step}`;
          const response = await call(who, 'POST', path, {}, body);
          if (response.status >= 400) failed.push(`${who.label} ${step} → ${response.status}`);
        }
      }
    }
    expect(failed).toEqual([]);
  });

  it("lists NOBINA's own case, so an empty list is not what passes", async () => {
    for (const who of identities) {
      const response = await call(who, 'GET', '/api/v1/inbox', { q: ctx.own.word }, undefined);
      expect(response.status).toBe(200);
      expect((response.body as { cases: { reference: string }[] }).cases).toEqual([
        expect.objectContaining({ reference: ctx.own.reference }),
      ]);
      const page = await call(who, 'GET', '/inbox', { q: ctx.own.word }, undefined);
      expect(page.status).toBe(200);
      expect(page.text).toContain(ctx.own.reference);
    }
  });

  it('finds nothing it may not see or change', async () => {
    const snapshot = await snapshotDatabase(app, intruderIds);
    const exercised = new Set<string>();
    const problems: string[] = [];
    let requests = 0;
    const victimByReference = new Map(ctx.victims.map((v) => [v.reference, v]));
    // Signing out ends the session: walked last.
    const ordered = [...routes].sort(
      (a, b) => Number(a.path.endsWith('sign-out')) - Number(b.path.endsWith('sign-out')),
    );

    // The identities walk side by side; each one's requests go one after another.
    const walkAs = async (who: Identity) => {
      for (const route of ordered) {
        const open = isPublic(route.key);
        for (const { path, values } of expand(route, ctx)) {
          const target = values.reference;
          const victim = target ? victimByReference.get(target) : undefined;
          const ownCase = target !== undefined && target === ctx.own.reference;
          const changes = route.method !== 'GET';
          // A case of NOBINA's own is read, never changed: the control that reads succeed.
          if (ownCase && changes) continue;
          const action = actionOf(route, values);
          let body: Record<string, unknown> | undefined;
          if (changes) {
            const made = open
              ? PUBLIC_BODIES[route.key]?.(victim ?? ctx.victims[2], ctx.victimContact)
              : action
                ? ACTION_BODIES[action]?.(ctx)
                : ROUTE_BODIES[route.key]?.(ctx);
            // Named by the test of bodies above; not walked with a made-up one.
            if (!made) continue;
            body = made;
          }
          const queries = QUERIES[route.key]?.(ctx) ?? [{}];
          for (const query of queries) {
            const response = await call(who, route.method, path, query, body);
            requests += 1;
            exercised.add(route.key);
            const where = `${who.label} ${route.method} ${path}?${new URLSearchParams(query).toString()}`;
            const sent = `${path} ${JSON.stringify(query)} ${JSON.stringify(body ?? {})}`;
            for (const leak of leaksIn(response, ctx.victims, sent))
              problems.push(`${where} → ${response.status} shows ${leak}`);
            // Readiness may say 503 while six walkers keep the pool busy; it holds no case data.
            if (response.status >= 500 && !route.path.startsWith('/health/'))
              problems.push(`${where} → ${response.status}`);
            if (open) continue;
            if (victim && changes) {
              const allowed = who.role === 'forum' ? [403, 404] : [404];
              if (!allowed.includes(response.status))
                problems.push(`${where} → ${response.status}, not ${allowed.join(' or ')}`);
            } else if (victim && route.params.includes('reference')) {
              const expected = victim.transferredSummary ? 200 : 404;
              if (response.status !== expected)
                problems.push(`${where} → ${response.status}, not ${expected}`);
              if (
                expected === 200 &&
                response.type === 'application/json' &&
                (response.body as { access?: string }).access !== 'transferred'
              )
                problems.push(`${where} shows more than "transferred"`);
            } else if (ownCase && route.params.includes('reference')) {
              if (response.status !== 200)
                problems.push(`${where} → ${response.status} on its own case`);
              else if (!response.text.includes(ctx.own.word))
                problems.push(`${where} does not show its own case`);
            }
            if (route.key === 'GET /api/v1/inbox' && response.status === 200) {
              const rows = (response.body as { cases: { reference: string; access: string }[] })
                .cases;
              for (const row of rows) {
                const listed = victimByReference.get(row.reference);
                if (listed && !(listed.transferredSummary && row.access === 'transferred'))
                  problems.push(`${where} lists ${listed.label} (${row.access})`);
              }
            }
            if (route.key === 'GET /inbox' && response.status === 200)
              for (const listed of ctx.victims)
                if (!listed.transferredSummary && response.text.includes(listed.reference))
                  problems.push(`${where} lists ${listed.label}`);
          }
        }
      }
    };
    await Promise.all(identities.map(walkAs));
    problems.sort();

    const after = await snapshotDatabase(app, intruderIds);
    const changed = Object.keys({ ...snapshot, ...after }).flatMap((table) => {
      const [was, is] = [snapshot[table] ?? [], after[table] ?? []];
      const added = is.filter((row) => !was.includes(row)).length;
      const removed = was.filter((row) => !is.includes(row)).length;
      return added || removed ? [`${table}: ${added} rows new or changed, ${removed} gone`] : [];
    });
    expect({
      problems,
      changed,
      unexercised: routes.map((route) => route.key).filter((key) => !exercised.has(key)),
    }).toEqual({ problems: [], changed: [], unexercised: [] });
    expect(requests).toBeGreaterThan(routes.length * identities.length);
    expect(after).toEqual(snapshot);
  }, 120_000);
});

/**
 * Every row of every table, as JSON, sorted. Left out: the GTFS feed (large, loaded once),
 * the migrations' ledger, sessions (signing in and out makes and ends the intruders' own),
 * the columns an API token's use and the outbox dispatcher move, and the intruders' own tokens.
 */
async function snapshotDatabase(app: TestApp, intruderIds: string[]) {
  const tables = await app.dataSource.query<{ name: string }[]>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
        AND table_name NOT LIKE 'gtfs\\_%' AND table_name NOT IN ('migrations', 'user_sessions')
      ORDER BY table_name`,
  );
  const dropped: Record<string, string[]> = {
    api_tokens: ['last_used_at'],
    outbox: ['status', 'dispatched_at', 'processed_at', 'attempts', 'outcome', 'available_at'],
  };
  const snapshot: Record<string, string[]> = {};
  for (const { name } of tables) {
    const where = name === 'api_tokens' ? 'WHERE t.user_id <> ALL($2::uuid[])' : '';
    const rows = await app.dataSource.query<{ row: unknown }[]>(
      `SELECT to_jsonb(t) - $1::text[] AS row FROM "${name}" t ${where}`,
      name === 'api_tokens' ? [dropped[name] ?? [], intruderIds] : [dropped[name] ?? []],
    );
    snapshot[name] = rows.map((r) => JSON.stringify(r.row)).sort();
  }
  return snapshot;
}
