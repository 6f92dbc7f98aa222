import { toE164 } from './phone-number';

describe(toE164.name, () => {
  it.each([
    ['070-123 45 67', '+46701234567'],
    ['0701234567', '+46701234567'],
    ['+46 70 123 45 67', '+46701234567'],
    ['0046701234567', '+46701234567'],
    ['+4791234567', '+4791234567'],
  ])('normalises %s to %s', (input, expected) => {
    expect(toE164(input)).toBe(expected);
  });

  it.each(['12', 'ring mig', '070-12'])('refuses %s', (input) => {
    expect(toE164(input)).toBeNull();
  });
});
