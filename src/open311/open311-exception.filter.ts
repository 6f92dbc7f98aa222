import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { ErrorRequestHandler, Request, Response } from 'express';
import { ProblemDetailsFilter } from '../infra/http/problem-details.filter';
import type { ProblemDetails } from '../infra/http/problem-details';
import { CONTENT_TYPES, formatOfPath, renderOpen311 } from './open311-format';
import type { Open311Error } from './open311.model';

const THROTTLER_RETRY_HEADER = 'Retry-After-intake';

/**
 * Renders every error under /open311 as GeoReport v2's error list (`<errors><error>` or
 * `[{code, description}]`) instead of problem details. Which status an error has is
 * still decided in one place, the problem-details mapping; only the body differs.
 */
@Catch()
export class Open311ExceptionFilter implements ExceptionFilter {
  private readonly problems = new ProblemDetailsFilter();

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    sendOpen311Error(
      this.problems,
      exception,
      context.getRequest<Request>(),
      context.getResponse<Response>(),
    );
  }
}

/**
 * The same rendering for errors raised before routing (a body that does not parse, one
 * that is too large), which no controller-scoped filter sees.
 */
export function open311ErrorMiddleware(): ErrorRequestHandler {
  const problems = new ProblemDetailsFilter();
  return (error: unknown, request, response, next) => {
    if (response.headersSent) return next(error);
    sendOpen311Error(problems, error, request, response);
  };
}

function sendOpen311Error(
  problems: ProblemDetailsFilter,
  exception: unknown,
  request: Request,
  response: Response,
): void {
  if (response.headersSent) return;
  const { status, errors } = open311ErrorsOf(problems.toProblem(exception, request));
  if (status === 429 && !response.getHeader('Retry-After')) {
    // The throttler puts the real wait in a header named after it; clients read Retry-After.
    const wait = response.getHeader(THROTTLER_RETRY_HEADER);
    response.setHeader('Retry-After', wait === undefined ? '60' : String(wait));
  }
  // The spec's required format is XML; an error on a URL without a known extension gets it.
  const format = formatOfPath(request.originalUrl ?? request.url) ?? 'xml';
  response
    .status(status)
    .type(CONTENT_TYPES[format])
    .send(renderOpen311(format, 'errors', errors));
}

/** The spec's error list for a problem, one entry per wrong field, and its HTTP status. */
export function open311ErrorsOf(problem: ProblemDetails): {
  status: number;
  errors: Open311Error[];
} {
  const { status } = problem;
  if (status >= 500) {
    // "400 - General Service Error (Any failure during create request processing, eg CRM is
    // down. Client will need to notify us)": the body keeps the real code and the error id.
    const id = problem.errorId ? ` Quote ${problem.errorId} if you contact us.` : '';
    return {
      status: 400,
      errors: [{ code: status, description: `General service error; try again later.${id}` }],
    };
  }
  if (problem.errors?.length) {
    return {
      status,
      errors: problem.errors.map((error) => ({
        code: status,
        description: `${error.field} ${error.reason}`,
      })),
    };
  }
  const description =
    status === 429
      ? 'Too many requests from this address; try again later.'
      : (problem.detail ?? problem.title);
  return { status, errors: [{ code: status, description }] };
}
