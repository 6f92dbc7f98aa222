import { Injectable } from '@nestjs/common';
import type Handlebars from 'handlebars';
import { join } from 'node:path';
import { handlebarsViews } from '../infra/views/handlebars-views';
import { feedbackViewsDir } from './feedback-paths';

export const PAGE_TEMPLATES = ['form', 'receipt', 'message'] as const;
export type PageTemplate = (typeof PAGE_TEMPLATES)[number];

/**
 * The form's Handlebars templates, read and compiled once at start-up. Strict mode makes
 * a misspelt name in a template an error (tests render every page) instead of a blank.
 */
@Injectable()
export class FeedbackViews {
  private readonly templates: Record<PageTemplate, Handlebars.TemplateDelegate>;

  constructor() {
    const directory = feedbackViewsDir();
    const { handlebars, read } = handlebarsViews(directory);
    const compile = (page: PageTemplate) =>
      handlebars.compile(read(join(directory, `${page}.hbs`)), {
        strict: true,
        // Indenting a partial's lines would also indent the lines of a kept textarea value.
        preventIndent: true,
      });
    this.templates = {
      form: compile('form'),
      receipt: compile('receipt'),
      message: compile('message'),
    };
  }

  render(page: PageTemplate, model: object): string {
    return this.templates[page](model);
  }
}
