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
export function bodyParsers(limitBytes: number): RequestHandler[] {
  const parsers: Array<[RequestHandler, string]> = [
    [express.json({ limit: limitBytes }), 'JSON'],
    [express.urlencoded({ limit: limitBytes, extended: false }), 'form data'],
  ];
  return parsers.map(
    ([parse, format]): RequestHandler =>
      (request, response, next) =>
        parse(request, response, (error?: unknown) => {
          const parseFailed =
            (error as { type?: string } | undefined)?.type === 'entity.parse.failed';
          next(parseFailed ? new MalformedBodyError(format) : error);
        }),
  );
}
