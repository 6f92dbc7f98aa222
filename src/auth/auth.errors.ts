import {
  AppError,
  ConflictError,
  FieldError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
} from '../infra/errors/app-error';

/** No valid session or API token came with a request that needs one. */
export class UnauthenticatedError extends AppError {
  readonly kind = 'unauthenticated';
  readonly code = 'auth.required';
  constructor() {
    super('Sign in first.');
  }
}

/**
 * A sign-in that did not succeed, for whatever reason: unknown address, wrong password,
 * a locked or disabled account. One message for all, so it tells an attacker nothing.
 */
export class SignInFailedError extends AppError {
  static readonly CODE = 'auth.sign-in-failed';
  readonly kind = 'unauthenticated';
  readonly code = SignInFailedError.CODE;
  constructor() {
    super('Wrong e-mail address or password.');
  }
}

/** The post did not carry a CSRF token this browser was given: nothing was done. */
export class CsrfTokenError extends ForbiddenError {
  static readonly CODE = 'auth.csrf';
  constructor() {
    super(CsrfTokenError.CODE, 'The form has expired or was not served to this browser.');
  }
}

export class CrossSiteRequestError extends ForbiddenError {
  constructor() {
    super('auth.cross-site', 'A signed-in browser may not change anything from another site.');
  }
}

/** The principal's role does not allow this route. */
export class RoleForbiddenError extends ForbiddenError {
  constructor() {
    super('auth.forbidden', 'Your role does not allow this.');
  }
}

export class SessionRequiredError extends ForbiddenError {
  constructor() {
    super('auth.session-required', 'API tokens are made by a signed-in person, not by a token.');
  }
}

export class AccountInvalidError extends InvalidInputError {
  constructor(problems: FieldError[]) {
    super('auth.account-invalid', 'The account has invalid fields.', problems);
  }
}

export class EmailTakenError extends ConflictError {
  constructor() {
    super('auth.email-taken', 'An account with this e-mail address exists already.');
  }
}

export class UnknownUserError extends NotFoundError {
  constructor() {
    super('auth.user-not-found', 'No account has this e-mail address.');
  }
}

/** A reset link that is unknown, used or expired: all look the same. */
export class ResetLinkInvalidError extends InvalidInputError {
  static readonly CODE = 'auth.reset-link-invalid';
  constructor() {
    super(ResetLinkInvalidError.CODE, 'The link has been used or has expired.');
  }
}

export class ApiTokenNotFoundError extends NotFoundError {
  constructor() {
    super('auth.api-token-not-found', 'You have no API token with this id.');
  }
}
