import { capSms, smsSegments } from './sms-text';

describe(smsSegments.name, () => {
  it('counts Swedish text as GSM-7: 160 characters in one message', () => {
    expect(
      smsSegments('Hej! Ditt ärende SP-2026-000123 är mottaget. Vänliga hälsningar, Kundtjänst'),
    ).toMatchObject({
      encoding: 'GSM-7',
      segments: 1,
    });
    expect(smsSegments('å'.repeat(160)).segments).toBe(1);
    expect(smsSegments('å'.repeat(161)).segments).toBe(2);
    expect(smsSegments('a'.repeat(306)).segments).toBe(2);
    expect(smsSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('counts extended characters twice', () => {
    expect(smsSegments('€'.repeat(80))).toMatchObject({ units: 160, segments: 1 });
    expect(smsSegments('€'.repeat(81)).segments).toBe(2);
  });

  it('falls back to UCS-2 for emoji: 70 per message, 67 per part', () => {
    expect(smsSegments('Tack 🙂')).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    expect(smsSegments('x'.repeat(69) + '🙂').segments).toBe(2);
  });
});

describe(capSms.name, () => {
  it('leaves short texts alone and cuts long ones to the segment cap with an ellipsis', () => {
    expect(capSms('Hej')).toBe('Hej');
    const capped = capSms('ord '.repeat(200), 2);
    expect(smsSegments(capped).segments).toBeLessThanOrEqual(2);
    expect(capped.endsWith('...')).toBe(true);
  });
});
