import { InvalidInputError } from '../infra/errors/app-error';
import type { FieldError } from '../infra/errors/app-error';

/** A view, filter or cursor of the inbox's query that is not understood; each field named. */
export class InboxQueryInvalidError extends InvalidInputError {
  static readonly CODE = 'inbox.query-invalid';
  constructor(errors: FieldError[]) {
    super(InboxQueryInvalidError.CODE, 'The inbox query is not valid.', errors);
  }
}
