import {
  checkFormValues,
  emptyFormValues,
  fromIntakeErrors,
  readFormValues,
} from './feedback-form';
import type { FormValues } from './feedback-form';

const ZONE = 'Europe/Stockholm';
const filled = (values: Partial<FormValues>): FormValues => ({
  ...emptyFormValues(),
  kind: 'complaint',
  description: 'Bussen kom aldrig.',
  ...values,
});

describe(readFormValues.name, () => {
  it('takes the first value of each field, trimmed, with CRLF made LF, and ignores the rest', () => {
    expect(
      readFormValues({
        description: '  rad ett\r\nrad två  ',
        line: ['4', '5'],
        phone: 46701234567,
        token: 'not a field of the report',
      }),
    ).toEqual({ ...emptyFormValues(), description: 'rad ett\nrad två', line: '4' });
  });
});

describe(checkFormValues.name, () => {
  it('passes a minimal report and reads date and time in the area zone', () => {
    expect(checkFormValues(filled({}), ZONE)).toEqual({
      errors: [],
      checked: { kind: 'complaint', replyChannel: undefined, occurredAt: undefined },
    });
    const { checked } = checkFormValues(filled({ date: '2026-01-15', time: '7.45' }), ZONE);
    expect(checked?.occurredAt).toBe('2026-01-15T06:45:00.000Z');
  });

  it('names every mistake at once', () => {
    const { errors, checked } = checkFormValues(
      {
        ...emptyFormValues(),
        kind: 'rant',
        line: '4'.repeat(101),
        date: '2026-02-30',
        time: '25:00',
        email: 'anna@',
        phone: 'ring mig',
        replyChannel: 'fax',
      },
      ZONE,
    );
    expect(checked).toBeNull();
    expect(errors).toEqual([
      { field: 'kind', key: 'kind.missing' },
      { field: 'description', key: 'description.missing' },
      { field: 'line', key: 'line.tooLong' },
      { field: 'date', key: 'date.invalid' },
      { field: 'time', key: 'time.invalid' },
      { field: 'email', key: 'email.invalid' },
      { field: 'phone', key: 'phone.invalid' },
      { field: 'replyChannel', key: 'replyChannel.invalid' },
    ]);
  });

  it('asks for the other half of a date and time, and for the address a reply needs', () => {
    expect(checkFormValues(filled({ date: '2026-01-15' }), ZONE).errors).toEqual([
      { field: 'time', key: 'time.missing' },
    ]);
    expect(checkFormValues(filled({ time: '07:45' }), ZONE).errors).toEqual([
      { field: 'date', key: 'date.missing' },
    ]);
    expect(checkFormValues(filled({ replyChannel: 'email' }), ZONE).errors).toEqual([
      { field: 'email', key: 'email.needed' },
    ]);
    expect(checkFormValues(filled({ replyChannel: 'sms' }), ZONE).errors).toEqual([
      { field: 'phone', key: 'phone.needed' },
    ]);
  });
});

describe(fromIntakeErrors.name, () => {
  it("puts the intake's reasons on the form's fields", () => {
    expect(
      fromIntakeErrors([
        { field: 'occurredAt', reason: 'is in the future' },
        { field: 'contact.phone', reason: 'is not a phone number' },
        { field: 'contact.email', reason: 'is needed for a reply by e-mail' },
        { field: 'category', reason: 'is not a category of this area' },
        { field: 'mode', reason: 'must be one of bus, rail' },
      ]),
    ).toEqual([
      { field: 'date', key: 'date.future' },
      { field: 'phone', key: 'phone.invalid' },
      { field: 'email', key: 'email.needed' },
      { field: 'category', key: 'category.unknown' },
      { field: null, key: 'form.invalid' },
    ]);
  });
});
