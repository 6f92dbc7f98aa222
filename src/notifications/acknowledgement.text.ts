import { Language } from '../cases/case.model';

export interface AcknowledgementFacts {
  reference: string;
  language: Language;
}

/** The acknowledgement's subject and body in the traveller's language. */
export function acknowledgementText(facts: AcknowledgementFacts): {
  subject: string;
  text: string;
  sms: string;
} {
  switch (facts.language) {
    case 'sv':
      return {
        subject: `Vi har tagit emot ditt ärende ${facts.reference}`,
        text: [
          'Hej!',
          '',
          `Tack för att du hörde av dig. Ditt ärende har nummer ${facts.reference}.`,
          'Ange numret om du kontaktar oss igen om samma sak.',
          '',
          'Vänliga hälsningar',
          'Kundtjänst',
        ].join('\n'),
        sms: `Tack! Vi har tagit emot ditt ärende ${facts.reference}. Svara på detta SMS om du vill lägga till något.`,
      };
    case 'en':
      return {
        subject: `We have received your case ${facts.reference}`,
        text: [
          'Hello,',
          '',
          `Thank you for getting in touch. Your case number is ${facts.reference}.`,
          'Please quote it if you contact us again about the same matter.',
          '',
          'Kind regards',
          'Customer service',
        ].join('\n'),
        sms: `Thank you! We have received your case ${facts.reference}. Reply to this SMS to add anything.`,
      };
  }
}
