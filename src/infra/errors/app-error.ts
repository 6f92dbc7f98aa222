/** One field that was wrong and why, as the problem-details body lists them. */
export interface FieldError {
  field: string;
  reason: string;
}

export const ERROR_KINDS = [
  'invalid-input',
  'not-found',
  'conflict',
  'forbidden',
  'unauthenticated',
  'rate-limited',
  'unavailable',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/**
 * The base of every domain error. Services throw these (not HTTP exceptions) because
 * workers and the CLI call them too; one filter maps them to HTTP.
 */
export abstract class AppError extends Error {
  abstract readonly kind: ErrorKind;
  /** A stable code per module, e.g. `cases.not-found`. */
  abstract readonly code: string;

  constructor(
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidInputError extends AppError {
  readonly kind = 'invalid-input';
  constructor(
    readonly code: string,
    message: string,
    fieldErrors: FieldError[] = [],
  ) {
    super(message, fieldErrors);
  }
}

export class NotFoundError extends AppError {
  readonly kind = 'not-found';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class ConflictError extends AppError {
  readonly kind = 'conflict';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class ForbiddenError extends AppError {
  readonly kind = 'forbidden';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
