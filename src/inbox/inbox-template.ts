import type Handlebars from 'handlebars';
import { inboxViewsDir } from '../auth/pages/inbox-views';
import { handlebarsViews } from '../infra/views/handlebars-views';
import { projectFile } from '../infra/runtime/project-file';

/**
 * Compiles one of the inbox's page templates with the sign-in pages' layout and partials,
 * so that every signed-in page looks like one place; strict: a misspelt value is an
 * error, not an empty string.
 */
export function compileInboxTemplate(view: string): Handlebars.TemplateDelegate {
  const { handlebars, read } = handlebarsViews(inboxViewsDir());
  return handlebars.compile(read(projectFile(`src/inbox/views/${view}.hbs`)), { strict: true });
}
