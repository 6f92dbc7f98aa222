import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
} from '../infra/errors/app-error';
import type { FieldError } from '../infra/errors/app-error';

/** No such case, or one the viewer may not know of: the two look the same on purpose. */
export class CaseUnavailableError extends NotFoundError {
  static readonly CODE = 'inbox.case-not-found';
  constructor() {
    super(CaseUnavailableError.CODE, 'No case with that reference is open to you.');
  }
}

export const CASE_ACTION_REFUSALS = ['read-only', 'supervisors-only'] as const;
export type CaseActionRefusal = (typeof CASE_ACTION_REFUSALS)[number];

/** The viewer may see the case but not do this to it. */
export class CaseActionForbiddenError extends ForbiddenError {
  constructor(readonly refusal: CaseActionRefusal) {
    super(
      `inbox.${refusal}`,
      refusal === 'read-only'
        ? 'Forum members read cases but do not work them.'
        : 'Only a supervisor or an admin assigns cases to others.',
    );
  }
}

export const CASE_STATE_CONFLICTS = [
  'already-resolved',
  'not-resolved',
  'closed',
  'already-assigned',
  'same-category',
  'same-tags',
  'no-contact',
  'merged',
  'target-closed',
] as const;
export type CaseStateConflict = (typeof CASE_STATE_CONFLICTS)[number];

const CONFLICT_MESSAGES: Record<CaseStateConflict, string> = {
  'already-resolved': 'The case is already resolved or closed.',
  'not-resolved': 'Only a resolved or closed case can be reopened.',
  closed: 'The case is resolved or closed; reopen it first.',
  'already-assigned': 'The case is already assigned to that person.',
  'same-category': 'The case already has that category.',
  'no-contact': 'The traveller left no way to reach them, so nothing can be sent.',
  'same-tags': 'The case already has those tags.',
  merged: 'The case was merged into another as a duplicate; work that case instead.',
  'target-closed': 'A duplicate can only be merged into an open case that is not itself merged.',
};

/** The action does not fit the case as it stands now: nothing was changed. */
export class CaseStateConflictError extends ConflictError {
  constructor(readonly conflict: CaseStateConflict) {
    super(`inbox.${conflict}`, CONFLICT_MESSAGES[conflict]);
  }
}

/** A field of an action's form or body is missing or wrong; each one named. */
export class CaseActionInvalidError extends InvalidInputError {
  static readonly CODE = 'inbox.action-invalid';
  constructor(errors: FieldError[]) {
    super(CaseActionInvalidError.CODE, 'The action is not valid.', errors);
  }
}
