import 'reflect-metadata';
import { startService } from './bootstrap';
import {
  AppConfig,
  ConfigurationError,
  loadConfig,
  SERVICE_ROLES,
} from './infra/config/app-config';
import { bootLogger } from './infra/runtime/boot-logger';
import { startLocalOutboxes } from './infra/runtime/local-outboxes';
import { resolveLocalServices, ServiceUnavailableError } from './infra/runtime/local-services';

/**
 * The entry point. `--role api|worker|both` overrides SYNPUNKT_ROLE; `--local` (what
 * `npm start` passes) finds or embeds PostgreSQL and Redis on a developer machine.
 */
async function main(argv: string[]): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  const roleIndex = argv.indexOf('--role');
  if (roleIndex >= 0) env.SYNPUNKT_ROLE = argv[roleIndex + 1];
  if (env.SYNPUNKT_ROLE && !(SERVICE_ROLES as readonly string[]).includes(env.SYNPUNKT_ROLE)) {
    throw new ConfigurationError('--role', `must be one of ${SERVICE_ROLES.join(', ')}`);
  }
  const log = bootLogger(env.LOG_LEVEL || 'info');

  let stopLocal = async () => {};
  if (argv.includes('--local')) {
    const local = await resolveLocalServices(env, { database: 'synpunkt' }, log);
    env.DATABASE_URL = local.databaseUrl;
    env.REDIS_URL = local.redisUrl;
    env.SEED_DEMO ??= 'true';
    // Without SMTP_URL or a Twilio account, e-mail and SMS land in files under .data/outbox/.
    const outboxes = await startLocalOutboxes(env, log);
    stopLocal = async () => {
      await outboxes.stop();
      await local.stop();
    };
  }
  const config: AppConfig = loadConfig(env);
  const service = await startService(config);

  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (closing) return;
      closing = true;
      log.info({ signal }, 'shutting down: finishing in-flight requests and jobs');
      void service.app
        .close()
        .then(stopLocal)
        .then(() => process.exit(0));
    });
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // One clear line for what an operator can fix; the stack only for the unexpected.
  if (error instanceof ConfigurationError || error instanceof ServiceUnavailableError) {
    process.stderr.write(`synpunkt: ${error.message}\n`);
  } else {
    process.stderr.write(
      `synpunkt: start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
