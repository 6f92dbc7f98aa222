import { FieldError, InvalidInputError } from '../infra/errors/app-error';

export class IntakeRejectedError extends InvalidInputError {
  constructor(fieldErrors: FieldError[]) {
    super('intake.invalid', 'The report has invalid fields.', fieldErrors);
  }
}
