import { Injectable } from '@nestjs/common';
import type Handlebars from 'handlebars';
import { join } from 'node:path';
import { handlebarsViews } from '../../infra/views/handlebars-views';
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
    const { handlebars, read } = handlebarsViews(directory);
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
