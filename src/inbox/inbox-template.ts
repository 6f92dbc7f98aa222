import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { inboxViewsDir } from '../auth/pages/inbox-views';
import { projectFile } from '../infra/runtime/project-file';

/**
 * Compiles one of the inbox's page templates with the sign-in pages' layout and partials,
 * so that every signed-in page looks like one place. An isolated Handlebars environment,
 * strict: a misspelt value is an error, not an empty string.
 */
export function compileInboxTemplate(view: string): Handlebars.TemplateDelegate {
  const handlebars = Handlebars.create();
  const partials = join(inboxViewsDir(), 'partials');
  for (const file of readdirSync(partials).filter((name) => name.endsWith('.hbs')))
    handlebars.registerPartial(basename(file, '.hbs'), readFileSync(join(partials, file), 'utf8'));
  const source = readFileSync(projectFile(`src/inbox/views/${view}.hbs`), 'utf8');
  return handlebars.compile(source, { strict: true });
}
