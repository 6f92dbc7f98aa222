import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { EnvironmentVariables } from '../src/infra/config/app-config';

// No Docker engine runs here, so the compose file is checked for what would break a user.
describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(__dirname, '..', 'docker-compose.yml'), 'utf8')) as {
    services: Record<
      string,
      { image?: string; build?: string; environment?: Record<string, string> }
    >;
  };

  it('runs PostgreSQL 15, Redis 7, a mail catcher and the service', () => {
    expect(compose.services.postgres.image).toBe('postgres:15');
    expect(compose.services.redis.image).toBe('redis:7');
    expect(compose.services.mail.image).toMatch(/mailpit/);
    expect(compose.services.synpunkt.build).toBe('.');
  });

  it('sets only variables the service knows, and the ones production requires', () => {
    const known = new Set([
      ...Object.keys(new EnvironmentVariables()),
      'TWILIO_ACCOUNT_SID',
      'TWILIO_AUTH_TOKEN',
      'TWILIO_FROM',
      'TWILIO_API_URL',
    ]);
    const environment = compose.services.synpunkt.environment ?? {};
    expect(Object.keys(environment).filter((name) => !known.has(name))).toEqual([]);
    expect(environment.FORM_SECRET).toMatch(/^\$\{FORM_SECRET:\?/);
    expect(environment).toMatchObject({
      NODE_ENV: 'production',
      DATABASE_URL: expect.stringContaining('@postgres:5432/'),
      REDIS_URL: 'redis://redis:6379',
      SMTP_URL: 'smtp://mail:1025',
    });
  });
});
