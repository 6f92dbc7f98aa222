import { ForbiddenError, NotFoundError } from '../infra/errors/app-error';

/** The post did not carry a token this browser was given in the last hours: not stored. */
export class FormExpiredError extends ForbiddenError {
  static readonly CODE = 'feedback.form-expired';
  constructor() {
    super(FormExpiredError.CODE, 'The form has expired or was not served to this browser.');
  }
}

/** A receipt address whose token does not prove the reference: as if there were none. */
export class ReceiptNotFoundError extends NotFoundError {
  constructor() {
    super('feedback.receipt-not-found', 'No such receipt.');
  }
}
