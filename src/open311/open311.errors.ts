import {
  FieldError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
} from '../infra/errors/app-error';

export class Open311InvalidRequestError extends InvalidInputError {
  constructor(fieldErrors: FieldError[]) {
    super('open311.invalid', 'The request has invalid arguments.', fieldErrors);
  }
}

/** An extension other than .json or .xml: "the URL request is invalid" (400). */
export class Open311FormatError extends InvalidInputError {
  constructor(extension: string) {
    super('open311.format', `The format "${extension}" is not served; use .json or .xml.`);
  }
}

export class Open311UnknownServiceError extends NotFoundError {
  constructor(code: string) {
    super('open311.unknown-service', `No service has the service_code "${code}".`);
  }
}

export class Open311UnknownRequestError extends NotFoundError {
  constructor(id: string) {
    super('open311.unknown-request', `No service request has the id "${id}".`);
  }
}

export class Open311NoSuchResourceError extends NotFoundError {
  constructor() {
    super(
      'open311.no-such-resource',
      'No such resource. GeoReport v2 resources end in .json or .xml, e.g. /open311/v2/services.xml.',
    );
  }
}

export class Open311ApiKeyError extends ForbiddenError {
  constructor(missing: boolean) {
    super(
      'open311.api-key',
      missing
        ? 'An api_key is required to create a service request.'
        : "Invalid api_key received -- can't proceed with create_request.",
    );
  }
}
