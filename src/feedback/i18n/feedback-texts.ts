import type { CaseKind, Language, ReplyChannel } from '../../cases/case.model';
import type { FormErrorKey } from '../feedback-form';
import { english } from './english';
import { swedish } from './swedish';

export interface FieldTexts {
  label: string;
  hint: string | null;
}

/** The pages that say one thing and offer a way on: thanks, and the errors of the form's routes. */
export const MESSAGE_PAGES = [
  'thanks',
  'expired',
  'tooLarge',
  'rateLimited',
  'notFound',
  'badRequest',
  'internal',
] as const;
export type MessagePage = (typeof MESSAGE_PAGES)[number];

/** Every word the web form shows, per language; templates hold markup only. */
export interface FeedbackTexts {
  /** The other language's name in that language, for the switch link. */
  otherLanguage: string;
  layout: {
    siteName: string;
    tagline: string;
    skipLink: string;
    footer: string;
    privacyLink: string;
  };
  form: {
    title: string;
    intro: string;
    optional: string;
    kind: { legend: string; options: Record<CaseKind, string> };
    category: FieldTexts & { notSure: string };
    description: FieldTexts;
    whereWhen: { legend: string; hint: string };
    line: FieldTexts;
    stop: FieldTexts;
    date: FieldTexts;
    time: FieldTexts;
    vehicle: FieldTexts;
    contact: { legend: string; hint: string };
    name: FieldTexts;
    email: FieldTexts;
    phone: FieldTexts;
    replyChannel: { legend: string; hint: string; options: Record<ReplyChannel, string> };
    photos: FieldTexts & { chooseAgain: string };
    honeypot: string;
    submit: string;
  };
  privacy: { title: string; paragraphs: string[] };
  errors: {
    summaryTitle: string;
    /** Read before each message by screen readers. */
    prefix: string;
    /** Put before the page title when the form has errors. */
    titlePrefix: string;
    messages: Record<FormErrorKey, string>;
  };
  receipt: {
    title: string;
    referenceLabel: string;
    referenceHint: string;
    kindLabel: string;
    handlerLabel: string;
    triageHandler: (authority: string) => string;
    unknownHandler: string;
    whenLabel: string;
    answerDeadline: string;
    answerBy: (when: string) => string;
    noReply: string;
    another: string;
  };
  pages: Record<MessagePage, { title: string; text: string; link: string }>;
  errorIdLabel: string;
}

const TEXTS: Record<Language, FeedbackTexts> = { sv: swedish, en: english };

export function textsFor(language: Language): FeedbackTexts {
  return TEXTS[language];
}
