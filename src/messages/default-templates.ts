import type { Language, MessageKind, MessagePart } from './message-kinds';

/** One kind's texts in one language: every part. */
export type TemplateTexts = Readonly<Record<MessagePart, string>>;

/** A full set of templates: every kind, language and part. */
export type TemplateSet = Readonly<Record<MessageKind, Readonly<Record<Language, TemplateTexts>>>>;

const lines = (...text: string[]): string => text.join('\n');

const SIGNATURE_SV = lines('Vänliga hälsningar', 'Kundtjänst');
const SIGNATURE_EN = lines('Kind regards', 'Customer service');
const AUTOMATIC_SV = 'Det här meddelandet skickas automatiskt av Synpunkt.';
const AUTOMATIC_EN = 'This message was sent automatically by Synpunkt.';

/**
 * The texts used wherever an area or organisation has not written its own. Staff messages
 * put the facts on lines of their own so that they can be read at a glance on a phone.
 */
export const DEFAULT_TEMPLATES: TemplateSet = {
  acknowledgement: {
    sv: {
      subject: 'Vi har tagit emot ditt ärende {{reference}}',
      text: lines(
        'Hej!',
        '',
        'Tack för att du hörde av dig. Vi har tagit emot ditt ärende.',
        '',
        'Ärendenummer: {{reference}}',
        '{{#if category}}',
        'Kategori: {{category}}',
        '{{/if}}',
        'Hanteras av: {{organisation}}',
        '',
        '{{#if openNow}}{{organisation}} har öppet nu, så arbetet med ditt ärende kan börja direkt.' +
          '{{else}}{{organisation}} har stängt just nu och tar upp ditt ärende när de öppnar igen.{{/if}} ' +
          '{{#if answerBy}}Du får svar av en handläggare senast {{answerBy}}.' +
          '{{else}}Du får svar av en handläggare så snart som möjligt.{{/if}}',
        '',
        'Här kan du följa ditt ärende: {{statusUrl}}',
        '',
        'Vill du lägga till något kan du svara på det här mejlet. Ange ärendenumret om du ' +
          'kontaktar oss på något annat sätt om samma sak.',
        '',
        SIGNATURE_SV,
      ),
      sms:
        'Tack! Ditt ärende {{reference}} har tagits emot och hanteras av {{organisation}}. ' +
        '{{#if answerBy}}Du får svar av en handläggare senast {{answerBy}}. {{/if}}' +
        'Svara på detta SMS om du vill lägga till något. Följ ärendet: {{statusUrl}}',
    },
    en: {
      subject: 'We have received your case {{reference}}',
      text: lines(
        'Hello,',
        '',
        'Thank you for getting in touch. We have received your case.',
        '',
        'Case number: {{reference}}',
        '{{#if category}}',
        'Category: {{category}}',
        '{{/if}}',
        'Handled by: {{organisation}}',
        '',
        '{{#if openNow}}{{organisation}} is open now, so work on your case can start right away.' +
          '{{else}}{{organisation}} is closed right now and will pick up your case when they open again.{{/if}} ' +
          '{{#if answerBy}}You will hear from a case officer {{answerBy}} at the latest.' +
          '{{else}}A case officer will get back to you as soon as possible.{{/if}}',
        '',
        'You can follow your case here: {{statusUrl}}',
        '',
        'If you want to add anything, just reply to this e-mail. Please quote the case number ' +
          'if you contact us about the same matter in another way.',
        '',
        SIGNATURE_EN,
      ),
      sms:
        'Thank you! Your case {{reference}} has been received and is handled by {{organisation}}. ' +
        '{{#if answerBy}}You will hear from a case officer {{answerBy}} at the latest. {{/if}}' +
        'Reply to this SMS to add anything. Follow your case: {{statusUrl}}',
    },
  },
  'urgent-alert': {
    sv: {
      subject: 'BRÅDSKANDE: ärende {{reference}}{{#if category}} – {{category}}{{/if}}',
      text: lines(
        'Ett brådskande ärende har kommit in till {{organisation}} och behöver hanteras nu.',
        '',
        'Ärende: {{reference}}',
        '{{#if category}}',
        'Kategori: {{category}}',
        '{{/if}}',
        '{{#if line}}',
        'Linje: {{line}}',
        '{{/if}}',
        '{{#if stop}}',
        'Hållplats: {{stop}}',
        '{{/if}}',
        '{{#if occurredAt}}',
        'Inträffade: {{occurredAt}}',
        '{{/if}}',
        '',
        'Resenärens beskrivning:',
        '{{description}}',
        '',
        'Öppna ärendet: {{caseUrl}}',
        '',
        AUTOMATIC_SV,
      ),
      sms:
        'BRÅDSKANDE: ärende {{reference}} ({{organisation}}){{#if category}}, {{category}}{{/if}}' +
        '{{#if line}}, linje {{line}}{{/if}}{{#if stop}}, hållplats {{stop}}{{/if}}' +
        '{{#if occurredAt}}, {{occurredAt}}{{/if}}. "{{description}}" {{caseUrl}}',
    },
    en: {
      subject: 'URGENT: case {{reference}}{{#if category}} – {{category}}{{/if}}',
      text: lines(
        'An urgent case has come in to {{organisation}} and needs handling now.',
        '',
        'Case: {{reference}}',
        '{{#if category}}',
        'Category: {{category}}',
        '{{/if}}',
        '{{#if line}}',
        'Line: {{line}}',
        '{{/if}}',
        '{{#if stop}}',
        'Stop: {{stop}}',
        '{{/if}}',
        '{{#if occurredAt}}',
        'Occurred: {{occurredAt}}',
        '{{/if}}',
        '',
        "The traveller's description:",
        '{{description}}',
        '',
        'Open the case: {{caseUrl}}',
        '',
        AUTOMATIC_EN,
      ),
      sms:
        'URGENT: case {{reference}} ({{organisation}}){{#if category}}, {{category}}{{/if}}' +
        '{{#if line}}, line {{line}}{{/if}}{{#if stop}}, stop {{stop}}{{/if}}' +
        '{{#if occurredAt}}, {{occurredAt}}{{/if}}. "{{description}}" {{caseUrl}}',
    },
  },
  'deadline-warning': {
    sv: {
      subject: 'Tidsgräns närmar sig: ärende {{reference}} ({{clock}})',
      text: lines(
        'Hej!',
        '',
        'Ärende {{reference}} hos {{organisation}} närmar sig en tidsgräns.',
        '',
        'Tidsgräns: {{clock}}',
        'Löper ut: {{dueAt}}',
        '',
        'Öppna ärendet och hantera det före dess: {{caseUrl}}',
        '',
        AUTOMATIC_SV,
      ),
      sms: 'Synpunkt: tidsgränsen för {{clock}} i ärende {{reference}} ({{organisation}}) löper ut {{dueAt}}. {{caseUrl}}',
    },
    en: {
      subject: 'Deadline approaching: case {{reference}} ({{clock}})',
      text: lines(
        'Hello,',
        '',
        'Case {{reference}} at {{organisation}} is approaching a deadline.',
        '',
        'Deadline: {{clock}}',
        'Due: {{dueAt}}',
        '',
        'Please open the case and deal with it before then: {{caseUrl}}',
        '',
        AUTOMATIC_EN,
      ),
      sms: 'Synpunkt: the deadline for {{clock}} on case {{reference}} ({{organisation}}) is {{dueAt}}. {{caseUrl}}',
    },
  },
  'deadline-breach': {
    sv: {
      subject: 'Tidsgräns passerad: ärende {{reference}} ({{clock}})',
      text: lines(
        'Hej!',
        '',
        'Ärende {{reference}} hos {{organisation}} har passerat en tidsgräns.',
        '',
        'Tidsgräns: {{clock}}',
        'Löpte ut: {{dueAt}}',
        '',
        'Öppna ärendet och hantera det så snart som möjligt: {{caseUrl}}',
        '',
        AUTOMATIC_SV,
      ),
      sms: 'Synpunkt: tidsgränsen för {{clock}} i ärende {{reference}} ({{organisation}}) passerades {{dueAt}}. {{caseUrl}}',
    },
    en: {
      subject: 'Deadline missed: case {{reference}} ({{clock}})',
      text: lines(
        'Hello,',
        '',
        'Case {{reference}} at {{organisation}} has missed a deadline.',
        '',
        'Deadline: {{clock}}',
        'Was due: {{dueAt}}',
        '',
        'Please open the case and deal with it as soon as possible: {{caseUrl}}',
        '',
        AUTOMATIC_EN,
      ),
      sms: 'Synpunkt: case {{reference}} ({{organisation}}) missed the deadline for {{clock}}, due {{dueAt}}. {{caseUrl}}',
    },
  },
};
