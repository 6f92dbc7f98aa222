import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Templates and assets stay in src/ (the build copies no files): walking up from here
// finds them both from src/feedback under ts-node and from dist/src/feedback.
function findUp(relativePath: string): string {
  let directory = __dirname;
  for (;;) {
    const candidate = join(directory, relativePath);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(directory);
    if (parent === directory) throw new Error(`${relativePath} is not in this installation`);
    directory = parent;
  }
}

export function feedbackViewsDir(): string {
  return findUp('src/feedback/views');
}

/** The form's CSS and JavaScript, served under /assets/. */
export function feedbackAssetsDir(): string {
  return findUp('src/feedback/assets');
}
