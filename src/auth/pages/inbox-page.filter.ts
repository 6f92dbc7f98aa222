import { ArgumentsHost, Catch, ExceptionFilter, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ProblemDetailsFilter } from '../../infra/http/problem-details.filter';
import type { ProblemDetails } from '../../infra/http/problem-details';
import { CsrfTokenError, ResetLinkInvalidError, UnauthenticatedError } from '../auth.errors';
import { InboxPages, languageOf, SIGN_IN_PATH, withLanguage } from './inbox-pages';
import type { MessagePage } from './inbox-texts';
import { sendPage } from './inbox-forms';

function pageFor(problem: ProblemDetails): MessagePage {
  if (problem.code === CsrfTokenError.CODE) return 'csrf';
  if (problem.code === ResetLinkInvalidError.CODE) return 'resetInvalid';
  switch (problem.status) {
    case 403:
      return 'forbidden';
    case 404:
      return 'notFound';
    case 429:
      return 'rateLimited';
    default:
      return problem.status >= 500 ? 'internal' : 'badRequest';
  }
}

/**
 * Errors of the inbox's pages as pages: a browser that is not signed in is sent to the
 * sign-in page, anything else gets a page in the inbox's layout with the right status.
 * Clients that ask for JSON get the problem details every other route answers with.
 */
@Catch()
@Injectable()
export class InboxPageFilter implements ExceptionFilter {
  private readonly problems = new ProblemDetailsFilter();

  constructor(private readonly pages: InboxPages) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent || request.accepts(['html', 'json']) !== 'html') {
      this.problems.catch(exception, host);
      return;
    }
    const language = languageOf(request, request.query?.lang);
    if (exception instanceof UnauthenticatedError) {
      const lang = typeof request.query?.lang === 'string' ? language : null;
      response.redirect(303, lang ? withLanguage(SIGN_IN_PATH, lang) : SIGN_IN_PATH);
      return;
    }
    // toProblem logs an unexpected error with its id, as the global filter would.
    const problem = this.problems.toProblem(exception, request);
    if (problem.status === 429 && !response.getHeader('Retry-After'))
      response.setHeader('Retry-After', '60');
    sendPage(
      response,
      problem.status,
      this.pages.message(language, pageFor(problem), problem.errorId ?? null),
    );
  }
}
