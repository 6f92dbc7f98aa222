import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Finds a file or folder of the installation by walking up from here, so that the same
 * code finds it when run from src/ (ts-node) and from dist/src/ (compiled): area files,
 * templates and assets stay where they are in the checkout or image.
 */
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
