// `npm run cli -- <command> …`: administrators' commands on the service's own configuration.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { prepareDatabase } from '../bootstrap';
import { AppError } from '../infra/errors/app-error';
import { ConfigurationError, loadConfig } from '../infra/config/app-config';
import { CliModule } from './cli.module';
import { COMMANDS, UsageError } from './commands';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

function usage(): string {
  return [
    'usage: npm run cli -- <command> [arguments]',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage}`),
  ].join('\n');
}

/** Runs one command; returns the exit code (0 done, 1 refused or failed, 2 usage). */
export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: CliIo = processIo,
): Promise<number> {
  const fail = (line: string) => io.err(line);
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    fail(name ? `unknown command ${name}\n${usage()}` : usage());
    return 2;
  }
  try {
    const config = loadConfig({ LOG_LEVEL: 'warn', ...env, SYNPUNKT_ROLE: 'api' });
    await prepareDatabase(config);
    const app = await NestFactory.createApplicationContext(CliModule.forConfig(config), {
      logger: false,
    });
    try {
      await command.run(app, args, io, env);
    } finally {
      await app.close();
    }
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      fail(`${error.message}`);
      for (const problem of error.fieldErrors) fail(`  ${problem.field}: ${problem.reason}`);
      return 1;
    }
    if (error instanceof UsageError || error instanceof ConfigurationError) {
      fail(error.message);
      return 2;
    }
    fail(`failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2), process.env).then((code) => process.exit(code));
}
