import { retentionCutoff, toDataSubject } from './data-subject';

describe(toDataSubject.name, () => {
  it('lower-cases the e-mail address and writes the phone number in E.164', () => {
    expect(toDataSubject({ email: ' Resenar@Example.SE ', phone: '070-123 45 67' })).toEqual({
      ok: true,
      subject: { email: 'resenar@example.se', phone: '+46701234567' },
    });
  });

  it('accepts either one alone', () => {
    expect(toDataSubject({ email: 'a@b.se' })).toEqual({
      ok: true,
      subject: { email: 'a@b.se', phone: null },
    });
    expect(toDataSubject({ phone: '+46701234567' })).toEqual({
      ok: true,
      subject: { email: null, phone: '+46701234567' },
    });
  });

  it('names both fields when neither is given', () => {
    const result = toDataSubject({ email: ' ', phone: '' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((error) => error.field)).toEqual(['email', 'phone']);
  });

  it('refuses a phone number it cannot read', () => {
    expect(toDataSubject({ phone: 'inte ett nummer' })).toEqual({
      ok: false,
      errors: [{ field: 'phone', reason: 'is not a phone number' }],
    });
  });
});

describe(retentionCutoff.name, () => {
  it('lies the retention period of whole days before now', () => {
    expect(retentionCutoff(new Date('2026-03-31T10:00:00Z'), 30).toISOString()).toBe(
      '2026-03-01T10:00:00.000Z',
    );
  });
});
