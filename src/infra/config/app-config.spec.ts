import { ConfigurationError, loadConfig, runsApi, runsWorker, smsEnabled } from './app-config';

describe(loadConfig.name, () => {
  it('gives a developer machine working defaults', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/synpunkt');
    expect(config.AREA_TIMEZONE).toBe('Europe/Stockholm');
    expect(config.SYNPUNKT_ROLE).toBe('both');
    expect(runsApi(config) && runsWorker(config)).toBe(true);
    expect(smsEnabled(config)).toBe(false);
  });

  it('reads the inbound e-mail secret when given, refusing a short one', () => {
    expect(loadConfig({}).INBOUND_EMAIL_SECRET).toBeUndefined();
    expect(
      loadConfig({ INBOUND_EMAIL_SECRET: 'a-long-shared-webhook-secret' }).INBOUND_EMAIL_SECRET,
    ).toBe('a-long-shared-webhook-secret');
    expect(() => loadConfig({ INBOUND_EMAIL_SECRET: 'short' })).toThrow(
      /^Configuration error: INBOUND_EMAIL_SECRET /,
    );
  });

  it('turns numeric and boolean strings into values', () => {
    const config = loadConfig({ PORT: '8080', RUN_MIGRATIONS: 'false' });
    expect(config.PORT).toBe(8080);
    expect(config.RUN_MIGRATIONS).toBe(false);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ SYNPUNKT_ROLE: 'cron' }, 'SYNPUNKT_ROLE'],
    [{ PUBLIC_BASE_URL: 'not a url' }, 'PUBLIC_BASE_URL'],
    [
      { TWILIO_ACCOUNT_SID: 'AC123', TWILIO_AUTH_TOKEN: 't', TWILIO_FROM: '+46700000000' },
      'TWILIO_ACCOUNT_SID',
    ],
  ])('refuses %j with one line naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigurationError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Configuration error: ${variable} `));
  });

  it('refuses the development form secret in production, and an unknown time zone anywhere', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/synpunkt',
      REDIS_URL: 'redis://redis:6379',
      PUBLIC_BASE_URL: 'https://synpunkt.example.se',
      SMTP_URL: 'smtp://mail:25',
    };
    expect(() =>
      loadConfig({ ...production, FORM_SECRET: 'development-only-form-secret-change-me' }),
    ).toThrow('Configuration error: FORM_SECRET must not be the development default in production');
    expect(
      loadConfig({ ...production, FORM_SECRET: 'a-long-random-secret-of-the-deployment' }).NODE_ENV,
    ).toBe('production');
    expect(() => loadConfig({ AREA_TIMEZONE: 'Europe/Atlantis' })).toThrow(
      /^Configuration error: AREA_TIMEZONE /,
    );
    expect(loadConfig({ AREA_TIMEZONE: 'America/Argentina/Buenos_Aires' }).AREA_TIMEZONE).toBe(
      'America/Argentina/Buenos_Aires',
    );
  });

  it('requires the service addresses in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      'Configuration error: DATABASE_URL is required when NODE_ENV=production',
    );
  });

  it('takes Twilio credentials all together or not at all', () => {
    expect(() => loadConfig({ TWILIO_AUTH_TOKEN: 'secret' })).toThrow(
      /TWILIO_ACCOUNT_SID is required/,
    );
    const config = loadConfig({
      TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: 'secret',
      TWILIO_FROM: '+46700000000',
    });
    expect(smsEnabled(config)).toBe(true);
  });

  it('keeps the rest of the environment out of the config', () => {
    const config = loadConfig({ HOME: '/root', PATH: '/bin' }) as unknown as Record<
      string,
      unknown
    >;
    expect(config.HOME).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });
});
