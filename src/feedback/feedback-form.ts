import { CASE_KINDS, DESCRIPTION_MAX_LENGTH, REPLY_CHANNELS } from '../cases/case.model';
import type { CaseKind, ReplyChannel } from '../cases/case.model';
import type { FieldError } from '../infra/errors/app-error';
import { toE164 } from '../intake/phone-number';
import { isCalendarDate, zonedDateTimeToInstant } from './local-time';

/** The form's inputs as the browser names them (and as their ids start). */
export const FORM_FIELDS = [
  'kind',
  'category',
  'description',
  'line',
  'stop',
  'date',
  'time',
  'vehicle',
  'name',
  'email',
  'phone',
  'replyChannel',
  'photos',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** What the traveller typed, kept as text so that a page with errors shows it again. */
export type FormValues = Record<Exclude<FormField, 'photos'>, string>;

/** Each message the form can show; every language's dictionary has all of them. */
export const FORM_ERROR_KEYS = [
  'kind.missing',
  'category.unknown',
  'description.missing',
  'description.tooLong',
  'line.tooLong',
  'stop.tooLong',
  'date.invalid',
  'date.missing',
  'date.future',
  'time.invalid',
  'time.missing',
  'vehicle.tooLong',
  'name.tooLong',
  'email.invalid',
  'email.needed',
  'phone.invalid',
  'phone.needed',
  'replyChannel.invalid',
  'photos.notImage',
  'photos.tooLarge',
  'photos.tooMany',
  'form.invalid',
] as const;
export type FormErrorKey = (typeof FORM_ERROR_KEYS)[number];

export interface FormError {
  /** The input it belongs to; null for what no single input explains. */
  field: FormField | null;
  key: FormErrorKey;
}

const MAX_LENGTHS = {
  description: DESCRIPTION_MAX_LENGTH,
  line: 100,
  stop: 200,
  vehicle: 32,
  name: 200,
  email: 254,
  phone: 32,
} as const satisfies Partial<Record<FormField, number>>;
const TOO_LONG: Record<keyof typeof MAX_LENGTHS, FormErrorKey> = {
  description: 'description.tooLong',
  line: 'line.tooLong',
  stop: 'stop.tooLong',
  vehicle: 'vehicle.tooLong',
  name: 'name.tooLong',
  // Nobody's address or number is that long: it is not one.
  email: 'email.invalid',
  phone: 'phone.invalid',
};
export const FIELD_MAX_LENGTHS: Readonly<Partial<Record<FormField, number>>> = MAX_LENGTHS;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^(\d{1,2})[:.](\d{2})(?::\d{2})?$/;

export function emptyFormValues(): FormValues {
  return {
    kind: '',
    category: '',
    description: '',
    line: '',
    stop: '',
    date: '',
    time: '',
    vehicle: '',
    name: '',
    email: '',
    phone: '',
    replyChannel: '',
  };
}

/** The posted fields as text: the first value of each, trimmed, with the browser's CRLF made LF. */
export function readFormValues(body: Record<string, unknown>): FormValues {
  const values = emptyFormValues();
  for (const field of Object.keys(values) as Array<keyof FormValues>) {
    const raw = body[field];
    const first: unknown = Array.isArray(raw) ? raw[0] : raw;
    values[field] = typeof first === 'string' ? first.replace(/\r\n?/g, '\n').trim() : '';
  }
  return values;
}

/** A form that passed the form's own checks, in the words of the intake. */
export interface CheckedForm {
  kind: CaseKind;
  replyChannel?: ReplyChannel;
  /** ISO 8601 instant, when a date and time were given. */
  occurredAt?: string;
}

/** The checks that belong to the form, and the intake's own said early; the intake has the last word. */
export function checkFormValues(
  values: FormValues,
  timeZone: string,
): { errors: FormError[]; checked: CheckedForm | null } {
  const errors: FormError[] = [];
  const fail = (field: FormField, key: FormErrorKey) => errors.push({ field, key });

  const kind = CASE_KINDS.find((candidate) => candidate === values.kind);
  if (!kind) fail('kind', 'kind.missing');
  if (!values.description) fail('description', 'description.missing');
  for (const [field, max] of Object.entries(MAX_LENGTHS) as Array<
    [keyof typeof TOO_LONG, number]
  >) {
    if (values[field].length > max) fail(field, TOO_LONG[field]);
  }

  const occurredAt = checkWhen(values, timeZone, fail);

  if (values.email && !EMAIL.test(values.email)) fail('email', 'email.invalid');
  // The intake normalises the number and would refuse it too, but only once the rest is
  // right; said here, the traveller sees every error at once.
  if (values.phone && values.phone.length <= MAX_LENGTHS.phone && !toE164(values.phone))
    fail('phone', 'phone.invalid');
  const replyChannel = REPLY_CHANNELS.find((candidate) => candidate === values.replyChannel);
  if (values.replyChannel && !replyChannel) fail('replyChannel', 'replyChannel.invalid');
  if (replyChannel === 'email' && !values.email) fail('email', 'email.needed');
  if (replyChannel === 'sms' && !values.phone) fail('phone', 'phone.needed');

  if (errors.length > 0 || !kind) return { errors, checked: null };
  return { errors, checked: { kind, replyChannel, occurredAt } };
}

function checkWhen(
  values: FormValues,
  timeZone: string,
  fail: (field: FormField, key: FormErrorKey) => void,
): string | undefined {
  const { date, time } = values;
  if (!date && !time) return undefined;
  const dateOk = DATE.test(date) && isCalendarDate(date);
  const clock = TIME.exec(time);
  const timeOk = clock !== null && Number(clock[1]) < 24 && Number(clock[2]) < 60;
  if (date && !dateOk) fail('date', 'date.invalid');
  if (time && !timeOk) fail('time', 'time.invalid');
  if (!date) fail('date', 'date.missing');
  // A guessed hour would be stored as if the traveller had said it; ask for one instead.
  if (!time) fail('time', 'time.missing');
  if (!dateOk || !timeOk) return undefined;
  return zonedDateTimeToInstant(date, `${clock[1]}:${clock[2]}`, timeZone).toISOString();
}

/** The intake's reasons, as the form's fields and messages. */
export function fromIntakeErrors(fieldErrors: FieldError[]): FormError[] {
  return fieldErrors.map(({ field, reason }): FormError => {
    switch (field) {
      case 'description':
        return { field: 'description', key: 'description.missing' };
      case 'occurredAt':
        return { field: 'date', key: /future/.test(reason) ? 'date.future' : 'date.invalid' };
      case 'contact.phone':
        return { field: 'phone', key: /needed/.test(reason) ? 'phone.needed' : 'phone.invalid' };
      case 'contact.email':
        return { field: 'email', key: /needed/.test(reason) ? 'email.needed' : 'email.invalid' };
      case 'category':
        return { field: 'category', key: 'category.unknown' };
      default:
        return { field: null, key: 'form.invalid' };
    }
  });
}
