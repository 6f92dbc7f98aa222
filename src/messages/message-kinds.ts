import { LANGUAGES, type Language } from '../cases/case.model';

export type { Language };

/** The messages the system writes by itself, each from a template an area may override. */
export const MESSAGE_KINDS = [
  'acknowledgement',
  'urgent-alert',
  'deadline-warning',
  'deadline-breach',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** The languages a message is written in: the case languages. */
export const MESSAGE_LANGUAGES = LANGUAGES;

/** `subject` and `text` make the e-mail, `sms` is the SMS body; every kind has all three. */
export const MESSAGE_PARTS = ['subject', 'text', 'sms'] as const;
export type MessagePart = (typeof MESSAGE_PARTS)[number];

/** To the traveller when a case arrives. */
export interface AcknowledgementValues {
  /** The case reference, e.g. SP-2026-000123. */
  reference: string;
  /** The party that handles the case. */
  organisation: string;
  /** When a person answers at the latest, preformatted ("i morgon kl. 08:00"); empty when unknown. */
  answerBy: string;
  /** Whether the handling party is open right now. */
  openNow: boolean;
  /** The category's label; may be empty. */
  category: string;
  /** Where the traveller can follow the case. */
  statusUrl: string;
}

/** To a party's on-call contact, day and night. */
export interface UrgentAlertValues {
  reference: string;
  organisation: string;
  category: string;
  /** May be empty. */
  line: string;
  /** May be empty. */
  stop: string;
  /** Preformatted; may be empty. */
  occurredAt: string;
  /** The traveller's text, already shortened by the caller. */
  description: string;
  caseUrl: string;
}

/** To the responsible party when a deadline draws near or has passed. */
export interface DeadlineValues {
  reference: string;
  organisation: string;
  /** The deadline's label, from `clockLabel`. */
  clock: string;
  /** Preformatted. */
  dueAt: string;
  caseUrl: string;
}

/** The values each kind is rendered with. */
export interface MessageValues {
  acknowledgement: AcknowledgementValues;
  'urgent-alert': UrgentAlertValues;
  'deadline-warning': DeadlineValues;
  'deadline-breach': DeadlineValues;
}

/** The placeholders a template of each kind may use: exactly the keys of its values. */
export const MESSAGE_VARIABLES: {
  readonly [K in MessageKind]: readonly (keyof MessageValues[K] & string)[];
} = {
  acknowledgement: ['reference', 'organisation', 'answerBy', 'openNow', 'category', 'statusUrl'],
  'urgent-alert': [
    'reference',
    'organisation',
    'category',
    'line',
    'stop',
    'occurredAt',
    'description',
    'caseUrl',
  ],
  'deadline-warning': ['reference', 'organisation', 'clock', 'dueAt', 'caseUrl'],
  'deadline-breach': ['reference', 'organisation', 'clock', 'dueAt', 'caseUrl'],
};

/** The deadlines a warning or breach can be about (the same words as the case clocks). */
export const MESSAGE_CLOCKS = [
  'first-response',
  'resolution',
  'legal-reply',
  'legal-final',
] as const;
export type MessageClock = (typeof MESSAGE_CLOCKS)[number];

const CLOCK_LABELS: Readonly<Record<MessageClock, Readonly<Record<Language, string>>>> = {
  'first-response': { sv: 'första svar', en: 'first response' },
  resolution: { sv: 'avslut', en: 'resolution' },
  'legal-reply': {
    sv: 'lagstadgat besked inom en månad',
    en: 'legal reply within one month',
  },
  'legal-final': {
    sv: 'lagstadgat slutligt svar inom tre månader',
    en: 'legal final answer within three months',
  },
};

/** The `clock` value for a deadline message, in lower case to sit inside a sentence. */
export function clockLabel(clock: MessageClock, language: Language): string {
  return CLOCK_LABELS[clock][language];
}
