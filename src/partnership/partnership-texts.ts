import type { Language } from '../cases/case.model';
import type { ActionStatus } from './partnership.entities';

export interface PartnershipTexts {
  title: string;
  back: string;
  intro: string;
  errorsTitle: string;
  taxonomy: {
    title: string;
    note: string;
    kinds: { promise: string; 'root-cause': string; 'focus-area': string };
    code: string;
    label: string;
  };
  forums: {
    title: string;
    none: string;
    area: string;
    contract: string;
    members: string;
    noMembers: string;
    cycles: string;
    noCycles: string;
    period: string;
    focusAreas: string;
    closed: string;
    open: string;
    reflections: string;
    decisions: string;
    nothingYet: string;
    close: string;
    save: string;
  };
  actions: {
    title: string;
    none: string;
    caption: string;
    columns: {
      title: string;
      owner: string;
      status: string;
      decided: string;
      due: string;
      tags: string;
      before: string;
      after: string;
      change: string;
    };
    statuses: Record<ActionStatus, string>;
    allContracts: string;
    noDue: string;
    window: (days: number) => string;
    rate: (cases: number, per100k: number | null) => string;
    noChange: string;
    changeStatus: string;
    setStatus: string;
  };
  reports: {
    title: string;
    intro: string;
    monthly: string;
    month: string;
    contract: string;
    wholeArea: string;
    format: string;
    formats: Record<'html' | 'pdf' | 'xlsx' | 'csv' | 'json', string>;
    show: string;
    cycles: string;
    noCycles: string;
    notBegun: string;
    cycleHtml: string;
    cyclePdf: string;
    exports: string;
    exportsNote: string;
    noExports: string;
    exportColumns: { month: string; scope: string; format: string; file: string };
    area: string;
  };
  newAction: {
    title: string;
    fields: {
      title: string;
      description: string;
      focusAreas: string;
      rootCauses: string;
      contracts: string;
      contractsHint: string;
      owner: string;
      decidedOn: string;
      dueOn: string;
      cycle: string;
      noCycle: string;
    };
    submit: string;
  };
  /** The authority admins' forms for the forums and their cycles. */
  forumForms: {
    newForum: string;
    code: string;
    codeHint: string;
    name: string;
    contract: string;
    wholeArea: string;
    members: string;
    membersHint: string;
    create: string;
    editForum: string;
    saveForum: string;
    newCycle: string;
    cycleCode: string;
    cycleCodeHint: string;
    startsOn: string;
    endsOn: string;
    focusAreas: string;
    createCycle: string;
    editCycle: string;
    saveCycle: string;
  };
}

const swedish: PartnershipTexts = {
  title: 'Partnerskap',
  back: 'Till inkorgen',
  intro:
    'Forumens fokusområden per cykel, åtgärderna mot grundorsakerna och om de har hjälpt: klagomål före och efter beslutet, per 100 000 påstigningar när resandet är känt.',
  errorsTitle: 'Det gick inte att spara',
  taxonomy: {
    title: 'Kundlöften, grundorsaker och fokusområden',
    note: 'Ändras i områdesfilen, inte här.',
    kinds: { promise: 'Kundlöften', 'root-cause': 'Grundorsaker', 'focus-area': 'Fokusområden' },
    code: 'Kod',
    label: 'Benämning',
  },
  forums: {
    title: 'Forum och cykler',
    none: 'Inga forum ännu.',
    area: 'Hela området',
    contract: 'Avtal',
    members: 'Medlemmar',
    noMembers: 'Inga medlemmar',
    cycles: 'Cykler',
    noCycles: 'Inga cykler ännu.',
    period: 'Period',
    focusAreas: 'Fokusområden',
    closed: 'Avslutad',
    open: 'Pågår',
    reflections: 'Reflektioner',
    decisions: 'Beslut',
    nothingYet: 'Inget antecknat ännu.',
    close: 'Avsluta cykeln',
    save: 'Spara',
  },
  actions: {
    title: 'Åtgärder',
    none: 'Inga åtgärder ännu.',
    caption: 'Åtgärder och deras effekt',
    columns: {
      title: 'Åtgärd',
      owner: 'Ansvarig',
      status: 'Status',
      decided: 'Beslutad',
      due: 'Klar senast',
      tags: 'Fokusområden och grundorsaker',
      before: 'Före',
      after: 'Efter',
      change: 'Förändring',
    },
    statuses: {
      planned: 'Planerad',
      'in-progress': 'Pågår',
      done: 'Klar',
      cancelled: 'Inställd',
    },
    allContracts: 'alla avtal',
    noDue: '–',
    window: (days) => `${days} ${days === 1 ? 'dag' : 'dagar'} före och efter`,
    rate: (cases, rate) =>
      rate === null
        ? `${cases} klagomål`
        : `${cases} klagomål (${rate.toLocaleString('sv-SE')} per 100 000)`,
    noChange: '–',
    changeStatus: 'Ändra status',
    setStatus: 'Ändra',
  },
  reports: {
    title: 'Rapporter',
    intro:
      'Månadsrapporten för hela området eller ett avtal: antal per typ, kategori, kundlöfte och linje, trenden över 13 månader, svarstider, överlämningar och grundorsaker. Inga personuppgifter.',
    monthly: 'Månadsrapport',
    month: 'Månad',
    contract: 'Avtal',
    wholeArea: 'Hela området',
    format: 'Format',
    formats: {
      html: 'Webbsida (HTML)',
      pdf: 'PDF',
      xlsx: 'Excel (XLSX)',
      csv: 'CSV (zip)',
      json: 'JSON',
    },
    show: 'Visa rapporten',
    cycles: 'Cykelrapporter',
    noCycles: 'Inga cykler ännu.',
    notBegun: 'har inte börjat',
    cycleHtml: 'webbsida',
    cyclePdf: 'PDF',
    exports: 'Sparade månadsexporter',
    exportsNote: 'Skapas första vardagen varje månad och skickas till forumens medlemmar.',
    noExports: 'Inga sparade exporter ännu.',
    exportColumns: { month: 'Månad', scope: 'Omfattning', format: 'Format', file: 'Fil' },
    area: 'Hela området',
  },
  newAction: {
    title: 'Ny åtgärd',
    fields: {
      title: 'Åtgärd',
      description: 'Beskrivning',
      focusAreas: 'Fokusområden',
      rootCauses: 'Grundorsaker',
      contracts: 'Avtal',
      contractsHint: 'Inget valt: alla avtal (för en operatör: alla egna avtal).',
      owner: 'Ansvarig organisation',
      decidedOn: 'Beslutsdag (effekten mäts härifrån)',
      dueOn: 'Klar senast',
      cycle: 'Cykel',
      noCycle: 'Ingen',
    },
    submit: 'Lägg till åtgärden',
  },
  forumForms: {
    newForum: 'Nytt forum',
    code: 'Kod',
    codeHint: 'Bokstäver, siffror och bindestreck, t.ex. UL-STAD-FORUM.',
    name: 'Namn',
    contract: 'Avtal',
    wholeArea: 'Hela området',
    members: 'Medlemmar',
    membersHint: 'En e-postadress per rad eller åtskilda med kommatecken. De får rapporterna.',
    create: 'Skapa forumet',
    editForum: 'Ändra namn och medlemmar',
    saveForum: 'Spara forumet',
    newCycle: 'Ny cykel',
    cycleCode: 'Kod',
    cycleCodeHint: 'T.ex. 2027H1.',
    startsOn: 'Börjar',
    endsOn: 'Slutar',
    focusAreas: 'Fokusområden',
    createCycle: 'Lägg till cykeln',
    editCycle: 'Ändra datum och fokusområden',
    saveCycle: 'Spara cykeln',
  },
};

const english: PartnershipTexts = {
  title: 'Partnership',
  back: 'Back to the inbox',
  intro:
    "The forums' focus areas per cycle, the actions against root causes and whether they helped: complaints before and after the decision, per 100,000 boardings when ridership is known.",
  errorsTitle: 'This could not be saved',
  taxonomy: {
    title: 'Customer promises, root causes and focus areas',
    note: 'Edited in the area file, not here.',
    kinds: {
      promise: 'Customer promises',
      'root-cause': 'Root causes',
      'focus-area': 'Focus areas',
    },
    code: 'Code',
    label: 'Label',
  },
  forums: {
    title: 'Forums and cycles',
    none: 'No forums yet.',
    area: 'The whole area',
    contract: 'Contract',
    members: 'Members',
    noMembers: 'No members',
    cycles: 'Cycles',
    noCycles: 'No cycles yet.',
    period: 'Period',
    focusAreas: 'Focus areas',
    closed: 'Closed',
    open: 'Running',
    reflections: 'Reflections',
    decisions: 'Decisions',
    nothingYet: 'Nothing recorded yet.',
    close: 'Close the cycle',
    save: 'Save',
  },
  actions: {
    title: 'Actions',
    none: 'No actions yet.',
    caption: 'Actions and their effect',
    columns: {
      title: 'Action',
      owner: 'Owner',
      status: 'Status',
      decided: 'Decided',
      due: 'Due',
      tags: 'Focus areas and root causes',
      before: 'Before',
      after: 'After',
      change: 'Change',
    },
    statuses: {
      planned: 'Planned',
      'in-progress': 'In progress',
      done: 'Done',
      cancelled: 'Cancelled',
    },
    allContracts: 'all contracts',
    noDue: '–',
    window: (days) => `${days} ${days === 1 ? 'day' : 'days'} before and after`,
    rate: (cases, rate) =>
      rate === null
        ? `${cases} complaints`
        : `${cases} complaints (${rate.toLocaleString('en-GB')} per 100,000)`,
    noChange: '–',
    changeStatus: 'Change status',
    setStatus: 'Change',
  },
  reports: {
    title: 'Reports',
    intro:
      'The monthly report for the whole area or one contract: counts by kind, category, customer promise and line, the 13-month trend, response times, transfers and root causes. No personal data.',
    monthly: 'Monthly report',
    month: 'Month',
    contract: 'Contract',
    wholeArea: 'The whole area',
    format: 'Format',
    formats: {
      html: 'Web page (HTML)',
      pdf: 'PDF',
      xlsx: 'Excel (XLSX)',
      csv: 'CSV (zip)',
      json: 'JSON',
    },
    show: 'Show the report',
    cycles: 'Cycle reports',
    noCycles: 'No cycles yet.',
    notBegun: 'has not begun',
    cycleHtml: 'web page',
    cyclePdf: 'PDF',
    exports: 'Stored monthly exports',
    exportsNote: "Made on each month's first working day and sent to the forums' members.",
    noExports: 'No stored exports yet.',
    exportColumns: { month: 'Month', scope: 'Scope', format: 'Format', file: 'File' },
    area: 'The whole area',
  },
  newAction: {
    title: 'New action',
    fields: {
      title: 'Action',
      description: 'Description',
      focusAreas: 'Focus areas',
      rootCauses: 'Root causes',
      contracts: 'Contracts',
      contractsHint: 'None chosen: every contract (for an operator: every contract of its own).',
      owner: 'Owning organisation',
      decidedOn: 'Decided on (the effect is measured from here)',
      dueOn: 'Due',
      cycle: 'Cycle',
      noCycle: 'None',
    },
    submit: 'Add the action',
  },
  forumForms: {
    newForum: 'New forum',
    code: 'Code',
    codeHint: 'Letters, digits and dashes, e.g. UL-STAD-FORUM.',
    name: 'Name',
    contract: 'Contract',
    wholeArea: 'The whole area',
    members: 'Members',
    membersHint: 'One e-mail address a line, or separated by commas. They receive the reports.',
    create: 'Create the forum',
    editForum: 'Change name and members',
    saveForum: 'Save the forum',
    newCycle: 'New cycle',
    cycleCode: 'Code',
    cycleCodeHint: 'E.g. 2027H1.',
    startsOn: 'Starts on',
    endsOn: 'Ends on',
    focusAreas: 'Focus areas',
    createCycle: 'Add the cycle',
    editCycle: 'Change dates and focus areas',
    saveCycle: 'Save the cycle',
  },
};

export function partnershipTexts(language: Language): PartnershipTexts {
  return language === 'sv' ? swedish : english;
}
