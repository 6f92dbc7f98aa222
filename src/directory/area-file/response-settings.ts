import type { BusinessDuration, CalendarDefinition } from '../../calendar/calendar.model';
import type { ResponseTargets } from '../../deadlines/clock.model';
import type { TemplateOverrides } from '../../messages/template-validation';
import type { AcknowledgePolicy } from './area-file.schema';

export type { AcknowledgePolicy };

/** How one party (the authority, an operator) answers: office hours, on-call, own texts. */
export interface PartyResponseSettings {
  /** A name in `ResponseSettings.calendars`; null means the area default. */
  calendar: string | null;
  /** Alerted day and night about urgent cases; phone as E.164. */
  onCall: { phone: string | null; email: string | null };
  /** Where deadline warnings and breaches are sent. */
  notifyEmail: string | null;
  templates: TemplateOverrides;
}

/** What a contract changes for the operator's work under it. */
export interface ContractResponseSettings {
  calendar: string | null;
  targets: Partial<ResponseTargets>;
  acknowledge: AcknowledgePolicy | null;
}

/**
 * The area file's answering rules, resolved and complete: every calendar name used exists,
 * every template is valid, and the defaults are filled in.
 */
export interface ResponseSettings {
  /** Calendar name → definition, its time zone filled in from the area's. */
  calendars: Record<string, CalendarDefinition>;
  defaults: {
    calendar: string;
    targets: ResponseTargets;
    /** Open time before a target at which the responsible party is warned. */
    warnBefore: Pick<BusinessDuration, 'hours' | 'minutes'>;
    /** Calendar days before a legal deadline at which the responsible party is warned. */
    legalWarnDays: number;
    acknowledge: AcknowledgePolicy;
    templates: TemplateOverrides;
  };
  /** By organisation code; every organisation of the file has an entry. */
  parties: Record<string, PartyResponseSettings>;
  /** By contract code; every contract of the file has an entry. */
  contracts: Record<string, ContractResponseSettings>;
}

/** The calendar an area without `calendars` gets: weekdays 08–17, Swedish holidays closed. */
export const STANDARD_CALENDAR_NAME = 'standard';

export function standardCalendar(timeZone: string): CalendarDefinition {
  const office = [{ start: '08:00', end: '17:00' }];
  return {
    timeZone,
    weekly: { mon: office, tue: office, wed: office, thu: office, fri: office, sat: [], sun: [] },
    holidays: { set: 'SE' },
    exceptions: [],
  };
}

export const DEFAULT_RESPONSE_TARGETS: ResponseTargets = {
  firstResponse: { days: 2 },
  resolution: { days: 10 },
};
export const DEFAULT_WARN_BEFORE = { hours: 4 };
export const DEFAULT_LEGAL_WARN_DAYS = 7;
