import Handlebars from 'handlebars';
import type { Language } from '../cases/case.model';

export interface ResetEmail {
  subject: string;
  text: string;
  html: string;
}

const WORDS: Record<
  Language,
  {
    subject: string;
    greeting: (name: string) => string;
    body: string;
    ignore: string;
    link: string;
  }
> = {
  sv: {
    subject: 'Välj ett nytt lösenord till Synpunkt',
    greeting: (name) => `Hej ${name}!`,
    body: 'Någon, förhoppningsvis du, har bett om att få välja ett nytt lösenord till ditt konto i Synpunkt. Länken gäller i en timme och kan användas en gång.',
    ignore:
      'Har du inte bett om det kan du strunta i det här meddelandet. Ditt lösenord är oförändrat.',
    link: 'Välj ett nytt lösenord',
  },
  en: {
    subject: 'Choose a new password for Synpunkt',
    greeting: (name) => `Hello ${name},`,
    body: 'Someone, hopefully you, has asked to choose a new password for your Synpunkt account. The link is valid for one hour and can be used once.',
    ignore: 'If you did not ask for this, you can ignore this message. Your password is unchanged.',
    link: 'Choose a new password',
  },
};

/** The reset link's e-mail in the language of the page it was asked for from; the name is escaped in HTML. */
export function passwordResetEmail(language: Language, name: string, link: string): ResetEmail {
  const words = WORDS[language];
  const escape = Handlebars.Utils.escapeExpression;
  return {
    subject: words.subject,
    text: [words.greeting(name), '', words.body, '', link, '', words.ignore].join('\n'),
    html: [
      `<p>${escape(words.greeting(name))}</p>`,
      `<p>${escape(words.body)}</p>`,
      `<p><a href="${escape(link)}">${escape(words.link)}</a></p>`,
      `<p>${escape(words.ignore)}</p>`,
    ].join('\n'),
  };
}
