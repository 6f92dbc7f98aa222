import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
} from '../infra/errors/app-error';
import type { FieldError } from '../infra/errors/app-error';

export class PartnershipInputError extends InvalidInputError {
  constructor(problems: FieldError[]) {
    super('partnership.invalid-input', 'The request has invalid fields.', problems);
  }
}

export class PartnershipForbiddenError extends ForbiddenError {
  constructor(message: string) {
    super('partnership.forbidden', message);
  }
}

export class PartnershipNotFoundError extends NotFoundError {
  constructor(what: 'forum' | 'cycle' | 'action') {
    super(`partnership.${what}-not-found`, `No ${what} with that id is open to you.`);
  }
}

export class PartnershipConflictError extends ConflictError {
  constructor(message: string) {
    super('partnership.conflict', message);
  }
}
