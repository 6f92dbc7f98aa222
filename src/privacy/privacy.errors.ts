import { FieldError, ForbiddenError, InvalidInputError } from '../infra/errors/app-error';

/** A request about a traveller that names nobody, or names them in a form we cannot read. */
export class PersonalDataRequestInvalidError extends InvalidInputError {
  static readonly CODE = 'privacy.request-invalid';
  constructor(errors: FieldError[]) {
    super(PersonalDataRequestInvalidError.CODE, 'Name the traveller to look for.', errors);
  }
}

/** Only the authority answers for travellers' data across every operator. */
export class PersonalDataForbiddenError extends ForbiddenError {
  static readonly CODE = 'privacy.authority-only';
  constructor() {
    super(PersonalDataForbiddenError.CODE, "Only the authority's administrators handle this.");
  }
}
