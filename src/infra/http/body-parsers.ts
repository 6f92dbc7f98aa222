import express, { RequestHandler } from 'express';
import { InvalidInputError } from '../errors/app-error';

export class MalformedBodyError extends InvalidInputError {
  constructor(format: string) {
    super('http.malformed-body', `The request body is not valid ${format}.`, [
      { field: 'body', reason: `is not valid ${format}` },
    ]);
  }
}

/**
 * Body parsers whose parse failures are domain errors (field `body`), so the one error
 * filter answers them like any other invalid input instead of echoing parser internals.
 */
const bodiesRead = new WeakSet<object>();

export function bodyParsers(
  limitBytes: number,
  larger: Array<{ method: string; path: string; limitBytes: number }> = [],
): RequestHandler[] {
  const parsers: Array<[RequestHandler, string]> = [
    // A route that takes photos inline gets a larger JSON limit; every other route keeps
    // the small one.
    ...larger.map(({ method, path, limitBytes: routeLimit }): [RequestHandler, string] => {
      const parse = express.json({ limit: routeLimit });
      return [
        (request, response, next) =>
          request.method === method && request.path === path
            ? parse(request, response, next)
            : next(),
        'JSON',
      ];
    }),
    [express.json({ limit: limitBytes }), 'JSON'],
    [express.urlencoded({ limit: limitBytes, extended: false }), 'form data'],
  ];
  return parsers.map(([parse, format]): RequestHandler => (request, response, next) => {
    // body-parser's own "already read" check looks at the stream, which can still seem
    // readable just after a large body was read; a second parser then fails with a 500.
    if (bodiesRead.has(request)) return next();
    parse(request, response, (error?: unknown) => {
      const parseFailed = (error as { type?: string } | undefined)?.type === 'entity.parse.failed';
      if (!error && request.body !== undefined) bodiesRead.add(request);
      next(parseFailed ? new MalformedBodyError(format) : error);
    });
  });
}
