import type { CalendarDefinition, OpeningInterval } from './calendar.model';

// Test builders: a valid Mon–Fri 08–17 office; each test breaks the part it is about.

export const OFFICE: OpeningInterval[] = [{ start: '08:00', end: '17:00' }];

export function officeCalendar(overrides: Record<string, unknown> = {}): CalendarDefinition {
  return {
    timeZone: 'Europe/Stockholm',
    weekly: { mon: OFFICE, tue: OFFICE, wed: OFFICE, thu: OFFICE, fri: OFFICE, sat: [], sun: [] },
    holidays: { set: 'SE' },
    exceptions: [],
    ...overrides,
  };
}

export function weekly(days: Record<string, unknown>) {
  return { weekly: { ...officeCalendar().weekly, ...days } };
}
