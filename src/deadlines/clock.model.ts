import type { BusinessCalendar, BusinessDuration, Pause } from '../calendar/calendar.model';

/**
 * The deadline clocks of a case. `first-response` and `resolution` are the contract's
 * targets in business time; `legal-reply` and `legal-final` are the statutory deadlines in
 * calendar time, present only when the contract falls under a passenger-rights regime.
 */
export const CLOCK_KINDS = ['first-response', 'resolution', 'legal-reply', 'legal-final'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

/** Bus: EU 181/2011 art. 27. Rail: EU 2021/782 art. 28. */
export const LEGAL_REGIMES = ['bus', 'rail'] as const;
export type LegalRegime = (typeof LEGAL_REGIMES)[number];

/**
 * Calendar months from receipt to the legal deadlines. Both regimes give a first answer
 * (or a status) within one month and the final answer within three.
 */
export const LEGAL_MONTHS: Readonly<Record<LegalRegime, { reply: number; final: number }>> = {
  bus: { reply: 1, final: 3 },
  rail: { reply: 1, final: 3 },
};

/** The contract's targets, counted in the responsible party's business time. */
export interface ResponseTargets {
  firstResponse: BusinessDuration;
  resolution: BusinessDuration;
}

/** How early a clock warns before it is due. */
export interface WarningLeads {
  /** Open time before a business deadline. */
  business: { hours?: number; minutes?: number };
  /** Calendar days before a legal deadline. */
  legalDays: number;
}

/** One planned clock; `dueAt` and `warnAt` are null while the clock is stopped by an open pause. */
export interface ClockPlan {
  kind: ClockKind;
  startedAt: Date;
  dueAt: Date | null;
  warnAt: Date | null;
}

/** A planned clock with what has happened to it so far, as the case stores it. */
export type TrackedClock = ClockPlan & {
  warnedAt: Date | null;
  breachedAt: Date | null;
  metAt: Date | null;
};

export const CLOCK_STATES = ['met', 'breached', 'paused', 'warning', 'running'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

/** Everything `planClocks` needs to know about a case. */
export interface ClockPlanInput {
  /** When the case arrived: the legal clocks start here and are never restarted. */
  receivedAt: Date;
  /** The arrival, or the latest transfer: the business clocks start here. */
  businessStart: Date;
  /** The responsible party's calendar; its zone also reckons the legal months. */
  calendar: BusinessCalendar;
  targets: ResponseTargets;
  regime: LegalRegime | null;
  /** Spans spent waiting for the traveller; an open one has no `to`. */
  pauses: readonly Pause[];
  leads: WarningLeads;
}
