import type { Language } from '../cases/case.model';
import type { ClockKind, ClockState } from '../deadlines/clock.model';
import type { OutboundStatus } from '../notifications/outbound-message.entity';
import type { Outcome } from './case-action-input';

export interface CasePageTexts {
  title: (reference: string) => string;
  back: string;
  sections: {
    report: string;
    contact: string;
    thread: string;
    notes: string;
    routing: string;
    clocks: string;
    history: string;
    actions: string;
    tags: string;
  };
  report: {
    status: string;
    kind: string;
    category: string;
    description: string;
    line: string;
    stop: string;
    vehicle: string;
    occurredAt: string;
    received: string;
    channel: string;
    language: string;
    responsible: string;
    contract: string;
    assigned: string;
    outcome: string;
    mergedInto: string;
    merged: string;
  };
  contact: { name: string; email: string; phone: string; replyChannel: string; none: string };
  languages: Record<Language, string>;
  replyChannels: Record<'email' | 'sms' | 'none', string>;
  thread: {
    inbound: string;
    outbound: string;
    empty: string;
    statuses: Record<OutboundStatus, string>;
    kinds: Record<string, string>;
  };
  notes: {
    hint: string;
    empty: string;
    by: (name: string) => string;
    shared: (organisation: string) => string;
  };
  tags: {
    promises: string;
    focusAreas: string;
    rootCauses: string;
    none: string;
    save: string;
    hint: string;
  };
  routing: { confidence: string; reasons: string };
  clocks: {
    kind: string;
    due: string;
    state: string;
    kinds: Record<ClockKind, string>;
    states: Record<ClockState, string>;
    empty: string;
  };
  history: { when: string; who: string; what: string; system: string; traveller: string };
  actions: {
    readOnly: string;
    claim: string;
    assign: string;
    assignTo: string;
    reply: string;
    replyLabel: (channel: string) => string;
    replyHint: (max: number) => string;
    ask: string;
    note: string;
    noteLabel: string;
    transfer: string;
    transferReason: string;
    transferTo: string;
    transferToHint: string;
    transferNote: string;
    category: string;
    categoryLabel: string;
    resolve: string;
    outcome: string;
    resolveNote: string;
    reopen: string;
    noContact: string;
    shareNote: string;
    savedReply: string;
    useSavedReply: string;
    merge: string;
    mergeInto: string;
    mergeHint: string;
  };
  outcomes: Record<Outcome, string>;
  transferred: { title: string; intro: string; when: string; to: string; reason: string };
  errorTitle: string;
}

const sv: CasePageTexts = {
  title: (reference) => `Ärende ${reference}`,
  back: 'Till inkorgen',
  sections: {
    report: 'Resenärens anmälan',
    contact: 'Kontaktuppgifter',
    thread: 'Meddelanden',
    notes: 'Interna anteckningar',
    routing: 'Fördelning',
    clocks: 'Tidsfrister',
    history: 'Händelser',
    actions: 'Åtgärder',
    tags: 'Kundlöften, fokusområden och grundorsaker',
  },
  report: {
    status: 'Status',
    kind: 'Typ',
    category: 'Kategori',
    description: 'Beskrivning',
    line: 'Linje',
    stop: 'Hållplats',
    vehicle: 'Fordon',
    occurredAt: 'Inträffade',
    received: 'Inkom',
    channel: 'Kanal',
    language: 'Språk',
    responsible: 'Ansvarig',
    contract: 'Avtal',
    assigned: 'Handläggare',
    outcome: 'Utfall',
    mergedInto: 'Dubblett av',
    merged: 'Dubbletter sammanslagna hit',
  },
  contact: {
    name: 'Namn',
    email: 'E-post',
    phone: 'Telefon',
    replyChannel: 'Vill ha svar via',
    none: '–',
  },
  languages: { sv: 'Svenska', en: 'Engelska' },
  replyChannels: { email: 'E-post', sms: 'SMS', none: 'Inget svar' },
  thread: {
    inbound: 'Från resenären',
    outbound: 'Till resenären',
    empty: 'Inga meddelanden ännu.',
    statuses: { queued: 'i kö', sent: 'skickat', failed: 'misslyckades', skipped: 'hoppades över' },
    kinds: { acknowledgement: 'Mottagningsbekräftelse', message: 'Svar', question: 'Fråga' },
  },
  notes: {
    hint: 'Syns bara för din organisation, om du inte delar anteckningen med partnern.',
    empty: 'Inga anteckningar.',
    by: (name) => `av ${name}`,
    shared: (organisation) => `delad av ${organisation}`,
  },
  tags: {
    promises: 'Kundlöften',
    focusAreas: 'Fokusområden',
    rootCauses: 'Grundorsaker',
    none: 'Inga',
    save: 'Spara märkning',
    hint: 'Kategorin ger förslag när ärendet kommer in; ändra så att det stämmer.',
  },
  routing: { confidence: 'Säkerhet', reasons: 'Skäl' },
  clocks: {
    kind: 'Frist',
    due: 'Senast',
    state: 'Läge',
    kinds: {
      'first-response': 'Första svar',
      resolution: 'Avslut',
      'legal-reply': 'Svar enligt lag',
      'legal-final': 'Slutligt svar enligt lag',
    },
    states: {
      met: 'klar',
      breached: 'överskriden',
      paused: 'pausad',
      warning: 'snart',
      running: 'löper',
    },
    empty: 'Inga tidsfrister.',
  },
  history: {
    when: 'När',
    who: 'Vem',
    what: 'Vad',
    system: 'Systemet',
    traveller: 'Resenären',
  },
  actions: {
    readOnly: 'Du kan läsa ärendet men inte handlägga det.',
    claim: 'Ta ärendet',
    assign: 'Tilldela',
    assignTo: 'Handläggare',
    reply: 'Svara resenären',
    replyLabel: (channel) => `Svar (${channel})`,
    replyHint: (max) => `Högst ${max} tecken.`,
    ask: 'Fråga resenären (pausar fristerna)',
    note: 'Spara anteckning',
    noteLabel: 'Intern anteckning',
    transfer: 'Lämna över – inte vårt',
    transferReason: 'Skäl',
    transferTo: 'Till organisation (kod)',
    transferToHint: 'Lämna tomt för att låta fördelningen välja igen.',
    transferNote: 'Kommentar',
    category: 'Ändra kategori',
    categoryLabel: 'Kategori',
    resolve: 'Avsluta',
    outcome: 'Utfall',
    resolveNote: 'Kommentar',
    reopen: 'Öppna igen',
    noContact: 'Resenären har inte lämnat kontaktuppgifter för svar.',
    shareNote: 'Dela med partnern (trafikmyndigheten eller operatören)',
    savedReply: 'Sparat svar',
    useSavedReply: 'Använd som utkast',
    merge: 'Slå ihop',
    mergeInto: 'Dubblett av ärende',
    mergeHint: 'Detta ärende stängs och hänvisar till det andra, som handläggs vidare.',
  },
  outcomes: {
    upheld: 'Befogad',
    'partly-upheld': 'Delvis befogad',
    rejected: 'Ej befogad',
    answered: 'Besvarad',
    forwarded: 'Vidarebefordrad',
  },
  transferred: {
    title: 'Överlämnat ärende',
    intro: 'Din organisation har lämnat över ärendet och ser därför bara överlämningen.',
    when: 'När',
    to: 'Till',
    reason: 'Skäl',
  },
  errorTitle: 'Åtgärden kunde inte utföras',
};

const en: CasePageTexts = {
  title: (reference) => `Case ${reference}`,
  back: 'Back to the inbox',
  sections: {
    report: "The traveller's report",
    contact: 'Contact details',
    thread: 'Messages',
    notes: 'Internal notes',
    routing: 'Routing',
    clocks: 'Deadlines',
    history: 'History',
    actions: 'Actions',
    tags: 'Customer promises, focus areas and root causes',
  },
  report: {
    status: 'Status',
    kind: 'Kind',
    category: 'Category',
    description: 'Description',
    line: 'Line',
    stop: 'Stop',
    vehicle: 'Vehicle',
    occurredAt: 'Happened',
    received: 'Received',
    channel: 'Channel',
    language: 'Language',
    responsible: 'Responsible',
    contract: 'Contract',
    assigned: 'Handler',
    outcome: 'Outcome',
    mergedInto: 'Duplicate of',
    merged: 'Duplicates merged here',
  },
  contact: {
    name: 'Name',
    email: 'E-mail',
    phone: 'Phone',
    replyChannel: 'Wants replies by',
    none: '–',
  },
  languages: { sv: 'Swedish', en: 'English' },
  replyChannels: { email: 'E-mail', sms: 'SMS', none: 'No reply' },
  thread: {
    inbound: 'From the traveller',
    outbound: 'To the traveller',
    empty: 'No messages yet.',
    statuses: { queued: 'queued', sent: 'sent', failed: 'failed', skipped: 'skipped' },
    kinds: { acknowledgement: 'Acknowledgement', message: 'Reply', question: 'Question' },
  },
  notes: {
    hint: 'Only your organisation sees these, unless you share a note with the partner.',
    empty: 'No notes.',
    by: (name) => `by ${name}`,
    shared: (organisation) => `shared by ${organisation}`,
  },
  tags: {
    promises: 'Customer promises',
    focusAreas: 'Focus areas',
    rootCauses: 'Root causes',
    none: 'None',
    save: 'Save tags',
    hint: 'The category suggests tags when the case arrives; adjust them to fit.',
  },
  routing: { confidence: 'Confidence', reasons: 'Reasons' },
  clocks: {
    kind: 'Deadline',
    due: 'Due',
    state: 'State',
    kinds: {
      'first-response': 'First response',
      resolution: 'Resolution',
      'legal-reply': 'Legal reply',
      'legal-final': 'Legal final answer',
    },
    states: {
      met: 'met',
      breached: 'breached',
      paused: 'paused',
      warning: 'due soon',
      running: 'running',
    },
    empty: 'No deadlines.',
  },
  history: {
    when: 'When',
    who: 'Who',
    what: 'What',
    system: 'The system',
    traveller: 'The traveller',
  },
  actions: {
    readOnly: 'You may read this case but not work it.',
    claim: 'Claim the case',
    assign: 'Assign',
    assignTo: 'Handler',
    reply: 'Reply to the traveller',
    replyLabel: (channel) => `Reply (${channel})`,
    replyHint: (max) => `At most ${max} characters.`,
    ask: 'Ask the traveller (pauses the deadlines)',
    note: 'Save note',
    noteLabel: 'Internal note',
    transfer: 'Hand over – not ours',
    transferReason: 'Reason',
    transferTo: 'To organisation (code)',
    transferToHint: 'Leave empty to let routing decide again.',
    transferNote: 'Comment',
    category: 'Change category',
    categoryLabel: 'Category',
    resolve: 'Resolve',
    outcome: 'Outcome',
    resolveNote: 'Comment',
    reopen: 'Reopen',
    noContact: 'The traveller left no contact details for a reply.',
    shareNote: 'Share with the partner (the authority or the operator)',
    savedReply: 'Saved reply',
    useSavedReply: 'Use as draft',
    merge: 'Merge',
    mergeInto: 'Duplicate of case',
    mergeHint: 'This case is closed and points to the other one, which is worked on.',
  },
  outcomes: {
    upheld: 'Upheld',
    'partly-upheld': 'Partly upheld',
    rejected: 'Rejected',
    answered: 'Answered',
    forwarded: 'Forwarded',
  },
  transferred: {
    title: 'Transferred case',
    intro: 'Your organisation handed this case on, so you see only the hand-over.',
    when: 'When',
    to: 'To',
    reason: 'Reason',
  },
  errorTitle: 'The action was not carried out',
};

export function casePageTexts(language: Language): CasePageTexts {
  return language === 'sv' ? sv : en;
}
