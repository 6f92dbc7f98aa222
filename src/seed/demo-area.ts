import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Finds a file of the checkout (or image) by walking up from here: works from src/ and dist/. */
export function projectFile(relativePath: string): string {
  let directory = __dirname;
  for (;;) {
    const candidate = join(directory, relativePath);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(directory);
    if (parent === directory) throw new Error(`${relativePath} is not in this installation`);
    directory = parent;
  }
}

export const DEMO_AREA_FILE = 'area/demo-uppsala.yaml';
export const DEMO_GTFS_FEED = 'area/gtfs/ul-2021.zip';
