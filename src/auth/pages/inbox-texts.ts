import type { Language } from '../../cases/case.model';

export interface PageWords {
  title: string;
  text: string;
}

/** The message pages: what went wrong before a form could be answered. */
export const MESSAGE_PAGES = [
  'csrf',
  'rateLimited',
  'notFound',
  'forbidden',
  'badRequest',
  'internal',
  'resetInvalid',
  'resetSent',
] as const;
export type MessagePage = (typeof MESSAGE_PAGES)[number];

export const NOTICES = ['signed-out', 'password-changed'] as const;
export type Notice = (typeof NOTICES)[number];

export interface InboxTexts {
  otherLanguage: string;
  layout: {
    siteName: string;
    tagline: string;
    skipLink: string;
    footer: string;
    /** Said by screen readers when the inbox's script has saved an action without a page load. */
    saved: string;
  };
  signIn: {
    title: string;
    email: string;
    password: string;
    submit: string;
    failed: string;
    forgot: string;
    notices: Record<Notice, string>;
  };
  forgot: { title: string; intro: string; email: string; submit: string; back: string };
  reset: {
    title: string;
    intro: string;
    password: string;
    passwordHint: string;
    confirm: string;
    submit: string;
    errorsTitle: string;
    errors: { tooShort: string; tooLong: string; mismatch: string };
  };
  home: {
    title: string;
    signedInAs: (name: string, organisation: string) => string;
    signOut: string;
  };
  pages: Record<MessagePage, PageWords & { link: string }>;
  errorIdLabel: string;
}

const swedish: InboxTexts = {
  otherLanguage: 'In English',
  layout: {
    siteName: 'Synpunkt',
    tagline: 'Inkorgen för trafikmyndigheten och operatörerna',
    skipLink: 'Till innehållet',
    footer: 'Synpunkt – ärenden från resenärerna, för den som ansvarar.',
    saved: 'Sparat.',
  },
  signIn: {
    title: 'Logga in',
    email: 'E-postadress',
    password: 'Lösenord',
    submit: 'Logga in',
    failed: 'Fel e-postadress eller lösenord',
    forgot: 'Glömt lösenordet?',
    notices: {
      'signed-out': 'Du är utloggad.',
      'password-changed': 'Ditt lösenord är bytt. Logga in med det nya.',
    },
  },
  forgot: {
    title: 'Glömt lösenordet',
    intro:
      'Skriv din e-postadress så skickar vi en länk där du kan välja ett nytt lösenord. Länken gäller i en timme.',
    email: 'E-postadress',
    submit: 'Skicka länken',
    back: 'Tillbaka till inloggningen',
  },
  reset: {
    title: 'Välj ett nytt lösenord',
    intro: 'När du har sparat det nya lösenordet loggas du ut överallt och loggar in på nytt.',
    password: 'Nytt lösenord',
    passwordHint: 'Minst 12 tecken. En fras med flera ord är lätt att minnas och svår att gissa.',
    confirm: 'Upprepa det nya lösenordet',
    submit: 'Spara lösenordet',
    errorsTitle: 'Det gick inte att spara',
    errors: {
      tooShort: 'Lösenordet måste ha minst 12 tecken',
      tooLong: 'Lösenordet får ha högst 256 tecken',
      mismatch: 'Lösenorden är inte likadana',
    },
  },
  home: {
    title: 'Inkorgen',
    signedInAs: (name, organisation) => `Inloggad som ${name}, ${organisation}`,
    signOut: 'Logga ut',
  },
  pages: {
    csrf: {
      title: 'Sidan har gått ut',
      text: 'Av säkerhetsskäl gäller sidan en begränsad tid, och webbläsaren behöver tillåta cookies. Ingenting har ändrats. Försök igen.',
      link: 'Till inloggningen',
    },
    rateLimited: {
      title: 'För många försök',
      text: 'Vi har tagit emot många försök från din uppkoppling. Vänta en minut och försök sedan igen.',
      link: 'Till inloggningen',
    },
    notFound: {
      title: 'Sidan finns inte',
      text: 'Kontrollera adressen.',
      link: 'Till inloggningen',
    },
    forbidden: {
      title: 'Det får du inte göra',
      text: 'Din roll eller organisation ger inte rätt till det här. Ingenting har ändrats.',
      link: 'Till inloggningen',
    },
    badRequest: {
      title: 'Något gick inte att läsa',
      text: 'Något i det du skickade gick inte att läsa. Ingenting har ändrats. Försök igen.',
      link: 'Till inloggningen',
    },
    internal: {
      title: 'Något gick fel hos oss',
      text: 'Ingenting har ändrats. Försök igen om en stund.',
      link: 'Till inloggningen',
    },
    resetInvalid: {
      title: 'Länken går inte att använda',
      text: 'Länken har redan använts eller gått ut. Be om en ny.',
      link: 'Be om en ny länk',
    },
    resetSent: {
      title: 'Titta i din e-post',
      text: 'Om adressen hör till ett konto har vi skickat en länk där du kan välja ett nytt lösenord. Länken gäller i en timme.',
      link: 'Tillbaka till inloggningen',
    },
  },
  errorIdLabel: 'Felkod',
};

const english: InboxTexts = {
  otherLanguage: 'På svenska',
  layout: {
    siteName: 'Synpunkt',
    tagline: 'The inbox of the transport authority and its operators',
    skipLink: 'Skip to content',
    footer: "Synpunkt – travellers' cases, for whoever is responsible.",
    saved: 'Saved.',
  },
  signIn: {
    title: 'Sign in',
    email: 'E-mail address',
    password: 'Password',
    submit: 'Sign in',
    failed: 'Wrong e-mail address or password',
    forgot: 'Forgot your password?',
    notices: {
      'signed-out': 'You are signed out.',
      'password-changed': 'Your password has been changed. Sign in with the new one.',
    },
  },
  forgot: {
    title: 'Forgot your password',
    intro:
      'Enter your e-mail address and we will send you a link where you can choose a new password. The link is valid for one hour.',
    email: 'E-mail address',
    submit: 'Send the link',
    back: 'Back to sign-in',
  },
  reset: {
    title: 'Choose a new password',
    intro: 'Once the new password is saved you are signed out everywhere and sign in again.',
    password: 'New password',
    passwordHint:
      'At least 12 characters. A phrase of several words is easy to remember and hard to guess.',
    confirm: 'Repeat the new password',
    submit: 'Save the password',
    errorsTitle: 'The password could not be saved',
    errors: {
      tooShort: 'The password must have at least 12 characters',
      tooLong: 'The password may have at most 256 characters',
      mismatch: 'The passwords are not the same',
    },
  },
  home: {
    title: 'Inbox',
    signedInAs: (name, organisation) => `Signed in as ${name}, ${organisation}`,
    signOut: 'Sign out',
  },
  pages: {
    csrf: {
      title: 'The page has expired',
      text: 'For your security the page is valid for a limited time, and the browser needs to allow cookies. Nothing was changed. Please try again.',
      link: 'To sign-in',
    },
    rateLimited: {
      title: 'Too many attempts',
      text: 'We have received many attempts from your connection. Wait a minute and try again.',
      link: 'To sign-in',
    },
    notFound: {
      title: 'Page not found',
      text: 'Check the address.',
      link: 'To sign-in',
    },
    forbidden: {
      title: 'You may not do that',
      text: 'Your role or organisation does not allow this. Nothing was changed.',
      link: 'To sign-in',
    },
    badRequest: {
      title: 'Something could not be read',
      text: 'Something in what you sent could not be read. Nothing was changed. Please try again.',
      link: 'To sign-in',
    },
    internal: {
      title: 'Something went wrong on our side',
      text: 'Nothing was changed. Please try again in a while.',
      link: 'To sign-in',
    },
    resetInvalid: {
      title: 'The link cannot be used',
      text: 'The link has been used already or has expired. Ask for a new one.',
      link: 'Ask for a new link',
    },
    resetSent: {
      title: 'Check your e-mail',
      text: 'If the address belongs to an account, we have sent a link where you can choose a new password. The link is valid for one hour.',
      link: 'Back to sign-in',
    },
  },
  errorIdLabel: 'Error id',
};

export function inboxTexts(language: Language): InboxTexts {
  return language === 'sv' ? swedish : english;
}
