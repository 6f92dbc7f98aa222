import { CASE_REFERENCE_PATTERN } from '../cases/case-reference';
import { TRANSFER_REASONS } from '../cases/case-transfer.entity';
import type { TransferReason } from '../cases/case-transfer.entity';
import type { FieldError } from '../infra/errors/app-error';

export const CASE_ACTIONS = [
  'claim',
  'assign',
  'reply',
  'ask',
  'note',
  'transfer',
  'category',
  'tags',
  'merge',
  'resolve',
  'reopen',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export function isCaseAction(value: unknown): value is CaseAction {
  return typeof value === 'string' && (CASE_ACTIONS as readonly string[]).includes(value);
}

export const OUTCOMES = ['upheld', 'partly-upheld', 'rejected', 'answered', 'forwarded'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** SMS: the sender caps a text at three parts, so a longer one would be cut. */
export const SMS_REPLY_MAX = 1600;
export const EMAIL_REPLY_MAX = 10_000;
export const NOTE_MAX = 10_000;
const SHORT_TEXT_MAX = 1000;

export type CaseActionInput =
  | { action: 'claim' }
  | { action: 'assign'; userId: string }
  | { action: 'reply' | 'ask'; body: string }
  | { action: 'note'; body: string; shared: boolean }
  | { action: 'transfer'; reason: TransferReason; note?: string; to?: string }
  | { action: 'category'; category: string }
  | { action: 'tags'; tags: Partial<CaseTags> }
  | { action: 'merge'; into: string }
  | { action: 'resolve'; outcome: Outcome; note?: string }
  | { action: 'reopen' };

const FIELDS: Record<CaseAction, readonly string[]> = {
  claim: [],
  assign: ['userId'],
  reply: ['body'],
  ask: ['body'],
  note: ['body', 'shared'],
  transfer: ['reason', 'note', 'to'],
  category: ['category'],
  tags: ['promises', 'focusAreas', 'rootCauses'],
  merge: ['into'],
  resolve: ['outcome', 'note'],
  reopen: [],
};

/** The three tag lists of a case, each a list of taxonomy codes. */
export interface CaseTags {
  promises: string[];
  focusAreas: string[];
  rootCauses: string[];
}
export const TAG_FIELDS = ['promises', 'focusAreas', 'rootCauses'] as const;
const MAX_TAGS = 20;
const TAG_CODE = /^[a-z][a-z0-9-]{0,63}$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/;

/**
 * Reads an action's fields from a form or a JSON body, for the page and the API alike.
 * Unknown fields are refused; every wrong field is named. Lengths that depend on the
 * case (a reply's channel) are checked by the service.
 */
export function parseCaseAction(
  action: CaseAction,
  raw: Record<string, unknown>,
): { input: CaseActionInput | null; errors: FieldError[] } {
  const errors: FieldError[] = Object.keys(raw)
    .filter((key) => !FIELDS[action].includes(key))
    .map((field) => ({ field, reason: 'is not a field of this action' }));
  const text = (field: string, max: number, required: boolean): string | undefined => {
    const value = raw[field];
    if (value === undefined || value === null || value === '') {
      if (required) errors.push({ field, reason: 'is required' });
      return undefined;
    }
    if (typeof value !== 'string') {
      errors.push({ field, reason: 'must be text' });
      return undefined;
    }
    const trimmed = value.trim();
    if (required && !trimmed) errors.push({ field, reason: 'is required' });
    else if (trimmed.length > max)
      errors.push({ field, reason: `must be at most ${max} characters` });
    return trimmed || undefined;
  };
  const oneOf = <T extends string>(field: string, values: readonly T[]): T | undefined => {
    const value = raw[field];
    if (typeof value === 'string' && (values as readonly string[]).includes(value))
      return value as T;
    errors.push({ field, reason: `must be one of ${values.join(', ')}` });
    return undefined;
  };
  const flag = (field: string): boolean => {
    const value = raw[field];
    if (value === undefined || value === null || value === '' || value === false) return false;
    if (value === true || value === 'on' || value === 'true') return true;
    errors.push({ field, reason: 'must be true or false' });
    return false;
  };
  // A form sends a list as repeated fields (and an empty hidden one so that none checked is
  // still an answer); JSON sends an array. Absent leaves that list as it is.
  const codes = (field: string): string[] | undefined => {
    const value = raw[field];
    if (value === undefined) return undefined;
    const list = (Array.isArray(value) ? value : [value]) as unknown[];
    if (list.some((item) => typeof item !== 'string')) {
      errors.push({ field, reason: 'must be a list of codes' });
      return undefined;
    }
    const given = [...new Set((list as string[]).map((item) => item.trim()).filter(Boolean))];
    const wrong = given.find((item) => !TAG_CODE.test(item));
    if (wrong) errors.push({ field, reason: `${wrong.slice(0, 70)} is not a code` });
    else if (given.length > MAX_TAGS)
      errors.push({ field, reason: `must name at most ${MAX_TAGS} codes` });
    return given;
  };
  const matching = (field: string, pattern: RegExp, reason: string, required: boolean) => {
    const value = text(field, 100, required);
    if (value !== undefined && !pattern.test(value)) errors.push({ field, reason });
    return value;
  };

  let input: CaseActionInput;
  switch (action) {
    case 'claim':
    case 'reopen':
      input = { action };
      break;
    case 'assign':
      input = { action, userId: matching('userId', UUID, 'must be a user id', true) ?? '' };
      break;
    case 'reply':
    case 'ask':
      // The longest any channel allows; the case's own channel may allow less.
      input = { action, body: text('body', EMAIL_REPLY_MAX, true) ?? '' };
      break;
    case 'note':
      input = { action, body: text('body', NOTE_MAX, true) ?? '', shared: flag('shared') };
      break;
    case 'tags': {
      const tags: Partial<CaseTags> = {};
      for (const field of TAG_FIELDS) {
        const given = codes(field);
        if (given) tags[field] = given;
      }
      if (!Object.keys(tags).length && !errors.length)
        errors.push({ field: 'promises', reason: 'give promises, focusAreas or rootCauses' });
      input = { action, tags };
      break;
    }
    case 'merge':
      input = {
        action,
        into: matching('into', CASE_REFERENCE_PATTERN, 'must be a case reference', true) ?? '',
      };
      break;
    case 'transfer':
      input = {
        action,
        reason: oneOf('reason', TRANSFER_REASONS) ?? 'other',
        note: text('note', SHORT_TEXT_MAX, false),
        to: matching('to', CODE, 'must be an organisation code', false)?.toUpperCase(),
      };
      break;
    case 'category':
      input = {
        action,
        category: matching('category', CODE, 'must be a category code', true) ?? '',
      };
      break;
    case 'resolve':
      input = {
        action,
        outcome: oneOf('outcome', OUTCOMES) ?? 'answered',
        note: text('note', SHORT_TEXT_MAX, false),
      };
      break;
  }
  return errors.length ? { input: null, errors } : { input, errors };
}
