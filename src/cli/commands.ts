import type { INestApplicationContext } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { AccountsService } from '../auth/accounts.service';
import { AreaLoaderService } from '../directory/area-loader.service';
import { GtfsImportService } from '../directory/gtfs/gtfs-import.service';
import { CLOCK } from '../infra/clock/clock';
import type { Clock } from '../infra/clock/clock';
import { AnonymisationService } from '../privacy/anonymisation.service';
import { RidershipService, summaryLine } from '../ridership/ridership.service';

export class UsageError extends Error {}

export interface CliOutput {
  out(line: string): void;
}

export interface CliCommand {
  usage: string;
  run(
    app: INestApplicationContext,
    args: string[],
    output: CliOutput,
    env: NodeJS.ProcessEnv,
  ): Promise<void>;
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

/**
 * A new account's password: SYNPUNKT_ADMIN_PASSWORD when set, otherwise a generated one
 * that is printed this once (and never logged).
 */
async function createAccount(
  app: INestApplicationContext,
  account: { organisationCode: string; email: string; name: string; role: string },
  output: CliOutput,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const accounts = app.get(AccountsService);
  const given = env.SYNPUNKT_ADMIN_PASSWORD;
  const password = given || accounts.generatePassword();
  const created = await accounts.createUser({ ...account, password });
  output.out(`${account.role} account ${created.id} created in ${account.organisationCode}`);
  if (!given) output.out(`password (shown once, change it after signing in): ${password}`);
}

/** The administrators' commands, by name; each says its usage. */
export const COMMANDS: Record<string, CliCommand> = {
  'area:load': {
    usage: 'area:load FILE   validate an area file (YAML) and apply it in one transaction',
    async run(app, [file], output) {
      if (!file) throw new UsageError('area:load needs a FILE');
      const summary = await app.get(AreaLoaderService).loadText(await readText(file));
      output.out(
        summary.changed
          ? `area loaded: ${summary.organisations} organisations, ${summary.categories} categories, ${summary.contracts} contracts`
          : 'area unchanged: this file is already loaded',
      );
    },
  },
  'gtfs:import': {
    usage: 'gtfs:import PATH  import a GTFS feed (.zip or folder) and make it the active feed',
    async run(app, [path], output) {
      if (!path) throw new UsageError('gtfs:import needs a PATH');
      const summary = await app.get(GtfsImportService).importPath(path);
      for (const warning of summary.warnings)
        output.out(`warning: ${warning.file}:${warning.line ?? '-'}: ${warning.reason}`);
      output.out(
        `feed ${summary.version ?? '(no version)'} imported as feed ${summary.feedId}: ${summary.agencies} agencies, ` +
          `${summary.routes} routes, ${summary.stops} stops, ${summary.routeOperators} route operators, ${summary.services} services`,
      );
    },
  },
  'user:create-admin': {
    usage:
      'user:create-admin ORGANISATION_CODE EMAIL NAME   create an admin (password from SYNPUNKT_ADMIN_PASSWORD, else generated)',
    async run(app, [organisationCode, email, ...name], output, env) {
      if (!organisationCode || !email || name.length === 0)
        throw new UsageError('user:create-admin needs ORGANISATION_CODE EMAIL NAME');
      await createAccount(
        app,
        { organisationCode, email, name: name.join(' '), role: 'admin' },
        output,
        env,
      );
    },
  },
  'user:create': {
    usage:
      'user:create ORGANISATION_CODE EMAIL NAME ROLE   create a handler, supervisor, admin or forum member',
    async run(app, [organisationCode, email, ...rest], output, env) {
      const role = rest.pop();
      if (!organisationCode || !email || !role || rest.length === 0)
        throw new UsageError('user:create needs ORGANISATION_CODE EMAIL NAME ROLE');
      await createAccount(
        app,
        { organisationCode, email, name: rest.join(' '), role },
        output,
        env,
      );
    },
  },
  'user:disable': {
    usage:
      'user:disable EMAIL   disable an account: its sessions end and its API tokens stop working',
    async run(app, [email], output) {
      if (!email) throw new UsageError('user:disable needs an EMAIL');
      await app.get(AccountsService).disable(email);
      output.out('account disabled');
    },
  },
  'ridership:import': {
    usage:
      'ridership:import FILE   import boardings (CSV month,contract,line,boardings); a bad file is refused whole',
    async run(app, [file], output) {
      if (!file) throw new UsageError('ridership:import needs a FILE');
      const summary = await app.get(RidershipService).importText(await readText(file));
      output.out(summaryLine(summary));
    },
  },
  'privacy:anonymise': {
    usage:
      "privacy:anonymise   anonymise now the cases past the area file's retention (the nightly job)",
    async run(app, _args, output) {
      const summary = await app
        .get(AnonymisationService)
        .anonymiseExpired(app.get<Clock>(CLOCK).now());
      output.out(
        `${summary.cases} case(s) anonymised (retention ${summary.retentionDays} days, ${summary.batches} batch(es))`,
      );
    },
  },
};
