import type { CaseChannel, CaseKind, CaseStatus, Language } from '../cases/case.model';
import type { TransferReason } from '../cases/case-transfer.entity';
import type { InboxView } from './inbox-query';

export interface InboxListTexts {
  views: Record<InboxView, string>;
  viewsLabel: string;
  /** The link to the partnership page, where the reports are. */
  partnership: string;
  filtersTitle: string;
  fields: {
    view: string;
    q: string;
    contract: string;
    line: string;
    category: string;
    focusArea: string;
    promise: string;
    kind: string;
    channel: string;
    from: string;
    to: string;
    any: string;
  };
  apply: string;
  clear: string;
  columns: {
    reference: string;
    received: string;
    category: string;
    line: string;
    responsible: string;
    status: string;
    firstResponseDue: string;
    assigned: string;
  };
  transferColumns: { reference: string; when: string; to: string; reason: string };
  caption: (view: string) => string;
  empty: string;
  next: string;
  first: string;
  overdue: string;
  triage: string;
  merged: string;
  nobody: string;
  statuses: Record<CaseStatus, string>;
  kinds: Record<CaseKind, string>;
  channels: Record<CaseChannel, string>;
  reasons: Record<TransferReason, string>;
}

const sv: InboxListTexts = {
  views: {
    open: 'Alla öppna',
    mine: 'Mina',
    unassigned: 'Ej tilldelade',
    'due-soon': 'Förfaller snart',
    overdue: 'Försenade',
    waiting: 'Väntar på resenären',
    closed: 'Avslutade',
    transferred: 'Överlämnade',
  },
  viewsLabel: 'Vyer',
  partnership: 'Samverkan och rapporter',
  filtersTitle: 'Sök och filtrera',
  fields: {
    view: 'Vy',
    q: 'Sök i beskrivningen',
    contract: 'Avtal (kod)',
    line: 'Linje',
    category: 'Kategori (kod)',
    focusArea: 'Fokusområde (kod)',
    promise: 'Kundlöfte (kod)',
    kind: 'Typ',
    channel: 'Kanal',
    from: 'Inkommet från',
    to: 'Inkommet till',
    any: 'Alla',
  },
  apply: 'Visa',
  clear: 'Rensa',
  columns: {
    reference: 'Ärende',
    received: 'Inkommet',
    category: 'Kategori',
    line: 'Linje',
    responsible: 'Ansvarig',
    status: 'Status',
    firstResponseDue: 'Första svar senast',
    assigned: 'Handläggare',
  },
  transferColumns: { reference: 'Ärende', when: 'Överlämnat', to: 'Till', reason: 'Skäl' },
  caption: (view) => `Ärenden: ${view}`,
  empty: 'Inga ärenden här.',
  next: 'Nästa sida',
  first: 'Till första sidan',
  overdue: 'försenat',
  triage: 'sortering',
  merged: 'Dubblett, sammanslagen',
  nobody: '–',
  statuses: {
    new: 'Ny',
    open: 'Öppen',
    'waiting-for-traveller': 'Väntar på resenären',
    resolved: 'Löst',
    closed: 'Stängd',
  },
  kinds: {
    complaint: 'Klagomål',
    praise: 'Beröm',
    question: 'Fråga',
    suggestion: 'Förslag',
    'delay-compensation': 'Förseningsersättning',
  },
  channels: { web: 'Webb', api: 'API', sms: 'SMS', open311: 'Open311' },
  reasons: {
    'not-our-line': 'Inte vår linje',
    'not-our-operator': 'Inte vår trafik',
    'authority-matter': 'Myndighetens fråga',
    'other-organisation': 'Annan organisation',
    'wrong-category': 'Fel kategori',
    other: 'Annat',
  },
};

const en: InboxListTexts = {
  views: {
    open: 'All open',
    mine: 'Mine',
    unassigned: 'Unassigned',
    'due-soon': 'Due soon',
    overdue: 'Overdue',
    waiting: 'Waiting for traveller',
    closed: 'Closed',
    transferred: 'Transferred',
  },
  viewsLabel: 'Views',
  partnership: 'Partnership and reports',
  filtersTitle: 'Search and filter',
  fields: {
    view: 'View',
    q: 'Search the description',
    contract: 'Contract (code)',
    line: 'Line',
    category: 'Category (code)',
    focusArea: 'Focus area (code)',
    promise: 'Customer promise (code)',
    kind: 'Kind',
    channel: 'Channel',
    from: 'Received from',
    to: 'Received to',
    any: 'Any',
  },
  apply: 'Show',
  clear: 'Clear',
  columns: {
    reference: 'Case',
    received: 'Received',
    category: 'Category',
    line: 'Line',
    responsible: 'Responsible',
    status: 'Status',
    firstResponseDue: 'First response due',
    assigned: 'Handler',
  },
  transferColumns: { reference: 'Case', when: 'Transferred', to: 'To', reason: 'Reason' },
  caption: (view) => `Cases: ${view}`,
  empty: 'No cases here.',
  next: 'Next page',
  first: 'Back to the first page',
  overdue: 'overdue',
  triage: 'triage',
  merged: 'Duplicate, merged',
  nobody: '–',
  statuses: {
    new: 'New',
    open: 'Open',
    'waiting-for-traveller': 'Waiting for traveller',
    resolved: 'Resolved',
    closed: 'Closed',
  },
  kinds: {
    complaint: 'Complaint',
    praise: 'Praise',
    question: 'Question',
    suggestion: 'Suggestion',
    'delay-compensation': 'Delay compensation',
  },
  channels: { web: 'Web', api: 'API', sms: 'SMS', open311: 'Open311' },
  reasons: {
    'not-our-line': 'Not our line',
    'not-our-operator': 'Not our operator',
    'authority-matter': "The authority's matter",
    'other-organisation': 'Another organisation',
    'wrong-category': 'Wrong category',
    other: 'Other',
  },
};

export function inboxListTexts(language: Language): InboxListTexts {
  return language === 'sv' ? sv : en;
}
