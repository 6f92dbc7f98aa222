import { readFileSync } from 'node:fs';
import request from 'supertest';
import { AreaLoaderService } from '../src/directory/area-loader.service';
import { runCli } from '../src/cli/main';
import { DEMO_AREA_FILE, loadDemoArea } from './support/demo-area';
import { newUser, signIn } from './support/sign-in';
import { createTestApp, TestApp } from './support/test-app';

describe('the account commands', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
    await loadDemoArea(app, { feed: false });
  });

  afterAll(() => app.close());

  async function cli(env: Record<string, string>, ...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(
      argv,
      { ...process.env, DATABASE_URL: app.config.DATABASE_URL, ...env },
      { out: (line) => out.push(line), err: (line) => err.push(line) },
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('creates the first admin with a generated password shown once', async () => {
    const result = await cli({}, 'user:create-admin', 'UL', 'Rut.Admin@UL.example', 'Rut', 'Admin');
    expect(result.code).toBe(0);
    const password = /password \(shown once[^)]*\): (\S+)/.exec(result.out)?.[1];
    expect(password).toHaveLength(24);
    const { cookie } = await signIn(app.server, 'rut.admin@ul.example', password);
    const me = await request(app.server).get('/api/v1/me').set('Cookie', cookie).expect(200);
    expect(me.body).toMatchObject({
      name: 'Rut Admin',
      role: 'admin',
      organisation: { code: 'UL' },
    });
  });

  it('takes the password from SYNPUNKT_ADMIN_PASSWORD and creates users of any role', async () => {
    const env = { SYNPUNKT_ADMIN_PASSWORD: 'ett lösenord från miljön' };
    const admin = await cli(env, 'user:create-admin', 'UL', 'env-admin@ul.example', 'Env Admin');
    expect(admin).toMatchObject({ code: 0 });
    expect(admin.out).not.toContain('password');
    await signIn(app.server, 'env-admin@ul.example', env.SYNPUNKT_ADMIN_PASSWORD);

    const forum = await cli(
      env,
      'user:create',
      'GUB',
      'forum@gub.example',
      'Fia',
      'Forum',
      'forum',
    );
    expect(forum.code).toBe(0);
    const { cookie } = await signIn(app.server, 'forum@gub.example', env.SYNPUNKT_ADMIN_PASSWORD);
    const me = await request(app.server).get('/api/v1/me').set('Cookie', cookie).expect(200);
    expect(me.body).toMatchObject({ name: 'Fia Forum', role: 'forum' });
  });

  it('refuses a bad role, an unknown organisation, a weak password and a taken address', async () => {
    const env = { SYNPUNKT_ADMIN_PASSWORD: 'ett lösenord från miljön' };
    const role = await cli(env, 'user:create', 'UL', 'x@ul.example', 'X', 'root');
    expect(role).toMatchObject({ code: 1 });
    expect(role.err).toContain('role: must be handler, supervisor, admin or forum');
    const organisation = await cli(env, 'user:create-admin', 'NOPE', 'y@ul.example', 'Y');
    expect(organisation.err).toContain('organisation: is not an organisation of the area');
    const weak = await cli(
      { SYNPUNKT_ADMIN_PASSWORD: 'kort' },
      'user:create-admin',
      'UL',
      'z@ul.example',
      'Z',
    );
    expect(weak.err).toContain('password: must be at least 12 characters');
    await cli(env, 'user:create-admin', 'UL', 'taken@ul.example', 'T');
    const taken = await cli(env, 'user:create-admin', 'UL', 'TAKEN@ul.example', 'T');
    expect(taken).toMatchObject({
      code: 1,
      err: 'An account with this e-mail address exists already.',
    });
    const usage = await cli(env, 'user:create', 'UL', 'u@ul.example');
    expect(usage.code).toBe(2);
  });

  it('disables an account', async () => {
    const email = await newUser(app);
    const { cookie } = await signIn(app.server, email);
    expect(await cli({}, 'user:disable', email)).toMatchObject({
      code: 0,
      out: 'account disabled',
    });
    await request(app.server).get('/api/v1/me').set('Cookie', cookie).expect(401);
  });

  it('keeps an organisation whose people have accounts when an area file drops it', async () => {
    await newUser(app, { organisationCode: 'UPPSALA-KOMMUN' });
    const without = readFileSync(DEMO_AREA_FILE, 'utf8')
      .replace(/^.*code: UPPSALA-KOMMUN.*\n/m, '')
      .replace('stops-shelters: UPPSALA-KOMMUN', 'stops-shelters: authority');
    await expect(app.app.get(AreaLoaderService).loadText(without)).rejects.toMatchObject({
      fieldErrors: [
        {
          field: 'organisations',
          reason:
            'drops organisation UPPSALA-KOMMUN, which cases, contracts or user accounts refer to',
        },
      ],
    });
  });
});
