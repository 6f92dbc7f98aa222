import type { INestApplicationContext } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { AreaLoaderService } from '../directory/area-loader.service';
import { GtfsImportService } from '../directory/gtfs/gtfs-import.service';

export class UsageError extends Error {}

export interface CliOutput {
  out(line: string): void;
}

export interface CliCommand {
  usage: string;
  run(app: INestApplicationContext, args: string[], output: CliOutput): Promise<void>;
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
};
