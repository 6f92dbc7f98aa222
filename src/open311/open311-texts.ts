import { CASE_KINDS } from '../cases/case.model';
import type { CaseKind, CaseStatus, Language } from '../cases/case.model';
import type { Open311Attribute, Open311ServiceType } from './open311.model';

/** What the area directory says about a category; the texts around it are ours. */
export interface CategoryRow {
  code: string;
  labelSv: string;
  labelEn: string;
  urgent: boolean;
}

type Texts = Record<Language, string>;

const KIND_NAMES: Record<CaseKind, Texts> = {
  complaint: { sv: 'Klagomål', en: 'Complaint' },
  praise: { sv: 'Beröm', en: 'Praise' },
  question: { sv: 'Fråga', en: 'Question' },
  suggestion: { sv: 'Förslag', en: 'Suggestion' },
  'delay-compensation': { sv: 'Förseningsersättning', en: 'Delay compensation' },
};

/** The attribute codes a POST may carry as `attribute[code]`, in the order they are shown. */
export const ATTRIBUTE_CODES = ['kind', 'line', 'stop', 'occurred_at', 'vehicle_number'] as const;
export type AttributeCode = (typeof ATTRIBUTE_CODES)[number];

const ATTRIBUTES: Record<
  AttributeCode,
  {
    datatype: Open311Attribute['datatype'];
    required: boolean;
    description: Texts;
    datatypeDescription?: Texts;
  }
> = {
  kind: {
    datatype: 'singlevaluelist',
    required: true,
    description: { sv: 'Vad vill du lämna?', en: 'What would you like to give us?' },
  },
  line: {
    datatype: 'string',
    required: false,
    description: { sv: 'Linje, t.ex. 4 eller Upptåget', en: 'Line, e.g. 4 or Upptåget' },
  },
  stop: {
    datatype: 'string',
    required: false,
    description: { sv: 'Hållplats eller station', en: 'Stop or station' },
  },
  occurred_at: {
    datatype: 'datetime',
    required: false,
    description: { sv: 'När hände det?', en: 'When did it happen?' },
    datatypeDescription: {
      sv: 'Datum och tid med tidszon, t.ex. 2021-10-05T08:00:00+02:00',
      en: 'Date and time with a time zone, e.g. 2021-10-05T08:00:00+02:00',
    },
  },
  vehicle_number: {
    datatype: 'string',
    required: false,
    description: {
      sv: 'Fordonets nummer, om du vet det',
      en: 'The vehicle number, if you know it',
    },
  },
};

export function attributesIn(language: Language): Open311Attribute[] {
  return ATTRIBUTE_CODES.map((code, index) => {
    const attribute = ATTRIBUTES[code];
    return {
      variable: true,
      code,
      datatype: attribute.datatype,
      required: attribute.required,
      datatype_description: attribute.datatypeDescription?.[language] ?? null,
      order: index + 1,
      description: attribute.description[language],
      ...(code === 'kind'
        ? { values: CASE_KINDS.map((kind) => ({ key: kind, name: KIND_NAMES[kind][language] })) }
        : {}),
    };
  });
}

const GROUP: Texts = { sv: 'Kollektivtrafik', en: 'Public transport' };

export function serviceTypeOf(category: CategoryRow, language: Language): Open311ServiceType {
  const label = language === 'en' ? category.labelEn : category.labelSv;
  const urgent = category.urgent
    ? { sv: ' Brådskande: den som har jour larmas.', en: ' Urgent: whoever is on call is alerted.' }
    : { sv: '', en: '' };
  const description: Texts = {
    sv: `Synpunkter i kategorin ”${label}”.${urgent.sv}`,
    en: `Feedback in the category "${label}".${urgent.en}`,
  };
  return {
    service_code: category.code,
    service_name: label,
    description: description[language],
    // Every service has attributes (kind is required), so clients must read the definition.
    metadata: true,
    type: 'realtime',
    // Both languages' names, so that a search in either finds the service.
    keywords: [category.code, category.labelSv, category.labelEn].join(', '),
    group: GROUP[language],
  };
}

/** What happens next, in the traveller's language. */
export function serviceNotice(
  responsibleName: string | null,
  triage: boolean,
  language: Language,
): string {
  if (!responsibleName || triage) {
    return language === 'en'
      ? 'We have received your report and will pass it to whoever is responsible.'
      : 'Vi har tagit emot ditt ärende och skickar det vidare till den som ansvarar.';
  }
  return language === 'en'
    ? `Your report has gone to ${responsibleName}, who is responsible for answering it.`
    : `Ditt ärende har gått till ${responsibleName}, som ansvarar för att besvara det.`;
}

export function statusNotes(status: CaseStatus, language: Language): string | null {
  if (status !== 'waiting-for-traveller') return null;
  return language === 'en'
    ? 'Waiting for a reply from the traveller.'
    : 'Väntar på svar från resenären.';
}
