import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { HtmlErrorPages } from '../infra/http/problem-details.filter';
import type { ProblemDetails } from '../infra/http/problem-details';
import { FormExpiredError } from './feedback.errors';
import { FeedbackPages } from './feedback-pages';
import type { MessagePage } from './i18n/feedback-texts';
import { pickLanguage } from './i18n/language';

/** A browser on one of the form's pages; the suggestion list and JSON clients get problem details. */
function isFormPageRequest(request: Request): boolean {
  const path = request.path;
  if (path !== '/feedback' && !path.startsWith('/feedback/')) return false;
  if (path === '/feedback/suggest' || path.startsWith('/feedback/suggest/')) return false;
  return request.accepts(['html', 'json']) === 'html';
}

function pageFor(problem: ProblemDetails): MessagePage {
  if (problem.code === FormExpiredError.CODE) return 'expired';
  switch (problem.status) {
    case 404:
      return 'notFound';
    case 413:
      return 'tooLarge';
    case 429:
      return 'rateLimited';
    default:
      return problem.status >= 500 ? 'internal' : 'badRequest';
  }
}

/**
 * The form's errors as pages in the form's layout and language: what went wrong before
 * the controller could answer (an expired form, too large a post, too many posts).
 */
@Injectable()
export class FeedbackErrorPages implements HtmlErrorPages {
  constructor(private readonly pages: FeedbackPages) {}

  render(request: Request, problem: ProblemDetails): string | null {
    if (!isFormPageRequest(request)) return null;
    const language = pickLanguage(request.query?.lang, request.headers['accept-language']);
    return this.pages.message(language, pageFor(problem), problem.errorId ?? null);
  }
}
