/** The words of the case domain, shared by entities, DTOs and the channels. */
export const CASE_KINDS = [
  'complaint',
  'praise',
  'question',
  'suggestion',
  'delay-compensation',
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_CHANNELS = ['web', 'api', 'sms', 'open311'] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const CASE_STATUSES = [
  'new',
  'open',
  'waiting-for-traveller',
  'resolved',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const REPLY_CHANNELS = ['email', 'sms', 'none'] as const;
export type ReplyChannel = (typeof REPLY_CHANNELS)[number];

export const DESCRIPTION_MAX_LENGTH = 5000;
