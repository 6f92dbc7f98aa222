import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, InvalidInputError } from '../errors/app-error';

function reasonOf(constraint: string, message: string, property: string): string {
  if (constraint === 'whitelistValidation') return 'is not a known field';
  // class-validator starts messages with the property name; the field says that already.
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}

/** Flattens class-validator's nested errors into `field.path: reason` pairs. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    // class-validator lists constraints last-declared first; the first declared (the type
    // check) is the one to report, since the others follow from it.
    const [first] = Object.entries(error.constraints ?? {}).reverse();
    const own = first ? [{ field, reason: reasonOf(first[0], first[1], error.property) }] : [];
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/** Whitelisting validation: unknown fields are refused, not silently dropped. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new InvalidInputError(
        'validation.failed',
        'The request has invalid fields.',
        toFieldErrors(errors),
      ),
  });
}
