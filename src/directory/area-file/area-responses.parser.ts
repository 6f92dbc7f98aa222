import type { CalendarDefinition } from '../../calendar/calendar.model';
import { validateCalendar } from '../../calendar/calendar-validation';
import { isValidTimeZone } from '../../calendar/zoned-time';
import type { ResponseTargets } from '../../deadlines/clock.model';
import { toE164 } from '../../intake/phone-number';
import { validateTemplateOverrides } from '../../messages/template-validation';
import type { TemplateOverrides } from '../../messages/template-validation';
import type {
  AreaFileSchema,
  DurationSchema,
  OnCallSchema,
  TargetsSchema,
} from './area-file.schema';
import {
  DEFAULT_LEGAL_WARN_DAYS,
  DEFAULT_RESPONSE_TARGETS,
  DEFAULT_WARN_BEFORE,
  PartyResponseSettings,
  ResponseSettings,
  STANDARD_CALENDAR_NAME,
  standardCalendar,
} from './response-settings';

export type PathSegment = string | number;

/** Where the parser collects problems; it knows the lines of the YAML source. */
export interface ProblemSink {
  add(segments: PathSegment[], reason: string): void;
}

/** `weekly.mon[1].start` → `['weekly', 'mon', 1, 'start']`, so a problem finds its line. */
export function pathSegments(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const part of path.split('.').filter(Boolean)) {
    const [name, ...indexes] = part.split('[');
    if (name) segments.push(name);
    for (const index of indexes) segments.push(Number(index.replace(']', '')));
  }
  return segments;
}

/**
 * Checks and resolves the answering rules of an area file: its calendars, the defaults in
 * `responses`, each party's calendar, on-call contacts and templates, and each contract's
 * calendar, targets and acknowledgement policy.
 */
export function checkResponses(file: AreaFileSchema, problems: ProblemSink): ResponseSettings {
  const timeZone = file.area.timeZone;
  // The schema only checks the zone's form; every calendar that inherits it needs a real one.
  if (typeof timeZone === 'string' && !isValidTimeZone(timeZone))
    problems.add(['area', 'timeZone'], `names the unknown time zone ${timeZone}`);
  const calendars = checkCalendars(file.calendars, timeZone, problems);
  // A calendar of the file that has problems of its own is not also unknown where it is named.
  const declared = new Set(Object.keys(file.calendars ?? {}));
  const responses = file.responses ?? {};

  const calendarRef = (name: string | null | undefined, path: PathSegment[]): string | null => {
    // The schema lets null through as absent (`calendar:` with nothing after it).
    if (name === undefined || name === null) return null;
    // Own keys only: `constructor` is not a calendar because every object has one.
    if (!Object.hasOwn(calendars, name) && !declared.has(name)) {
      // The file's own names, refused ones too: they are what the author can pick from.
      const known = [...new Set([...declared, ...Object.keys(calendars)])].join(', ');
      problems.add(path, `names the unknown calendar ${name}; known: ${known}`);
    }
    return name;
  };

  let defaultCalendar = calendarRef(responses.calendar, ['responses', 'calendar']);
  if (defaultCalendar === null) {
    defaultCalendar = STANDARD_CALENDAR_NAME;
    calendars[STANDARD_CALENDAR_NAME] ??= standardCalendar(timeZone);
  }

  const defaultTargets = checkTargets(responses.targets, ['responses', 'targets'], problems);
  const warnBefore: DurationSchema = responses.warnBefore ?? DEFAULT_WARN_BEFORE;
  if (responses.warnBefore?.days !== undefined)
    problems.add(['responses', 'warnBefore', 'days'], 'give the warning lead in hours or minutes');

  const party = (
    raw: {
      calendar?: string;
      onCall?: OnCallSchema;
      notifyEmail?: string;
      templates?: Record<string, unknown>;
    },
    path: PathSegment[],
  ): PartyResponseSettings => {
    let phone: string | null = null;
    // Not a string (a bare number, or null) is the schema's to report; toE164 would throw.
    if (typeof raw.onCall?.phone === 'string') {
      phone = toE164(raw.onCall.phone);
      if (!phone) problems.add([...path, 'onCall', 'phone'], 'is not a phone number');
    }
    return {
      calendar: calendarRef(raw.calendar, [...path, 'calendar']),
      onCall: { phone, email: raw.onCall?.email ?? null },
      notifyEmail: raw.notifyEmail ?? null,
      templates: checkTemplates(raw.templates, [...path, 'templates'], problems),
    };
  };

  const parties: Record<string, PartyResponseSettings> = {
    [file.authority.code]: party(file.authority, ['authority']),
  };
  file.organisations.forEach((organisation, index) => {
    parties[organisation.code] = party(organisation, ['organisations', index]);
  });

  const contracts: ResponseSettings['contracts'] = {};
  file.contracts.forEach((contract, index) => {
    const at = ['contracts', index];
    contracts[contract.code] = {
      calendar: calendarRef(contract.calendar, [...at, 'calendar']),
      targets: checkPartialTargets(contract.targets, [...at, 'targets'], problems),
      acknowledge: contract.acknowledge ?? null,
    };
  });

  return {
    calendars,
    defaults: {
      calendar: defaultCalendar,
      targets: defaultTargets,
      warnBefore: { hours: warnBefore.hours, minutes: warnBefore.minutes },
      legalWarnDays: responses.legalWarnDays ?? DEFAULT_LEGAL_WARN_DAYS,
      acknowledge: responses.acknowledge ?? 'always',
      templates: checkTemplates(responses.templates, ['responses', 'templates'], problems),
    },
    parties,
    contracts,
  };
}

const CALENDAR_FIELDS: readonly string[] = ['timeZone', 'weekly', 'holidays', 'exceptions'];

function checkCalendars(
  raw: Record<string, unknown> | undefined,
  timeZone: string,
  problems: ProblemSink,
): Record<string, CalendarDefinition> {
  const calendars: Record<string, CalendarDefinition> = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    const path = ['calendars', name];
    if (!/^[a-z][a-z0-9-]{0,63}$/.test(name)) {
      problems.add(path, 'a calendar name must be kebab-case');
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.add(path, 'must be a mapping {weekly, holidays, exceptions}');
      continue;
    }
    // Like every other field of the file: a misspelt `exception:` must not vanish silently.
    const unknown = Object.keys(value).filter((key) => !CALENDAR_FIELDS.includes(key));
    for (const key of unknown) problems.add([...path, key], 'is not a known field');
    // The area's zone unless the calendar names its own; no exceptions is an empty list.
    const definition = { timeZone, exceptions: [], ...value } as unknown as CalendarDefinition;
    // A calendar that inherits a bad area zone is not wrong itself: area.timeZone says it.
    const inherits = !('timeZone' in value);
    const issues = validateCalendar(definition).filter(
      (issue) => !(inherits && issue.path === 'timeZone'),
    );
    // Deadlines are counted in open time: a calendar that never opens could not give one.
    if (!issues.length && Object.values(definition.weekly).every((day) => day.length === 0))
      issues.push({
        path: 'weekly',
        reason: 'opens on no weekday; a calendar must open every week',
      });
    for (const issue of issues) problems.add([...path, ...pathSegments(issue.path)], issue.reason);
    if (!issues.length && !unknown.length) calendars[name] = definition;
  }
  return calendars;
}

function checkDuration(
  duration: DurationSchema,
  path: PathSegment[],
  problems: ProblemSink,
): DurationSchema {
  const { days = 0, hours = 0, minutes = 0 } = duration;
  if (days + hours + minutes <= 0) problems.add(path, 'must be longer than zero');
  return { days: duration.days, hours: duration.hours, minutes: duration.minutes };
}

function checkPartialTargets(
  raw: TargetsSchema | undefined,
  path: PathSegment[],
  problems: ProblemSink,
): Partial<ResponseTargets> {
  const targets: Partial<ResponseTargets> = {};
  if (raw?.firstResponse)
    targets.firstResponse = checkDuration(raw.firstResponse, [...path, 'firstResponse'], problems);
  if (raw?.resolution)
    targets.resolution = checkDuration(raw.resolution, [...path, 'resolution'], problems);
  return targets;
}

function checkTargets(
  raw: TargetsSchema | undefined,
  path: PathSegment[],
  problems: ProblemSink,
): ResponseTargets {
  return { ...DEFAULT_RESPONSE_TARGETS, ...checkPartialTargets(raw, path, problems) };
}

function checkTemplates(
  raw: Record<string, unknown> | undefined,
  path: PathSegment[],
  problems: ProblemSink,
): TemplateOverrides {
  if (raw === undefined) return {};
  const issues = validateTemplateOverrides(raw, 'templates');
  for (const issue of issues) {
    // The validator's paths start with `templates`; the sink wants the file's own path.
    problems.add([...path, ...pathSegments(issue.path).slice(1)], issue.reason);
  }
  return issues.length ? {} : raw;
}
