import { AppError, NotFoundError } from '../infra/errors/app-error';

/** INBOUND_EMAIL_SECRET is unset: the deployment receives no e-mail replies. */
export class InboundEmailDisabledError extends NotFoundError {
  static readonly CODE = 'inbound-email.disabled';
  constructor() {
    super(
      InboundEmailDisabledError.CODE,
      'Inbound e-mail is not configured on this deployment (INBOUND_EMAIL_SECRET is unset).',
    );
  }
}

/** The webhook did not carry the shared secret. */
export class InboundEmailUnauthenticatedError extends AppError {
  static readonly CODE = 'inbound-email.unauthenticated';
  readonly kind = 'unauthenticated';
  readonly code = InboundEmailUnauthenticatedError.CODE;
  constructor() {
    super('Send the shared secret as "Authorization: Bearer <INBOUND_EMAIL_SECRET>".');
  }
}
