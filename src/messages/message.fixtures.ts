import type { MessageKind, MessageValues } from './message-kinds';

// Test builders: typical values for every kind; each test overrides what it is about.

export const SAMPLE_VALUES: { [K in MessageKind]: MessageValues[K] } = {
  acknowledgement: {
    reference: 'SP-2026-000123',
    organisation: 'Transdev Sverige AB',
    answerBy: 'i morgon kl. 08:00',
    openNow: false,
    category: 'Förseningar',
    statusUrl: 'https://synpunkt.example.se/arende/SP-2026-000123',
  },
  'urgent-alert': {
    reference: 'SP-2026-000124',
    organisation: 'Keolis Sverige AB',
    category: 'Säkerhet',
    line: '4',
    stop: 'Slussen',
    occurredAt: '2026-11-24 07:45',
    description: 'En dörr gick upp under färd mellan Slussen och Gullmarsplan.',
    caseUrl: 'https://synpunkt.example.se/inkorg/SP-2026-000124',
  },
  'deadline-warning': {
    reference: 'SP-2026-000125',
    organisation: 'Nobina Sverige AB',
    clock: 'första svar',
    dueAt: '2026-11-24 08:00',
    caseUrl: 'https://synpunkt.example.se/inkorg/SP-2026-000125',
  },
  'deadline-breach': {
    reference: 'SP-2026-000126',
    organisation: 'Nobina Sverige AB',
    clock: 'lagstadgat besked inom en månad',
    dueAt: '2026-11-24 08:00',
    caseUrl: 'https://synpunkt.example.se/inkorg/SP-2026-000126',
  },
};

export function acknowledgementValues(
  overrides: Partial<MessageValues['acknowledgement']> = {},
): MessageValues['acknowledgement'] {
  return { ...SAMPLE_VALUES.acknowledgement, ...overrides };
}
