import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { projectFile } from '../../infra/runtime/project-file';

export const INBOX_TEMPLATES = ['sign-in', 'forgot-password', 'reset-password', 'message'] as const;
export type InboxTemplate = (typeof INBOX_TEMPLATES)[number];

// Templates stay in src/ (the build copies no files); the Docker image carries them.
export function inboxViewsDir(): string {
  return projectFile('src/auth/views');
}

/** The sign-in pages' Handlebars templates, compiled once at start-up in strict mode. */
@Injectable()
export class InboxViews {
  private readonly templates: Record<InboxTemplate, Handlebars.TemplateDelegate>;

  constructor() {
    const directory = inboxViewsDir();
    const handlebars = Handlebars.create();
    const read = (file: string) => {
      const source = readFileSync(file, 'utf8');
      // A broken template stops the start-up, not someone's sign-in.
      handlebars.parse(source);
      return source;
    };
    const partials = join(directory, 'partials');
    for (const file of readdirSync(partials).filter((name) => name.endsWith('.hbs')))
      handlebars.registerPartial(basename(file, '.hbs'), read(join(partials, file)));
    this.templates = Object.fromEntries(
      INBOX_TEMPLATES.map((page) => [
        page,
        handlebars.compile(read(join(directory, `${page}.hbs`)), { strict: true }),
      ]),
    ) as Record<InboxTemplate, Handlebars.TemplateDelegate>;
  }

  render(page: InboxTemplate, model: object): string {
    return this.templates[page](model);
  }
}
