import type { Language } from '../cases/case.model';
import { toHtml } from '../messages/message-templates';

const SUBJECTS: Record<Language, Record<'message' | 'question', (reference: string) => string>> = {
  sv: {
    message: (reference) => `Svar på ditt ärende ${reference}`,
    question: (reference) => `En fråga om ditt ärende ${reference}`,
  },
  en: {
    message: (reference) => `Reply about your case ${reference}`,
    question: (reference) => `A question about your case ${reference}`,
  },
};

/** A handler's reply as an e-mail in the traveller's language, its subject naming the case. */
export function replyEmail(
  reference: string,
  language: Language,
  kind: 'message' | 'question',
  body: string,
): { subject: string; text: string; html: string } {
  const text = body.replace(/\r\n/g, '\n');
  return {
    subject: SUBJECTS[language][kind](reference),
    text: `${text}\n`,
    html: toHtml(text, language),
  };
}
