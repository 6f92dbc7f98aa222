/** Failed sign-ins in a row after which an account is locked. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60_000;
/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 12 * 3600_000;
/** …and this long after sign-in, however busy. */
export const SESSION_MAX_AGE_MS = 7 * 24 * 3600_000;
/** last_seen_at is written at most this often, so that most requests only read. */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

export interface LockoutState {
  failedSignIns: number;
  lockedUntil: Date | null;
}

export function isLocked(state: LockoutState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/**
 * The account's state after one more wrong password. A lock that has run out starts the
 * count again; the failure that reaches the limit locks the account for LOCKOUT_MS.
 * Attempts during a lock are not counted (they cannot succeed), so they do not extend it.
 */
export function afterFailedSignIn(state: LockoutState, now: Date): LockoutState {
  if (isLocked(state, now)) return state;
  const previous = state.lockedUntil === null ? state.failedSignIns : 0;
  const failedSignIns = previous + 1;
  return {
    failedSignIns,
    lockedUntil: failedSignIns >= MAX_FAILED_SIGN_INS ? new Date(now.getTime() + LOCKOUT_MS) : null,
  };
}

export interface SessionTimes {
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
}

export function newSessionTimes(now: Date): SessionTimes {
  return {
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_MS),
    lastSeenAt: now,
  };
}

/** A session last seen before this instant has gone idle. */
export function idleCutoff(now: Date): Date {
  return new Date(now.getTime() - SESSION_IDLE_MS);
}

/** After the right password: the count starts again, unless a lock is still on (then nothing changes). */
export function afterRightPassword(state: LockoutState, now: Date): LockoutState {
  if (isLocked(state, now)) return state;
  if (state.failedSignIns === 0 && state.lockedUntil === null) return state;
  return { failedSignIns: 0, lockedUntil: null };
}
