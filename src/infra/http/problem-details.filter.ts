import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Inject,
  Logger,
  Optional,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { AppError, ErrorKind } from '../errors/app-error';
import { problem, PROBLEM_CONTENT_TYPE, ProblemDetails } from './problem-details';

export function statusOf(kind: ErrorKind): number {
  switch (kind) {
    case 'invalid-input':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'not-found':
      return 404;
    case 'conflict':
      return 409;
    case 'rate-limited':
      return 429;
    case 'unavailable':
      return 503;
  }
}

/** Errors from body-parser and other http-errors style middleware: safe to show when `expose`. */
interface HttpStyleError {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  type?: string;
  message?: string;
}

function fromHttpStyleError(error: HttpStyleError): ProblemDetails | null {
  const status = error.status ?? error.statusCode;
  if (!status || status < 400 || status >= 500 || error.expose === false) return null;
  switch (error.type) {
    case 'entity.too.large':
      return problem(413, {
        code: 'http.body-too-large',
        detail: 'The request body is larger than this endpoint accepts.',
        errors: [{ field: 'body', reason: 'is too large' }],
      });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return problem(415, { code: 'http.unsupported-encoding', detail: error.message });
    default:
      return problem(status, { code: 'http.error', detail: error.message });
  }
}

/**
 * Error pages for routes that browsers visit (the traveller's web form). The module that
 * serves such pages provides this; the filter asks it first and answers everything it
 * declines with problem details.
 */
export interface HtmlErrorPages {
  /** The page for this error, or null when the request is not for one of its pages or wants JSON. */
  render(request: Request, problem: ProblemDetails): string | null;
}
export const HTML_ERROR_PAGES = Symbol('HTML_ERROR_PAGES');

/**
 * The one place errors become HTTP responses: domain errors by kind, framework and
 * parser errors by status, anything else a 500 with an id to find its log line.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(
    @Optional() @Inject(HTML_ERROR_PAGES) private readonly htmlPages: HtmlErrorPages | null = null,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request>();
    const response = context.getResponse<Response>();
    if (exception instanceof ServiceUnavailableException && !response.headersSent) {
      // Readiness (terminus) says which dependency is down in its own body; probes read it.
      response.status(503).json(exception.getResponse());
      return;
    }
    const body = this.toProblem(exception, request);
    if (response.headersSent) return;
    // A guard that knows the real wait has said it already; otherwise a minute is the intake window.
    if (exception instanceof ThrottlerException && !response.getHeader('Retry-After'))
      response.setHeader('Retry-After', '60');
    const page = this.htmlPage(request, body);
    if (page !== null) {
      response.status(body.status).type('html').send(page);
      return;
    }
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  private htmlPage(request: Request, body: ProblemDetails): string | null {
    try {
      return this.htmlPages?.render(request, body) ?? null;
    } catch (error) {
      // A broken page must not hide the error it was meant to show.
      this.logger.error({ err: error }, 'error page failed; answering with problem details');
      return null;
    }
  }

  toProblem(exception: unknown, request: Request): ProblemDetails {
    const instance = request.originalUrl?.split('?')[0];
    if (exception instanceof AppError) {
      return problem(statusOf(exception.kind), {
        code: exception.code,
        detail: exception.message,
        instance,
        ...(exception.fieldErrors.length ? { errors: exception.fieldErrors } : {}),
      });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status < 500) {
        return problem(status, {
          code: `http.${status}`,
          detail: status === 404 ? `No route ${request.method} ${instance}` : exception.message,
          instance,
        });
      }
    }
    const httpStyle = fromHttpStyleError(exception as HttpStyleError);
    if (httpStyle) return { ...httpStyle, instance };

    const errorId = randomUUID();
    this.logger.error({ errorId, err: loggableError(exception) }, 'unhandled error');
    return problem(500, {
      code: 'internal',
      detail: 'Something went wrong on our side. Quote the error id if you contact us.',
      errorId,
      instance,
    });
  }
}

/**
 * What of an unexpected error may be logged: its kind, message and stack, and a database
 * error's SQLSTATE. Never a failed query's parameters or the row it quotes ("Failing row
 * contains …"): those hold travellers' names, numbers and free text.
 */
export function loggableError(exception: unknown): Record<string, unknown> {
  if (!(exception instanceof Error)) return { type: typeof exception };
  const code =
    (exception as { code?: unknown; driverError?: { code?: unknown } }).driverError?.code ??
    (exception as { code?: unknown }).code;
  const isDatabaseError = exception.name === 'QueryFailedError' || typeof code === 'string';
  return {
    type: exception.name,
    ...(typeof code === 'string' ? { code } : {}),
    // A database message can quote values ("Key (email)=(…) already exists"); its code says enough.
    message: isDatabaseError ? 'database error' : exception.message,
    stack: exception.stack?.split('\n').slice(1, 8).join('\n'),
  };
}
